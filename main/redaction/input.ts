import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { RedactionError } from './errors.js';
import { PdfiumDocument } from './pdfium.js';
import { MAX_INPUT_BYTES, MAX_PAGES } from './types.js';

const HEADER_WINDOW = 1024;
/** Readers accept trailing bytes after %%EOF (scanners append some); a file without one was cut off. */
const EOF_WINDOW = 4096;

/** Cheap checks before any parser sees the bytes. */
export function checkBytes(pdf: Uint8Array): void {
  if (pdf.length === 0) throw new RedactionError('empty');
  if (pdf.length > MAX_INPUT_BYTES) throw new RedactionError('too-large');
  const head = Buffer.from(pdf.buffer, pdf.byteOffset, Math.min(pdf.length, HEADER_WINDOW)).toString('latin1');
  if (!head.includes('%PDF-')) throw new RedactionError('not-pdf');
  const tail = Buffer.from(pdf.buffer, pdf.byteOffset + Math.max(0, pdf.length - EOF_WINDOW), Math.min(pdf.length, EOF_WINDOW)).toString('latin1');
  if (!tail.includes('%%EOF')) throw new RedactionError('corrupt', { cause: 'no %%EOF near the end: truncated' });
}

/**
 * Whether the cross-reference data is where the file says: `startxref` points at an `xref` table or
 * an object (a cross-reference stream). If not, PDFium rebuilt it by scanning the file (a repair).
 */
export function xrefIntact(pdf: Uint8Array): boolean {
  const tail = Buffer.from(pdf.buffer, pdf.byteOffset + Math.max(0, pdf.length - EOF_WINDOW), Math.min(pdf.length, EOF_WINDOW)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF/u.exec(tail.slice(tail.lastIndexOf('startxref')));
  const at = m ? Number(m[1]) : -1;
  if (at < 0 || at >= pdf.length) return false;
  const there = Buffer.from(pdf.buffer, pdf.byteOffset + at, Math.min(40, pdf.length - at)).toString('latin1');
  return /^\s*(xref\b|\d+\s+\d+\s+obj\b)/u.test(there);
}

/**
 * PDFium's view of the document, refusing what redaction cannot handle safely. A PDF with only an
 * owner password opens (it opens without a password in every viewer; its restrictions do not bind
 * the team's legal duty to hand over data), one that needs a password to open does not.
 */
export async function openPdfium(pdf: Uint8Array): Promise<PdfiumDocument> {
  checkBytes(pdf);
  const doc = await PdfiumDocument.open(pdf);
  try {
    const pages = doc.pageCount;
    if (pages < 1) throw new RedactionError('corrupt', { cause: 'no pages' });
    if (pages > MAX_PAGES) throw new RedactionError('too-many-pages');
    return doc;
  } catch (error) {
    doc.close();
    throw error;
  }
}

/**
 * pdf-lib's view, used to copy the pages that keep their text. It must see the same pages as
 * PDFium, which decided what to redact; if the two disagree the file is too broken to trust.
 */
export async function openPdfLib(pdf: Uint8Array, expectedPages: number): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new RedactionError('encrypted');
    throw new RedactionError('corrupt', { cause: error });
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch (error) {
    throw new RedactionError('corrupt', { cause: error });
  }
  if (pages !== expectedPages) throw new RedactionError('corrupt', { cause: `pdf-lib sees ${String(pages)} pages, PDFium ${String(expectedPages)}` });
  return doc;
}
