import type { IsoDate } from '../deadlines/dates.js';
import type { RequestType } from '../cases/request-types.js';

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
  'besluit-niet-ontvankelijk',
  'besluit-geen-gegevens',
  'besluit-afwijzing-inzage',
  'besluit-verzet-direct-marketing',
  'kennisgeving-ontvangers',
  'klacht-termijn-verstreken',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const DECISION_KINDS = [
  'besluit-inzage',
  'besluit-dataportabiliteit',
  'besluit-correctie',
  'besluit-verzet',
  'beslissing-op-klacht',
  'afwijzing',
  'besluit-niet-ontvankelijk',
  'besluit-geen-gegevens',
  'besluit-afwijzing-inzage',
  'besluit-verzet-direct-marketing',
] as const satisfies readonly LetterKind[];
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
  'besluit-niet-ontvankelijk': 'Besluit niet-ontvankelijk (identiteit of vormvereiste, art. 12 lid 4 AVG)',
  'besluit-geen-gegevens': 'Besluit: geen gegevens over u (art. 15 AVG)',
  'besluit-afwijzing-inzage': 'Besluit (gedeeltelijke) afwijzing inzage (art. 15 lid 4, art. 23 AVG, art. 41 UAVG)',
  'besluit-verzet-direct-marketing': 'Besluit verzet tegen direct marketing (art. 21 lid 3 AVG)',
  'kennisgeving-ontvangers': 'Kennisgeving aan een ontvanger (art. 19 AVG)',
  'klacht-termijn-verstreken': 'Klacht: termijn verstreken (§16)',
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
  'besluit-niet-ontvankelijk': ['inzage', 'correctie', 'verzet', 'dataportabiliteit'],
  'besluit-geen-gegevens': ['inzage', 'correctie', 'verzet', 'dataportabiliteit'],
  'besluit-afwijzing-inzage': ['inzage'],
  'besluit-verzet-direct-marketing': ['verzet'],
  // Art. 19 follows a rectification, erasure or restriction (art. 16, 17(1), 18).
  'kennisgeving-ontvangers': ['correctie'],
  'klacht-termijn-verstreken': ['klacht'],
};

/**
 * The parts the law requires of a letter, by name. A block generated for such a part carries it;
 * the handler may rephrase the block but not remove it (check.ts refuses the letter on submit).
 */
export const PARTS = {
  rechtsmiddelen: 'de rechtsmiddelen (klacht, rechtbank en Autoriteit Persoonsgegevens, binnen zes weken)',
  art15_1: 'de verwerkingen uit het register (artikel 15, lid 1 onder a tot en met d en g, en lid 2 AVG)',
  art15_1_e: 'de rechten op rectificatie, wissing, beperking en bezwaar (artikel 15, lid 1 onder e AVG)',
  art15_1_f: 'het recht om een klacht in te dienen bij de Autoriteit Persoonsgegevens (artikel 15, lid 1 onder f AVG)',
  art15_1_h: 'de verklaring over geautomatiseerde besluitvorming (artikel 15, lid 1 onder h AVG)',
  art15_3: 'de kopie van de persoonsgegevens (artikel 15, lid 3 AVG)',
  art15_4: 'wat niet of niet volledig is verstrekt en waarom (artikel 15, lid 4 AVG)',
  gronden: 'de wettelijke grond om inzage te beperken (artikel 23 AVG, artikel 41 UAVG)',
  motivering: 'de redenen van het besluit',
  verlenging: 'de reden van de verlenging en de nieuwe uiterste datum (artikel 12, lid 3 AVG)',
  art19: 'de ontvangers en de gecorrigeerde gegevens (artikel 19 AVG)',
  fg: 'de contactgegevens van de functionaris gegevensbescherming',
} as const satisfies Record<string, string>;
export type PartName = keyof typeof PARTS;

/** The body of a letter: what the layout sets, in order; `part` marks a block the law requires. */
export type Block = (
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'fields'; fields: { label: string; value: string }[] }
) & { part?: PartName | undefined };

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
  /**
   * The required parts as generated, a table or field block once per block (each activity of the
   * register counts), a text part once; what an edit must keep. Absent in letters drafted before.
   */
  requiredParts?: PartName[] | undefined;
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
