import type { LetterKind } from './types.js';

/**
 * Slots are the parts of a letter the law prescribes and the case fills with structured content:
 * the remedies, the processing activities, what was withheld and why … Their text is fixed here
 * rather than in the editable template, so an admin's edit cannot drop a statement the law needs;
 * a template must contain the slots its kind requires (REQUIRED_SLOTS).
 */
export const SLOTS = {
  rechtsmiddelen: 'Klacht, verzoekschrift bij de rechtbank en de Autoriteit Persoonsgegevens (§16; art. 35 UAVG)',
  verwerkingen: 'De aangevinkte verwerkingen uit het verwerkingsregister (art. 15 lid 1 AVG)',
  rechten: 'De rechten van de betrokkene en de klacht bij de Autoriteit Persoonsgegevens',
  achtergehouden: 'Wat niet of niet volledig is verstrekt en waarom (art. 15 lid 4 AVG)',
  bijlagen: 'Wat met de brief wordt meegestuurd',
  wijzigingen: 'De gevraagde wijzigingen en het besluit per wijziging',
  motivering: 'De redenen van (gedeeltelijke) afwijzing',
  ontvangers: 'De ontvangers die over de correctie zijn geïnformeerd, of waarom niet (art. 19 AVG)',
  wettelijke_plicht: 'De uitzondering voor verstrekking waartoe de wet verplicht (§15)',
  maatregelen: 'De maatregelen naar aanleiding van de klacht',
  ontbrekend: 'Wat in het verzoek ontbreekt',
  verlenging: 'De reden van de verlenging en de nieuwe uiterste datum (art. 12 lid 3 AVG)',
  kopie: 'De kopie van de persoonsgegevens (art. 15 lid 3 AVG)',
  geautomatiseerd: 'Geautomatiseerde besluitvorming volgens het verwerkingsregister (art. 15 lid 1 onder h AVG)',
  fg: 'De contactgegevens van de functionaris gegevensbescherming',
  gronden: 'De gronden om inzage te beperken (art. 15 lid 4 en art. 23 AVG, art. 41 UAVG)',
  kennisgeving: 'De gecorrigeerde of gewiste gegevens voor de ontvanger (art. 19 AVG)',
  gezocht: 'Waar wij naar gegevens hebben gezocht',
} as const satisfies Record<string, string>;
export type SlotName = keyof typeof SLOTS;

/**
 * Conditions on a template block: the block is used when one of its `when` values applies to the
 * letter. Request types, whether a representative made the request, and the outcome.
 */
export const VARIANTS = {
  inzage: 'het verzoek is een inzageverzoek',
  correctie: 'het verzoek is een correctieverzoek',
  verzet: 'het verzoek is verzet',
  dataportabiliteit: 'het verzoek gaat over dataportabiliteit',
  klacht: 'het is een klacht',
  verzoek: 'het is een verzoek (geen klacht)',
  vertegenwoordiger: 'een vertegenwoordiger deed het verzoek',
  zonder_vertegenwoordiger: 'de verzoeker deed het verzoek zelf',
  toegewezen: 'uitkomst: toegewezen',
  deels: 'uitkomst: gedeeltelijk toegewezen',
  afgewezen: 'uitkomst: afgewezen',
  gegrond: 'uitkomst klacht: gegrond',
  deels_gegrond: 'uitkomst klacht: gedeeltelijk gegrond',
  ongegrond: 'uitkomst klacht: ongegrond',
  kennelijk_ongegrond: 'afwijzing: kennelijk ongegrond',
  buitensporig: 'afwijzing: buitensporig',
  binnen_termijn: 'de uiterste datum is nog niet voorbij',
  termijn_verstreken: 'de uiterste datum is voorbij',
  omstandigheden: 'verzet: de verzoeker heeft bijzondere persoonlijke omstandigheden toegelicht',
  identiteit: 'niet-ontvankelijk: identiteit niet vastgesteld',
  vormvereiste: 'niet-ontvankelijk: vormvereiste niet vervuld na de aanvullingstermijn',
  beslisdatum: 'klacht na de termijn: de datum waarop wij alsnog beslissen is gegeven',
  geen_beslisdatum: 'klacht na de termijn: geen datum gegeven waarop wij alsnog beslissen',
} as const satisfies Record<string, string>;
export type Variant = keyof typeof VARIANTS;

