import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, findRedactions, redactDocument } from '../../main/redaction/index.js';
import { PdfiumDocument } from '../../main/redaction/pdfium.js';
import { NAME, pdftotext, renderWithPoppler, requireTools, type Raster } from './redaction.fixtures.js';
import { buildType3Offset, OTHER_WORDS, type Type3Lie } from './redaction.hostile.js';

/**
 * Boxes follow the ink, not the font's word for where its glyphs are: a font that understates its
 * height or draws its glyphs off their nominal place must not leave a strip of the name outside
 * the box. Checked on poppler's rendering of input and output, never on the engine's own PDFium.
 */
beforeAll(() => requireTools());

const DPI = 100;
const S = DPI / 72;

/** A region of the page in user space (points, origin bottom-left). */
interface Region {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/**
 * Every pixel that is ink in the input inside `region` is black in the output. The output page is
 * the input page with a legend strip on top, so rows are counted from the bottom.
 */
function expectInkCovered(input: Buffer, output: Buffer, region: Region, inputRaster?: Raster): number {
  const before = inputRaster ?? renderWithPoppler(input, 0, DPI);
  const after = renderWithPoppler(output, 0, DPI);
  const offset = after.height - before.height;
  let ink = 0;
  const uncovered: string[] = [];
  for (let y = Math.floor(before.height - region.top * S); y < Math.ceil(before.height - region.bottom * S); y++) {
    for (let x = Math.floor(region.left * S); x < Math.ceil(region.right * S); x++) {
      if ((before.data[y * before.width + x] ?? 255) > 128) continue;
      ink++;
      if ((after.data[(y + offset) * after.width + x] ?? 255) > 60) uncovered.push(`${String(x)},${String(y)}`);
    }
  }
  expect(ink, 'the region holds the name’s ink').toBeGreaterThan(50);
  expect(uncovered.slice(0, 10), `${String(uncovered.length)} of ${String(ink)} ink pixels of the name are not under the box`).toEqual([]);
  return ink;
}

async function redactName(pdf: Buffer) {
  const found = findRedactions(await extractText(pdf), { terms: [NAME] });
  expect(found.length).toBeGreaterThan(0);
  return redactDocument(pdf, found);
}

/** Ten glyphs of 7.2 pt and two spaces of 3.6 pt from x = 72, baseline 760, 12 pt. */
const NAME_LEFT = 72;
const NAME_RIGHT = 72 + 10 * 7.2 + 2 * 3.6;

/**
 * The input as PDFium draws it, grey: poppler clips a Type3 glyph to the box it declares (d1),
 * PDFium does not, so only PDFium shows where such ink is. The output is still read by poppler.
 */
async function pdfiumRaster(pdf: Buffer): Promise<Raster> {
  const doc = await PdfiumDocument.open(pdf);
  try {
    const rgb = doc.withPage(0, (p) => p.renderRgb(S));
    const data = Buffer.alloc(rgb.width * rgb.height);
    for (let i = 0; i < data.length; i++) data[i] = rgb.data[i * 3] ?? 255;
    return { width: rgb.width, height: rgb.height, channels: 1, data };
  } finally {
    doc.close();
  }
}

async function expectNameCovered(lie: Type3Lie, bottom: number, top: number, inkBy: 'poppler' | 'pdfium' = 'poppler'): Promise<void> {
  const pdf = await buildType3Offset(lie);
  const outcome = await redactName(pdf);
  expectInkCovered(pdf, outcome.pdf, { left: NAME_LEFT, right: NAME_RIGHT, bottom, top }, inkBy === 'pdfium' ? await pdfiumRaster(pdf) : undefined);
  const text = pdftotext(outcome.pdf);
  for (const kept of [OTHER_WORDS, 'Met vriendelijke groet.']) expect(text).toContain(kept);
}

describe('boxes are placed from the rendered glyphs', () => {
  it('glyphs that declare a box a tenth of their height (d1): the whole bar of every letter is under the box', async () => {
    // Bars from 2.4 pt below the baseline to 8.4 pt above it; the font says 0 to 1.2 pt.
    await expectNameCovered({ bboxTop: 100, barBottom: -200, barHeight: 900, declared: true }, 750, 772);
  });

  it('glyphs drawn above the box they declare (d1), which PDFium draws and poppler clips: the bars are under the box', async () => {
    // Bars from 10.8 to 16.8 pt above the baseline; the font says 0 to 1.2 pt.
    await expectNameCovered({ bboxTop: 100, barBottom: 900, barHeight: 500, declared: true }, 765, 781, 'pdfium');
  });

  it('a Type3 font drawing its glyphs a full em above their nominal place: every bar of the name is under the box', async () => {
    // The bars stand 12–20.4 pt above the baseline.
    await expectNameCovered({ bboxTop: 700, barBottom: 1000, barHeight: 700 }, 765, 784);
  });
});
