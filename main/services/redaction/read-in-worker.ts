import { RedactionError } from './errors.js';
import type { OcrMode, ReadProgress } from './ocr-read.js';
import { startWorker } from './run-in-worker.js';
import type { PageText } from './types.js';
import { isReadReply, type ReadRequest } from './worker-protocol.js';

export interface ReadInWorkerOptions {
  ocr: OcrMode;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
  workerUrl?: URL | undefined;
}

/**
 * `readDocument` in the redaction worker thread: rendering pages at 300 dpi for OCR never stalls the
 * main process, and aborting the signal terminates the thread (and with it tesseract's own) at once.
 */
export function readInWorker(pdf: Uint8Array, options: ReadInWorkerOptions): Promise<PageText[]> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new RedactionError('cancelled'));
  return new Promise<PageText[]>((resolve, reject) => {
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
      if (!isReadReply(message)) return;
      if (message.type === 'progress') {
        try {
          onProgress?.({ done: message.done, total: message.total, ocr: message.ocr });
        } catch (error) {
          finish(() => reject(new RedactionError('failed', { cause: error })));
        }
      } else if (message.type === 'read') finish(() => resolve(message.pages));
      else finish(() => reject(new RedactionError(message.failure)));
    });
    worker.on('error', (error) => finish(() => reject(new RedactionError('failed', { cause: error }))));
    worker.on('exit', (code) => finish(() => reject(new RedactionError('failed', { cause: `worker stopped with code ${String(code)}` }))));
    const copy = new Uint8Array(pdf.byteLength);
    copy.set(pdf);
    const request: ReadRequest = { kind: 'read', pdf: copy, ocr: options.ocr };
    worker.postMessage(request, [copy.buffer]);
  });
}
