import { ageOn, type IsoDate } from '../deadlines/dates.js';
import type { RequestType } from './request-types.js';

/** Request types with their Dutch names and legal basis (privacyreglement, AVG). */
export const REQUEST_TYPE_LABELS: Readonly<Record<RequestType, string>> = {
  inzage: 'Inzage (§13, art. 15 AVG)',
  correctie: 'Correctie (§14, art. 16–18 AVG)',
  verzet: 'Verzet (§15, art. 21 AVG)',
  dataportabiliteit: 'Dataportabiliteit (§13, art. 20 AVG)',
  klacht: 'Klacht (§16)',
};

export const CORRECTION_KINDS = ['verbetering', 'aanvulling', 'verwijdering', 'afscherming'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const RELATIONS = ['huurder', 'woningzoekende', 'koper', 'vve_lid', 'bewoner', 'anders'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Readonly<Record<Relation, string>> = {
  huurder: 'Huurder',
  woningzoekende: 'Woningzoekende',
  koper: 'Koper',
  vve_lid: 'VvE-lid',
  bewoner: 'Bewoner',
  anders: 'Anders',
};

export const CHANNELS = ['brief', 'email', 'mijn_alliantie', 'balie', 'telefoon'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  brief: 'Brief',
  email: 'E-mail',
  mijn_alliantie: 'Mijn Alliantie',
  balie: 'Balie',
  telefoon: 'Telefoon',
};

export const REPRESENTATIVE_KINDS = ['wettelijk_vertegenwoordiger', 'gemachtigde'] as const;
export type RepresentativeKind = (typeof REPRESENTATIVE_KINDS)[number];
export const REPRESENTATIVE_LABELS: Readonly<Record<RepresentativeKind, string>> = {
  wettelijk_vertegenwoordiger: 'Wettelijk vertegenwoordiger',
  gemachtigde: 'Gemachtigde (met volmacht)',
};

/**
 * The description intake starts from where the policy fixes what is asked: access to all information
 * about the requester (§13) and its machine-readable copy. Intake edits it when the requester asks for
 * less. A correction names its changes (§14), an objection its circumstances (§15) and a complaint its
 * grievance: those are always written down as the requester put them.
 */
export const STANDARD_REQUEST_TEXT: Readonly<Partial<Record<RequestType, string>>> = {
  inzage: 'Inzage in alle persoonsgegevens die de corporatie over de verzoeker verwerkt (art. 15 AVG, §13 privacyreglement).',
  dataportabiliteit:
    'Een kopie van de persoonsgegevens die de verzoeker zelf heeft verstrekt, in een gestructureerd, gangbaar en machineleesbaar formaat (art. 20 AVG, §13 privacyreglement).',
};

/**
 * The form a request must have: §13 (inzage, and the machine-readable copy) and §14 (correctie) ask
 * a written request signed by the requester; §15 (verzet) a written request with its reasons, and no
 * signature; a complaint (§16) has no form. The case's `writtenAndSigned` records that this form is
 * met, whichever it is for the type.
 */
export type FormalRequirement = 'schriftelijk_ondertekend' | 'schriftelijk_gemotiveerd';
export function formalRequirementOf(type: RequestType): FormalRequirement | null {
  if (type === 'klacht') return null;
  return type === 'verzet' ? 'schriftelijk_gemotiveerd' : 'schriftelijk_ondertekend';
}
export const FORMAL_REQUIREMENT_LABELS: Readonly<Record<FormalRequirement, string>> = {
  schriftelijk_ondertekend: 'schriftelijk en ondertekend',
  schriftelijk_gemotiveerd: 'schriftelijk en gemotiveerd',
};
/** The paragraph of the policy that sets the form, for messages. */
export const FORMAL_REQUIREMENT_BASIS: Readonly<Record<Exclude<RequestType, 'klacht'>, string>> = {
  inzage: '§13',
  dataportabiliteit: '§13',
  correctie: '§14',
  verzet: '§15',
};

/** The age below which the legal representative must make the request (§13, §14). */
export const REPRESENTATION_AGE = 16;

/** Under 16 on the day of receipt, or not competent: the legal representative makes the request. */
export function isRepresentationRequired(requester: { birthDate: IsoDate | null; legallyIncapacitated: boolean }, receivedOn: IsoDate): boolean {
  return requester.legallyIncapacitated || (requester.birthDate !== null && ageOn(requester.birthDate, receivedOn) < REPRESENTATION_AGE);
}

export const CASE_STATUSES = [
  'ontvangen',
  'identificatie',
  'in_behandeling',
  'derden_horen',
  'besluit_in_concept',
  'ter_ondertekening',
  'verzonden',
  'afgesloten',
  'ingetrokken',
  'niet_ontvankelijk',
  'kennelijk_ongegrond',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  ontvangen: 'Ontvangen',
  identificatie: 'Identificatie',
  in_behandeling: 'In behandeling',
  derden_horen: 'Derden horen',
  besluit_in_concept: 'Besluit in concept',
  ter_ondertekening: 'Ter ondertekening',
  verzonden: 'Verzonden',
  afgesloten: 'Afgesloten',
  ingetrokken: 'Ingetrokken',
  niet_ontvankelijk: 'Niet-ontvankelijk',
  kennelijk_ongegrond: 'Kennelijk ongegrond of buitensporig (art. 12 lid 5)',
};

/** Side exits: the case ends without a decision on the merits. A reason is required for the last two. */
const SIDE_EXITS = ['ingetrokken', 'niet_ontvankelijk', 'kennelijk_ongegrond'] as const satisfies readonly CaseStatus[];
export const REASON_REQUIRED: ReadonlySet<CaseStatus> = new Set(['niet_ontvankelijk', 'kennelijk_ongegrond']);

const FORWARD: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  ontvangen: ['identificatie', 'in_behandeling'],
  identificatie: ['in_behandeling'],
  in_behandeling: ['derden_horen', 'besluit_in_concept'],
  derden_horen: ['besluit_in_concept', 'in_behandeling'],
  besluit_in_concept: ['ter_ondertekening', 'in_behandeling'],
  ter_ondertekening: ['verzonden', 'besluit_in_concept'],
  verzonden: ['afgesloten'],
  afgesloten: [],
  ingetrokken: [],
  niet_ontvankelijk: [],
  kennelijk_ongegrond: [],
};

/** Statuses in which the decision is still to be taken: the deadline runs. */
export function isAwaitingDecision(status: CaseStatus): boolean {
  return CASE_STATUSES.indexOf(status) < CASE_STATUSES.indexOf('verzonden');
}

export function isClosed(status: CaseStatus): boolean {
  return status === 'afgesloten' || (SIDE_EXITS as readonly CaseStatus[]).includes(status);
}

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return isAwaitingDecision(from) ? [...FORWARD[from], ...SIDE_EXITS] : FORWARD[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return allowedTransitions(from).includes(to);
}

export const TASK_KINDS = ['verlengingsbericht', 'verzoek_om_aanvulling', 'verzoek_om_identificatie', 'zienswijze_derde'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_LABELS: Readonly<Record<TaskKind, string>> = {
  verlengingsbericht: 'Verlengingsbericht versturen (vóór de oorspronkelijke termijn)',
  verzoek_om_aanvulling: 'Aanvulling nodig: het verzoek heeft nog niet de vorm die het reglement vraagt (rond af zodra de aanvulling binnen is)',
  verzoek_om_identificatie: 'Verzoek om identificatie versturen',
  zienswijze_derde: 'Zienswijze van een derde vragen (§13: eerst horen, dan inzage)',
};

/** `AVG-2026-0001`. */
export function formatReference(year: number, number: number): string {
  return `AVG-${year}-${String(number).padStart(4, '0')}`;
}

/** Today's date in the Netherlands, whatever the machine's time zone. */
// Made once: building a formatter with a time zone costs more than the formatting itself.
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

export function dutchToday(now: Date): string {
  return AMSTERDAM_DATE.format(now);
}

/**
 * §9: a change asked through Mijn Alliantie is verified another way before it is carried out. The
 * admin marks which channels need it (setting `secondChannelChannels`); Mijn Alliantie by default.
 */
export const DEFAULT_SECOND_CHANNEL_CHANNELS: readonly Channel[] = ['mijn_alliantie'];
export const SECOND_CHANNEL_METHODS = ['terugbellen', 'brief', 'balie'] as const;
export type SecondChannelMethod = (typeof SECOND_CHANNEL_METHODS)[number];
export const SECOND_CHANNEL_METHOD_LABELS: Readonly<Record<SecondChannelMethod, string>> = {
  terugbellen: 'Teruggebeld op het bij ons bekende telefoonnummer',
  brief: 'Brief naar het bij ons bekende adres, met antwoord',
  balie: 'Bevestigd aan de balie (identiteitsbewijs getoond)',
};
export const SECOND_CHANNEL_OUTCOMES = ['bevestigd', 'niet_bevestigd'] as const;
export type SecondChannelOutcome = (typeof SECOND_CHANNEL_OUTCOMES)[number];
export const SECOND_CHANNEL_OUTCOME_LABELS: Readonly<Record<SecondChannelOutcome, string>> = {
  bevestigd: 'De verzoeker bevestigt de wijziging',
  niet_bevestigd: 'De verzoeker bevestigt de wijziging niet',
};
