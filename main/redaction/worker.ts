import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { redactDocument } from './apply.js';
import { RedactionError } from './errors.js';
import { readDocument } from './ocr-read.js';
import { warmUp } from './warm-up.js';
import { isReadRequest, isWorkerRequest, WARM, type ReadReply, type WorkerReply } from './worker-protocol.js';

/**
 * Worker-thread entry of the redaction engine: requests of one job in turn (reading, then
 * redacting), progress messages, an answer to each; the parent ends the thread when its job is done
 * or cancelled, which also frees the PDFium heap of this thread at once. A thread started ahead warms
 * up first (warm-up.ts), so it is ready when its job comes.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
// A spare thread (started ahead, see warmWorker) first does a small job of its own; a failure there
// comes back at the first real use, as that request's answer.
const ready = workerData === WARM ? warmUp().catch(() => undefined) : Promise.resolve();

port.on('message', (request: unknown) => void ready.then(() => answer(port, request)));

function answer(port: MessagePort, request: unknown): void {
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
}
