import { isValidIsoDate } from '../deadlines/dates.js';
import { foldForSearch } from '../cases/search.js';

/**
 * Finds personal data in plain text, as suggestions for redaction. Pure and environment-neutral: the
 * renderer highlights with it, the main process redacts with it. Offsets are UTF-16 indices into the
 * text as given, so `text.slice(start, end)` is exactly what was found.
 *
 * Each detector leans to reporting: a handler reviews every suggestion, and a missed BSN is a data
 * breach while an extra suggestion costs a click. Check digits (BSN, IBAN) and calendar checks (dates)
 * keep the noise down where the data allows it.
 */
export const DETECTOR_KINDS = ['bsn', 'iban', 'phone', 'email', 'dob', 'plate'] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

export interface TextMatch {
  start: number;
  end: number;
  text: string;
}

export interface Candidate extends TextMatch {
  kind: DetectorKind;
}

export function isDetectorKind(value: string): value is DetectorKind {
  return (DETECTOR_KINDS as readonly string[]).includes(value);
}

/** The 11-proef: 9a + 8b + … + 2h − 1i ≡ 0 (mod 11); all zeros is not a number anyone has. */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/u.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (i === 8 ? -1 : 9 - i);
  return sum % 11 === 0;
}

/** IBAN lengths per country (SWIFT IBAN registry); a country not listed has no IBAN. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

export function ibanLength(country: string): number | undefined {
  return IBAN_LENGTHS[country];
}

/** ISO 13616: country code and check digits moved to the end, letters as 10–35, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/gu, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/u.test(compact) || IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return false;
  return ibanMod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

export function ibanMod97(alnum: string): number {
  let rest = 0;
  for (const c of alnum) {
    const value = parseInt(c, 36);
    rest = value > 9 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest;
}

const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}])`;

function collect(text: string, pattern: RegExp, kind: DetectorKind, accept: (m: RegExpExecArray) => boolean = () => true): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(pattern)) {
    if (accept(m)) out.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * A BSN written as 9 digits, possibly grouped with single spaces, dots or dashes (123456782,
 * 1234.56.782, 123 456 782, 123-456-782). Inside a longer grouped number (an IBAN's digits, a phone number) only a group of
 * exactly nine digits counts, so "0417 1643 00" is not read as a BSN but "123456782 12 jaar" is.
 */
function findBsn(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const run of text.matchAll(/(?<![\p{L}\p{N}])\d(?:[ .-]?\d)*/gu)) {
    const whole = run[0].replace(/\D/gu, '').length === 9;
    const pieces = whole
      ? [{ index: 0, value: run[0] }]
      : [...run[0].matchAll(/\d{9}(?!\d)/gu)]
          .filter((g) => g.index === 0 || !/\d/u.test(run[0][g.index - 1] ?? ''))
          .map((g) => ({ index: g.index, value: g[0] }));
    for (const piece of pieces) {
      if (!isValidBsn(piece.value.replace(/\D/gu, ''))) continue;
      const start = run.index + piece.index;
      out.push({ kind: 'bsn', start, end: start + piece.value.length, text: piece.value });
    }
  }
  return out;
}

/** Any registry country; groups of four with single spaces are allowed, lower case too. */
function findIban(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const head of text.matchAll(/(?<![\p{L}\p{N}])([A-Za-z]{2})(\d{2})/gu)) {
    const length = IBAN_LENGTHS[(head[1] ?? '').toUpperCase()];
    if (length === undefined) continue;
    let i = head.index + head[0].length;
    let count = 4;
    while (count < length && i < text.length) {
      const c = text[i] ?? '';
      if (/[A-Za-z0-9]/u.test(c)) count++;
      else if (!(c === ' ' && /[A-Za-z0-9]/u.test(text[i + 1] ?? ''))) break;
      i++;
    }
    if (count !== length || /[\p{L}\p{N}]/u.test(text[i] ?? '')) continue;
    const found = text.slice(head.index, i);
    if (isValidIban(found)) out.push({ kind: 'iban', start: head.index, end: i, text: found });
  }
  return out;
}

/**
 * Dutch numbers: ten digits from the leading 0 (06-12345678, 020-1234567, (0294) 123456,
 * 0612345678), or +31 / 0031 with nine digits after it (an optional "(0)" in between). A bare
 * ten-digit number starting with 0 is reported: that is how many people write their number. A number
 * that merely passes the BSN 11-proef is never a phone number here: BSNs have nine digits and this
 * detector needs ten, so the two cannot collide. Service numbers (0800, 0900, 0906, 0909) belong to
 * companies and are left alone; a date such as 01-03-2011 12 is not a phone number.
 */
