import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/app/cli/run.js';
import { OcrEngine, readDocument, RedactionError, textLayerOf } from '../../main/redaction/index.js';
import { renderGray } from '../../main/redaction/ocr-read.js';
import { PdfiumDocument } from '../../main/redaction/pdfium.js';
import { buildLyingFont, buildScan, SCAN_NAME, wordBox } from './ocr.fixtures.js';
import { pdftotext, renderWithPoppler, requireTools, type Raster } from './redaction.fixtures.js';

/**
 * OCR with the real tesseract.js and the Dutch model from node_modules: scans and pages whose text
 * does not say what they show are read from their pixels, the name found there is blacked out, and
 * the redacted page keeps an invisible layer of the other words. No mocks.
 */
const DPI = 100;
/** OCR takes seconds a page; on a busy machine several times that. */
const OCR_TIMEOUT = 180_000;

let dir: string;
let scan: Buffer;

beforeAll(async () => {
  requireTools();
  dir = mkdtempSync(join(tmpdir(), 'avg-desk-ocr-'));
  scan = await buildScan();
  return () => rmSync(dir, { recursive: true, force: true });
});

async function redact(file: Buffer, ...flags: string[]) {
  return redactWith(file, ['--term', 'Brinkhorst', ...flags]);
}

async function redactWith(file: Buffer, flags: string[]) {
  const source = join(dir, `in-${String(Math.random()).slice(2)}.pdf`);
  const target = `${source}.gelakt.pdf`;
  writeFileSync(source, file);
  let out = '';
  let err = '';
  const code = await runCli(['redact', source, ...flags, '--out', target], { env: {}, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err, target };
}

/** The darkest and lightest grey inside a user-space box (shrunk by a point) of a poppler render. */
function inside(raster: Raster, pageHeight: number, box: { x: number; y: number; width: number; height: number }): { max: number } {
  const s = DPI / 72;
  let max = 0;
  for (let y = Math.ceil((pageHeight - box.y - box.height + 1) * s); y < Math.floor((pageHeight - box.y - 1) * s); y++) {
    for (let x = Math.ceil((box.x + 1) * s); x < Math.floor((box.x + box.width - 1) * s); x++) max = Math.max(max, raster.data[y * raster.width + x] ?? 255);
  }
  return { max };
}

async function ocrOf(pdf: Uint8Array): Promise<string> {
  const doc = await PdfiumDocument.open(pdf);
  const engine = await OcrEngine.start();
  try {
    const image = doc.withPage(0, (p) => renderGray(p));
    return (await engine.recognize(image)).map((w) => w.text).join(' ');
  } finally {
    await engine.close();
    doc.close();
  }
}

/** The output page is the original at the bottom left plus a legend strip on top; this is its height. */
function outputHeight(pdf: Uint8Array): number {
  const info = spawnSync('pdfinfo', ['-'], { input: pdf }).stdout.toString();
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/u.exec(info);
  return Number(size?.[2] ?? 0);
}

describe('OCR of scanned pages (avg-desk redact --ocr)', () => {
  it(
    'finds the name in the pixels of a scan, blacks it out, and keeps the other words as invisible text',
    async () => {
      const persons = join(dir, 'personen.json');
      writeFileSync(persons, JSON.stringify({ persons: [{ name: SCAN_NAME }] }));
      const { code, out, err, target } = await redactWith(scan, ['--input', persons, '--ocr']);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out).toMatch(/^Pagina 1: 1 vlak\(ken\); gerasterd; geen tekstlaag; OCR gebruikt$/mu);
      const pdf = readFileSync(target);

      // The pixels where the surname was are black (poppler, not the PDFium that burned them).
      const height = outputHeight(pdf);
      const raster = renderWithPoppler(pdf, 0, DPI);
      expect(inside(raster, height, await wordBox(0, 'Brinkhorst')).max).toBeLessThan(30);
      // …and the words beside it are still there to read.
      expect(inside(raster, height, await wordBox(0, 'buurvrouw')).max).toBeGreaterThan(200);

      // The invisible layer holds the remaining words, not the redacted one.
      const text = pdftotext(pdf);
      expect(text).not.toMatch(/brinkhorst/iu);
      for (const kept of ['buurvrouw', 'schutting', 'geluidsoverlast']) expect(text).toContain(kept);
      expect(await ocrOf(pdf)).not.toMatch(/brinkhorst/iu);
    },
    OCR_TIMEOUT,
  );

  it(
    'without --ocr does not call a scan empty: it warns that the page has no text layer',
    async () => {
      const { code, out } = await redact(scan);
      expect(code).toBe(0);
      expect(out).toMatch(/^Pagina 1: 0 vlak\(ken\); geen tekstlaag \(een scan\?\): niet doorzocht; gebruik --ocr$/mu);
    },
    OCR_TIMEOUT,
  );

  it(
    'redacts from what OCR reads when a font’s Unicode map lies, and says so per page',
    async () => {
      const lying = await buildLyingFont();
      expect(pdftotext(lying)).not.toContain('Brinkhorst');
      const { code, out, target } = await redact(lying, '--ocr');
      expect(code).toBe(0);
      expect(out).toMatch(/^Pagina 1: 1 vlak\(ken\); gerasterd; tekst niet leesbaar; OCR gebruikt$/mu);
      const pdf = readFileSync(target);
      expect(inside(renderWithPoppler(pdf, 0, DPI), outputHeight(pdf), await wordBox(0, 'Brinkhorst')).max).toBeLessThan(30);
      const text = pdftotext(pdf);
      expect(text).not.toMatch(/brinkhorst|csjolipstu/iu);
      expect(text).toContain('geluidsoverlast');
    },
    OCR_TIMEOUT,
  );

  it(
    'reads glyphs that map to nothing as unreadable text, and OCR then finds the name',
    async () => {
      const unmapped = await buildLyingFont(undefined, 'unmapped');
      const pages = await readDocument(unmapped, { ocr: 'missing' });
      expect(pages[0]?.layer).toBe('unreadable');
      expect(pages[0]?.ocr?.reason).toBe('tekst niet leesbaar; OCR gebruikt');
      expect(pages[0]?.ocr?.text).toContain(SCAN_NAME);
      const { out } = await redact(unmapped);
      expect(out).toMatch(/^Pagina 1: 0 vlak\(ken\); tekst niet leesbaar .*gebruik --ocr$/mu);
    },
    OCR_TIMEOUT,
  );
});

