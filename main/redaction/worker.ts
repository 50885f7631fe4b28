import { parentPort } from 'node:worker_threads';
import { redactDocument } from './apply.js';
import { RedactionError } from './errors.js';
import { readDocument } from './ocr-read.js';
import { isReadRequest, isWorkerRequest, type ReadReply, type WorkerReply } from './worker-protocol.js';

/**
 * Worker-thread entry of the redaction engine: one request, progress messages, one answer, then
 * the thread ends. Cancelling is done by the parent terminating the thread, which also frees the
 * PDFium heap of this thread at once.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

port.once('message', (request: unknown) => {
  const reply = (message: WorkerReply | ReadReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  if (isReadRequest(request)) {
    readDocument(request.pdf, { ocr: request.ocr, onProgress: (p) => reply({ type: 'progress', ...p }) }).then(
      (pages) => reply({ type: 'read', pages }),
      (error: unknown) => reply({ type: 'error', failure: error instanceof RedactionError ? error.failure : 'failed' }),
    );
    return;
  }
  if (!isWorkerRequest(request)) {
    reply({ type: 'error', failure: 'invalid-redaction' });
    return;
  }
  redactDocument(request.pdf, request.redactions, { dpi: request.dpi, ocr: request.ocr, onProgress: (p) => reply({ type: 'progress', ...p }) }).then(
    ({ pdf, pages, repaired, unlocked }) => {
      const out = new Uint8Array(pdf.byteLength);
      out.set(pdf);
      reply({ type: 'done', pdf: out, pages, repaired, unlocked }, [out.buffer]);
    },
    (error: unknown) => reply({ type: 'error', failure: error instanceof RedactionError ? error.failure : 'failed' }),
  );
});
