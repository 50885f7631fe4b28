/** The redaction engine: plain Node, no Electron; heavy work can go to a worker (run-in-worker.ts). */
export { applyRedactions, redactDocument } from './apply.js';
export { RedactionError, type RedactionFailure } from './errors.js';
export { extractText } from './extract.js';
export { boxesForRange, findRedactions, type FindOptions } from './find.js';
export { ocrAssets, OcrEngine } from './ocr.js';
export { asOcrText, ocrLayers, readDocument, searchablePages, textLayerOf, withOcr, type OcrMode, type ReadOptions, type ReadProgress } from './ocr-read.js';
export { readInWorker } from './read-in-worker.js';
export { loadPdfium } from './pdfium.js';
export { redactInWorker, runRedactionInWorker, stopWarmWorkers, takeWorker, warmWorker } from './run-in-worker.js';
export * from './types.js';
