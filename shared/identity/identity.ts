import { parse as parseMrz } from 'mrz';
import { formatDutchDate, isValidIsoDate } from '../deadlines/dates.js';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from './identity-types.js';
import { foldForSearch } from '../cases/search.js';

// The labels and constants live apart (identity-types.ts) so the renderer can use them without the MRZ parser.
export * from './identity-types.js';

export interface DocumentEntry {
  documentType: DocumentType;
  /** ICAO three-letter code: NLD, BEL, DEU … */
  issuingCountry: string;
  documentNumber: string;
  expiry: string;
  surname: string;
  birthDate: string;
  /** The machine-readable zone, line by line, when entered. */
  mrz?: string[] | undefined;
}

export interface CheckResult {
  check: 'land' | 'geldigheid' | 'naam' | 'geboortedatum' | 'documentnummer' | 'mrz';
  ok: boolean;
  /** Dutch: what is wrong, or what was checked. */
  message: string;
}

/**
 * Dutch document numbers: passport and identity card since 2014 are two letters, six letters or
 * digits and a digit, never the letter O; a driving licence number is ten digits.
 */
const DUTCH_NUMBER: Readonly<Record<DocumentType, RegExp | null>> = {
  paspoort: /^[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]$/u,
  identiteitskaart: /^[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]$/u,
  rijbewijs: /^[0-9]{10}$/u,
  verblijfsdocument: null,
};

const MRZ_CODES: Readonly<Record<DocumentType, readonly string[]>> = {
  paspoort: ['P'],
  identiteitskaart: ['I', 'ID', 'A', 'C'],
  verblijfsdocument: ['I', 'ID', 'A', 'C', 'R', 'IR'],
  rijbewijs: ['D', 'DL'],
};

const CHECK_DIGIT_FIELDS: Readonly<Record<string, string>> = {
  documentNumberCheckDigit: 'documentnummer',
  birthDateCheckDigit: 'geboortedatum',
  expirationDateCheckDigit: 'vervaldatum',
  personalNumberCheckDigit: 'persoonsnummer',
  compositeCheckDigit: 'totaal',
};

const words = (text: string) =>
  foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

function checkMrz(lines: string[], entry: DocumentEntry): CheckResult {
  const cleaned = lines.map((l) => l.trim().toUpperCase().replace(/\s+/gu, '')).filter((l) => l.length > 0);
  let result;
  try {
    result = parseMrz(cleaned);
  } catch {
    return {
      check: 'mrz',
      ok: false,
      message: 'De MRZ heeft niet de vorm van een paspoort (2 × 44 tekens), identiteitskaart (3 × 30) of ander ICAO-document.',
    };
  }
  const problems: string[] = [];
  for (const detail of result.details) {
    const what = detail.field ? CHECK_DIGIT_FIELDS[detail.field] : undefined;
    if (what && !detail.valid) problems.push(`het controlecijfer van ${what} klopt niet`);
  }
  const f = result.fields;
  const state = (cleaned[0] ?? '').slice(2, 5).replace(/</gu, '');
  if (state !== entry.issuingCountry.toUpperCase()) problems.push(`het land in de MRZ (${state}) is niet ${entry.issuingCountry.toUpperCase()}`);
  if (f.documentNumber && f.documentNumber.replace(/</gu, '') !== entry.documentNumber.toUpperCase())
    problems.push('het documentnummer verschilt van het ingevoerde');
  if (f.birthDate && isValidIsoDate(entry.birthDate) && f.birthDate !== yymmdd(entry.birthDate)) problems.push('de geboortedatum verschilt van de ingevoerde');
  if (f.expirationDate && isValidIsoDate(entry.expiry) && f.expirationDate !== yymmdd(entry.expiry))
    problems.push('de vervaldatum verschilt van de ingevoerde');
  if (f.lastName && words(f.lastName).join(' ') !== words(entry.surname).join(' ')) problems.push('de achternaam verschilt van de ingevoerde');
  if (f.documentCode && !MRZ_CODES[entry.documentType].includes(f.documentCode.replace(/</gu, '')))
    problems.push(`de documentsoort (${f.documentCode}) past niet bij ${DOCUMENT_TYPE_LABELS[entry.documentType].toLowerCase()}`);
  return problems.length === 0
    ? { check: 'mrz', ok: true, message: 'De MRZ is geldig (ICAO 9303-controlecijfers) en komt overeen met de ingevoerde gegevens.' }
    : { check: 'mrz', ok: false, message: `MRZ: ${problems.join('; ')}.` };
}

