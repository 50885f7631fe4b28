import { Worker } from 'node:worker_threads';
import { RedactionError } from './errors.js';
import { isWorkerReply, type WorkerRequest } from './worker-protocol.js';
import type { ApplyOptions, Redaction, RedactionOutcome } from './types.js';

export interface WorkerOptions extends ApplyOptions {
  /**
   * The compiled worker entry. By default `worker.js` next to this module. A bundled build must emit
   * worker.ts as its own entry and pass its URL here if it does not land next to this module.
   */
  workerUrl?: URL | undefined;
}

/**
 * When this module itself runs as TypeScript (vitest, `tsx`), the worker must load worker.ts too.
 * On Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's entry module (it fails with
 * ERR_UNKNOWN_FILE_EXTENSION), so a two-line JavaScript bootstrap loads it through tsx's `tsImport`.
 */
export function startWorker(workerUrl: URL | undefined): Worker {
  if (workerUrl) return new Worker(workerUrl);
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))
    .catch((error) => { console.error(error); process.exit(70); });`;
  return new Worker(boot, { eval: true });
}

/** `redactInWorker`, the file only. */
export async function runRedactionInWorker(pdf: Uint8Array, redactions: readonly Redaction[], options: WorkerOptions = {}): Promise<Buffer> {
  return (await redactInWorker(pdf, redactions, options)).pdf;
}

/**
 * `redactDocument` in a worker thread, so rendering hundreds of pages never stalls the main process.
 * Progress arrives as messages; aborting the signal terminates the thread at once (no partial file).
 */
export function redactInWorker(pdf: Uint8Array, redactions: readonly Redaction[], options: WorkerOptions = {}): Promise<RedactionOutcome> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new RedactionError('cancelled'));
  return new Promise<RedactionOutcome>((resolve, reject) => {
    const worker = startWorker(options.workerUrl);
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(new RedactionError('cancelled')));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: unknown) => {
      if (!isWorkerReply(message)) return;
      if (message.type === 'progress') {
        try {
          onProgress?.({ done: message.done, total: message.total });
        } catch (error) {
          // A throwing listener would otherwise be an uncaught exception in the main process.
          finish(() => reject(new RedactionError('failed', { cause: error })));
        }
      } else if (message.type === 'done') {
        const { pages, repaired, unlocked } = message;
        finish(() => resolve({ pdf: Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength), pages, repaired, unlocked }));
      }
      else finish(() => reject(new RedactionError(message.failure)));
    });
    worker.on('error', (error) => finish(() => reject(new RedactionError('failed', { cause: error }))));
    worker.on('exit', (code) => finish(() => reject(new RedactionError('failed', { cause: `worker stopped with code ${String(code)}` }))));
    // A private copy whose memory moves to the worker instead of being cloned.
    const copy = new Uint8Array(pdf.byteLength);
    copy.set(pdf);
    const request: WorkerRequest = { pdf: copy, redactions: [...redactions], dpi: options.dpi, ocr: options.ocr ? [...options.ocr] : undefined };
    worker.postMessage(request, [copy.buffer]);
  });
}
