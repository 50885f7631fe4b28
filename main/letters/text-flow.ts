import type fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type PDFDocument, type PDFFont, type PDFPage, rgb, type RGB } from 'pdf-lib';

/**
 * Text on pages for letters: DejaVu Sans (regular and bold, embedded and subset, so names such as
 * Łukasz Nguyễn-Özdemir, Ağaoğlu and Weißstraße print), word wrapping, and a cursor that moves to
 * a new page when the current one is full.
 */
export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;
export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);
export const LIGHT = rgb(0.9, 0.9, 0.9);

// Not named `require`: the bundle adds a module-level `require` of its own (electron-vite's CommonJS shim).
const resolver = createRequire(import.meta.url);
const fontFiles = new Map<string, Buffer>();
function fontBytes(file: string): Buffer {
  let bytes = fontFiles.get(file);
  if (!bytes) {
    bytes = readFileSync(resolver.resolve(`dejavu-fonts-ttf/ttf/${file}`));
    fontFiles.set(file, bytes);
  }
  return bytes;
}

/**
 * Advance widths per character, parsed once per process. pdf-lib measures by shaping the whole
 * string each time, which made wrapping a letter take half a second; summing cached advances is
 * the same figure (pdf-lib draws without kerning) at a fraction of the cost.
 */
class Metrics {
  private readonly font: fontkit.Font;
  private readonly widths = new Map<string, number>();
  readonly codePoints: ReadonlySet<number>;

  constructor(kit: typeof fontkit, bytes: Buffer) {
    this.font = kit.create(bytes);
    this.codePoints = new Set(this.font.characterSet);
  }

  /** Width in points at `size`. */
  width(text: string, size: number): number {
    let units = 0;
    for (const c of text) {
      let w = this.widths.get(c);
      if (w === undefined) {
        w = this.font.glyphForCodePoint(c.codePointAt(0) ?? 32).advanceWidth / this.font.unitsPerEm;
        this.widths.set(c, w);
      }
      units += w;
    }
    return units * size;
  }
}

const metrics = new Map<string, Metrics>();
function metricsOf(kit: typeof fontkit, file: string): Metrics {
  let m = metrics.get(file);
  if (!m) {
    m = new Metrics(kit, fontBytes(file));
    metrics.set(file, m);
  }
  return m;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Code points both fonts can show. */
  supported: ReadonlySet<number>;
  /** Width of `text` in `font` at `size`, in points. */
  width(font: PDFFont, text: string, size: number): number;
}

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';

/** fontkit takes 0.4 s to load: only when a letter is drawn, not with every process that could draw one. */
export const loadFontkit = async (): Promise<typeof fontkit> => (await import('@pdf-lib/fontkit')).default;

export async function embedFonts(pdf: PDFDocument): Promise<Fonts> {
  const kit = await loadFontkit();
  pdf.registerFontkit(kit);
  const regular = await pdf.embedFont(fontBytes(REGULAR), { subset: true });
  const bold = await pdf.embedFont(fontBytes(BOLD), { subset: true });
  const [r, b] = [metricsOf(kit, REGULAR), metricsOf(kit, BOLD)];
  return {
    regular,
    bold,
    supported: new Set([...r.codePoints].filter((c) => b.codePoints.has(c))),
    width: (font, text, size) => (font === bold ? b : r).width(text, size),
  };
}

/**
 * NFC first: pdf-lib places glyphs one after another without mark positioning, so a name typed
 * with combining accents (NFD) would print its accents beside the letters. Characters the font
 * lacks, and control characters, become a space rather than a missing-glyph box.
 */
export function printable(text: string, fonts: Fonts): string {
  return [...text.normalize('NFC')]
    .map((c) => {
      const cp = c.codePointAt(0) ?? 0;
      if (c === '\t') return ' ';
      return cp < 0x20 || !fonts.supported.has(cp) ? ' ' : c;
    })
    .join('');
}

/** Lines of at most `width` points; a word wider than a line is cut. */
export function wrap(fonts: Fonts, text: string, font: PDFFont, size: number, width: number): string[] {
  const measure = (t: string) => fonts.width(font, t, size);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/u).filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (measure(line) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > width) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface TextStyle {
  font: PDFFont;
  size: number;
  leading: number;
  color?: RGB;
}

/** A cursor over pages: `y` is the baseline of the next line; `ensure` starts a page when needed. */
export class Flow {
  page: PDFPage;
  y: number;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    readonly left: number,
    readonly width: number,
    private readonly bottom: number,
    private readonly startPage: (page: PDFPage, index: number) => number,
  ) {
    this.page = this.newPage();
    this.y = this.startPage(this.page, 0);
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(page);
    return page;
  }

  /** Room for `height` points below the cursor, or a new page. */
  ensure(height: number): void {
    if (this.y - height >= this.bottom) return;
    this.page = this.newPage();
    this.y = this.startPage(this.page, this.pages.length - 1);
  }

  space(points: number): void {
    this.y -= points;
  }

  /**
   * Wrapped text at `x` (default: the left margin) in `width`; lines may run onto the next page,
   * but never fewer than `minLinesAfterBreak` of them (the last lines move together).
   */
  text(text: string, style: TextStyle, x = this.left, width = this.width, minLinesAfterBreak = 1): void {
    const lines = wrap(this.fonts, printable(text, this.fonts), style.font, style.size, width);
    for (const [i, line] of lines.entries()) {
      const left = lines.length - i;
      this.ensure(left === minLinesAfterBreak ? left * style.leading : style.leading);
      this.page.drawText(line, { x, y: this.y - style.size, size: style.size, font: style.font, color: style.color ?? BLACK });
      this.y -= style.leading;
    }
  }

  /** Lines a text takes at this width: to keep blocks together. */
  lineCount(text: string, style: TextStyle, width = this.width): number {
    return wrap(this.fonts, printable(text, this.fonts), style.font, style.size, width).length;
  }
}
