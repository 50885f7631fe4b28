import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/app/cli/run.js';
import { findRedactions, ocrLayers, readDocument, readInWorker, redactDocument, withOcr } from '../../main/redaction/index.js';
import { buildLyingFont, SCAN_NAME } from './ocr.fixtures.js';
import { buildDossier, buildLines, pdftotext, renderWithPoppler, requireTools } from './redaction.fixtures.js';
import { buildType3Offset } from './redaction.hostile.js';
import { buildNameOnlyLie, LIE_LINES, lineBox } from './second-reader.fixtures.js';

/**
 * PDFium's text is checked against a second reader (pdf.js, reading each simple font by its own
 * glyph names instead of its ToUnicode map): a page where they disagree is not trusted. With OCR
 * it is searched and redacted from what OCR reads; without, it is flagged, never passed as empty.
 */
const OCR_TIMEOUT = 180_000;
const DPI = 100;
let dir: string;

beforeAll(() => {
  requireTools();
  dir = mkdtempSync(join(tmpdir(), 'avg-desk-second-reader-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

async function cli(pdf: Buffer, flags: string[]) {
  const source = join(dir, `in-${String(Math.random()).slice(2)}.pdf`);
  writeFileSync(source, pdf);
  let out = '';
  let err = '';
  const code = await runCli(['redact', source, ...flags, '--out', `${source}.uit.pdf`], { env: {}, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err, target: `${source}.uit.pdf` };
}

describe('a ToUnicode map that lies is caught by a second reader', () => {
  it('the lie is real: every extractor reads other letters than the page shows', async () => {
    const pdf = await buildNameOnlyLie();
    expect(pdftotext(pdf)).not.toContain('Brinkhorst');
    expect(pdftotext(pdf)).toContain('Nbsmpft Csjolipstu');
    expect(pdftotext(pdf)).toContain('geluidsoverlast');
  });

  it('marks a page whose whole font lies, and a page where only the name’s font lies, as text that cannot be trusted', async () => {
    for (const pdf of [await buildLyingFont(), await buildNameOnlyLie()]) {
      const [page] = await readDocument(pdf, { ocr: 'off' });
      expect(page?.layer).toBe('unreadable');
      expect(page?.mismatch).toBe(true);
    }
  });

  it('does the same in the redaction worker thread, where the app reads documents', async () => {
    const [page] = await readInWorker(await buildNameOnlyLie(), { ocr: 'off' });
    expect(page?.mismatch).toBe(true);
    expect(page?.layer).toBe('unreadable');
  });

  it('raises no alarm on honest pages: Helvetica, hex and kerned text, an invisible OCR layer, a Type3 font', async () => {
    for (const pdf of [await buildLines([`Geachte mevrouw ${SCAN_NAME},`, 'Wij hebben uw brief ontvangen.']), await buildDossier(), await buildType3Offset()]) {
      for (const page of await readDocument(pdf, { ocr: 'off' })) {
        expect(page.mismatch ?? false, `page ${String(page.page)}`).toBe(false);
        expect(page.layer).not.toBe('unreadable');
      }
    }
  });

  it('without OCR the CLI warns in Dutch that the page’s text could not be trusted, instead of "0 vlak(ken)" alone', async () => {
    const { code, out } = await cli(await buildNameOnlyLie(), ['--person', SCAN_NAME]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Pagina 1: 0 vlak\(ken\); tekst niet betrouwbaar: een tweede lezer leest andere woorden dan de tekstlaag; niet betrouwbaar doorzocht; gebruik --ocr$/mu,
    );
  });

  it(
    'with OCR (the app’s default for untrusted pages) the name is found in the pixels and removed: no reader finds it, the box is black',
    async () => {
      const pdf = await buildNameOnlyLie();
      const pages = await readDocument(pdf, { ocr: 'missing' });
      expect(pages[0]?.ocr?.reason).toBe('tekst niet leesbaar; OCR gebruikt');
      const found = withOcr(pages, (read) => findRedactions(read, { terms: ['Brinkhorst', 'Marloes'] }));
      expect(found.length).toBeGreaterThan(0);
      const outcome = await redactDocument(pdf, found, { ocr: ocrLayers(pages) });
      expect(outcome.pages[0]?.mode).toBe('raster');
      const text = pdftotext(outcome.pdf);
      expect(text).not.toMatch(/brinkhorst|marloes|csjolipstu|nbsmpft/iu);
      expect(text).toContain('geluidsoverlast');
      // The output page is the original at the bottom left with a legend strip on top: same offset from the bottom.
      const raster = renderWithPoppler(outcome.pdf, 0, DPI);
      const box = await lineBox(1);
      const s = DPI / 72;
      let ink = 0;
      for (let y = Math.ceil((842 - box.y - box.height + 2) * s); y < Math.floor((842 - box.y - 2) * s); y++) {
        for (let x = Math.ceil((box.x + 2) * s); x < Math.floor((box.x + box.width - 2) * s); x++) {
          const v = raster.data[(y + raster.height - Math.round(842 * s)) * raster.width + x] ?? 255;
          if (v > 100) ink++;
        }
      }
      expect(ink, 'light pixels where the name was').toBe(0);
      expect(LIE_LINES[1]).toBe(SCAN_NAME);
    },
    OCR_TIMEOUT,
  );

  it(
    'the CLI with --ocr redacts the name from what OCR reads and says so for the page',
    async () => {
      const { code, out, target } = await cli(await buildNameOnlyLie(), ['--person', SCAN_NAME, '--ocr']);
      expect(code).toBe(0);
      expect(out).toMatch(/^Pagina 1: [1-9]\d* vlak\(ken\); gerasterd; tekst niet leesbaar; OCR gebruikt$/mu);
      expect(pdftotext(readFileSync(target))).not.toMatch(/brinkhorst|marloes|csjolipstu|nbsmpft/iu);
    },
    OCR_TIMEOUT,
  );
});
