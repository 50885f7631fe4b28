import type { DetectorKind } from '../../shared/redaction/detectors.js';

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
  /**
   * Whether `text` is the page as it reads: `none` when nothing is extracted but the page shows
   * something (a scan, or glyphs without any mapping), `blank` when it shows nothing either,
   * `unreadable` when what is extracted is not what the page shows. Absent when the page was read
   * without that check (`extractText`).
   */
  layer?: TextLayer | undefined;
  /**
   * A second reader (pdf.js, reading simple fonts by their glyph names) reads words this text
   * lacks: a ToUnicode map that lies, or a font PDFium misreads. The page's layer is then
   * `unreadable`, so OCR reads it where OCR runs, and it is flagged where it does not.
   */
  mismatch?: boolean | undefined;
  /** What OCR read on the page, when the text layer could not be trusted (see ocr-read.ts). */
  ocr?: PageOcr | undefined;
}

export type TextLayer = 'text' | 'none' | 'blank' | 'unreadable';

/** Why a page was read by OCR; shown per page to the handler and printed by the CLI. */
export const OCR_REASONS = { none: 'geen tekstlaag; OCR gebruikt', unreadable: 'tekst niet leesbaar; OCR gebruikt' } as const;
export type OcrReason = (typeof OCR_REASONS)[keyof typeof OCR_REASONS];

/** OCR's reading of a page, in the same shape as PDFium's: user-space boxes, one per UTF-16 unit. */
export interface PageOcr {
  reason: OcrReason;
  text: string;
  /** Every character of a word carries the whole word's box: a match inside a word covers all of it. */
  boxes: (Rect | null)[];
  words: TextItem[];
}

/**
 * A page redacted from what OCR read: rasterised, and given an invisible text layer of the words
 * that remain (the words under a box are left out), so the requester can still search it.
 */
export interface OcrLayer {
  page: number;
  reason: OcrReason;
  words: { text: string; x: number; y: number; width: number; height: number }[];
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
  /** Pages read by OCR (from `readDocument`); with a box they are rasterised with an invisible text layer. */
  ocr?: readonly OcrLayer[] | undefined;
}

/** What became of one page of the output. */
export interface PageReport {
  /** Zero-based page index. */
  page: number;
  boxes: number;
  /** `text`: the page kept its text (with what lay under the boxes removed); `raster`: it became an image. */
  mode: 'text' | 'raster';
  /** Why a page with boxes was rasterised, in Dutch. */
  reason?: string | undefined;
}

export interface RedactionOutcome {
  pdf: Buffer;
  pages: PageReport[];
  /** The input's cross-reference data was damaged and PDFium rebuilt it before redacting. */
  repaired: boolean;
  /** The input carried an owner password (restrictions, no password to open); the output has none. */
  unlocked: boolean;
}

export const DEFAULT_REASON = 'art. 15 lid 4 AVG';
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;
export const MAX_PAGES = 2000;
