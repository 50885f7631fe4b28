import { PDFiumLibrary } from '@hyzyla/pdfium';
import { applyRedactions, extractText, findRedactions, runRedactionInWorker } from '../../main/services/redaction/index.js';
import { buildLetters, NAME } from '../unit/redaction.fixtures.js';
import { measure, type Figure } from './lib.js';
import { perSecond } from './table.js';

const PAGES = 100;
const PER_PAGE = 5;

/** Only rendering every page at the engine's 150 dpi, with the same PDFium: the floor redaction cannot beat. */
async function renderOnly(pdf: Buffer): Promise<void> {
  const lib = await PDFiumLibrary.init();
  const doc = await lib.loadDocument(new Uint8Array(pdf));
  try {
    for (const page of doc.pages()) await page.render({ scale: 150 / 72, render: 'bitmap' });
  } finally {
    doc.destroy();
    lib.destroy();
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
  return [
    { work: 'redaction: extract text + find name', size, ...find, throughput: perSecond(PAGES, find.p50, 'pages/s') },
    { work: 'redaction: apply (in process)', size, ...inProcess, throughput: perSecond(PAGES, inProcess.p50, 'pages/s'), reference, note: `target < 20 s (${inProcess.p50 < 20_000 ? 'met' : 'NOT met'}); output ${(output.length / 1048576).toFixed(1)} MiB` },
    { work: 'redaction: apply (worker thread)', size, ...inWorker, throughput: perSecond(PAGES, inWorker.p50, 'pages/s'), reference, note: 'includes worker start-up' },
  ];
}
