import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { z } from 'zod';
import { DETECTOR_KINDS } from '../../shared/redaction/detectors.js';
import { cleanDocument } from './clean.js';
import { RedactionError } from './errors.js';
import { openPdfium, openPdfLib, xrefIntact } from './input.js';
import { drawInvisibleWords, type HiddenWord } from './ocr-layer.js';
import { PdfiumDocument, rectToView, type PdfiumPage } from './pdfium.js';
import { addImagePage, burn, frameTextPage, type Mark } from './raster.js';
import { removeUnderBoxes } from './remove.js';
import { assertSanitized, sanitizeOutput, stripPage } from './sanitize.js';
import { DEFAULT_REASON, type ApplyOptions, type Matrix, type OcrLayer, type PageReport, type Rect, type Redaction, type RedactionOutcome } from './types.js';

const DEFAULT_DPI = 150;
/** A page is never rendered larger than this; huge sheets (A0 drawings) get a lower resolution instead. */
const MAX_PIXELS = 25_000_000;

const RedactionSchema = z.object({
  page: z.number().int().min(0),
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
  reason: z.string().max(200),
  source: z.enum(['term', 'pattern', 'manual']),
  text: z.string(),
  kind: z.enum(DETECTOR_KINDS).optional(),
});

function parseRedactions(redactions: readonly Redaction[]): Redaction[] {
  const parsed = z.array(RedactionSchema).safeParse(redactions);
  if (!parsed.success) throw new RedactionError('invalid-redaction', { cause: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
  return parsed.data.map((r) => ({ ...r, reason: r.reason.trim() || DEFAULT_REASON }));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RedactionError('cancelled');
}

/** Lets a cancel, a progress message or an IPC call through between two pages. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

type Expected = { kind: 'kept'; text: string } | { kind: 'text'; text: string; drawn: string[] } | { kind: 'image'; drawn: string[] };

/** What a redacted page becomes, decided while PDFium holds it. */
type Plan =
  | { mode: 'text'; cover: Rect[]; marks: Mark[]; text: string }
  | { mode: 'raster'; reason: string; image: ReturnType<PdfiumPage['renderRgb']>; marks: Mark[]; hidden: HiddenWord[] };

/** OCR words that no box touches, placed on the output page (which keeps the shown page's size at its bottom left). */
function remainingWords(layer: OcrLayer | undefined, cover: readonly Rect[], view: Matrix, height: number): HiddenWord[] {
  if (!layer) return [];
  const inView = cover.map((r) => rectToView(view, r));
  return layer.words.flatMap((w) => {
    const v = rectToView(view, w);
    if (inView.some((b) => v.left < b.right && v.right > b.left && v.top < b.bottom && v.bottom > b.top)) return [];
    return [{ text: w.text, x: v.left, y: height - v.bottom, width: v.right - v.left, height: v.bottom - v.top }];
  });
}

function marksFor(page: PdfiumPage, boxes: readonly Redaction[], codes: ReadonlyMap<string, number>): Mark[] {
  const view = page.toView();
  return boxes.map((b) => {
    const v = rectToView(view, b);
    return { middle: (v.top + v.bottom) / 2, code: codes.get(b.reason) ?? 0 };
  });
}

function rasterize(page: PdfiumPage, cover: readonly Rect[], dpi: number) {
  const { width, height } = page;
  const scale = Math.min(dpi / 72, Math.sqrt(MAX_PIXELS / Math.max(1, width * height)));
  const view = page.toView();
  const image = page.renderRgb(scale);
  const sx = image.width / width;
  const sy = image.height / height;
  // One pixel more on every side: anti-aliased edges of the glyphs are part of what must go.
  burn(
    image,
    cover.map((r) => rectToView(view, r)).map((v) => ({ left: v.left * sx - 1, top: v.top * sy - 1, right: v.right * sx + 1, bottom: v.bottom * sy + 1 })),
  );
  return image;
}

/**
 * A page read by OCR (its text layer is missing or does not say what it shows) is redacted from
 * what OCR read: its own text cannot prove anything, so it is always rasterised, with an
 * invisible layer of the OCR words that remain.
 */
function plan(page: PdfiumPage, boxes: readonly Redaction[], dpi: number, codes: ReadonlyMap<string, number>, layer: OcrLayer | undefined): Plan {
  const marks = marksFor(page, boxes, codes);
  const removal = removeUnderBoxes(page, boxes, { prove: !layer });
  const hidden = remainingWords(layer, removal.cover, page.toView(), page.height);
  if (layer) {
    // OCR's word boxes are estimates from pixels: the burn gets a fifth of the line more on every side.
    const cover = removal.cover.map((r) => {
      const pad = Math.max(1, 0.2 * Math.min(r.width, r.height));
      return { x: r.x - pad, y: r.y - pad, width: r.width + 2 * pad, height: r.height + 2 * pad };
    });
    return {
      mode: 'raster',
      reason: layer.reason,
      image: rasterize(page, cover, dpi),
      marks,
      hidden: remainingWords(layer, cover, page.toView(), page.height),
    };
  }
  if (removal.outcome.mode === 'text') return { mode: 'text', cover: removal.cover, marks, text: removal.outcome.text };
  return { mode: 'raster', reason: removal.outcome.reason, image: rasterize(page, removal.cover, dpi), marks, hidden };
}

/** The characters of a text other than whitespace, in numeric order: equal for two texts that hold the same characters. */
function squash(text: string): Uint32Array {
  const kept = text.replace(/\s+/gu, '');
  const codes = new Uint32Array(kept.length);
  let n = 0;
  for (const c of kept) codes[n++] = c.codePointAt(0) ?? 0;
  return codes.subarray(0, n).sort();
}
const sameCharacters = (a: string, b: string) => {
  const x = squash(a);
  const y = squash(b);
  return x.length === y.length && x.every((c, i) => c === y[i]);
};

/**
 * Reads the written file back with PDFium: a kept page reads exactly as before, a page that kept
 * its text reads as what was left of it plus our labels, an image page only as our labels.
 */
async function verify(bytes: Uint8Array, expected: readonly Expected[]): Promise<void> {
  const doc = await PdfiumDocument.open(bytes);
  try {
    if (doc.pageCount !== expected.length) throw new RedactionError('verification-failed', { cause: 'page count differs' });
    expected.forEach((e, i) => {
      const text = doc.withPage(i, (page) => page.text());
      const ok = e.kind === 'kept' ? text === e.text : sameCharacters(text, (e.kind === 'text' ? e.text : '') + e.drawn.join(''));
      if (!ok) throw new RedactionError('verification-failed', { cause: `page ${String(i + 1)} reads differently than intended` });
    });
  } finally {
    doc.close();
  }
}

/**
 * Step one: a clean copy of the input. PDFium opens it (an owner password is dropped, a damaged
 * cross-reference table rebuilt) and writes it anew; then every page is cleaned (see clean.ts).
 */
async function cleanCopy(pdf: Uint8Array): Promise<{ bytes: Uint8Array; pageCount: number; repaired: boolean; unlocked: boolean }> {
  const source = await openPdfium(pdf);
  let saved: Uint8Array;
  let pageCount: number;
  let unlocked: boolean;
  try {
    pageCount = source.pageCount;
    unlocked = source.encrypted;
    saved = source.save();
  } finally {
    source.close();
  }
  const lib = await openPdfLib(saved, pageCount);
  for (const page of lib.getPages()) stripPage(page.node);
  cleanDocument(lib);
  return {
    bytes: await lib.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }),
    pageCount,
    repaired: !xrefIntact(pdf),
    unlocked,
  };
}

