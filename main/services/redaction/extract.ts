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

export function readPage(page: PdfiumPage, index: number): PageText {
  const { text, boxes } = page.chars();
  return { page: index, width: page.width, height: page.height, toView: page.toView(), annotations: page.annotationCount, text, boxes, words: words(text, boxes) };
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
