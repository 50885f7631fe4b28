import { rectToView, type PdfiumPage, type PixelRegion, type RgbImage } from './pdfium.js';
import type { Matrix, Rect } from './types.js';

/** Resolution of the checks: 108 dpi, a pixel is 2/3 pt, finer than any box's padding. */
const CHECK_SCALE = 1.5;
/** Darker than this in any channel is ink; paper, white-painted pixels and anti-alias halos are not. */
const INK = 200;
const COVER_MARGIN = 0.5;

/** A page that keeps its text comes with that text as PDFium reads it after the removal. */
export type PageMode = { mode: 'text'; text: string } | { mode: 'raster'; reason: string };

export interface PageRemoval {
  /** Where the page gets black boxes: every box, grown to the ink of the glyphs that went. */
  cover: Rect[];
  outcome: PageMode;
}

type PixelRect = PixelRegion;

function toPixels(view: Matrix, r: Rect, inset: number): PixelRect {
  const v = rectToView(view, r);
  return {
    left: Math.ceil(v.left * CHECK_SCALE + inset),
    top: Math.ceil(v.top * CHECK_SCALE + inset),
    right: Math.floor(v.right * CHECK_SCALE - inset),
    bottom: Math.floor(v.bottom * CHECK_SCALE - inset),
  };
}

/** Ink at a pixel of the whole page, read from a rendered part of it that holds the pixel. */
const isInk = (img: RgbImage, x: number, y: number) => {
  const i = ((y - (img.top ?? 0)) * img.width + x - (img.left ?? 0)) * 3;
  return (img.data[i] ?? 255) < INK || (img.data[i + 1] ?? 255) < INK || (img.data[i + 2] ?? 255) < INK;
};

function inkInside(img: RgbImage, p: PixelRect): boolean {
  const { left = 0, top = 0 } = img;
  for (let y = Math.max(top, p.top); y < Math.min(top + img.height, p.bottom); y++)
    for (let x = Math.max(left, p.left); x < Math.min(left + img.width, p.right); x++) if (isInk(img, x, y)) return true;
  return false;
}

/** A box to remove, with the text it was found for where known. */
type Box = Rect & { text?: string };

/**
 * A line's height in whole pixels (the window indexes them). A font that understates its height
 * makes the box a strip: the height then comes from the width per letter (about half an em).
 */
function lineHeight(p: PixelRect, box: Box): number {
  const perLetter = box.text ? (2 * (p.right - p.left)) / Math.max(1, box.text.replace(/\s+/gu, '').length) : 0;
  return Math.ceil(Math.max(2, p.bottom - p.top, perLetter));
}

/** The pixels around a box in which ink that went with it is looked for: a line's height on every side. */
function window(view: Matrix, box: Box, page: { width: number; height: number }): PixelRect {
  const p = toPixels(view, box, 0);
  const h = lineHeight(p, box);
  return { left: Math.max(0, p.left - h), top: Math.max(0, p.top - h), right: Math.min(page.width, p.right + h), bottom: Math.min(page.height, p.bottom + h) };
}

/**
 * The windows to render, overlapping rows joined into one: each band is rendered once. A band
 * starts at the page's left edge because PDFium draws a glyph cut by the left edge of a bitmap
 * differently from the whole page (cut at the top, bottom or right it draws the same); a band
 * holds the pixels of the whole render, give or take two levels of anti-aliasing on the edges of
 * paths, which are placed to 1/256 pixel after the shift.
 */
function bands(windows: readonly PixelRect[]): PixelRect[] {
  const joined: PixelRect[] = [];
  for (const w of [...windows].sort((a, b) => a.top - b.top)) {
    const last = joined[joined.length - 1];
    if (last && w.top < last.bottom) {
      last.bottom = Math.max(last.bottom, w.bottom);
      last.right = Math.max(last.right, w.right);
    } else {
      joined.push({ left: 0, top: w.top, right: w.right, bottom: w.bottom });
    }
  }
  return joined;
}

const contains = (outer: PixelRect, inner: PixelRect) =>
  outer.left <= inner.left && outer.top <= inner.top && outer.right >= inner.right && outer.bottom >= inner.bottom;

/**
 * Ink that went with the removal near a box but outside it (a font whose metrics put the box on a
 * strip of its glyphs, Type3 glyphs drawn off their nominal place): glyph-sized blobs of pixels
 * that were ink before and are paper after, within a line's height of the box. Returned in user
 * space, to be covered too. `before` and `after` hold at least the box's window.
 */
