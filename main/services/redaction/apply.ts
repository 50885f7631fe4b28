import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { z } from 'zod';
import { DETECTOR_KINDS } from '../../../shared/domain/detectors.js';
import { RedactionError } from './errors.js';
import { openPdfium, openPdfLib } from './input.js';
import { PdfiumDocument, rectToView, type PdfiumPage } from './pdfium.js';
import { drawInvisibleWords, type HiddenWord } from './ocr-layer.js';
import { addImagePage, burn, type Mark } from './raster.js';
import { assertSanitized, sanitizeOutput, stripPage } from './sanitize.js';
import { DEFAULT_REASON, type ApplyOptions, type Matrix, type OcrLayer, type Redaction } from './types.js';

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

type Expected = { kind: 'text'; text: string } | { kind: 'image'; drawn: string[] };

/** OCR words that no box touches, placed on the output page (which keeps the shown page's size at its bottom left). */
function remainingWords(layer: OcrLayer | undefined, inView: readonly { left: number; top: number; right: number; bottom: number }[], view: Matrix, height: number): HiddenWord[] {
  if (!layer) return [];
  return layer.words.flatMap((w) => {
    const v = rectToView(view, w);
    if (inView.some((b) => v.left < b.right && v.right > b.left && v.top < b.bottom && v.bottom > b.top)) return [];
    return [{ text: w.text, x: v.left, y: height - v.bottom, width: v.right - v.left, height: v.bottom - v.top }];
  });
}

function rasterize(page: PdfiumPage, boxes: readonly Redaction[], dpi: number, codes: ReadonlyMap<string, number>, out: PDFDocument, font: PDFFont, layer?: OcrLayer): string[] {
  const { width, height } = page;
  const scale = Math.min(dpi / 72, Math.sqrt(MAX_PIXELS / Math.max(1, width * height)));
  const view = page.toView();
  const image = page.renderRgb(scale);
  const sx = image.width / width;
  const sy = image.height / height;
  const inView = boxes.map((b) => rectToView(view, b));
  // One pixel more on every side: anti-aliased edges of the glyphs are part of what must go.
  burn(image, inView.map((v) => ({ left: v.left * sx - 1, top: v.top * sy - 1, right: v.right * sx + 1, bottom: v.bottom * sy + 1 })));
  const marks: Mark[] = inView.map((v, k) => ({ middle: (v.top + v.bottom) / 2, code: codes.get(boxes[k]?.reason ?? '') ?? 0 }));
  const used = [...new Set(marks.map((m) => m.code))].sort((a, b) => a - b);
  const legend = used.map((code) => ({ code, reason: [...codes].find(([, c]) => c === code)?.[0] ?? '' }));
  const drawn = addImagePage(out, font, image, { width, height }, marks, legend);
  const hidden = remainingWords(layer, inView, view, height);
  return hidden.length > 0 ? [...drawn, ...drawInvisibleWords(out.getPage(out.getPageCount() - 1), font, hidden)] : drawn;
}

const squash = (text: string) => text.replace(/\s+/gu, '');

/**
 * Reads the written file back with PDFium: a page that kept its text must read exactly as before
 * (pdf-lib and PDFium saw the same page), an image page may hold nothing but our own labels.
 */
async function verify(bytes: Uint8Array, expected: readonly Expected[]): Promise<void> {
  const doc = await PdfiumDocument.open(bytes);
  try {
    if (doc.pageCount !== expected.length) throw new RedactionError('verification-failed', { cause: 'page count differs' });
    expected.forEach((e, i) => {
      const text = doc.withPage(i, (page) => page.chars().text);
      const ok = e.kind === 'text' ? text === e.text : squash(text) === squash(e.drawn.join(''));
      if (!ok) throw new RedactionError('verification-failed', { cause: `page ${String(i + 1)} reads differently than intended` });
    });
  } finally {
    doc.close();
  }
}

/**
 * Writes a new PDF in which every page with a redaction is an image with the boxes burned into its
 * pixels, and every other page is a copy of its appearance only. Nothing else of the input comes
 * along: no metadata, XMP, annotations, attachments, scripts, forms, layers, outlines or page labels.
 * The result is a complete rewrite (one revision), checked by reading it back before it is returned.
 */
export async function applyRedactions(pdf: Uint8Array, redactions: readonly Redaction[], options: ApplyOptions = {}): Promise<Buffer> {
  const { signal, onProgress } = options;
  // Below 72 dpi letters blur into each other; above 600 a page alone fills the pixel budget.
  const dpi = Math.min(600, Math.max(72, Number.isFinite(options.dpi) ? (options.dpi ?? DEFAULT_DPI) : DEFAULT_DPI));
  const checked = parseRedactions(redactions);
  throwIfAborted(signal);
  let source: PdfiumDocument | null = null;
  let reading = true;
  try {
    source = await openPdfium(pdf);
    const pageCount = source.pageCount;
    if (checked.some((r) => r.page >= pageCount)) throw new RedactionError('invalid-redaction', { cause: 'page out of range' });
    const lib = await openPdfLib(pdf, pageCount);
    const byPage = new Map<number, Redaction[]>();
    const codes = new Map<string, number>();
    for (const r of [...checked].sort((a, b) => a.page - b.page)) {
      const onPage = byPage.get(r.page);
      if (onPage) onPage.push(r);
      else byPage.set(r.page, [r]);
      // Numbered in page order, so [1] is the first reason a reader meets.
      if (!codes.has(r.reason)) codes.set(r.reason, codes.size + 1);
    }

    const out = await PDFDocument.create({ updateMetadata: false });
    out.setProducer('AVG Desk');
    out.setCreator('AVG Desk');
    const font = await out.embedFont(StandardFonts.Helvetica);
    const ocrByPage = new Map((options.ocr ?? []).map((l) => [l.page, l]));
    const kept = Array.from({ length: pageCount }, (_, i) => i).filter((i) => !byPage.has(i));
    for (const i of kept) stripPage(lib.getPage(i).node);
    // One copy call for all kept pages, so fonts and images they share are copied once.
    const copies = await out.copyPages(lib, kept);
    reading = false;

    const expected: Expected[] = [];
    let next = 0;
    for (let i = 0; i < pageCount; i++) {
      throwIfAborted(signal);
      const boxes = byPage.get(i);
      if (boxes) {
        expected.push({ kind: 'image', drawn: source.withPage(i, (page) => rasterize(page, boxes, dpi, codes, out, font, ocrByPage.get(i))) });
      } else {
        const copy = copies[next++];
        if (!copy) throw new RedactionError('failed', { cause: 'copied page missing' });
        out.addPage(copy);
        expected.push({ kind: 'text', text: source.withPage(i, (page) => page.chars().text) });
      }
      onProgress?.({ done: i + 1, total: pageCount });
      await breathe();
    }

    await out.flush();
    sanitizeOutput(out);
    assertSanitized(out);
    throwIfAborted(signal);
    const bytes = await out.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    await verify(bytes, expected);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof RedactionError) throw error;
    throw new RedactionError(reading ? 'corrupt' : 'failed', { cause: error });
  } finally {
    source?.close();
  }
}
