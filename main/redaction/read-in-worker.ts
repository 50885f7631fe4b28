import type { OcrMode, ReadProgress } from './ocr-read.js';
import { runWorkerJob, type JobThread } from './run-in-worker.js';
import type { PageText } from './types.js';
import { isReadReply, type ReadRequest } from './worker-protocol.js';

export interface ReadInWorkerOptions extends JobThread {
  ocr: OcrMode;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
}

/**
 * `readDocument` in the redaction worker thread: rendering pages at 300 dpi for OCR never stalls the
 * main process, and aborting the signal terminates the thread (and with it tesseract's own) at once.
 */
export function readInWorker(pdf: Uint8Array, options: ReadInWorkerOptions): Promise<PageText[]> {
  const { onProgress } = options;
  return runWorkerJob<PageText[]>(
    pdf,
    (copy): ReadRequest => ({ kind: 'read', pdf: copy, ocr: options.ocr }),
    (message) => {
      if (!isReadReply(message)) return null;
      if (message.type === 'progress') return { progress: () => onProgress?.({ done: message.done, total: message.total, ocr: message.ocr }) };
      if (message.type === 'read') return { result: message.pages };
      return { failure: message.failure };
    },
    options,
  );
}
