import { PDFiumModule } from '@hyzyla/pdfium';
import type { LetterContent } from '../../shared/letters/types.js';

/**
 * What a letter looks like on paper, read back with PDFium's character boxes (not the text
 * extraction, which stays clean when glyphs overprint). Each check returns problems in words a
 * reviewer can act on; an empty list is a letter that holds on paper.
 */
const MM = 72 / 25.4;
const PAGE_HEIGHT = 841.89;
const PAGE_WIDTH = 595.28;
/** The text area: 25 mm left, 20 mm right; the body ends 25 mm from the foot, the page footer sits below 16 mm. */
const LEFT = 25 * MM;
const RIGHT = PAGE_WIDTH - 20 * MM;
const BODY_BOTTOM = 25 * MM;
const FOOTER_TOP = 16 * MM;
const TOP = PAGE_HEIGHT - 5 * MM;
/** The address field that a Dutch window envelope shows: 25–110 mm from the left, 50–85 mm from the top. */
const WINDOW = { left: 25 * MM, right: 110 * MM, top: PAGE_HEIGHT - 50 * MM, bottom: PAGE_HEIGHT - 85 * MM };
/** Loose boxes of neighbouring glyphs on one line touch; a real overprint overlaps by more than this. */
const EPSILON = 0.3;

interface Box {
  left: number;
  right: number;
  bottom: number;
  top: number;
}
interface Glyph extends Box {
  char: string;
  baseline: number;
  size: number;
  /** Position in the page's text, and whether a space came before it there: to read lines back as words. */
  index: number;
  spaced: boolean;
}
interface Line extends Box {
  text: string;
  glyphs: Glyph[];
}
interface Page {
  glyphs: Glyph[];
  lines: Line[];
}