/** The checks the app does itself on an identity document, each with a Dutch message. */
export function checkDocument(entry: DocumentEntry, expected: { name: string; birthDate: string | null }, checkDate: string): CheckResult[] {
  const results: CheckResult[] = [];
  const country = entry.issuingCountry.toUpperCase();
  results.push(
    /^[A-Z]{3}$/u.test(country)
      ? { check: 'land', ok: true, message: `Uitgegeven door ${country}.` }
      : { check: 'land', ok: false, message: 'Geef het land van uitgifte als drielettercode (bijvoorbeeld NLD).' },
  );
  if (!isValidIsoDate(entry.expiry)) results.push({ check: 'geldigheid', ok: false, message: 'De vervaldatum is geen bestaande datum.' });
  else if (entry.expiry < checkDate) results.push({ check: 'geldigheid', ok: false, message: `Het document is verlopen op ${formatDutchDate(entry.expiry)}.` });
  else results.push({ check: 'geldigheid', ok: true, message: `Geldig tot en met ${formatDutchDate(entry.expiry)}.` });

  const docSurname = words(entry.surname);
  const caseName = new Set(words(expected.name));
  results.push(
    docSurname.length > 0 && docSurname.every((w) => caseName.has(w))
      ? { check: 'naam', ok: true, message: 'De achternaam komt overeen met de zaak.' }
      : { check: 'naam', ok: false, message: 'De achternaam op het document komt niet overeen met de naam in de zaak.' },
  );
  if (!expected.birthDate)
    results.push({ check: 'geboortedatum', ok: false, message: 'De zaak heeft geen geboortedatum om mee te vergelijken; vul die eerst aan.' });
  else if (entry.birthDate !== expected.birthDate)
    results.push({ check: 'geboortedatum', ok: false, message: 'De geboortedatum op het document verschilt van die in de zaak.' });
  else results.push({ check: 'geboortedatum', ok: true, message: 'De geboortedatum komt overeen met de zaak.' });

  const number = entry.documentNumber.toUpperCase();
  const format = country === 'NLD' ? DUTCH_NUMBER[entry.documentType] : null;
  if (format && !format.test(number)) {
    results.push({
      check: 'documentnummer',
      ok: false,
      message:
        entry.documentType === 'rijbewijs'
          ? 'Een Nederlands rijbewijsnummer bestaat uit tien cijfers.'
          : 'Een Nederlands documentnummer is twee letters, zes letters of cijfers en een cijfer (zonder de letter O).',
    });
  } else if (!/^[A-Z0-9]{5,20}$/u.test(number)) {
    results.push({ check: 'documentnummer', ok: false, message: 'Het documentnummer bestaat uit 5 tot 20 letters en cijfers.' });
  } else {
    results.push({
      check: 'documentnummer',
      ok: true,
      message: format ? 'Het documentnummer heeft de Nederlandse indeling.' : 'Het documentnummer heeft een geldige vorm.',
    });
  }
  if (entry.mrz && entry.mrz.some((l) => l.trim().length > 0)) results.push(checkMrz(entry.mrz, entry));
  return results;
}

/** The last four characters: all of the document number the case keeps. */
export function documentNumberTail(documentNumber: string): string {
  return documentNumber.toUpperCase().slice(-4);
}
