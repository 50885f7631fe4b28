import { foldForSearch } from '../../shared/cases/search.js';
import { RedactionError } from './errors.js';
import { readPage } from './extract.js';
import { openPdfium, xrefIntact } from './input.js';
import { OcrEngine, type GrayImage, type OcrWord } from './ocr.js';
import type { PdfiumDocument, PdfiumPage } from './pdfium.js';
import { readersDisagree, secondReading } from './second-reader.js';
import { OCR_REASONS, type Matrix, type OcrLayer, type PageOcr, type PageText, type Rect, type TextItem, type TextLayer } from './types.js';

/**
 * When OCR reads a page:
 * - `off`: never; a page without text is only reported (`layer: 'none'`), never read;
 * - `missing`: pages that show something but give no usable text (no text layer, or characters
 *   that map to nothing) — the app's default, since OCR runs offline;
 * - `verify`: also every page with text, compared with what OCR reads of the rendered page, to catch
 *   fonts whose Unicode map lies (the CLI's `--ocr`).
 */
export type OcrMode = 'off' | 'missing' | 'verify';

export interface ReadProgress {
  done: number;
  total: number;
  /** The page just finished was read by OCR. */
  ocr: boolean;
}

export interface ReadOptions {
  ocr?: OcrMode | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ReadProgress) => void) | undefined;
}

const OCR_DPI = 300;
/** Enough to see whether a page without text shows anything at all. */
const PREVIEW_DPI = 36;
/** A0 sheets get a lower resolution instead of a quarter of a gigabyte of pixels. */
const MAX_OCR_PIXELS = 20_000_000;
/** Grey level below which a pixel counts as ink; a page with almost none is blank, not a scan. */
const INK_LEVEL = 160;
const MIN_INK_SHARE = 0.0002;

/** Characters that no font maps to anything a person can read: PDFium's answer for unmapped glyphs. */
const UNMAPPED = /[\ufffd\p{Cc}\p{Co}]/u;

/** Classifies PDFium's text of a page without looking at the pixels (so never `blank`). */
export function textLayerOf(text: string): TextLayer {
  const visible = [...text].filter((c) => !/\s/u.test(c));
  if (visible.length === 0) return 'none';
  const unmapped = visible.filter((c) => UNMAPPED.test(c)).length;
  return unmapped / visible.length > 0.3 ? 'unreadable' : 'text';
}

