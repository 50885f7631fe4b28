import { detect, findTerm, foldTerm, type TextMatch } from './detectors.js';

/**
 * Every way a person is written in a dossier, derived from what the register knows of them. Staff
 * write "Mevrouw Brinkhorst", "M.J. Brinkhorst", "Marloes", "Berg, van den" or only the street
 * address; a search for the full name alone leaves all of those readable while reporting success.
 * Pure: the main process redacts with it, the renderer labels with it.
 */
export interface PersonIdentifiers {
  name: string;
  address?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  customerNumber?: string | null | undefined;
  iban?: string | null | undefined;
  bsn?: string | null | undefined;
}

export const MENTION_KINDS = ['naam', 'achternaam', 'voornaam', 'adres', 'postcode', 'email', 'telefoon', 'klantnummer', 'iban', 'bsn'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export interface PersonTerm {
  text: string;
  kind: MentionKind;
  /** Only as a word of its own (a possessive s is part of it): "Jan" must not hit "januari". */
  wholeWord: boolean;
  /** A surname: the titles and initials written around it belong to the match. */
  extend: boolean;
  /** The surname without its particles: "v.d." or "van den" written before it belongs to the match too. */
  particles?: boolean;
}

export interface Mention extends TextMatch {
  kind: MentionKind;
}

const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'te',
  'ten',
  'ter',
  'in',
  "'s",
  'op',
  'aan',
  'bij',
  'uit',
  'vd',
  'v.d.',
  'la',
  'le',
  'du',
  'da',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'von',
  'zu',
  'zum',
  'el',
  'al',
  'mac',
  'mc',
  'o',
]);
const isParticle = (word: string) => PARTICLES.has(word.toLowerCase());
const isInitials = (word: string) => /^(?:\p{L}\.)+\p{L}?$/u.test(word) || /^\p{Lu}$/u.test(word);

export interface NameParts {
  /** Given names written out ("Marloes", "Johanna"); initials-only names have none. */
  given: string[];
  /** One letter per given name or written initial: ["M", "J"]. */
  initials: string[];
  /** Lower-case particles as written in the name: ["van", "den"]. */
  particles: string[];
  /** The surname without particles, as written ("Berg", "Brinkhorst-Jansen"). */
  core: string;
}

/** Splits "Marloes J. van den Berg-Brinkhorst" (or "Berg, Marloes van den") into its parts. */
export function nameParts(name: string): NameParts {
  let text = name.trim().replace(/\s+/gu, ' ');
  const comma = text.indexOf(',');
  // "Berg, Marloes van den" / "Berg, van den": the part after the comma goes first.
  if (comma > 0) text = `${text.slice(comma + 1).trim()} ${text.slice(0, comma).trim()}`.trim();
  const words = text.split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return { given: [], initials: [], particles: [], core: '' };
  const firstParticle = words.findIndex((w, i) => i > 0 && isParticle(w) && words.slice(i + 1).some((x) => !isParticle(x)));
  const split = firstParticle > 0 ? firstParticle : words.length - 1;
  // Particles written after the surname ("Berg van den", from the comma form) move in front of it.
  const before = words.slice(0, split);
  let rest = words.slice(split);
  const trailing = rest.filter((w, i) => i > 0 && isParticle(w));
  rest = rest.filter((w, i) => !(i > 0 && isParticle(w)));
  const particles = [...rest.filter((w) => isParticle(w)), ...trailing].map((w) => w.toLowerCase());
  const core = rest.filter((w) => !isParticle(w)).join(' ');
  const given = before.filter((w) => !isInitials(w) && !isParticle(w));
  const initials = before
    .filter((w) => !isParticle(w))
    .flatMap((w) => (isInitials(w) ? [...w.replace(/\./gu, '')] : [w.charAt(0)]))
    .map((c) => c.toUpperCase());
  return { given, initials, particles, core };
}

/** How a handler refers to a third party on screen without spelling out the full name: "M. Brinkhorst". */
export function shortLabel(name: string): string {
  const { initials, particles, core } = nameParts(name);
  if (core === '') return name.trim();
  const lead = initials[0] ? `${initials[0]}. ` : '';
  return `${lead}${[...particles, core].join(' ')}`;
}

