import { RedactionError } from './errors.js';
import { openPdfium } from './input.js';
import type { PdfiumPage } from './pdfium.js';
import type { PageText, Rect, TextItem } from './types.js';

export function unionRects(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((r) => r.x));
  const bottom = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const top = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: bottom, width: right - left, height: top - bottom };
}

function words(text: string, boxes: readonly (Rect | null)[]): TextItem[] {
  const out: TextItem[] = [];
  for (const m of text.matchAll(/\S+/gu)) {
    const rect = unionRects(boxes.slice(m.index, m.index + m[0].length).filter((b): b is Rect => b !== null));
    if (rect) out.push({ ...rect, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Characters that draw nothing a reader sees as text: PDFium's soft-hyphen marker, soft hyphens, zero-width joiners. */
const INVISIBLE = new Set([0x02, 0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const HYPHEN = /[-\u2010\u2011]/u;
const LETTER = /\p{L}/u;

function union(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) return b;
  if (!b) return a;
  return unionRects([a, b]);
}

/** The same glyph drawn twice on top of itself (fake bold, a shadow): one letter, read twice. */
function overprinted(a: Rect | null, b: Rect | null): boolean {
  if (!a || !b) return false;
  return Math.abs(a.x - b.x) < 0.5 * Math.max(a.width, 0.1) && Math.abs(a.y - b.y) < 0.5 * Math.max(a.height, 0.1);
}

/**
 * The page's text as people read it, each character keeping its box: soft hyphens and PDFium's
 * U+0002 go, a word hyphenated at a line end is joined ("li-" / "cense" → "license"), a glyph
 * overprinted on itself (fake bold, read "gguueesstt") counts once, and letter-spaced text
 * ("M a r i j k e") is joined. What goes gives its box to the character before it, so a box over a
 * match still covers every glyph that drew it.
 */
export function normalise(text: string, boxes: readonly (Rect | null)[]): { text: string; boxes: (Rect | null)[] } {
  const chars: string[] = [];
  const kept: (Rect | null)[] = [];
  const absorb = (box: Rect | null) => {
    if (kept.length > 0) kept[kept.length - 1] = union(kept[kept.length - 1] ?? null, box);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const box = boxes[i] ?? null;
    const last = chars.length - 1;
    if (INVISIBLE.has(c.charCodeAt(0))) {
      absorb(box);
      continue;
    }
    if (HYPHEN.test(c) && LETTER.test(chars[last] ?? '')) {
      let j = i + 1;
      while (j < text.length && /\s/u.test(text[j] ?? '')) j++;
      const gap = text.slice(i + 1, j);
      if (/[\r\n]/u.test(gap) && LETTER.test(text[j] ?? '')) {
        absorb(box);
        i = j - 1;
        continue;
      }
    }
    if (/\S/u.test(c) && c === chars[last] && overprinted(kept[last] ?? null, box)) {
      absorb(box);
      continue;
    }
    chars.push(c);
    kept.push(box);
  }
  return joinLetterSpaced(chars, kept);
}

/** Three or more single characters in a row, each set apart by white space, are one word. */
function joinLetterSpaced(chars: readonly string[], boxes: readonly (Rect | null)[]): { text: string; boxes: (Rect | null)[] } {
  const text = chars.join('');
  const drop = new Set<number>();
  const single = /(?<=^|\s)\S(?:\s+\S(?=\s|$)){2,}/gu;
  for (const m of text.matchAll(single)) for (let k = 0; k < m[0].length; k++) if (/\s/u.test(m[0][k] ?? '')) drop.add(m.index + k);
  if (drop.size === 0) return { text, boxes: [...boxes] };
  return { text: chars.filter((_, i) => !drop.has(i)).join(''), boxes: boxes.filter((_, i) => !drop.has(i)) };
}

export function readPage(page: PdfiumPage, index: number): PageText {
  const read = page.chars();
  const { text, boxes } = normalise(read.text, read.boxes);
  return {
    page: index,
    width: page.width,
    height: page.height,
    toView: page.toView(),
    annotations: page.annotationCount,
    text,
    boxes,
    words: words(text, boxes),
  };
}

/**
 * Every page's text with the box of each character, in user space. Includes text nobody sees
 * (an OCR layer in render mode 3, white text): it is in the file, so it must be findable.
 */
export async function extractText(pdf: Uint8Array, options: { signal?: AbortSignal | undefined } = {}): Promise<PageText[]> {
  const doc = await openPdfium(pdf);
  try {
    const pages: PageText[] = [];
    for (let i = 0; i < doc.pageCount; i++) {
      if (options.signal?.aborted) throw new RedactionError('cancelled');
      pages.push(doc.withPage(i, (page) => readPage(page, i)));
    }
    return pages;
  } finally {
    doc.close();
  }
}
