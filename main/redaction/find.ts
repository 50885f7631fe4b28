import { detect, findTerm, type DetectorKind, type TextMatch } from '../../shared/redaction/detectors.js';
import { DEFAULT_REASON, type PageText, type Rect, type Redaction } from './types.js';

export interface FindOptions {
  terms?: readonly string[] | undefined;
  patterns?: readonly DetectorKind[] | undefined;
  reason?: string | undefined;
}

/** Two glyph boxes belong to one line when they share most of their height and little lies between them. */
function continuesLine(line: Rect, next: Rect): boolean {
  const overlap = Math.min(line.y + line.height, next.y + next.height) - Math.max(line.y, next.y);
  const height = Math.min(line.height, next.height);
  if (overlap >= 0.5 * height) {
    const gap = next.x - (line.x + line.width);
    return gap < 3 * height && next.x > line.x - height;
  }
  // Vertical text: boxes stack, sharing most of their width.
  const across = Math.min(line.x + line.width, next.x + next.width) - Math.max(line.x, next.x);
  const width = Math.min(line.width, next.width);
  const vgap = Math.max(line.y - (next.y + next.height), next.y - (line.y + line.height));
  return across >= 0.5 * width && vgap < 3 * width;
}

function grow(r: Rect, by: Rect): Rect {
  const left = Math.min(r.x, by.x);
  const bottom = Math.min(r.y, by.y);
  return { x: left, y: bottom, width: Math.max(r.x + r.width, by.x + by.width) - left, height: Math.max(r.y + r.height, by.y + by.height) - bottom };
}

/**
 * The boxes covering characters start…end of a page: one per line, a hair wider than the glyphs. A line
 * break in the text always starts a new box: one box over "…Jan de" and "Vries…" would black out
 * everything between the two lines' ends.
 */
export function boxesForRange(page: PageText, start: number, end: number): Rect[] {
  const lines: Rect[] = [];
  let line: Rect | null = null;
  let broken = false;
  for (let i = start; i < end; i++) {
    const box = page.boxes[i];
    if (!box) {
      broken ||= /[\r\n]/u.test(page.text[i] ?? '');
      continue;
    }
    if (line && !broken && continuesLine(line, box)) {
      line = grow(line, box);
    } else {
      if (line) lines.push(line);
      line = box;
    }
    broken = false;
  }
  if (line) lines.push(line);
  // The height of the line and no more: a taller box would take glyphs of the lines above and
  // below with it. Glyph ink outside the line's box is found from the rendered page when applying.
  return lines.map((r) => {
    const pad = Math.max(0.3, 0.03 * Math.min(r.width, r.height));
    return { x: r.x - pad, y: r.y - pad / 3, width: r.width + 2 * pad, height: r.height + (2 * pad) / 3 };
  });
}

/**
 * Boxes over every occurrence of the terms (case-, accent- and spacing-insensitive; a term may cross
 * text items, TJ kerning and line breaks) and of the chosen kinds of personal data.
 */
export function findRedactions(pages: readonly PageText[], options: FindOptions): Redaction[] {
  const reason = options.reason ?? DEFAULT_REASON;
  const terms = (options.terms ?? []).map((t) => t.trim()).filter((t) => t.length > 0);
  const out: Redaction[] = [];
  for (const page of pages) {
    const add = (m: TextMatch, source: 'term' | 'pattern', kind?: DetectorKind) => {
      for (const box of boxesForRange(page, m.start, m.end)) out.push({ page: page.page, ...box, reason, source, text: m.text, ...(kind ? { kind } : {}) });
    };
    for (const term of terms) for (const m of findTerm(page.text, term)) add(m, 'term');
    if (options.patterns && options.patterns.length > 0) for (const c of detect(page.text, options.patterns)) add(c, 'pattern', c.kind);
  }
  return out;
}
