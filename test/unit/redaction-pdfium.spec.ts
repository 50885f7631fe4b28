import { describe, expect, it } from 'vitest';
import { degrees } from 'pdf-lib';
import { PdfiumDocument, type RgbImage } from '../../main/redaction/pdfium.js';
import { buildDossier, buildPages } from './redaction.fixtures.js';
import { buildHidingPlaces, buildType3Offset } from './redaction.hostile.js';

/**
 * The shortcuts the redaction engine takes for speed must read and see exactly what the long way
 * does: its checks rest on them. Real PDFium, real pages with text, images, paths and Type3 glyphs.
 */
const SCALE = 1.5;

/** Text in several fonts, a filled and a stroked curve, a dashed line and a shaded rectangle. */
function buildVectorPage(rotation = 0): Promise<Buffer> {
  return buildPages(
    [
      [
        'BT /F1 11 Tf 50 780 Td (Regel met letters gQjpy en cijfers 0123.) Tj ET',
        '0.2 0.4 0.8 rg 80 600 m 180 720 260 520 360 640 c 300 560 l h f',
        '0.8 0 0 RG 2.5 w [6 3] 0 d 60 500 m 540 420 l S',
        '0 0.6 0 RG 1 w 100 300 m 150 380 250 220 300 300 c S',
        '0.9 0.9 0.2 rg 400 250 120 90 re f',
        'BT /F1 30 Tf 1 0 0.3 1 70 180 Tm (Schuin) Tj ET',
        'BT /F1 24 Tf 0 1 -1 0 300 300 Tm (Verticaal gjWQ) Tj ET',
      ].join('\n'),
    ],
    (_doc, added) => added[0]?.setRotation(degrees(rotation)),
  );
}

/** The largest difference of a channel between a band and the same rows of the whole render. */
function largestDifference(band: RgbImage, whole: RgbImage): number {
  let largest = 0;
  for (let y = 0; y < band.height; y++) {
    const row = ((band.top ?? 0) + y) * whole.width * 3;
    for (let x = 0; x < band.width * 3; x++) largest = Math.max(largest, Math.abs((band.data[y * band.width * 3 + x] ?? 0) - (whole.data[row + x] ?? 0)));
  }
  return largest;
}

async function pages(): Promise<{ name: string; pdf: Buffer }[]> {
  return [
    { name: 'dossier', pdf: await buildDossier() },
    { name: 'hiding places', pdf: await buildHidingPlaces() },
    { name: 'Type3 drawn off its metrics', pdf: await buildType3Offset() },
    { name: 'paths and slanted text', pdf: await buildVectorPage() },
    ...(await Promise.all([90, 180, 270].map(async (angle) => ({ name: `rotated ${String(angle)}°`, pdf: await buildVectorPage(angle) })))),
  ];
}

describe('PDFium shortcuts of the redaction engine', () => {
  it('a band from the left edge renders as that part of the whole page, on every kind of page and rotation', async () => {
    let compared = 0;
    for (const { name, pdf } of await pages()) {
      const doc = await PdfiumDocument.open(pdf);
      try {
        for (let i = 0; i < doc.pageCount; i++) {
          doc.withPage(i, (page) => {
            const whole = page.renderRgb(SCALE);
            const { width, height } = page.pixelSize(SCALE);
            expect([whole.width, whole.height]).toEqual([width, height]);
            for (let top = 0; top < height; top += 23) {
              for (const [rows, right] of [
                [7, width],
                [40, Math.round(width / 3) + top],
                [151, width - 1 - top],
              ] as const) {
                const band = { left: 0, top, right: Math.max(1, Math.min(width, right)), bottom: Math.min(height, top + rows) };
                const part = page.renderRgb(SCALE, band);
                const where = `${name} page ${String(i + 1)} rows ${String(band.top)}–${String(band.bottom)}`;
                expect([part.left, part.top, part.width, part.height], where).toEqual([0, band.top, band.right, band.bottom - band.top]);
                // Paths are placed to 1/256 pixel after the shift: their anti-aliased edges may move by a level or two, no more.
                expect(largestDifference(part, whole), where).toBeLessThanOrEqual(2);
                compared++;
              }
            }
            // A band reaching past the page is cut to it.
            const past = page.renderRgb(SCALE, { left: -5, top: height - 10, right: width + 30, bottom: height + 20 });
            expect([past.left, past.top, past.width, past.height]).toEqual([0, height - 10, width, 10]);
          });
        }
      } finally {
        doc.close();
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('the text alone reads exactly as the text of the characters with their boxes', async () => {
    const astral = await buildPages(['BT /F1 12 Tf 72 760 Td (Gewoon een regel tekst.) Tj ET']);
    for (const { name, pdf } of [...(await pages()), { name: 'plain', pdf: astral }]) {
      const doc = await PdfiumDocument.open(pdf);
      try {
        for (let i = 0; i < doc.pageCount; i++) {
          doc.withPage(i, (page) => {
            const chars = page.chars();
            expect(page.text(), `${name} page ${String(i + 1)}`).toBe(chars.text);
            // One box per UTF-16 unit, so a box lines up with its character.
            expect(chars.boxes).toHaveLength(chars.text.length);
          });
        }
      } finally {
        doc.close();
      }
    }
  });
});
