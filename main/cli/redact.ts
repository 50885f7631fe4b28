import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DETECTOR_KINDS, isDetectorKind, type DetectorKind } from '../../shared/domain/detectors.js';
import { applyRedactions, findRedactions, ocrLayers, readDocument, RedactionError, withOcr, type PageText } from '../services/redaction/index.js';

export interface RedactFileOptions {
  input: string;
  output: string;
  /** Names and other terms to remove, each found case-, accent- and spacing-insensitively. */
  terms: string[];
  /** Detector kinds; "bsn,iban" and ["bsn", "iban"] both work. */
  patterns: string[];
  /** Read pages without usable text by OCR, and check every other page's text against OCR. */
  ocr?: boolean | undefined;
}

export interface RedactPageReport {
  /** 1-based, as people count pages. */
  page: number;
  boxes: number;
  /** Why OCR read this page ("geen tekstlaag; OCR gebruikt"), or null. */
  ocr: string | null;
  /** What the user must know about a page nothing could be searched on, or null. */
  warning: string | null;
}

export interface RedactFileResult {
  pages: number;
  redactedPages: number;
  boxes: number;
  perPage: RedactPageReport[];
}

function warningFor(page: PageText, ocr: boolean): string | null {
  if (page.ocr) return null;
  if (page.layer === 'none') return ocr ? 'geen tekstlaag en OCR las er geen woorden: controleer de pagina zelf' : 'geen tekstlaag (een scan?): niet doorzocht; gebruik --ocr';
  if (page.layer === 'unreadable') return ocr ? 'tekst niet leesbaar en OCR las er geen woorden: controleer de pagina zelf' : 'tekst niet leesbaar (lettertype zonder tekenkoppeling): niet betrouwbaar doorzocht; gebruik --ocr';
  return null;
}

function parsePatterns(values: readonly string[]): DetectorKind[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter((v) => v.length > 0);
  const unknown = names.filter((n) => !isDetectorKind(n));
  if (unknown.length > 0) throw new Error(`Onbekend patroon: ${unknown.join(', ')}. Kies uit: ${DETECTOR_KINDS.join(', ')}.`);
  return [...new Set(names.filter(isDetectorKind))];
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`Het bestand ${path} bestaat niet.`, { cause: error });
    if (code === 'EISDIR') throw new Error(`${path} is een map, geen PDF-bestand.`, { cause: error });
    throw new Error(`Het bestand ${path} kan niet worden gelezen.`, { cause: error });
  }
}

/** Writes next to the target and renames, so a cancelled or failed run never leaves half a PDF under the real name. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new Error(`Het gelakte bestand kan niet worden opgeslagen als ${path}. Bestaat de map en mag u daar schrijven?`, { cause: error });
  }
}

/**
 * `avg-desk redact IN.pdf --term "Naam" --patterns bsn,iban [--ocr] --out OUT.pdf`, outside any case:
 * finds the terms and patterns (with --ocr also in the pixels of scans and of pages whose text does
 * not say what they show), redacts them for real and writes a new PDF. Throws an Error with a Dutch
 * message for anything the user can fix; the message never repeats the terms (they are personal data).
 */
export async function redactFile(options: RedactFileOptions): Promise<RedactFileResult> {
  const patterns = parsePatterns(options.patterns);
  const terms = options.terms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (terms.length === 0 && patterns.length === 0) throw new Error('Geef minstens één --term "Naam" of --patterns bsn,iban,phone,email.');
  if (!options.output) throw new Error('Geef met --out aan waar het gelakte bestand moet komen.');
  if (resolve(options.input) === resolve(options.output)) throw new Error('Kies een ander uitvoerbestand: het origineel wordt nooit overschreven.');
  const pdf = await readInput(options.input);
  try {
    const ocr = options.ocr === true;
    const pages = await readDocument(pdf, { ocr: ocr ? 'verify' : 'off' });
    const redactions = withOcr(pages, (read) => findRedactions(read, { terms, patterns }));
    const out = await applyRedactions(pdf, redactions, { ocr: ocrLayers(pages) });
    await writeAtomically(options.output, out);
    const perPage = pages.map((p) => ({ page: p.page + 1, boxes: redactions.filter((r) => r.page === p.page).length, ocr: p.ocr?.reason ?? null, warning: warningFor(p, ocr) }));
    return { pages: pages.length, redactedPages: new Set(redactions.map((r) => r.page)).size, boxes: redactions.length, perPage };
  } catch (error) {
    if (error instanceof RedactionError) throw new Error(error.dutchMessage, { cause: error });
    throw error;
  }
}
