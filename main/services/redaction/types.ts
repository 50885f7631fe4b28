import type { DetectorKind } from '../../../shared/domain/detectors.js';

/** A rectangle in PDF user space: points, origin bottom-left, y up; (x, y) is the lower-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A word as the extractor sees it; `start`/`end` index into the page's `text`. */
export interface TextItem extends Rect {
  text: string;
  start: number;
  end: number;
}

/**
 * One page's text as PDFium reads it, which is also what PDFium renders when the page is rasterized,
 * so boxes found here line up with the pixels burned later.
 */
export interface PageText {
  /** Zero-based page index. */
  page: number;
  /** Page size as shown (crop box, after /Rotate), in points. */
  width: number;
  height: number;
  /**
   * User space → shown page, in points with the origin top-left and y down: [a, b, c, d, e, f] as in
   * a PDF matrix (x' = a·x + c·y + e, y' = b·x + d·y + f). Multiply by a render scale for pixels.
   */
  toView: Matrix;
  /**
   * Annotations and form fields on the page. The output leaves them out rather than flattening them,
   * so the UI should warn when a page has any whose content the requester is entitled to.
   */
  annotations: number;
  text: string;
  /** The box of every UTF-16 unit of `text`; null where PDFium inferred a space or line break. */
  boxes: (Rect | null)[];
  words: TextItem[];
}

export type Matrix = [number, number, number, number, number, number];

export type RedactionSource = 'term' | 'pattern' | 'manual';

export interface Redaction extends Rect {
  /** Zero-based page index. */
  page: number;
  /** The legal ground, printed in the legend (e.g. "art. 15 lid 4 AVG"). */
  reason: string;
  source: RedactionSource;
  /** What was found; empty for a box drawn by hand. Personal data: never log it. */
  text: string;
  kind?: DetectorKind | undefined;
}

export interface RedactionProgress {
  /** Pages written so far. */
  done: number;
  total: number;
}

export interface ApplyOptions {
  onProgress?: ((progress: RedactionProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Raster resolution of redacted pages; 150 unless set. */
  dpi?: number | undefined;
}

export const DEFAULT_REASON = 'art. 15 lid 4 AVG';
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;
export const MAX_PAGES = 2000;
