import type { IsoDate } from '../dates.js';
import type { RequestType } from '../request-types.js';

/**
 * The letters AVG Desk writes, by their kebab-case Dutch names (as on the command line and in the
 * API). Decision letters close a request and state the remedies (§16; UAVG art. 35).
 */
export const LETTER_KINDS = [
  'ontvangstbevestiging',
  'verzoek-om-identificatie',
  'verzoek-om-aanvulling',
  'zienswijze-derde',
  'verlengingsbericht',
  'besluit-inzage',
  'besluit-dataportabiliteit',
  'besluit-correctie',
  'besluit-verzet',
  'beslissing-op-klacht',
  'afwijzing',
  'bevestiging-intrekking',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const DECISION_KINDS = ['besluit-inzage', 'besluit-dataportabiliteit', 'besluit-correctie', 'besluit-verzet', 'beslissing-op-klacht', 'afwijzing'] as const satisfies readonly LetterKind[];
export type DecisionKind = (typeof DECISION_KINDS)[number];

export function isDecisionKind(kind: LetterKind): kind is DecisionKind {
  return (DECISION_KINDS as readonly LetterKind[]).includes(kind);
}

export const LETTER_KIND_LABELS: Readonly<Record<LetterKind, string>> = {
  ontvangstbevestiging: 'Ontvangstbevestiging',
  'verzoek-om-identificatie': 'Verzoek om identificatie',
  'verzoek-om-aanvulling': 'Verzoek om aanvulling',
  'zienswijze-derde': 'Zienswijze derde (§13)',
  verlengingsbericht: 'Verlengingsbericht (art. 12 lid 3 AVG)',
  'besluit-inzage': 'Besluit inzage (art. 15 AVG)',
  'besluit-dataportabiliteit': 'Besluit dataportabiliteit (art. 20 AVG)',
  'besluit-correctie': 'Besluit correctie (§14, art. 16–19 AVG)',
  'besluit-verzet': 'Besluit verzet (§15, art. 21 AVG)',
  'beslissing-op-klacht': 'Beslissing op klacht (§16)',
  afwijzing: 'Afwijzing: kennelijk ongegrond of buitensporig (art. 12 lid 5 AVG)',
  'bevestiging-intrekking': 'Bevestiging intrekking',
};

/** For which request types a letter kind is meant; `null` is every type. */
export const LETTER_CASE_TYPES: Readonly<Record<LetterKind, readonly RequestType[] | null>> = {
  ontvangstbevestiging: null,
  'verzoek-om-identificatie': ['inzage', 'correctie', 'verzet', 'dataportabiliteit'],
  'verzoek-om-aanvulling': null,
  'zienswijze-derde': null,
  // Art. 12(3) extends requests under art. 15–22; a complaint follows the complaint procedure.
  verlengingsbericht: ['inzage', 'correctie', 'verzet', 'dataportabiliteit'],
  'besluit-inzage': ['inzage'],
  'besluit-dataportabiliteit': ['dataportabiliteit'],
  'besluit-correctie': ['correctie'],
  'besluit-verzet': ['verzet'],
  'beslissing-op-klacht': ['klacht'],
  afwijzing: ['inzage', 'correctie', 'verzet', 'dataportabiliteit'],
  'bevestiging-intrekking': null,
};

/** The body of a letter: what the layout sets, in order. */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'fields'; fields: { label: string; value: string }[] };

export interface Addressee {
  name: string;
  /** Street and number, postcode and place, country: one line each, as on the envelope. */
  lines: string[];
}

/** A letter as content, before layout: testable without a PDF. */
export interface LetterContent {
  kind: LetterKind;
  /** Document title (PDF metadata) and the heading a reader sees in the window title bar. */
  title: string;
  addressee: Addressee;
  /** The reference line: ons kenmerk, datum, onderwerp (and "uw brief van" when there was one). */
  reference: { ourReference: string; date: IsoDate; yourLetterOf: IsoDate | null; subject: string };
  salutation: string;
  blocks: Block[];
  closing: string;
  /** Filled at signing (name, function, date); until then the layout prints the placeholder. */
  signatory: { organisation: string; placeholder: string };
}

/** What signing adds to the letter: the visible signature block. */
export interface Signature {
  name: string;
  functionTitle: string;
  date: IsoDate;
  /** A scanned signature as PNG, set per signer; optional. */
  imagePng: Uint8Array | null;
}
