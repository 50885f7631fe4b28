import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DETECTOR_KINDS, isDetectorKind, type DetectorKind } from '../../shared/domain/detectors.js';
import { applyRedactions, extractText, findRedactions, RedactionError } from '../services/redaction/index.js';

export interface RedactFileOptions {
  input: string;
  output: string;
  /** Names and other terms to remove, each found case-, accent- and spacing-insensitively. */
  terms: string[];
  /** Detector kinds; "bsn,iban" and ["bsn", "iban"] both work. */
  patterns: string[];
}

export interface RedactFileResult {
  pages: number;
  redactedPages: number;
  boxes: number;
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
 * `avg-desk redact IN.pdf --term "Naam" --patterns bsn,iban --out OUT.pdf`, outside any case: finds
 * the terms and patterns, redacts them for real and writes a new PDF. Throws an Error with a Dutch
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
    const pages = await extractText(pdf);
    const redactions = findRedactions(pages, { terms, patterns });
    const out = await applyRedactions(pdf, redactions);
    await writeAtomically(options.output, out);
    return { pages: pages.length, redactedPages: new Set(redactions.map((r) => r.page)).size, boxes: redactions.length };
  } catch (error) {
    if (error instanceof RedactionError) throw new Error(error.dutchMessage, { cause: error });
    throw error;
  }
}
