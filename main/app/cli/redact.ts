import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DETECTOR_KINDS, isDetectorKind, type DetectorKind } from '../../../shared/redaction/detectors.js';
import type { PersonIdentifiers } from '../../../shared/redaction/person-variants.js';
import { ocrLayers, readDocument, redactDocument, RedactionError, withOcr, type PageReport, type PageText } from '../../redaction/index.js';
import { mentionsOf, suggestRedactions, type Party } from '../../redaction/redaction-suggest.js';

export interface RedactFileOptions {
  input: string;
  output: string;
  /** Names and other terms to remove, each found case-, accent- and spacing-insensitively. */
  terms: string[];
  /** Detector kinds; "bsn,iban" and ["bsn", "iban"] both work. */
  patterns: string[];
  /** Third parties: every way each is written (surname alone, initials, first name, address …) is removed. */
  persons?: readonly PersonIdentifiers[] | undefined;
  /** The requester, as in an access request: their own data is recognised and left in place. */
  requester?: PersonIdentifiers | undefined;
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
  /** 'tekst behouden', or 'gerasterd (reden)' when the page became an image. */
  result: string;
}

export interface RedactFileResult {
  pages: number;
  redactedPages: number;
  boxes: number;
  perPage: RedactPageReport[];
  /** Findings left in place because they are the requester's own data. */
  requesterFindings: number;
  /** Mentions of a --person (1-based, in the order given) that the output still yields as text. */
  readable: { person: number; page: number }[];
  /** The input had a damaged cross-reference table, rebuilt before redacting. */
  repaired: boolean;
  /** The input had an owner password; the output has none. */
  unlocked: boolean;
}

function resultOf(report: PageReport | undefined, ocrReason: string | null): string {
  if (!report || report.mode === 'text') return 'tekst behouden';
  return report.reason && report.reason !== ocrReason ? `gerasterd (${report.reason})` : 'gerasterd';
}

/** What `avg-desk redact` prints beside the pages: a repaired file, a dropped owner password. */
export function fileNotes(result: RedactFileResult): string[] {
  return [
    ...(result.repaired ? ['Het bestand was beschadigd en is eerst hersteld.'] : []),
    ...(result.unlocked ? ['Het bestand had een eigenaarswachtwoord (beperkingen); het gelakte bestand heeft dat niet.'] : []),
  ];
}

function warningFor(page: PageText, ocr: boolean): string | null {
  if (page.ocr) return null;
  if (page.layer === 'none')
    return ocr ? 'geen tekstlaag en OCR las er geen woorden: controleer de pagina zelf' : 'geen tekstlaag (een scan?): niet doorzocht; gebruik --ocr';
  if (page.layer === 'unreadable' && page.mismatch) {
    return ocr
      ? 'tekst niet betrouwbaar en OCR las er geen woorden: controleer de pagina zelf'
      : 'tekst niet betrouwbaar: een tweede lezer leest andere woorden dan de tekstlaag; niet betrouwbaar doorzocht; gebruik --ocr';
  }
  if (page.layer === 'unreadable')
    return ocr
      ? 'tekst niet leesbaar en OCR las er geen woorden: controleer de pagina zelf'
      : 'tekst niet leesbaar (lettertype zonder tekenkoppeling): niet betrouwbaar doorzocht; gebruik --ocr';
  return null;
}

function parsePatterns(values: readonly string[]): DetectorKind[] {
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v.length > 0);
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
 * `avg-desk redact IN.pdf --person "Naam" --term "Naam" --patterns bsn,iban [--ocr] --out OUT.pdf`,
 * outside any case: finds the persons in every way they are written, the terms and patterns (with --ocr also in the pixels of scans and of pages whose text does
 * not say what they show), redacts them for real and writes a new PDF. Throws an Error with a Dutch
 * message for anything the user can fix; the message never repeats the terms (they are personal data).
 */
export async function redactFile(options: RedactFileOptions): Promise<RedactFileResult> {
  const patterns = parsePatterns(options.patterns);
  const terms = options.terms.map((t) => t.trim()).filter((t) => t.length > 0);
  const parties: Party[] = (options.persons ?? []).filter((p) => p.name.trim().length > 0).map((person, i) => ({ id: String(i + 1), person }));
  if (terms.length === 0 && patterns.length === 0 && parties.length === 0)
    throw new Error('Geef minstens één --person "Naam", --term "Naam" of --patterns bsn,iban,phone,email.');
  if (!options.output) throw new Error('Geef met --out aan waar het gelakte bestand moet komen.');
  if (resolve(options.input) === resolve(options.output)) throw new Error('Kies een ander uitvoerbestand: het origineel wordt nooit overschreven.');
  const pdf = await readInput(options.input);
  try {
    const ocr = options.ocr === true;
    const pages = await readDocument(pdf, { ocr: ocr ? 'verify' : 'off' });
    const requester = options.requester ?? null;
    // Outside a case the run is read as an access request: the requester's own data stays.
    const found = withOcr(pages, (read) => suggestRedactions(read, { parties, requester, caseType: 'inzage', terms, patterns }));
    const redactions = found
      .filter((s) => s.preAccepted)
      .map(({ page, x, y, width, height, reason, source, text, kind }) => ({ page, x, y, width, height, reason, source, text, ...(kind ? { kind } : {}) }));
    const requesterFindings = new Set(found.filter((s) => !s.preAccepted).map((s) => `${s.page}:${s.text}`)).size;
    const outcome = await redactDocument(pdf, redactions, { ocr: ocrLayers(pages) });
    const out = outcome.pdf;
    await writeAtomically(options.output, out);
    // The independent check: what the search still finds in the written file is named, never passed over.
    const written = await readDocument(out, { ocr: 'off' });
    const readable = parties.flatMap((p) => mentionsOf(written, p, requester).map((m) => ({ person: Number(p.id), page: m.page + 1 })));
    const perPage = pages.map((p) => {
      const reason = p.ocr?.reason ?? null;
      return {
        page: p.page + 1,
        boxes: redactions.filter((r) => r.page === p.page).length,
        ocr: reason,
        warning: warningFor(p, ocr),
        result: resultOf(outcome.pages[p.page], reason),
      };
    });
    return {
      pages: pages.length,
      redactedPages: new Set(redactions.map((r) => r.page)).size,
      boxes: redactions.length,
      perPage,
      requesterFindings,
      readable,
      repaired: outcome.repaired,
      unlocked: outcome.unlocked,
    };
  } catch (error) {
    if (error instanceof RedactionError) throw new Error(error.dutchMessage, { cause: error });
    throw error;
  }
}
