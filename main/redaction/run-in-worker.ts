import { Worker } from 'node:worker_threads';
import { RedactionError, type RedactionFailure } from './errors.js';
import { isWorkerReply, WARM, type WorkerRequest } from './worker-protocol.js';
import type { ApplyOptions, Redaction, RedactionOutcome } from './types.js';

export interface WorkerOptions extends ApplyOptions {
  /**
   * The compiled worker entry. By default `worker.js` next to this module. A bundled build must emit
   * worker.ts as its own entry and pass its URL here if it does not land next to this module.
   */
  workerUrl?: URL | undefined;
  /** A thread the caller took for several steps (see JobThread). */
  worker?: Worker | undefined;
}

/**
 * When this module itself runs as TypeScript (vitest, `tsx`), the worker must load worker.ts too.
 * On Node 20 `execArgv: ['--import', 'tsx']` does not reach a worker's entry module (it fails with
 * ERR_UNKNOWN_FILE_EXTENSION), so a two-line JavaScript bootstrap loads it through tsx's `tsImport`.
 */
function startWorker(workerUrl: URL | undefined, workerData?: string): Worker {
  if (workerUrl) return new Worker(workerUrl, { workerData });
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))
    .catch((error) => { console.error(error); process.exit(70); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Threads started ahead, one per worker entry: their modules are loaded and PDFium is ready before a
 * job needs them (starting one costs about a second, far more than a short document's pages). Only
 * where `warmWorker` was called (the app after sign-in, not the CLI or a test): an idle thread holds
 * memory. A spare holds no document; each job still gets a thread of its own that ends with it.
 */
const spares = new Map<string, { worker: Worker; drop: () => void }>();
const warmed = new Set<string>();

const entryKey = (workerUrl: URL | undefined) => workerUrl?.href ?? '';

/** Starts a spare thread for `workerUrl` if there is none, and keeps one ready after each job takes it. */
export function warmWorker(workerUrl: URL | undefined): void {
  const key = entryKey(workerUrl);
  warmed.add(key);
  if (spares.has(key)) return;
  const worker = startWorker(workerUrl, WARM);
  // An idle spare never keeps a process alive.
  worker.unref();
  const drop = () => {
    if (spares.get(key)?.worker === worker) spares.delete(key);
  };
  worker.once('error', drop).once('exit', drop);
  spares.set(key, { worker, drop });
}

/** Ends the spare threads and stops replacing them (the backend closes). */
export function stopWarmWorkers(): void {
  warmed.clear();
  for (const { worker } of spares.values()) void worker.terminate();
  spares.clear();
}

/** A thread for one job: the warm spare if there is one (and a new spare starts for the next job), else a new thread. */
export function takeWorker(workerUrl: URL | undefined): Worker {
  const key = entryKey(workerUrl);
  const spare = spares.get(key);
  if (!spare) return startWorker(workerUrl);
  spares.delete(key);
  const { worker, drop } = spare;
  worker.off('error', drop).off('exit', drop).ref();
  if (warmed.has(key)) warmWorker(workerUrl);
  return worker;
}

/** `redactInWorker`, the file only. */
export async function runRedactionInWorker(pdf: Uint8Array, redactions: readonly Redaction[], options: WorkerOptions = {}): Promise<Buffer> {
  return (await redactInWorker(pdf, redactions, options)).pdf;
}

/**
 * Where a job runs: by default a thread of its own (a warm spare where there is one); a job of
 * several steps passes the thread it took (`takeWorker`) to each and ends it itself.
 */
export interface JobThread {
  signal?: AbortSignal | undefined;
  workerUrl?: URL | undefined;
  worker?: Worker | undefined;
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
  options: JobThread,
): Promise<R> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new RedactionError('cancelled'));
  return new Promise<R>((resolve, reject) => {
    const worker = options.worker ?? takeWorker(options.workerUrl);
    let settled = false;
    const finish = (settle: () => void, done = false) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      // A thread the caller lent stays for its next step; any other ending, or a thread of our own, ends it.
      if (!(done && options.worker)) void worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(new RedactionError('cancelled')));
    signal?.addEventListener('abort', onAbort, { once: true });
    const onMessage = (message: unknown) => {
      const next = step(message);
      if (next === null) return;
      if ('progress' in next) {
        try {
          next.progress();
        } catch (error) {
          // A throwing listener would otherwise be an uncaught exception in the main process.
          finish(() => reject(new RedactionError('failed', { cause: error })));
        }
      } else if ('result' in next) finish(() => resolve(next.result), true);
      else finish(() => reject(new RedactionError(next.failure)));
    };
    const onError = (error: Error) => finish(() => reject(new RedactionError('failed', { cause: error })));
    const onExit = (code: number) => finish(() => reject(new RedactionError('failed', { cause: `worker stopped with code ${String(code)}` })));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
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