const PHONE = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}+])(?:\+|00)31[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?\d){8}(?!\p{N})`,
    String.raw`(?<![\p{L}\p{N}+\-/.])0[1-9](?:[ -]?\d){8}(?!\p{N})`,
    String.raw`(?<![\p{L}\p{N}+])\(0(?:[1-9]\) ?(?:[ -]?\d){8}|[1-9]\d\) ?(?:[ -]?\d){7}|[1-9]\d{2}\) ?(?:[ -]?\d){6})(?!\p{N})`,
  ].join('|'),
  'gu',
);

function findPhone(text: string): Candidate[] {
  return collect(text, PHONE, 'phone', (m) => {
    const digits = m[0].replace(/\D/gu, '');
    const international = m[0].startsWith('+') ? digits.slice(2) : digits.startsWith('0031') ? digits.slice(4) : null;
    const national = international === null ? digits : international.replace(/^0?/u, '0');
    if (/^0(?:800|900|906|909)/u.test(national)) return false;
    return !/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/u.test(m[0]);
  });
}

/** Lengths are bounded (RFC 5321: 64 for the local part, 63 per label) so a long run of text cannot make the scan quadratic. */
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const EMAIL = new RegExp(String.raw`${NOT_WORD_BEFORE}[\p{L}\p{N}._%+-]{0,63}[\p{L}\p{N}]@${LABEL}(?:\.${LABEL}){0,8}\.\p{L}{2,24}${NOT_WORD_AFTER}`, 'gu');

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  maart: 3,
  mrt: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augustus: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Every real calendar date (the handler decides whether it is a birth date): 14-03-2011,
 * 14/03/2011, 14.03.2011, 2011-03-14 and 14 maart 2011 / 14 mrt. 2011. Years have four digits;
 * 14-03-11 is too ambiguous (it is also a sidecode-less reference) to suggest.
 */
const DATE = new RegExp(
  [
    String.raw`${NOT_WORD_BEFORE}(?<d1>\d{1,2})(?<s1>[-/.])(?<m1>\d{1,2})\k<s1>(?<y1>\d{4})${NOT_WORD_AFTER}`,
    String.raw`${NOT_WORD_BEFORE}(?<y2>\d{4})-(?<m2>\d{2})-(?<d2>\d{2})${NOT_WORD_AFTER}`,
    String.raw`${NOT_WORD_BEFORE}(?<d3>\d{1,2})\.?\s+(?<m3>${MONTH_NAMES})\.?\s+(?<y3>\d{4})${NOT_WORD_AFTER}`,
  ].join('|'),
  'giu',
);

function findDates(text: string): Candidate[] {
  return collect(text, DATE, 'dob', (m) => {
    const g = m.groups ?? {};
    const day = Number(g['d1'] ?? g['d2'] ?? g['d3']);
    const monthText = g['m1'] ?? g['m2'] ?? (g['m3'] ?? '').toLowerCase();
    const month = /^\d+$/u.test(monthText) ? Number(monthText) : (MONTHS[monthText] ?? 0);
    const year = Number(g['y1'] ?? g['y2'] ?? g['y3']);
    if (year < 1850 || year > 2199) return false;
    return isValidIsoDate(`${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  });
}

/**
 * Dutch licence plates in sidecodes 1–14, dashes required (without them, "AB12CD" is any code).
 * Any capital letter is accepted, although the RDW leaves out vowels, C and Q from sidecode 4 on:
 * plates are also typed wrongly in letters and notes, and a suggestion too many is cheap.
 */
const LETTER = '[A-Z]';
const SIDECODES = [
  `${LETTER}{2}-\\d{2}-\\d{2}`,
  `\\d{2}-\\d{2}-${LETTER}{2}`,
  `\\d{2}-${LETTER}{2}-\\d{2}`,
  `${LETTER}{2}-\\d{2}-${LETTER}{2}`,
  `${LETTER}{2}-${LETTER}{2}-\\d{2}`,
  `\\d{2}-${LETTER}{2}-${LETTER}{2}`,
  `\\d{2}-${LETTER}{3}-\\d`,
  `\\d-${LETTER}{3}-\\d{2}`,
  `${LETTER}{2}-\\d{3}-${LETTER}`,
  `${LETTER}-\\d{3}-${LETTER}{2}`,
  `${LETTER}{3}-\\d{2}-${LETTER}`,
  `${LETTER}-\\d{2}-${LETTER}{3}`,
  `\\d-${LETTER}{2}-\\d{3}`,
  `\\d{3}-${LETTER}{2}-\\d`,
];
const PLATE = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${SIDECODES.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'gu');

