import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker as TesseractWorker } from 'tesseract.js';
import { RedactionError } from './errors.js';

/**
 * Offline OCR with tesseract.js and the Dutch model that ships with the app. Everything it loads
 * comes from node_modules: the worker script, the WebAssembly core (which the Node worker script
 * `require`s itself, never from a URL) and the traineddata. Nothing is downloaded, and with
 * `cacheMethod: 'none'` nothing is written: by default tesseract.js would store the unpacked model in
 * the working directory. The image goes to tesseract's in-memory file system only.
 */

// Not named `require`: the bundle adds a module-level `require` of its own (electron-vite's CommonJS shim).
const resolver = createRequire(import.meta.url);

/**
 * In the packaged app these packages sit in app.asar.unpacked (electron-builder.yml): a worker
 * thread and the WebAssembly loader read real files, not entries of the archive.
 */
function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/u, '$1app.asar.unpacked$2');
}

export interface OcrAssets {
  /** The folder holding nld.traineddata.gz (the LSTM-only "best_int" model). */
  langPath: string;
  /** tesseract.js's Node worker script. */
  workerPath: string;
  /** The folder of tesseract.js-core, whose builds the worker script picks from. */
  corePath: string;
}

export function ocrAssets(): OcrAssets {
  const data = dirname(resolver.resolve('@tesseract.js-data/nld/package.json'));
  const tesseract = dirname(resolver.resolve('tesseract.js/package.json'));
  const core = dirname(resolver.resolve('tesseract.js-core/package.json'));
  return {
    langPath: unpacked(join(data, '4.0.0_best_int')),
    workerPath: unpacked(join(tesseract, 'src', 'worker-script', 'node', 'index.js')),
    corePath: unpacked(core),
  };
}

/** 8-bit grey pixels, rows top to bottom, no padding. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A word as tesseract read it, in pixels of the image (top-left origin). */
export interface OcrWord {
  text: string;
  /** 0 … 100 */
  confidence: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Words with the same number are on one line, in reading order. */
  line: number;
}

/** Portable graymap: leptonica reads it as is, so no PNG has to be encoded and decoded per page. */
function pgm(image: GrayImage): Uint8Array {
  const header = Buffer.from(`P5\n${String(image.width)} ${String(image.height)}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header);
  out.set(image.data, header.length);
  return out;
}

/**
 * One tesseract worker (its own worker thread). Start it once per document: loading the model
 * costs about as much as reading a page. `close` ends the thread; so does aborting the signal given
 * to `start`, which makes a running `recognize` reject with `cancelled`.
 */
export class OcrEngine {
  private closed = false;
  private readonly stop: () => void;

  private constructor(
    private readonly worker: TesseractWorker,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.stop = () => void this.close();
    signal?.addEventListener('abort', this.stop, { once: true });
  }

  static async start(signal?: AbortSignal): Promise<OcrEngine> {
    if (signal?.aborted) throw new RedactionError('cancelled');
    const assets = ocrAssets();
    let worker: TesseractWorker;
    try {
      worker = await createWorker('nld', OEM.LSTM_ONLY, {
        langPath: assets.langPath,
        workerPath: assets.workerPath,
        corePath: assets.corePath,
        cacheMethod: 'none',
        gzip: true,
        workerBlobURL: false,
        // tesseract.js logs to the console by default; page content must never reach a log.
        logger: () => undefined,
        errorHandler: () => undefined,
      });
    } catch (error) {
      throw new RedactionError('ocr-failed', { cause: error });
    }
    const engine = new OcrEngine(worker, signal);
    if (signal?.aborted) {
      await engine.close();
      throw new RedactionError('cancelled');
    }
    return engine;
  }

  async recognize(image: GrayImage): Promise<OcrWord[]> {
    if (this.closed) throw new RedactionError(this.signal?.aborted ? 'cancelled' : 'ocr-failed');
    let result;
    try {
      result = await this.worker.recognize(pgm(image), {}, { blocks: true, text: false });
    } catch (error) {
      throw new RedactionError(this.signal?.aborted ? 'cancelled' : 'ocr-failed', { cause: error });
    }
    const words: OcrWord[] = [];
    let line = 0;
    for (const block of result.data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const l of paragraph.lines) {
          for (const w of l.words) {
            const text = w.text.trim();
            if (text.length > 0 && w.bbox.x1 > w.bbox.x0 && w.bbox.y1 > w.bbox.y0)
              words.push({ text, confidence: w.confidence, left: w.bbox.x0, top: w.bbox.y0, right: w.bbox.x1, bottom: w.bbox.y1, line });
          }
          line++;
        }
      }
    }
    return words;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signal?.removeEventListener('abort', this.stop);
    await this.worker.terminate().catch(() => undefined);
  }
}