/**
 * Writes a new PDF in which what lies under each box is gone and everything else stays as it was:
 * the glyphs, image pixels and paths under a box are removed from the page itself, which keeps
 * its other text. A page where that cannot be proven from its rendered pixels becomes an image
 * with the boxes burned in, and the outcome says which and why. Nothing else of the input comes
 * along: no metadata, XMP, annotations, attachments, scripts, forms, layers' names, outlines or
 * page labels. The result is one revision, checked by reading it back before it is returned.
 */
export async function redactDocument(pdf: Uint8Array, redactions: readonly Redaction[], options: ApplyOptions = {}): Promise<RedactionOutcome> {
  const { signal, onProgress } = options;
  // Below 72 dpi letters blur into each other; above 600 a page alone fills the pixel budget.
  const dpi = Math.min(600, Math.max(72, Number.isFinite(options.dpi) ? (options.dpi ?? DEFAULT_DPI) : DEFAULT_DPI));
  const checked = parseRedactions(redactions);
  throwIfAborted(signal);
  let working: PdfiumDocument | null = null;
  let reading = true;
  try {
    const clean = await cleanCopy(pdf);
    const { pageCount } = clean;
    if (checked.some((r) => r.page >= pageCount)) throw new RedactionError('invalid-redaction', { cause: 'page out of range' });
    const byPage = new Map<number, Redaction[]>();
    const codes = new Map<string, number>();
    for (const r of [...checked].sort((a, b) => a.page - b.page)) {
      const onPage = byPage.get(r.page);
      if (onPage) onPage.push(r);
      else byPage.set(r.page, [r]);
      // Numbered in page order, so [1] is the first reason a reader meets.
      if (!codes.has(r.reason)) codes.set(r.reason, codes.size + 1);
    }

    working = await PdfiumDocument.open(clean.bytes);
    reading = false;
    const plans = new Map<number, Plan>();
    const ocrByPage = new Map((options.ocr ?? []).map((l) => [l.page, l]));
    const keptText = new Map<number, string>();
    const sizes: { width: number; height: number; view: ReturnType<PdfiumPage['toView']> }[] = [];
    for (let i = 0; i < pageCount; i++) {
      throwIfAborted(signal);
      const boxes = byPage.get(i);
      working.withPage(i, (page) => {
        sizes.push({ width: page.width, height: page.height, view: page.toView() });
        if (boxes) plans.set(i, plan(page, boxes, dpi, codes, ocrByPage.get(i)));
        else keptText.set(i, page.text());
      });
      onProgress?.({ done: i + 1, total: pageCount });
      await breathe();
    }
    const removed = working.save();
    working.close();
    working = null;

    const lib = await openPdfLib(removed, pageCount);
    const out = await PDFDocument.create({ updateMetadata: false });
    out.setProducer('AVG Desk');
    out.setCreator('AVG Desk');
    const font: PDFFont = await out.embedFont(StandardFonts.Helvetica);
    const asText = Array.from({ length: pageCount }, (_, i) => i).filter((i) => plans.get(i)?.mode !== 'raster');
    for (const i of asText) stripPage(lib.getPage(i).node);
    // One copy call for all pages that keep their text, so fonts and images they share are copied once.
    const copies = await out.copyPages(lib, asText);

    const expected: Expected[] = [];
    const pages: PageReport[] = [];
    let next = 0;
    for (let i = 0; i < pageCount; i++) {
      const p = plans.get(i);
      const size = sizes[i];
      if (!size) throw new RedactionError('failed', { cause: 'page size missing' });
      const boxes = byPage.get(i)?.length ?? 0;
      const used = [...new Set((p?.marks ?? []).map((m) => m.code))].sort((a, b) => a - b);
      const legend = used.map((code) => ({ code, reason: [...codes].find(([, c]) => c === code)?.[0] ?? '' }));
      if (p?.mode === 'raster') {
        const drawn = addImagePage(out, font, p.image, size, p.marks, legend);
        const invisible = p.hidden.length > 0 ? drawInvisibleWords(out.getPage(out.getPageCount() - 1), font, p.hidden) : [];
        expected.push({ kind: 'image', drawn: [...drawn, ...invisible] });
        pages.push({ page: i, boxes, mode: 'raster', reason: p.reason });
        continue;
      }
      const copy = copies[next++];
      if (!copy) throw new RedactionError('failed', { cause: 'copied page missing' });
      out.addPage(copy);
      if (p) {
        expected.push({ kind: 'text', text: p.text, drawn: frameTextPage(out, copy, font, size, size.view, p.cover, p.marks, legend) });
        pages.push({ page: i, boxes, mode: 'text' });
      } else {
        expected.push({ kind: 'kept', text: keptText.get(i) ?? '' });
        pages.push({ page: i, boxes: 0, mode: 'text' });
      }
    }

    await out.flush();
    sanitizeOutput(out);
    assertSanitized(out);
    throwIfAborted(signal);
    const bytes = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    await verify(bytes, expected);
    return { pdf: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages, repaired: clean.repaired, unlocked: clean.unlocked };
  } catch (error) {
    if (error instanceof RedactionError) throw error;
    throw new RedactionError(reading ? 'corrupt' : 'failed', { cause: error });
  } finally {
    working?.close();
  }
}

/** `redactDocument`, the file only. */
export async function applyRedactions(pdf: Uint8Array, redactions: readonly Redaction[], options: ApplyOptions = {}): Promise<Buffer> {
  return (await redactDocument(pdf, redactions, options)).pdf;
}