/** A street with a house number ("Kerkstraat 14", "Dorpsweg 3-a bis") and a Dutch postcode, from a written address. */
export function addressParts(address: string): { street: string | null; postcode: string | null } {
  const postcode = /(?<!\d)(\d{4}) ?([A-Za-z]{2})(?![\p{L}\p{N}])/u.exec(address);
  const street = /(\p{L}[\p{L}\p{M}.' -]*?\p{L}\.? \d+(?: ?[-/]? ?[\p{L}\d]{1,4})?)(?![\p{L}\p{N}])/u.exec(address);
  return { street: street?.[1]?.trim() ?? null, postcode: postcode ? `${postcode[1] ?? ''} ${(postcode[2] ?? '').toUpperCase()}` : null };
}

const GENERIC_MAILBOXES = new Set(['info', 'contact', 'mail', 'post', 'admin', 'noreply', 'no-reply', 'service', 'klantenservice', 'secretariaat', 'office']);

function nameTerms(name: string): PersonTerm[] {
  const { given, particles, core } = nameParts(name);
  if (core === '') return [];
  const out: PersonTerm[] = [{ text: name.trim(), kind: 'naam', wholeWord: true, extend: true }];
  const surname = [...particles, core].join(' ');
  out.push({ text: surname, kind: 'achternaam', wholeWord: true, extend: true });
  if (particles.length > 0) {
    out.push({ text: `${core}, ${particles.join(' ')}`, kind: 'achternaam', wholeWord: true, extend: true });
    out.push({ text: core, kind: 'achternaam', wholeWord: true, extend: true, particles: true });
  }
  // Each part of a double surname is written on its own too ("mevrouw Brinkhorst" for Brinkhorst-Jansen).
  const parts = core
    .split(/[-\u2010\u2011]/u)
    .map((p) => p.trim())
    .filter((p) => p.length >= 2);
  if (parts.length > 1) for (const part of parts) out.push({ text: part, kind: 'achternaam', wholeWord: true, extend: true });
  if (given.length > 0) {
    out.push({ text: `${given.join(' ')} ${surname}`, kind: 'naam', wholeWord: true, extend: true });
    out.push({ text: `${given[0] ?? ''} ${surname}`, kind: 'naam', wholeWord: true, extend: true });
  }
  for (const first of given) if (first.length >= 2) out.push({ text: first, kind: 'voornaam', wholeWord: true, extend: false });
  return out;
}

function contactTerms(person: PersonIdentifiers): PersonTerm[] {
  const out: PersonTerm[] = [];
  const exact = (text: string | null | undefined, kind: MentionKind, wholeWord = true) => {
    const t = (text ?? '').trim();
    if (t.length >= 2) out.push({ text: t, kind, wholeWord, extend: false });
  };
  if (person.address) {
    exact(person.address.replace(/\s*\n\s*/gu, ', '), 'adres');
    const { street, postcode } = addressParts(person.address);
    exact(street, 'adres');
    exact(postcode, 'postcode');
    exact(postcode?.replace(' ', ''), 'postcode');
  }
  if (person.email) {
    exact(person.email, 'email', false);
    const local = person.email.trim().split('@')[0] ?? '';
    if (local.length >= 3 && !GENERIC_MAILBOXES.has(local.toLowerCase())) exact(local, 'email');
  }
  exact(person.phone, 'telefoon');
  exact(person.customerNumber, 'klantnummer');
  exact(person.iban, 'iban');
  exact(person.bsn, 'bsn');
  return out;
}

/**
 * The search terms for one person. Terms the `other` person (the requester) shares are left out:
 * a first name or surname both carry is not evidence of the third party, and it is the requester's
 * own data in their own request.
 */
export function personTerms(person: PersonIdentifiers, other?: PersonIdentifiers): PersonTerm[] {
  const theirs = other ? new Set([...nameTerms(other.name), ...contactTerms(other)].map((t) => foldTerm(t.text))) : new Set<string>();
  const seen = new Set<string>();
  return [...nameTerms(person.name), ...contactTerms(person)].filter((t) => {
    const key = foldTerm(t.text);
    if (key.length < 2 || theirs.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const TITLE =
  /(?:^|[^\p{L}\p{N}])((?:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|mr\.?|dhr\.?|de heer|heer|familie|fam\.?|juffrouw|dr\.?|ir\.?|ing\.?|drs\.?)\s*)$/iu;
const INITIALS = /(?:^|[^\p{L}\p{N}])((?:\p{Lu}\.\s?){1,5}\s*|\p{Lu}\s)$/u;
const PARTICLE_BEFORE = /(?:^|[^\p{L}\p{N}])((?:v\.\s?d\.?|vd|van|de|der|den|het|ter|ten|te|'t|von|la|le|du|da|di)\s+)$/iu;
const AFTER = /^(?:['\u2019]?s(?![\p{L}\p{N}]))?(?:,\s?(?:\p{Lu}\.\s?){0,4}\p{Lu}\.)?/u;

/** Grows a surname match over the titles, initials and particles written before it and the initials after a comma. */
function extendMatch(text: string, m: TextMatch, particles: boolean): TextMatch {
  let start = m.start;
  for (let guard = 0; guard < 12; guard++) {
    const before = text.slice(Math.max(0, start - 40), start);
    const hit = (particles ? PARTICLE_BEFORE.exec(before) : null) ?? INITIALS.exec(before) ?? TITLE.exec(before);
    const grown = hit?.[1];
    if (!grown || grown.trim().length === 0) break;
    start -= grown.length;
  }
  const after = AFTER.exec(text.slice(m.end, m.end + 40));
  const end = m.end + (after?.[0].length ?? 0);
  return { start, end, text: text.slice(start, end) };
}

const WORD = /[\p{L}\p{N}]/u;

function wholeWord(text: string, m: TextMatch): TextMatch | null {
  if (WORD.test(text[m.start - 1] ?? '')) return null;
  const possessive = /^(?:['\u2019]?s)(?![\p{L}\p{N}])/u.exec(text.slice(m.end, m.end + 3));
  const end = m.end + (possessive?.[0].length ?? 0);
  if (WORD.test(text[end] ?? '') || (!possessive && WORD.test(text[m.end] ?? ''))) return null;
  return { start: m.start, end, text: text.slice(m.start, end) };
}

const digits = (s: string) => s.replace(/\D/gu, '');
const compact = (s: string) => s.replace(/[\s.-]/gu, '').toUpperCase();
const nationalPhone = (s: string) => {
  const d = digits(s);
  if (s.trim().startsWith('+')) return `0${d.slice(2).replace(/^0/u, '')}`;
  if (d.startsWith('00')) return `0${d.slice(4).replace(/^0/u, '')}`;
  return d;
};

/** The same e-mail address, phone number, IBAN or BSN written another way ("06 1234 5678" for "0612345678"). */
function detectorMentions(text: string, person: PersonIdentifiers): Mention[] {
  const out: Mention[] = [];
  for (const c of detect(text, ['email', 'phone', 'iban', 'bsn'])) {
    if (c.kind === 'email' && person.email && c.text.toLowerCase() === person.email.trim().toLowerCase()) out.push({ ...c, kind: 'email' });
    if (c.kind === 'phone' && person.phone && digits(person.phone).length >= 9 && nationalPhone(c.text) === nationalPhone(person.phone))
      out.push({ ...c, kind: 'telefoon' });
    if (c.kind === 'iban' && person.iban && compact(c.text) === compact(person.iban)) out.push({ ...c, kind: 'iban' });
    if (c.kind === 'bsn' && person.bsn && digits(c.text) === digits(person.bsn)) out.push({ ...c, kind: 'bsn' });
  }
  return out;
}

/** Ranges that overlap or touch become one; the kind listed first in MENTION_KINDS names it. */
export function mergeMentions(mentions: readonly Mention[], text: string): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start <= last.end) {
      last.end = Math.max(last.end, m.end);
      last.text = text.slice(last.start, last.end);
      if (MENTION_KINDS.indexOf(m.kind) < MENTION_KINDS.indexOf(last.kind)) last.kind = m.kind;
    } else {
      out.push({ ...m });
    }
  }
  return out;
}

export function findTerms(text: string, terms: readonly PersonTerm[]): Mention[] {
  const out: Mention[] = [];
  for (const term of terms) {
    for (const raw of findTerm(text, term.text)) {
      const m = term.wholeWord ? wholeWord(text, raw) : raw;
      if (m) out.push({ ...(term.extend ? extendMatch(text, m, term.particles === true) : m), kind: term.kind });
    }
  }
  return out;
}

/** Every mention of the person in the text, merged where they overlap, in text order. */
export function findMentions(text: string, person: PersonIdentifiers, other?: PersonIdentifiers): Mention[] {
  return mergeMentions([...findTerms(text, personTerms(person, other)), ...detectorMentions(text, person)], text);
}