/**
 * Conditions of one group exclude each other. A block applies when, for every group its `when`
 * names, one of its conditions in that group holds: ['verzoek', 'termijn_verstreken'] is a
 * request whose term has passed, ['toegewezen', 'deels'] either outcome.
 */
export const VARIANT_GROUPS: Readonly<Record<Variant, string>> = {
  inzage: 'soort',
  correctie: 'soort',
  verzet: 'soort',
  dataportabiliteit: 'soort',
  klacht: 'soort',
  verzoek: 'soort',
  vertegenwoordiger: 'vertegenwoordiging',
  zonder_vertegenwoordiger: 'vertegenwoordiging',
  toegewezen: 'uitkomst',
  deels: 'uitkomst',
  afgewezen: 'uitkomst',
  gegrond: 'uitkomst',
  deels_gegrond: 'uitkomst',
  ongegrond: 'uitkomst',
  kennelijk_ongegrond: 'uitkomst',
  buitensporig: 'uitkomst',
  identiteit: 'uitkomst',
  vormvereiste: 'uitkomst',
  binnen_termijn: 'termijn',
  termijn_verstreken: 'termijn',
  omstandigheden: 'omstandigheden',
  beslisdatum: 'beslisdatum',
  geen_beslisdatum: 'beslisdatum',
};

/** Whether a block with these conditions applies to a letter with these variants. */
export function applies(when: readonly Variant[] | undefined, variants: ReadonlySet<Variant>): boolean {
  if (!when || when.length === 0) return true;
  const groups = new Set(when.map((v) => VARIANT_GROUPS[v]));
  return [...groups].every((g) => when.some((v) => VARIANT_GROUPS[v] === g && variants.has(v)));
}

export type TemplateBlock =
  | { type: 'paragraph'; text: string; when?: Variant[] | undefined }
  | { type: 'heading'; text: string; when?: Variant[] | undefined }
  | { type: 'list'; items: string[]; when?: Variant[] | undefined }
  | { type: 'slot'; slot: SlotName; when?: Variant[] | undefined };

/** A template per letter kind: text with named fields, as data an admin can edit. */
export interface LetterTemplate {
  kind: LetterKind;
  subject: string;
  salutation: string;
  blocks: TemplateBlock[];
  closing: string;
}

/** Every decision: the remedies, the FG's contact details and the art. 15(1)(h) statement. */
const DECISION_SLOTS: SlotName[] = ['rechtsmiddelen', 'fg', 'geautomatiseerd'];

/** The slots each kind's template must contain. */
export const REQUIRED_SLOTS: Readonly<Record<LetterKind, readonly SlotName[]>> = {
  ontvangstbevestiging: [],
  'verzoek-om-identificatie': [],
  'verzoek-om-aanvulling': ['ontbrekend'],
  'zienswijze-derde': [],
  verlengingsbericht: ['verlenging'],
  'besluit-inzage': [...DECISION_SLOTS, 'kopie', 'verwerkingen', 'rechten', 'achtergehouden'],
  'besluit-dataportabiliteit': [...DECISION_SLOTS, 'achtergehouden'],
  'besluit-correctie': [...DECISION_SLOTS, 'wijzigingen', 'motivering', 'ontvangers'],
  'besluit-verzet': [...DECISION_SLOTS, 'motivering', 'wettelijke_plicht'],
  'beslissing-op-klacht': [...DECISION_SLOTS, 'motivering'],
  afwijzing: [...DECISION_SLOTS, 'motivering'],
  'bevestiging-intrekking': [],
  'besluit-niet-ontvankelijk': [...DECISION_SLOTS, 'motivering'],
  'besluit-geen-gegevens': [...DECISION_SLOTS],
  'besluit-afwijzing-inzage': [...DECISION_SLOTS, 'gronden', 'motivering', 'achtergehouden', 'kopie', 'verwerkingen', 'rechten'],
  'besluit-verzet-direct-marketing': [...DECISION_SLOTS],
  'kennisgeving-ontvangers': ['kennisgeving'],
  'klacht-termijn-verstreken': ['rechtsmiddelen'],
};
