import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, findRedactions, redactDocument } from '../../main/redaction/index.js';
import {
  buildLines,
  buildPages,
  encodings,
  encrypt,
  everyObjectInflated,
  NAME,
  pdftotext,
  qdfWithoutPixels,
  renderWithPoppler,
  requireTools,
} from './redaction.fixtures.js';
import { buildHidingPlaces, buildType3Offset, OTHER_WORDS, withBrokenXref } from './redaction.hostile.js';

/**
 * Text-preserving redaction: what lies under a box goes, the rest of the page stays text. Every
 * check reads the output with poppler (pdftotext, pdftoppm) or qpdf, never with the engine's own PDFium.
 */
beforeAll(() => requireTools());

async function redactName(pdf: Buffer, terms: readonly string[] = [NAME]) {
  const found = findRedactions(await extractText(pdf), { terms });
  return { found, outcome: await redactDocument(pdf, found) };
}

const words = (text: string) => text.split(/\s+/u).filter((w) => w.length > 0);

describe('a redacted page keeps its other text', () => {
  it('a page with one box still has its other words extractable by pdftotext, and the name is gone', async () => {
    const pdf = await buildLines([`Geachte heer ${NAME},`, OTHER_WORDS, 'De monteur komt op dinsdag.']);
    const { found, outcome } = await redactName(pdf);
    expect(found).toHaveLength(1);
    expect(outcome.pages).toEqual([{ page: 0, boxes: 1, mode: 'text' }]);
    const text = pdftotext(outcome.pdf);
    expect(text).not.toMatch(/Jan|Vries/u);
    for (const w of [...words(OTHER_WORDS), 'Geachte', 'heer', 'De', 'monteur', 'dinsdag.']) expect(words(text)).toContain(w);
  });

  it('boxes are the height of the line: on lines 13 pt apart the lines above and below keep every word', async () => {
    const lines = ['Regel boven met woorden als gQjpy.', `Midden staat ${NAME} op de regel.`, 'Regel onder met Hoge Letters ÉÅ.'];
    const pdf = await buildPages([
      lines.map((l, i) => `BT /F1 12 Tf 72 ${String(760 - i * 13)} Td (${l.replace('É', '\\311').replace('Å', '\\305')}) Tj ET`).join('\n'),
    ]);
    const { outcome } = await redactName(pdf);
    expect(outcome.pages[0]?.mode).toBe('text');
    const text = pdftotext(outcome.pdf);
    for (const w of [...words(lines[0] ?? ''), 'Regel', 'onder', 'met', 'Hoge', 'Letters', 'Midden', 'staat', 'op', 'de', 'regel.'])
      expect(words(text)).toContain(w);
    expect(text).not.toMatch(/Jan|Vries/u);
  });

  it('a Type3 font drawing its glyphs above their nominal place: the removed ink is covered, the other lines stay', async () => {
    const pdf = await buildType3Offset();
    const { found, outcome } = await redactName(pdf);
    expect(found.length).toBeGreaterThan(0);
    const before = renderWithPoppler(pdf, 0, 72);
    const after = renderWithPoppler(outcome.pdf, 0, 72);
    const offset = after.height - before.height;
    // The bars of the Type3 name sit between the two Helvetica lines: rows 58–78 at 72 dpi.
    let ink = 0;
    for (let y = 62; y < 76; y++) {
      for (let x = 0; x < before.width; x++) {
        if ((before.data[y * before.width + x] ?? 255) > 100) continue;
        ink++;
        expect(after.data[(y + offset) * after.width + x] ?? 255, `pixel ${String(x)},${String(y)}`).toBeLessThan(60);
      }
    }
    expect(ink).toBeGreaterThan(100);
    const text = pdftotext(outcome.pdf);
    expect(text).toContain('Met vriendelijke groet.');
    expect(text).toContain(OTHER_WORDS);
  });
});