const normalize = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Glyphs on one baseline in one size make a line. */
function lines(glyphs: readonly Glyph[]): Line[] {
  const byKey = new Map<string, Glyph[]>();
  for (const g of glyphs) {
    const key = `${g.baseline.toFixed(1)}:${g.size.toFixed(1)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), g]);
  }
  return [...byKey.values()]
    .map((gs) => {
      const sorted = [...gs].sort((a, b) => a.index - b.index);
      return {
        text: normalize(sorted.map((g, i) => (i > 0 && g.spaced ? ' ' : '') + g.char).join('')),
        glyphs: sorted,
        left: Math.min(...sorted.map((g) => g.left)),
        right: Math.max(...sorted.map((g) => g.right)),
        bottom: Math.min(...sorted.map((g) => g.bottom)),
        top: Math.max(...sorted.map((g) => g.top)),
      };
    })
    .sort((a, b) => b.bottom - a.bottom);
}

interface RawPdfium {
  _FPDF_InitLibraryWithConfig(config: object): void;
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetUnicode(textPage: number, index: number): number;
  _FPDFText_IsGenerated(textPage: number, index: number): number;
  _FPDFText_GetCharBox(textPage: number, index: number, left: number, right: number, bottom: number, top: number): number;
  _FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  _FPDFText_GetFontSize(textPage: number, index: number): number;
  wasmExports: { malloc(size: number): number; free(ptr: number): void };
  HEAPU8: Uint8Array;
}

let loading: Promise<RawPdfium> | null = null;
/** PDFium's raw C API: the tight glyph box (what ink a glyph can cover) and its baseline, which the redaction wrapper does not expose. */
function pdfium(): Promise<RawPdfium> {
  loading ??= (async () => {
    const m = (await PDFiumModule({})) as unknown as RawPdfium;
    m._FPDF_InitLibraryWithConfig({ version: 2, m_pIsolate: null, m_pUserFontPaths: null, m_v8EmbedderSlot: 0, m_pPlatform: null });
    return m;
  })();
  return loading;
}

function pageGlyphs(m: RawPdfium, page: number): Glyph[] {
  const textPage = m._FPDFText_LoadPage(page);
  const out = m.wasmExports.malloc(48);
  try {
    const glyphs: Glyph[] = [];
    const count = m._FPDFText_CountChars(textPage);
    let spaced = false;
    for (let i = 0; i < count; i++) {
      const code = m._FPDFText_GetUnicode(textPage, i);
      const char = String.fromCodePoint(code > 0 && code <= 0x10ffff ? code : 0xfffd);
      if (m._FPDFText_IsGenerated(textPage, i) || /\s/u.test(char)) {
        spaced = true;
        continue;
      }
      if (!m._FPDFText_GetCharBox(textPage, i, out, out + 8, out + 16, out + 24) || !m._FPDFText_GetCharOrigin(textPage, i, out + 32, out + 40)) continue;
      const v = new DataView(m.HEAPU8.buffer, out, 48);
      const [left, right, bottom, top, , baseline] = [0, 8, 16, 24, 32, 40].map((o) => v.getFloat64(o, true)) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      glyphs.push({ char, left, right, bottom, top, baseline, size: m._FPDFText_GetFontSize(textPage, i), index: i, spaced });
      spaced = false;
    }
    return glyphs;
  } finally {
    m.wasmExports.free(out);
    m._FPDFText_ClosePage(textPage);
  }
}

export async function readGlyphs(pdf: Uint8Array): Promise<Page[]> {
  const m = await pdfium();
  const bytes = m.wasmExports.malloc(pdf.length);
  m.HEAPU8.set(pdf, bytes);
  const doc = m._FPDF_LoadMemDocument(bytes, pdf.length, 0);
  try {
    if (!doc) throw new Error('PDFium kan de brief niet openen');
    const pages: Page[] = [];
    for (let i = 0; i < m._FPDF_GetPageCount(doc); i++) {
      const page = m._FPDF_LoadPage(doc, i);
      try {
        const glyphs = pageGlyphs(m, page);
        pages.push({ glyphs, lines: lines(glyphs) });
      } finally {
        m._FPDF_ClosePage(page);
      }
    }
    return pages;
  } finally {
    if (doc) m._FPDF_CloseDocument(doc);
    m.wasmExports.free(bytes);
  }
}

const overlap = (a: Box, b: Box): boolean =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > EPSILON && Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom) > EPSILON;
const mm = (points: number): string => `${(points / MM).toFixed(1)} mm`;

function overprints(pages: readonly Page[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, p) => {
    for (let i = 0; i < page.lines.length; i++) {
      for (let j = i + 1; j < page.lines.length; j++) {
        const a = page.lines[i];
        const b = page.lines[j];
        if (!a || !b || !overlap(a, b)) continue;
        if (a.glyphs.some((g) => b.glyphs.some((h) => overlap(g, h)))) problems.push(`pagina ${String(p + 1)}: "${a.text}" en "${b.text}" overlappen`);
      }
    }
  });
  return problems;
}

function margins(pages: readonly Page[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, p) => {
    for (const line of page.lines) {
      const inFooter = line.top < FOOTER_TOP;
      if (line.left < LEFT - EPSILON || line.right > RIGHT + EPSILON)
        problems.push(`pagina ${String(p + 1)}: "${line.text}" loopt buiten de zijmarge (${mm(line.left)}–${mm(line.right)})`);
      if (line.top > TOP) problems.push(`pagina ${String(p + 1)}: "${line.text}" staat boven de bovenmarge`);
      // The body's last baseline sits on the bottom margin; its descenders may hang a little below.
      if (!inFooter && line.bottom < BODY_BOTTOM - 3.5)
        problems.push(`pagina ${String(p + 1)}: "${line.text}" loopt in de ondermarge (${mm(line.bottom)} van onderen)`);
    }
  });
  return problems;
}

/** The last line of the body of a page must not be (the end of) a heading. */
function orphanHeadings(pages: readonly Page[], content: LetterContent): string[] {
  const headings = content.blocks.filter((b) => b.type === 'heading').map((b) => normalize(b.text));
  const problems: string[] = [];
  pages.forEach((page, p) => {
    const body = page.lines.filter((l) => l.top >= FOOTER_TOP);
    const last = body[body.length - 1];
    if (!last || p === pages.length - 1) return;
    const heading = headings.find((h) => h === last.text || (last.text.length > 3 && h.endsWith(last.text)));
    if (heading) problems.push(`pagina ${String(p + 1)} eindigt met het kopje "${heading}"`);
  });
  return problems;
}

function pageTexts(pages: readonly Page[]): string[] {
  return pages.map((page) =>
    normalize(
      page.lines
        .filter((l) => l.top >= FOOTER_TOP)
        .map((l) => l.text)
        .join(' '),
    ),
  );
}

/** A paragraph of at most `maxChars` characters (about four lines), and the closing with the signatory, stay on one page. */
function splitParagraphs(pages: readonly Page[], content: LetterContent, maxChars: number): string[] {
  const texts = pageTexts(pages);
  const problems: string[] = [];
  const short = content.blocks
    .filter((b) => b.type === 'paragraph')
    .map((b) => normalize(b.text))
    .filter((t) => t.length <= maxChars);
  for (const paragraph of short) {
    if (!texts.some((t) => t.includes(paragraph))) problems.push(`de alinea "${paragraph.slice(0, 60)}…" is over twee pagina's verdeeld`);
  }
  const closing = normalize(content.closing);
  const organisation = normalize(content.signatory.organisation);
  if (!texts.some((t) => t.includes(closing) && t.indexOf(organisation, t.indexOf(closing)) > -1))
    problems.push('de slotzin en de ondertekening staan niet op één pagina');
  return problems;
}

/** The addressee's name and address on page 1 lie in the window, and nothing but the return address shares it. */
function envelopeWindow(pages: readonly Page[], content: LetterContent): string[] {
  const first = pages[0];
  if (!first) return ['de brief heeft geen pagina'];
  const problems: string[] = [];
  const inWindow = (b: Box) =>
    b.left >= WINDOW.left - EPSILON && b.right <= WINDOW.right + EPSILON && b.top <= WINDOW.top + EPSILON && b.bottom >= WINDOW.bottom - EPSILON;
  const touchesWindow = (b: Box) => b.right > WINDOW.left && b.left < WINDOW.right && b.top > WINDOW.bottom && b.bottom < WINDOW.top;
  const windowText = normalize(
    first.lines
      .filter(touchesWindow)
      .filter((l) => !l.text.startsWith('Retouradres'))
      .map((l) => l.text)
      .join(' '),
  );
  const expected = normalize([content.addressee.name, ...content.addressee.lines].join(' '));
  if (windowText !== expected) problems.push(`in het venster staat "${windowText}", verwacht "${expected}"`);
  for (const line of first.lines.filter(touchesWindow)) {
    if (!inWindow(line)) problems.push(`"${line.text}" valt deels buiten het venster`);
  }
  return problems;
}

export async function layoutProblems(pdf: Uint8Array, content: LetterContent): Promise<string[]> {
  const pages = await readGlyphs(pdf);
  return [
    ...overprints(pages),
    ...margins(pages),
    ...orphanHeadings(pages, content),
    ...splitParagraphs(pages, content, 350),
    ...envelopeWindow(pages, content),
  ];
}