describe('OCR runs offline, in its own thread, and can be cancelled', () => {
  it(
    'uses no network and writes no file (run without a network, in an empty working directory)',
    () => {
      const work = mkdtempSync(join(tmpdir(), 'avg-desk-ocr-cwd-'));
      const home = mkdtempSync(join(tmpdir(), 'avg-desk-ocr-home-'));
      try {
        const file = join(dir, 'offline-scan.pdf');
        writeFileSync(file, scan);
        const entry = join(dir, 'offline.mjs');
        const module = fileURLToPath(new URL('../../main/redaction/ocr-read.ts', import.meta.url));
        const script = `import { readDocument } from ${JSON.stringify(module)}; import { readFileSync } from 'node:fs';
        const pages = await readDocument(readFileSync(${JSON.stringify(file)}), { ocr: 'missing' });
        process.stdout.write(pages[0]?.ocr?.text ?? '');`;
        writeFileSync(entry, script);
        // A network namespace of its own: no interface but a loopback that is down. A download fails here.
        const tsx = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
        const r = spawnSync('unshare', ['-rn', process.execPath, '--import', tsx, entry], {
          cwd: work,
          // tsx would otherwise keep its compiled sources in TMPDIR.
          env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, TSX_DISABLE_CACHE: '1' },
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(r.stderr).toBe('');
        expect(r.stdout).toContain(SCAN_NAME);
        expect(readdirSync(work)).toEqual([]);
        expect(readdirSync(home)).toEqual([]);
      } finally {
        rmSync(work, { recursive: true, force: true });
        rmSync(home, { recursive: true, force: true });
      }
    },
    OCR_TIMEOUT,
  );

  it(
    'reports progress per page and stops at once when cancelled',
    async () => {
      const twoPages = await buildScan([['Eerste pagina met Marloes Brinkhorst'], ['Tweede pagina zonder naam']]);
      const seen: { done: number; ocr: boolean }[] = [];
      const pages = await readDocument(twoPages, { ocr: 'missing', onProgress: (p) => seen.push({ done: p.done, ocr: p.ocr }) });
      expect(seen).toEqual([
        { done: 1, ocr: true },
        { done: 2, ocr: true },
      ]);
      expect(pages.map((p) => p.layer)).toEqual(['none', 'none']);

      const controller = new AbortController();
      const started = Date.now();
      const cancelled = readDocument(twoPages, { ocr: 'missing', signal: controller.signal, onProgress: () => controller.abort() });
      const error: unknown = await cancelled.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedactionError);
      expect((error as RedactionError).failure).toBe('cancelled');
      expect(Date.now() - started).toBeLessThan(15_000);
    },
    OCR_TIMEOUT,
  );

  it(
    'classifies a page by its text: none, unreadable or text',
    () => {
      expect(textLayerOf(' \r\n')).toBe('none');
      expect(textLayerOf('\ufffd\ufffd\ufffd \ufffd\ufffd')).toBe('unreadable');
      expect(textLayerOf('Gesprek met de buurvrouw')).toBe('text');
    },
    OCR_TIMEOUT,
  );
});
