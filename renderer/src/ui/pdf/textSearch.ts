import { findTerm } from '../../../../shared/redaction/detectors.js';
import { mapRect, type Matrix, type Rect } from './geometry.js';
import type { PDFPageProxy } from './pdfjs.js';

/** A piece of text on a page: its characters and where its baseline runs (PDF user space). */
interface Run {
  text: string;
  /** Where the run starts in the page's text. */
  start: number;
  /** The text matrix: baseline origin (e, f), direction (a, b), up (c, d), in user space. */
  transform: Matrix;
  width: number;
  /**
   * To measure parts of it: the font pdf.js loaded for it (under its internal name, once a page
   * using it has been drawn), else the generic family pdf.js names for it.
   */
  font: string;
}

export interface PageText {
  text: string;
  runs: Run[];
  /** User space to the page as shown at scale 1 (points, top-left origin). */
  toView: Matrix;
}

function isMatrix(value: unknown): value is Matrix {
  return Array.isArray(value) && value.length === 6 && value.every((v) => typeof v === 'number');
}

/** The text of a page as pdf.js reads it, with where each piece sits. */
export async function readPageText(page: PDFPageProxy): Promise<PageText> {
  const content = await page.getTextContent();
  const viewport = page.getViewport({ scale: 1 });
  const runs: Run[] = [];
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const transform: unknown = item.transform;
    if (isMatrix(transform))
      runs.push({
        text: item.str,
        start: text.length,
        transform,
        width: item.width,
        font: `"${item.fontName}", ${content.styles[item.fontName]?.fontFamily ?? 'sans-serif'}`,
      });
    text += item.str;
    // A line break becomes a space, so a name broken over two lines is still found.
    if (item.hasEOL) text += ' ';
  }
  const toView: unknown = viewport.transform;
  return { text, runs, toView: isMatrix(toView) ? toView : [1, 0, 0, -1, 0, viewport.height] };
}

let measurer: CanvasRenderingContext2D | null | undefined;

/**
 * How far into a run character `index` starts, as a share of the run's width: measured in the
 * run's font, so a narrow "i" and a wide "M" count as they look. Falls back to counting characters.
 */
function share(run: Run, index: number): number {
  if (index <= 0) return 0;
  if (index >= run.text.length) return 1;
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  if (measurer) {
    measurer.font = `100px ${run.font}`;
    const whole = measurer.measureText(run.text).width;
    if (whole > 0) return measurer.measureText(run.text.slice(0, index)).width / whole;
  }
  return index / run.text.length;
}

/** The rectangle, on the page as shown at scale 1, of characters `from`–`to` of a run. */
function runPart(run: Run, from: number, to: number, toView: Matrix): Rect {
  const [a, b, c, d, e, f] = run.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
  const along = Math.hypot(a, b) || 1;
  const [dx, dy] = [a / along, b / along];
  const [ux, uy] = [c / size, d / size];
  const x0 = run.width * share(run, from);
  const x1 = run.width * share(run, to);
  // From a little below the baseline (descenders) to about the font size above it.
  const corners = [
    [x0, -0.25 * size],
    [x1, -0.25 * size],
    [x0, 0.95 * size],
    [x1, 0.95 * size],
  ].map(([s = 0, u = 0]) => ({ x: e + dx * s + ux * u, y: f + dy * s + uy * u }));
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const user = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  return mapRect(toView, user);
}

export interface TextHit {
  page: number;
  text: string;
  /** On the page as shown at scale 1 (points from the top-left); a hit over two lines has two. */
  rects: Rect[];
}

/** Every occurrence of `term` on a page, case- and accent-insensitive (as the backend's search-and-redact). */
export function findOnPage(pageNumber: number, pageText: PageText, term: string): TextHit[] {
  return findTerm(pageText.text, term).map((match) => ({
    page: pageNumber,
    text: match.text,
    rects: pageText.runs
      .filter((run) => run.start < match.end && run.start + run.text.length > match.start)
      .map((run) => runPart(run, Math.max(0, match.start - run.start), Math.min(run.text.length, match.end - run.start), pageText.toView)),
  }));
}