const FINDERS: Readonly<Record<DetectorKind, (text: string) => Candidate[]>> = {
  bsn: findBsn,
  iban: findIban,
  phone: findPhone,
  email: (text) => collect(text, EMAIL, 'email'),
  dob: findDates,
  plate: (text) => collect(text, PLATE, 'plate'),
};

/**
 * All candidates of the given kinds, in text order. Every detector runs, so that a candidate lying
 * inside a longer one of another kind is dropped even when that kind was not asked for: the digits
 * of "NL91 ABNA 0417 1643 00" are part of an IBAN, not a phone number.
 */
export function detect(text: string, kinds: readonly DetectorKind[] = DETECTOR_KINDS): Candidate[] {
  const all = DETECTOR_KINDS.flatMap((kind) => FINDERS[kind](text));
  const inside = (c: Candidate) => all.some((o) => o !== c && o.kind !== c.kind && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start);
  return all.filter((c) => kinds.includes(c.kind) && !inside(c)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The folded text with, for every folded UTF-16 unit, the original range it came from. Folding
 * changes lengths (ß → ss, Ö as O + U+0308 → o, ﬁ → fi), so offsets are mapped back through this.
 * Whitespace runs fold to one space, so a name broken over two lines is still one match.
 */
interface Folded {
  text: string;
  from: number[];
  to: number[];
}

const DASHES = /[\u2010-\u2015\u2212]/gu;

function foldUnit(c: string): string {
  if (/\s/u.test(c)) return ' ';
  return foldForSearch(c.normalize('NFKD'))
    .replace(/\p{Cf}/gu, '')
    .replace(DASHES, '-');
}

function foldWithMap(text: string): Folded {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const c of text) {
    const f = foldUnit(c);
    const end = i + c.length;
    if (f === ' ' && folded.endsWith(' ')) {
      to[to.length - 1] = end;
    } else if (f.length === 0 && to.length > 0) {
      // A combining mark or soft hyphen belongs to the letter before it: a match on that letter covers it.
      to[to.length - 1] = end;
    } else {
      for (let k = 0; k < f.length; k++) {
        from.push(i);
        to.push(end);
      }
      folded += f;
    }
    i = end;
  }
  return { text: folded, from, to };
}

export function foldTerm(term: string): string {
  return foldWithMap(term.trim()).text;
}

/**
 * Case-, accent- and spacing-insensitive occurrences of a term ("Özdemir" finds OZDEMIR, özdemir and
 * O + combining diaeresis), as ranges of the original text. A match inside a longer word counts
 * ("Vries" in "Vriesland"): for redaction a false hit costs a look, a missed one leaks a name.
 */
export function findTerm(text: string, term: string): TextMatch[] {
  const needle = foldTerm(term);
  if (needle.length === 0 || needle === ' ') return [];
  const hay = foldWithMap(text);
  // Matched without spaces and hyphens: a space or hyphen of the term may be missing in the text
  // ("Hello World" drawn as "HelloWorld"; "Hendriks-Østergaard" hyphenated at a line end, which the
  // extractor joins), but the text may not have one where the term has none ("ja nee" is no "jan").
  const compact = withoutSpaces(hay.text);
  const wanted = withoutSpaces(needle, true);
  if (wanted.text.length === 0) return [];
  const out: TextMatch[] = [];
  for (let at = compact.text.indexOf(wanted.text); at !== -1; at = compact.text.indexOf(wanted.text, at + 1)) {
    let fits = true;
    for (let k = 1; k < wanted.text.length && fits; k++) fits = !compact.spaceBefore[at + k] || wanted.spaceBefore[k] === true;
    if (!fits) continue;
    const start = hay.from[compact.at[at] ?? 0] ?? 0;
    const end = hay.to[compact.at[at + wanted.text.length - 1] ?? 0] ?? text.length;
    const previous = out[out.length - 1];
    if (previous && start < previous.end) {
      previous.end = Math.max(previous.end, end);
      previous.text = text.slice(previous.start, previous.end);
    } else {
      out.push({ start, end, text: text.slice(start, end) });
    }
  }
  return out;
}

/** A folded text without its spaces and hyphens: where each character was, and whether one came before it. */
function withoutSpaces(folded: string, term = false): { text: string; at: number[]; spaceBefore: boolean[] } {
  let text = '';
  const at: number[] = [];
  const spaceBefore: boolean[] = [];
  let space = false;
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] === ' ' || folded[i] === '-') {
      // A hyphen in the text is no word boundary to insist on: PDFium reads a soft hyphen in the middle of a word as one.
      if (folded[i] === ' ' || term) space = true;
      continue;
    }
    text += folded[i];
    at.push(i);
    spaceBefore.push(space);
    space = false;
  }
  return { text, at, spaceBefore };
}
