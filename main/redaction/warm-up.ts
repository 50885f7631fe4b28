import { PDFDocument, StandardFonts } from 'pdf-lib';
import { redactDocument } from './apply.js';
import { findRedactions } from './find.js';
import { readDocument } from './ocr-read.js';

/**
 * One small job on a made-up page: PDFium's WebAssembly, pdf.js (the second reader) and the
 * engine's own code are loaded and compiled before a real document comes, which otherwise costs
 * its first page a second or more. Without OCR: tesseract starts only for a page that needs it.
 */
export async function warmUp(): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Proefregel met een naam: Voorbeeld Persoon.', { x: 50, y: 760, size: 12, font });
  const pdf = await doc.save();
  const pages = await readDocument(pdf, { ocr: 'off' });
  await redactDocument(pdf, findRedactions(pages, { terms: ['Voorbeeld Persoon'] }));
}
