import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { PdfiumDocument } from '../../main/redaction/pdfium.js';

/**
 * Pages for the OCR tests, made here: a "scan" is a page of text rendered by PDFium at 300 dpi and
 * put back as nothing but an image; a lying font shows one text and maps to another. Made-up people.
 */
export const SCAN_NAME = 'Marloes Brinkhorst';
export const SCAN_LINES = [
  'Gesprek met de buurvrouw Marloes Brinkhorst',
  'over de schutting in de achtertuin.',
  'De huurder klaagt over geluidsoverlast.',
] as const;
export const FONT_SIZE = 16;
export const LEFT = 72;
export const FIRST_BASELINE = 700;
export const LINE_GAP = 28;

/** Where a word of SCAN_LINES is drawn, in points (user space, origin bottom-left). */
export async function wordBox(line: number, word: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const text = SCAN_LINES[line] ?? '';
  const at = text.indexOf(word);
  if (at < 0) throw new Error(`${word} is not on line ${String(line)}`);
  const x = LEFT + font.widthOfTextAtSize(text.slice(0, at), FONT_SIZE);
  const y = FIRST_BASELINE - line * LINE_GAP;
  return { x, y: y - 0.2 * FONT_SIZE, width: font.widthOfTextAtSize(word, FONT_SIZE), height: 0.9 * FONT_SIZE };
}

async function textPage(lines: readonly string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: LEFT, y: FIRST_BASELINE - i * LINE_GAP, size: FONT_SIZE, font }));
  return doc.save();
}

/** The lines rendered by PDFium at `dpi` as a grey PNG: what a scanner or a phone photo delivers. */
export async function scanPng(lines: readonly string[] = SCAN_LINES, dpi = 300): Promise<Buffer> {
  const source = await PdfiumDocument.open(await textPage(lines));
  try {
    const rgb = source.withPage(0, (p) => p.renderRgb(dpi / 72));
    const image = new PNG({ width: rgb.width, height: rgb.height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
    const grey = Buffer.alloc(rgb.width * rgb.height);
    for (let i = 0; i < grey.length; i++) grey[i] = rgb.data[i * 3] ?? 255;
    image.data = grey;
    return PNG.sync.write(image, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
  } finally {
    source.close();
  }
}

/** The lines as a scanner would deliver them: one grey image per page at 300 dpi, no text at all. */
export async function buildScan(pages: readonly (readonly string[])[] = [SCAN_LINES]): Promise<Buffer> {
  const out = await PDFDocument.create();
  for (const lines of pages) {
    const embedded = await out.embedPng(await scanPng(lines));
    const page = out.addPage([595, 842]);
    page.drawImage(embedded, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await out.save());
}

/** A ToUnicode CMap for the printable ASCII codes of a simple font, each mapped as `to` says. */
export function toUnicodeCmap(to: (code: number) => number): string {
  const entries: string[] = [];
  for (let code = 0x20; code <= 0x7e; code++) entries.push(`<${code.toString(16).padStart(2, '0')}> <${to(code).toString(16).padStart(4, '0')}>`);
  return `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Lies def /CMapType 2 def
1 begincodespacerange <00> <ff> endcodespacerange
${String(entries.length)} beginbfchar
${entries.join('\n')}
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`;
}

/**
 * Helvetica whose ToUnicode map lies: every character code maps to the next letter (or to nothing
 * readable at all, `unmapped`), so the page shows the lines while every text extractor reads
 * something else. Such maps occur in the wild (subsetting tools, "protected" exports).
 */
export async function buildLyingFont(lines: readonly string[] = SCAN_LINES, how: 'shifted' | 'unmapped' = 'shifted'): Promise<Buffer> {
  const doc = await PDFDocument.load(await textPage(lines));
  const cmap = toUnicodeCmap((code) => (how === 'unmapped' ? 0xfffd : code >= 0x41 && code <= 0x7a ? code + 1 : code));
  const toUnicode = doc.context.register(doc.context.flateStream(cmap));
  const fonts = doc.getPage(0).node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  if (!fonts) throw new Error('no font dictionary');
  for (const [, ref] of fonts.entries()) doc.context.lookup(ref, PDFDict).set(PDFName.of('ToUnicode'), toUnicode);
  return Buffer.from(await doc.save());
}
