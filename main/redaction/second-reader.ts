import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { foldForSearch } from '../../shared/cases/search.js';

/**
 * A second reading of a document's text, to catch a text layer that does not say what the page
 * shows. pdf.js reads the text as a viewer would, except that a simple font whose characters
 * also carry standard glyph names (its /Encoding) is read by those names rather than by its
 * ToUnicode map: a map that lies ("Marloes" drawn, "Nbsmpft" mapped) then reads differently from
 * PDFium, which trusts the map. Where PDFium itself misreads a font, pdf.js reading it right
 * shows up the same way. Composite (CID) fonts have no glyph names to check against; for them
 * only OCR can tell (`avg-desk redact --ocr`).
 */

const BASE_ENCODINGS = new Set(['WinAnsiEncoding', 'MacRomanEncoding', 'StandardEncoding', 'MacExpertEncoding']);
const SIMPLE = new Set(['Type1', 'MMType1', 'TrueType', 'Type3']);
/** The standard 14 fonts that are not symbolic: without /Encoding they use StandardEncoding. */
const STANDARD_TEXT_FONT = /^(?:[A-Z]{6}\+)?(?:Helvetica|Times|Courier|Arial)/u;
/**
 * A glyph name that says which character it is (Adobe Glyph List style: "a", "eacute", "uni00E9",
 * "a.sc"). Generated names such as "g32", "glyph12", "cid7" or "a0" carry no character.
 */
const MEANINGFUL_NAME = /^(?:[A-Za-z]+|uni[0-9A-Fa-f]{4}|u[0-9A-Fa-f]{4,6})(?:\.[A-Za-z0-9]+)?$/u;

function nameOf(dict: PDFDict, key: string): string | undefined {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/** Whether the font's own encoding names every character it maps, so its ToUnicode can be checked against it. */
function namesItsGlyphs(doc: PDFDocument, font: PDFDict): boolean {
  const encoding = doc.context.lookup(font.get(PDFName.of('Encoding')));
  if (encoding instanceof PDFName) return BASE_ENCODINGS.has(encoding.decodeText());
  if (encoding instanceof PDFDict) {
    const differences = doc.context.lookup(encoding.get(PDFName.of('Differences')));
    if (!(differences instanceof PDFArray)) return nameOf(encoding, 'BaseEncoding') !== undefined;
    const names = differences.asArray().filter((o): o is PDFName => o instanceof PDFName);
    return names.length > 0 && names.every((n) => MEANINGFUL_NAME.test(n.decodeText()));
  }
  if (encoding !== undefined) return false;
  const descriptor = doc.context.lookup(font.get(PDFName.of('FontDescriptor')));
  const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
  return nameOf(font, 'Subtype') === 'Type1' && !embedded && STANDARD_TEXT_FONT.test(nameOf(font, 'BaseFont') ?? '');
}

/**
 * The document with the ToUnicode map taken out of every simple font that names its glyphs, or
 * null when no font has one to take out (then the second reading is pdf.js's plain reading).
 */
async function withoutCheckableMaps(pdf: Uint8Array): Promise<Uint8Array | null> {
  const doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  let taken = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || !object.has(PDFName.of('ToUnicode'))) continue;
    if (!SIMPLE.has(nameOf(object, 'Subtype') ?? '') || !namesItsGlyphs(doc, object)) continue;
    object.delete(PDFName.of('ToUnicode'));
    taken++;
  }
  return taken > 0 ? doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }) : null;
}

/**
 * pdf.js runs its parser in this thread (its "fake worker"), whatever it takes the environment for:
 * in an Electron worker thread it could otherwise look for a browser Worker and a script URL.
 */
async function parserInThisThread(): Promise<void> {
  const holder = globalThis as { pdfjsWorker?: unknown };
  // A variable specifier: the worker build has no type declarations, and it is only handed to pdf.js.
  const specifier = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  holder.pdfjsWorker ??= (await import(specifier)) as unknown;
}

/**
 * Every page's text as the second reader reads it, or null when it cannot read the file (then
 * there is nothing to compare, and PDFium's reading stands as it is).
 */
export async function secondReading(pdf: Uint8Array): Promise<string[] | null> {
  let loading: ReturnType<typeof getDocument> | null = null;
  try {
    await parserInThisThread();
    const bytes = (await withoutCheckableMaps(pdf)) ?? pdf;
    // pdf.js may take the buffer over: it gets its own copy.
    loading = getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      verbosity: 0,
    });
    const doc = await loading.promise;
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
      page.cleanup();
    }
    return pages;
  } catch {
    return null;
  } finally {
    await loading?.destroy().catch(() => undefined);
  }
}

const fold = (s: string) => foldForSearch(s.normalize('NFKC')).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether the second reader reads a word that PDFium's text of the page lacks: one word of four
 * letters or more is enough, since a font that lies may lie about the name alone. Spacing, line
 * breaks and punctuation do not count (both texts are folded to letters and digits), so readers
 * that only split or join words differently agree.
 */
export function readersDisagree(pdfium: string, second: string): boolean {
  const hay = fold(pdfium);
  return second
    .split(/\s+/u)
    .map(fold)
    .some((w) => w.length >= 4 && /^\p{L}+$/u.test(w) && !hay.includes(w));
}