function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (det === 0) return [1, 0, 0, 1, 0, 0];
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** A box in view points (top-left origin) as an axis-aligned rectangle in user space. */
function viewToUser(inverse: Matrix, left: number, top: number, right: number, bottom: number): Rect {
  const corners = [
    [left, top],
    [right, top],
    [left, bottom],
    [right, bottom],
  ].map(([x = 0, y = 0]) => [inverse[0] * x + inverse[2] * y + inverse[4], inverse[1] * x + inverse[3] * y + inverse[5]] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export function renderGray(page: PdfiumPage, dpi = OCR_DPI): GrayImage {
  const scale = Math.min(dpi / 72, Math.sqrt(MAX_OCR_PIXELS / Math.max(1, page.width * page.height)));
  const rgb = page.renderRgb(scale);
  const data = new Uint8Array(rgb.width * rgb.height);
  for (let i = 0, j = 0; i < data.length; i++, j += 3) data[i] = ((rgb.data[j] ?? 0) * 77 + (rgb.data[j + 1] ?? 0) * 150 + (rgb.data[j + 2] ?? 0) * 29) >> 8;
  return { width: rgb.width, height: rgb.height, data };
}

export function hasInk(image: GrayImage): boolean {
  let ink = 0;
  const needed = Math.max(1, Math.floor(image.data.length * MIN_INK_SHARE));
  for (const v of image.data) if (v < INK_LEVEL && ++ink >= needed) return true;
  return false;
}

/** OCR's words as a page text: words joined by spaces, lines by line breaks, boxes in user space. */
export function pageOcr(page: Pick<PageText, 'width' | 'height' | 'toView'>, image: GrayImage, words: readonly OcrWord[], reason: PageOcr['reason']): PageOcr {
  const inverse = invert(page.toView);
  const sx = image.width / page.width;
  const sy = image.height / page.height;
  let text = '';
  const boxes: (Rect | null)[] = [];
  const items: TextItem[] = [];
  let line = words[0]?.line ?? 0;
  for (const w of words) {
    if (text.length > 0) {
      const gap = w.line === line ? ' ' : '\n';
      text += gap;
      boxes.push(null);
    }
    line = w.line;
    const rect = viewToUser(inverse, w.left / sx, w.top / sy, w.right / sx, w.bottom / sy);
    items.push({ ...rect, text: w.text, start: text.length, end: text.length + w.text.length });
    text += w.text;
    for (let k = 0; k < w.text.length; k++) boxes.push(rect);
  }
  return { reason, text, boxes, words: items };
}

const fold = (s: string) => foldForSearch(s).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether PDFium's text says what the page shows: of the words OCR reads with confidence (four
 * letters or more), how many are missing from the text. A font with a lying or absent Unicode map
 * gives text that shares almost no words with the picture.
 */
export function textDisagrees(text: string, words: readonly OcrWord[]): boolean {
  const hay = fold(text);
  const sure = words.map((w) => ({ ...w, folded: fold(w.text) })).filter((w) => w.confidence >= 80 && w.folded.length >= 4 && /^\p{L}+$/u.test(w.folded));
  if (sure.length === 0) return false;
  const missing = sure.filter((w) => !hay.includes(w.folded)).length;
  return missing / sure.length >= 0.5 || (missing >= 2 && missing / sure.length >= 0.15);
}

/** The second reader's text per page (see second-reader.ts); it reads PDFium's repaired, decrypted copy where the file needs one. */
async function secondReaderOf(pdf: Uint8Array, doc: PdfiumDocument): Promise<string[] | null> {
  const second = await secondReading(doc.encrypted || !xrefIntact(pdf) ? doc.save() : pdf);
  return second?.length === doc.pageCount ? second : null;
}

/**
 * Every page's text as PDFium reads it, checked against a second reader, plus OCR where the text cannot be trusted (see OcrMode).
 * OCR runs in tesseract's own worker thread; aborting the signal ends it at once (`cancelled`).
 */
export async function readDocument(pdf: Uint8Array, options: ReadOptions = {}): Promise<PageText[]> {
  const mode = options.ocr ?? 'off';
  const { signal } = options;
  const doc = await openPdfium(pdf);
  let engine: OcrEngine | null = null;
  const ocr = async () => (engine ??= await OcrEngine.start(signal));
  try {
    const second = await secondReaderOf(pdf, doc);
    const pages: PageText[] = [];
    for (let i = 0; i < doc.pageCount; i++) {
      if (signal?.aborted) throw new RedactionError('cancelled');
      const page = doc.withPage(i, (p) => {
        const read: PageText = readPage(p, i);
        let layer = textLayerOf(read.text);
        if (layer === 'text' && readersDisagree(read.text, second?.[i] ?? '')) {
          read.mismatch = true;
          layer = 'unreadable';
        }
        const wanted = mode === 'verify' || (mode !== 'off' && layer !== 'text');
        const image = wanted ? renderGray(p) : null;
        const shows = layer === 'none' ? hasInk(image ?? renderGray(p, PREVIEW_DPI)) : true;
        return { read: { ...read, layer: shows ? layer : 'blank' }, image: shows ? image : null };
      });
      const { read, image } = page;
      let used = false;
      if (image) {
        const words = await (await ocr()).recognize(image);
        if (read.layer === 'text' && words.length > 0 && textDisagrees(read.text, words)) read.layer = 'unreadable';
        if (read.layer !== 'text' && words.length > 0) {
          read.ocr = pageOcr(read, image, words, read.layer === 'none' ? OCR_REASONS.none : OCR_REASONS.unreadable);
          used = true;
        }
      }
      pages.push(read);
      options.onProgress?.({ done: i + 1, total: doc.pageCount, ocr: used });
      // Lets a cancel or a progress message through between two pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return pages;
  } finally {
    doc.close();
    await (engine as OcrEngine | null)?.close();
  }
}

/** A page as OCR read it, for the detectors and term search (they need no other change). */
export function asOcrText(page: PageText): PageText | null {
  if (!page.ocr) return null;
  return { ...page, text: page.ocr.text, boxes: page.ocr.boxes, words: page.ocr.words };
}

/**
 * The pages to search: each page's text, and after it, for pages read by OCR, what OCR read (same
 * page number, OCR's boxes). Finders that take PageText need nothing else to work on scans.
 */
export function searchablePages(pages: readonly PageText[]): PageText[] {
  return [...pages, ...pages.map(asOcrText).filter((p): p is PageText => p !== null)];
}

/** The OCR layers for `applyRedactions`: the words of every page read by OCR. */
export function ocrLayers(pages: readonly PageText[]): OcrLayer[] {
  return pages.flatMap((p) =>
    p.ocr ? [{ page: p.page, reason: p.ocr.reason, words: p.ocr.words.map(({ text, x, y, width, height }) => ({ text, x, y, width, height })) }] : [],
  );
}

function coveredBy(hit: Rect & { page: number }, others: readonly (Rect & { page: number })[]): boolean {
  const area = hit.width * hit.height;
  if (area <= 0) return true;
  let covered = 0;
  for (const o of others) {
    if (o.page !== hit.page) continue;
    const w = Math.min(hit.x + hit.width, o.x + o.width) - Math.max(hit.x, o.x);
    const h = Math.min(hit.y + hit.height, o.y + o.height) - Math.max(hit.y, o.y);
    if (w > 0 && h > 0) covered += w * h;
  }
  return covered / area >= 0.9;
}

/**
 * Runs a finder (terms, detectors, a person's variants) over the text and over what OCR read, and
 * merges: a hit OCR adds is kept unless a text hit already covers it. Any finder that works on
 * PageText works on scans this way.
 */
export function withOcr<T extends Rect & { page: number }>(pages: readonly PageText[], find: (pages: readonly PageText[]) => T[]): T[] {
  const fromText = find(pages);
  const ocrPages = pages.map(asOcrText).filter((p): p is PageText => p !== null);
  if (ocrPages.length === 0) return fromText;
  return [...fromText, ...find(ocrPages).filter((hit) => !coveredBy(hit, fromText))];
}
