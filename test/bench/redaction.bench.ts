import { PDFiumLibrary } from '@hyzyla/pdfium';
import { applyRedactions, extractText, findRedactions, OCR_REASONS, redactDocument, runRedactionInWorker, type OcrLayer } from '../../main/redaction/index.js';
import { PdfiumDocument } from '../../main/redaction/pdfium.js';
import { buildLetters, NAME } from '../unit/redaction.fixtures.js';
import { measure, type Figure } from './lib.js';
import { perSecond } from './table.js';

const PAGES = 100;
const PER_PAGE = 5;

/** Only rendering every page at the engine's 150 dpi, with the same PDFium: the floor redaction cannot beat. */
export async function renderOnly(pdf: Buffer): Promise<void> {
  const lib = await PDFiumLibrary.init();
  const doc = await lib.loadDocument(new Uint8Array(pdf));
  try {
    for (const page of doc.pages()) await page.render({ scale: 150 / 72, render: 'bitmap' });
  } finally {
    doc.destroy();
    lib.destroy();
  }
}

/** PDFium's own text extraction of every page, with the engine's @embedpdf/pdfium: the floor a text-keeping redaction cannot beat. */
async function pdfiumTextOnly(pdf: Buffer): Promise<void> {
  const doc = await PdfiumDocument.open(pdf);
  try {
    for (let i = 0; i < doc.pageCount; i++) doc.withPage(i, (page) => page.chars());
  } finally {
    doc.close();
  }
}

/** A 100-page letter with 5 names on every page: every page is rasterized, burned and written. */
export async function redactionBenchmark(): Promise<Figure[]> {
  const pdf = await buildLetters(PAGES, PER_PAGE);
  const size = `${String(PAGES)} pages, ${String(PAGES * PER_PAGE)} boxes`;
  const pages = await extractText(pdf);
  const redactions = findRedactions(pages, { terms: [NAME] });
  if (redactions.length !== PAGES * PER_PAGE) throw new Error(`expected ${String(PAGES * PER_PAGE)} boxes, found ${String(redactions.length)}`);
  const render = await measure(() => renderOnly(pdf), 3, 1);
  const reference = { what: 'PDFium render only', ...render, throughput: perSecond(PAGES, render.p50, 'pages/s') };
  const find = await measure(async () => findRedactions(await extractText(pdf), { terms: [NAME] }), 5, 1);
  const inProcess = await measure(() => applyRedactions(pdf, redactions), 3, 1);
  const inWorker = await measure(() => runRedactionInWorker(pdf, redactions), 3, 1);
  const output = await applyRedactions(pdf, redactions);
  const modes = (await redactDocument(pdf, redactions)).pages.filter((p) => p.mode === 'text').length;
  const text = await measure(() => pdfiumTextOnly(pdf), 5, 1);
  const textFloor = { what: 'PDFium text extraction only (@embedpdf)', ...text, throughput: perSecond(PAGES, text.p50, 'pages/s') };
  // An OCR layer on every page is the engine's own way to make a page an image; with no words it only forces that path.
  const forced: OcrLayer[] = Array.from({ length: PAGES }, (_, page) => ({ page, reason: OCR_REASONS.none, words: [] }));
  const rasterOutcome = await redactDocument(pdf, redactions, { ocr: forced });
  if (rasterOutcome.pages.some((p) => p.mode !== 'raster')) throw new Error('forced raster left a page as text');
  const raster = await measure(() => redactDocument(pdf, redactions, { ocr: forced }), 3, 1);
  return [
    { work: 'redaction: extract text + find name', size, ...find, throughput: perSecond(PAGES, find.p50, 'pages/s') },
    {
      work: 'redaction: apply (in process)',
      size,
      ...inProcess,
      throughput: perSecond(PAGES, inProcess.p50, 'pages/s'),
      reference,
      note: `target < 20 s (${inProcess.p50 < 20_000 ? 'met' : 'NOT met'}); output ${(output.length / 1048576).toFixed(1)} MiB`,
    },
    {
      work: 'redaction: apply, text kept',
      size,
      ...inProcess,
      throughput: perSecond(PAGES, inProcess.p50, 'pages/s'),
      reference: textFloor,
      note: `${String(modes)}/${String(PAGES)} pages kept their text; target within 2× (${inProcess.p50 <= 2 * text.p50 ? 'met' : 'NOT met'})`,
    },
    {
      work: 'redaction: apply, forced raster',
      size,
      ...raster,
      throughput: perSecond(PAGES, raster.p50, 'pages/s'),
      reference: textFloor,
      note: `reference path: every page an image; output ${(rasterOutcome.pdf.length / 1048576).toFixed(1)} MiB`,
    },
    {
      work: 'redaction: apply (worker thread)',
      size,
      ...inWorker,
      throughput: perSecond(PAGES, inWorker.p50, 'pages/s'),
      reference,
      note: 'includes worker start-up',
    },
  ];
}
