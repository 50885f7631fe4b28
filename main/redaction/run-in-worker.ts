import { Worker } from 'node:worker_threads';
import { RedactionError, type RedactionFailure } from './errors.js';
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

/** What one message from the worker means for the job: progress to pass on, the result, or a failure. */
export type WorkerStep<R> = { progress: () => void } | { result: R } | { failure: RedactionFailure } | null;

/**
 * One job in its own worker thread: the PDF's memory moves to the worker (a private copy, not a
 * clone), `step` reads each reply, and aborting the signal terminates the thread at once (no partial
 * file). Every way the worker can end settles the promise exactly once.
 */
export function runWorkerJob<R>(
  pdf: Uint8Array,
  request: (copy: Uint8Array) => unknown,
  step: (message: unknown) => WorkerStep<R>,
  options: { signal?: AbortSignal | undefined; workerUrl?: URL | undefined },
): Promise<R> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new RedactionError('cancelled'));
  return new Promise<R>((resolve, reject) => {
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
      const next = step(message);
      if (next === null) return;
      if ('progress' in next) {
        try {
          next.progress();
        } catch (error) {
          // A throwing listener would otherwise be an uncaught exception in the main process.
          finish(() => reject(new RedactionError('failed', { cause: error })));
        }
      } else if ('result' in next) finish(() => resolve(next.result));
      else finish(() => reject(new RedactionError(next.failure)));
    });
    worker.on('error', (error) => finish(() => reject(new RedactionError('failed', { cause: error }))));
    worker.on('exit', (code) => finish(() => reject(new RedactionError('failed', { cause: `worker stopped with code ${String(code)}` }))));
    const copy = new Uint8Array(pdf.byteLength);
    copy.set(pdf);
    worker.postMessage(request(copy), [copy.buffer]);
  });
}

/**
 * `redactDocument` in a worker thread, so rendering hundreds of pages never stalls the main process.
 * Progress arrives as messages.
 */
export function redactInWorker(pdf: Uint8Array, redactions: readonly Redaction[], options: WorkerOptions = {}): Promise<RedactionOutcome> {
  const { onProgress } = options;
  return runWorkerJob<RedactionOutcome>(
    pdf,
    (copy): WorkerRequest => ({ pdf: copy, redactions: [...redactions], dpi: options.dpi, ocr: options.ocr ? [...options.ocr] : undefined }),
    (message) => {
      if (!isWorkerReply(message)) return null;
      if (message.type === 'progress') return { progress: () => onProgress?.({ done: message.done, total: message.total }) };
      if (message.type === 'error') return { failure: message.failure };
      const { pages, repaired, unlocked } = message;
      return { result: { pdf: Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength), pages, repaired, unlocked } };
    },
    options,
  );
}
