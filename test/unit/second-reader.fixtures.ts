import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { toUnicodeCmap } from './ocr.fixtures.js';
import { buildPages } from './redaction.fixtures.js';

/**
 * A page where only the name is set in a font whose ToUnicode map lies (every letter maps to the
 * next one), while the lines around it use an honest Helvetica: what a text extractor reads of the
 * name is "Nbsmpft Csjolipstu", what the page shows is the name. Made-up people only.
 */
export const LIE_NAME = 'Marloes Brinkhorst';
export const LIE_LINES = ['Gesprek met de buurvrouw', LIE_NAME, 'over de schutting in de achtertuin.', 'De huurder klaagt over geluidsoverlast.'] as const;
export const LIE_SIZE = 16;
const LEFT = 72;
const TOP = 700;
const GAP = 28;

/** Where a whole line of LIE_LINES is drawn, in points (user space, origin bottom-left). */
export async function lineBox(line: number): Promise<{ x: number; y: number; width: number; height: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  return { x: LEFT, y: TOP - line * GAP - 0.2 * LIE_SIZE, width: font.widthOfTextAtSize(LIE_LINES[line] ?? '', LIE_SIZE), height: 0.9 * LIE_SIZE };
}

function lyingCmap(): string {
  return toUnicodeCmap((code) => ((code >= 0x41 && code <= 0x59) || (code >= 0x61 && code <= 0x79) ? code + 1 : code));
}

/** LIE_LINES with the name (line 1) in /F2, Helvetica with a lying ToUnicode; the rest in honest /F1. */
export function buildNameOnlyLie(): Promise<Buffer> {
  const content = LIE_LINES.map(
    (line, i) => `BT /${i === 1 ? 'F2' : 'F1'} ${String(LIE_SIZE)} Tf ${String(LEFT)} ${String(TOP - i * GAP)} Td (${line}) Tj ET`,
  ).join('\n');
  return buildPages([content], (doc, pages) => {
    const { context } = doc;
    const font = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'Type1',
        BaseFont: 'Helvetica',
        Encoding: 'WinAnsiEncoding',
        ToUnicode: context.register(context.flateStream(lyingCmap())),
      }),
    );
    pages[0]?.node.setFontDictionary(PDFName.of('F2'), font);
  });
}
