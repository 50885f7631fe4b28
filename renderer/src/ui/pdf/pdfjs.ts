import type * as Pdfjs from 'pdfjs-dist';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

export type PdfjsModule = typeof Pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

/** The folder vite.renderer.config.ts copies pdf.js's standard fonts to, next to index.html. */
const STANDARD_FONTS_DIR = 'pdfjs/standard_fonts/';

let loading: Promise<PdfjsModule> | null = null;

/**
 * pdf.js, loaded on first use: it is large, and only the dossier and redaction tabs need it, so it
 * stays out of the main bundle. Its worker is a file of our own origin, which the CSP allows.
 */
export function loadPdfjs(): Promise<PdfjsModule> {
  if (loading === null) {
    const started = import('pdfjs-dist').then((pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      return pdfjs;
    });
    // A failed load (e.g. the chunk could not be read) is tried again next time.
    started.catch(() => {
      if (loading === started) loading = null;
    });
    loading = started;
  }
  return loading;
}

/** Bytes of a base64 string (the API carries files as base64). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export interface OpenedPdf {
  promise: Promise<PDFDocumentProxy>;
  /** Stops loading, or frees the document and its worker once loaded. */
  destroy: () => void;
}

/**
 * Opens a PDF given as base64. No eval (the CSP forbids it: `isEvalSupported: false`), no XFA, no
 * scripts (pdf.js never runs a document's JavaScript in this mode), only errors logged.
 */
export function openPdf(dataBase64: string): OpenedPdf {
  let task: PDFDocumentLoadingTask | null = null;
  let destroyed = false;
  const promise = loadPdfjs().then((pdfjs) => {
    if (destroyed) throw new Error('The document was closed while loading.');
    task = pdfjs.getDocument({
      data: base64ToBytes(dataBase64),
      isEvalSupported: false,
      enableXfa: false,
      // The standard 14 fonts from pdf.js's own files (metric-compatible, the same on every
      // machine) rather than whatever the system has: text then sits where the PDF puts it. The
      // desktop app loads from file://, which fetch cannot read: there the system's fonts serve.
      standardFontDataUrl: new URL(STANDARD_FONTS_DIR, document.baseURI).href,
      useSystemFonts: location.protocol === 'file:',
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    return task.promise;
  });
  return {
    promise,
    destroy: () => {
      destroyed = true;
      void task?.destroy();
    },
  };
}