describe('every page cleaned, also without a box', () => {
  let output: Buffer;
  beforeAll(async () => {
    // Only page 1 gets a box (PDFium would read the /ActualText of page 2 as the name and box it too).
    const pdf = await buildHidingPlaces();
    const found = findRedactions(await extractText(pdf), { terms: [NAME] });
    expect(found.map((r) => r.page)).toEqual([0, 1]);
    const outcome = await redactDocument(
      pdf,
      found.filter((r) => r.page === 0),
    );
    expect(outcome.pages.map((p) => p.boxes)).toEqual([1, 0]);
    output = outcome.pdf;
  });

  it('the input hides the name on its unboxed page in a comment, /ActualText, /Alt, a marked point, an unused form, a private key and JPEG metadata', async () => {
    const pdf = await buildHidingPlaces();
    const raw = pdf.toString('latin1') + everyObjectInflated(pdf);
    for (const hidden of [
      `% opgesteld door ${NAME}`,
      `/ActualText (${NAME})`,
      `/Alt (${NAME})`,
      `/Auteur (${NAME})`,
      `/Fotograaf (${NAME})`,
      `Foto van ${NAME}`,
      `Artist ${NAME}`,
      `<dc:creator>${NAME}`,
    ])
      expect(raw).toContain(hidden);
  });

  it('none of it reaches the output, in any encoding, in any object or image byte', () => {
    const all = output.toString('latin1') + everyObjectInflated(output);
    for (const s of ['Vries', 'opgesteld', 'Fotograaf', 'Auteur', 'Ongebruikt'])
      for (const form of encodings(s)) expect(all.includes(form), `${s} as ${JSON.stringify(form)}`).toBe(false);
    expect(qdfWithoutPixels(output)).not.toMatch(/ActualText|\/Alt|MCID|\bDP\b/u);
  });

  it('the unboxed page keeps its text and its picture', () => {
    const text = pdftotext(output, 1);
    expect(text).toContain('Tekst zonder naam.');
    expect(text).toContain(OTHER_WORDS);
    const page = renderWithPoppler(output, 1, 72, true);
    const grey = page.data[((842 - 616) * page.width + 100) * 3] ?? 0;
    expect(Math.abs(grey - 160)).toBeLessThan(12);
  });
});

describe('files staff meet daily', () => {
  it('an owner-password PDF (no password to open) is redacted and written without the restriction', async () => {
    const pdf = encrypt(await buildLines([`Rekeninghouder ${NAME}`, OTHER_WORDS]), '');
    expect(pdf.toString('latin1')).toContain('/Encrypt');
    const { outcome } = await redactName(pdf);
    expect(outcome.unlocked).toBe(true);
    const text = pdftotext(outcome.pdf);
    expect(text).not.toContain('Vries');
    expect(text).toContain(OTHER_WORDS);
    expect((await PDFDocument.load(outcome.pdf)).context.trailerInfo.Encrypt).toBeUndefined();
  });

  it('a PDF with a damaged cross-reference table is repaired first, and the outcome says so', async () => {
    const pdf = withBrokenXref(await buildLines([`Geachte heer ${NAME},`, OTHER_WORDS]));
    const { outcome } = await redactName(pdf);
    expect(outcome.repaired).toBe(true);
    expect(pdftotext(outcome.pdf)).not.toContain('Vries');
    expect(pdftotext(outcome.pdf)).toContain(OTHER_WORDS);
    const intact = await redactName(await buildLines([`Geachte heer ${NAME},`]));
    expect([intact.outcome.repaired, intact.outcome.unlocked]).toEqual([false, false]);
  });
});

describe('the page is rasterised only where removal cannot be proven, and says why', () => {
  it('a curved vector drawing partly under the box makes that page an image with a Dutch reason; the other page keeps its text', async () => {
    const pdf = await buildPages([
      `0.2 0.2 0.2 rg 60 745 m 200 800 300 700 420 770 c 420 740 l h f\nBT /F1 12 Tf 72 760 Td (Geachte heer ${NAME},) Tj ET`,
      `BT /F1 12 Tf 72 760 Td (${NAME} en ${OTHER_WORDS}) Tj ET`,
    ]);
    const { outcome } = await redactName(pdf);
    expect(outcome.pages.map((p) => p.mode)).toEqual(['raster', 'text']);
    expect(outcome.pages[0]?.reason).toMatch(/^onder een lakvlak bleef inhoud zichtbaar/u);
    expect(pdftotext(outcome.pdf)).not.toContain('Vries');
    expect(pdftotext(outcome.pdf, 1)).toContain(OTHER_WORDS);
  });
});
