import { rectToView, type PdfiumPage, type RgbImage } from './pdfium.js';
import type { Matrix, Rect } from './types.js';

/** Resolution of the checks: 108 dpi, a pixel is 2/3 pt, finer than any box's padding. */
const CHECK_SCALE = 1.5;
/** Darker than this in any channel is ink; paper, white-painted pixels and anti-alias halos are not. */
const INK = 200;
const COVER_MARGIN = 0.5;

export type PageMode = { mode: 'text' } | { mode: 'raster'; reason: string };

export interface PageRemoval {
  /** Where the page gets black boxes: every box, grown to the ink of the glyphs that went. */
  cover: Rect[];
  outcome: PageMode;
}

interface PixelRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function toPixels(view: Matrix, r: Rect, inset: number): PixelRect {
  const v = rectToView(view, r);
  return { left: Math.ceil(v.left * CHECK_SCALE + inset), top: Math.ceil(v.top * CHECK_SCALE + inset), right: Math.floor(v.right * CHECK_SCALE - inset), bottom: Math.floor(v.bottom * CHECK_SCALE - inset) };
}

const isInk = (img: RgbImage, x: number, y: number) => {
  const i = (y * img.width + x) * 3;
  return (img.data[i] ?? 255) < INK || (img.data[i + 1] ?? 255) < INK || (img.data[i + 2] ?? 255) < INK;
};

function inkInside(img: RgbImage, p: PixelRect): boolean {
  for (let y = Math.max(0, p.top); y < Math.min(img.height, p.bottom); y++) for (let x = Math.max(0, p.left); x < Math.min(img.width, p.right); x++) if (isInk(img, x, y)) return true;
  return false;
}

/**
 * Ink that went with the removal near a box but outside it (a font whose metrics put the box on a
 * strip of its glyphs, Type3 glyphs drawn off their nominal place): glyph-sized blobs of pixels
 * that were ink before and are paper after, within a line's height of the box. Returned in user
 * space, to be covered too.
 */
function strayInk(before: RgbImage, after: RgbImage, view: Matrix, box: Rect & { text?: string }): Rect[] {
  const p = toPixels(view, box, 0);
  // A font that understates its height makes the box a strip: the line's height then comes from
  // the width per letter (a letter is about half an em wide). Whole pixels: the window indexes them.
  const perLetter = box.text ? (2 * (p.right - p.left)) / Math.max(1, box.text.replace(/\s+/gu, '').length) : 0;
  const h = Math.ceil(Math.max(2, p.bottom - p.top, perLetter));
  const w = { left: Math.max(0, p.left - h), top: Math.max(0, p.top - h), right: Math.min(before.width, p.right + h), bottom: Math.min(before.height, p.bottom + h) };
  const gone = (x: number, y: number) => isInk(before, x, y) && !isInk(after, x, y);
  const seen = new Set<number>();
  const found: PixelRect[] = [];
  for (let y = w.top; y < w.bottom; y++) {
    for (let x = w.left; x < w.right; x++) {
      const key = y * before.width + x;
      if (seen.has(key) || !gone(x, y)) continue;
      const blob = { left: x, top: y, right: x + 1, bottom: y + 1 };
      const stack = [key];
      seen.add(key);
      while (stack.length > 0) {
        const at = stack.pop() ?? 0;
        const cx = at % before.width;
        const cy = Math.floor(at / before.width);
        blob.left = Math.min(blob.left, cx);
        blob.right = Math.max(blob.right, cx + 1);
        blob.top = Math.min(blob.top, cy);
        blob.bottom = Math.max(blob.bottom, cy + 1);
        for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < w.left || nx >= w.right || ny < w.top || ny >= w.bottom) continue;
          const k = ny * before.width + nx;
          if (!seen.has(k) && gone(nx, ny)) {
            seen.add(k);
            stack.push(k);
          }
        }
      }
      const outside = blob.left < p.left - 1 || blob.right > p.right + 1 || blob.top < p.top - 1 || blob.bottom > p.bottom + 1;
      // A rule or a background the size of the window is a plain path taken out for the check, not a glyph.
      if (outside && blob.right - blob.left <= 3 * h && blob.bottom - blob.top <= 3 * h) found.push(blob);
    }
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
export function removeUnderBoxes(page: PdfiumPage, boxes: readonly (Rect & { text?: string })[], options: { prove: boolean } = { prove: true }): PageRemoval {
  const view = page.toView();
  const before = page.renderRgb(CHECK_SCALE);
  page.removeUnder(boxes);
  const plain = page.objectsTouching(boxes).filter((o) => o.plain);
  for (const o of plain) page.setActive(o.handle, false);
  let after: RgbImage;
  try {
    after = page.renderRgb(CHECK_SCALE);
  } finally {
    for (const o of plain) page.setActive(o.handle, true);
  }
  // Half a point more: image pixels under a box are painted as a whole, and a resampled edge pixel may peek out.
  const cover = [...boxes, ...boxes.flatMap((b) => strayInk(before, after, view, b))].map((r) => ({ x: r.x - COVER_MARGIN, y: r.y - COVER_MARGIN, width: r.width + 2 * COVER_MARGIN, height: r.height + 2 * COVER_MARGIN }));
  if (!options.prove) return { cover, outcome: { mode: 'raster', reason: '' } };
  const left = page.chars();
  const textLeft = [...left.text].some((c, i) => /\S/u.test(c) && left.boxes[i] && boxes.some((b) => centreInside(left.boxes[i] as Rect, b)));
  if (textLeft) return { cover, outcome: { mode: 'raster', reason: 'tekst onder een lakvlak kon niet uit de pagina worden verwijderd' } };
  if (boxes.some((b) => inkInside(after, toPixels(view, b, 1)))) {
    return { cover, outcome: { mode: 'raster', reason: 'onder een lakvlak bleef inhoud zichtbaar die niet als tekst, afbeelding of lijn te verwijderen is' } };
  }
  page.commit();
  return { cover, outcome: { mode: 'text' } };
}