function strayInk(before: RgbImage, after: RgbImage, view: Matrix, box: Box, page: { width: number; height: number }): Rect[] {
  const p = toPixels(view, box, 0);
  const h = lineHeight(p, box);
  const w = window(view, box, page);
  const ww = Math.max(0, w.right - w.left);
  const wh = Math.max(0, w.bottom - w.top);
  // 1 where the pixel was ink before and is paper after; 2 once a blob has taken it.
  const mask = new Uint8Array(ww * wh);
  const b = before.data;
  const a = after.data;
  for (let y = 0; y < wh; y++) {
    let i = ((w.top + y - (before.top ?? 0)) * before.width + w.left - (before.left ?? 0)) * 3;
    let j = ((w.top + y - (after.top ?? 0)) * after.width + w.left - (after.left ?? 0)) * 3;
    for (let x = 0; x < ww; x++, i += 3, j += 3) {
      // Inlined isInk of both: this loop runs over every pixel around every box.
      const was = (b[i] ?? 255) < INK || (b[i + 1] ?? 255) < INK || (b[i + 2] ?? 255) < INK;
      if (was && !((a[j] ?? 255) < INK || (a[j + 1] ?? 255) < INK || (a[j + 2] ?? 255) < INK)) mask[y * ww + x] = 1;
    }
  }
  const stack = new Int32Array(ww * wh);
  let size = 0;
  const take = (k: number) => {
    if (mask[k] !== 1) return;
    mask[k] = 2;
    stack[size++] = k;
  };
  const found: PixelRect[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    take(start);
    let left = ww;
    let right = 0;
    let top = wh;
    let bottom = 0;
    while (size > 0) {
      const at = stack[--size] ?? 0;
      const cx = at % ww;
      const cy = (at - cx) / ww;
      if (cx < left) left = cx;
      if (cx + 1 > right) right = cx + 1;
      if (cy < top) top = cy;
      if (cy + 1 > bottom) bottom = cy + 1;
      if (cx + 1 < ww) take(at + 1);
      if (cx > 0) take(at - 1);
      if (cy + 1 < wh) take(at + ww);
      if (cy > 0) take(at - ww);
    }
    const blob = { left: w.left + left, top: w.top + top, right: w.left + right, bottom: w.top + bottom };
    const outside = blob.left < p.left - 1 || blob.right > p.right + 1 || blob.top < p.top - 1 || blob.bottom > p.bottom + 1;
    // A rule or a background the size of the window is a plain path taken out for the check, not a glyph.
    if (outside && blob.right - blob.left <= 3 * h && blob.bottom - blob.top <= 3 * h) found.push(blob);
  }
  return found.map((b) => fromPixels(view, b));
}

/** View pixels back to user space (inverse of the page's view matrix). */
function fromPixels(view: Matrix, b: PixelRect): Rect {
  const [a, bb, c, d, e, f] = view;
  const det = a * d - bb * c;
  const toUser = (vx: number, vy: number): [number, number] => {
    const x = vx / CHECK_SCALE - e;
    const y = vy / CHECK_SCALE - f;
    return [(d * x - c * y) / det, (-bb * x + a * y) / det];
  };
  const pts = [toUser(b.left - 1, b.top - 1), toUser(b.right + 1, b.top - 1), toUser(b.left - 1, b.bottom + 1), toUser(b.right + 1, b.bottom + 1)];
  const xs = pts.map((q) => q[0]);
  const ys = pts.map((q) => q[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

const centreInside = (c: Rect, r: Rect) => {
  const x = c.x + c.width / 2;
  const y = c.y + c.height / 2;
  return x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height;
};

/**
 * Takes out what lies under the boxes of one page, keeping the rest of the page as it was, and
 * proves it from the rendered pixels: under every box nothing is left but paper and plain lines
 * or fills (which the black box hides and which cannot hold letters), and no character of the
 * page's text sits under a box any more. Where that cannot be shown the page is rasterised, and
 * the reason says why, in Dutch.
 */
export function removeUnderBoxes(page: PdfiumPage, boxes: readonly Box[], options: { prove: boolean } = { prove: true }): PageRemoval {
  const view = page.toView();
  const size = page.pixelSize(CHECK_SCALE);
  // Only the pixels around the boxes are looked at, so only those rows are rendered.
  const regions = bands(boxes.map((b) => window(view, b, size)));
  const before = regions.map((r) => page.renderRgb(CHECK_SCALE, r));
  page.removeUnder(boxes);
  const plain = page.objectsTouching(boxes).filter((o) => o.plain);
  for (const o of plain) page.setActive(o.handle, false);
  let after: RgbImage[];
  try {
    after = regions.map((r) => page.renderRgb(CHECK_SCALE, r));
  } finally {
    for (const o of plain) page.setActive(o.handle, true);
  }
  const tile = (b: Box): { before: RgbImage; after: RgbImage } => {
    const at = regions.findIndex((r) => contains(r, window(view, b, size)));
    const was = before[at];
    const is = after[at];
    if (!was || !is) throw new Error('a box lies outside every rendered band');
    return { before: was, after: is };
  };
  // Half a point more: image pixels under a box are painted as a whole, and a resampled edge pixel may peek out.
  const stray = boxes.flatMap((b) => {
    const t = tile(b);
    return strayInk(t.before, t.after, view, b, size);
  });
  const cover = [...boxes, ...stray].map((r) => ({
    x: r.x - COVER_MARGIN,
    y: r.y - COVER_MARGIN,
    width: r.width + 2 * COVER_MARGIN,
    height: r.height + 2 * COVER_MARGIN,
  }));
  if (!options.prove) return { cover, outcome: { mode: 'raster', reason: '' } };
  const left = page.chars();
  // Per UTF-16 unit, as the boxes are: a character outside the basic plane holds two.
  let textLeft = false;
  for (let i = 0; i < left.text.length && !textLeft; i++) {
    const box = left.boxes[i];
    textLeft = !!box && boxes.some((b) => centreInside(box, b)) && /\S/u.test(left.text[i] ?? '');
  }
  if (textLeft) return { cover, outcome: { mode: 'raster', reason: 'tekst onder een lakvlak kon niet uit de pagina worden verwijderd' } };
  if (boxes.some((b) => inkInside(tile(b).after, toPixels(view, b, 1)))) {
    return { cover, outcome: { mode: 'raster', reason: 'onder een lakvlak bleef inhoud zichtbaar die niet als tekst, afbeelding of lijn te verwijderen is' } };
  }
  page.commit();
  return { cover, outcome: { mode: 'text', text: left.text } };
}
