import {
  FORMAL_REQUIREMENT_BASIS,
  FORMAL_REQUIREMENT_LABELS,
  formalRequirementOf,
  TASK_LABELS,
  type Channel,
  type RepresentativeKind,
  type TaskKind,
} from '../cases/cases.js';
import type { RequestType } from '../cases/request-types.js';
import { isDecisionKind, type LetterKind } from '../letters/types.js';

/**
 * What must hold before a decision letter may be submitted for signing or signed: the lawful
 * premises of a decision, as pure rules over plain facts of the case, so that the main process
 * (letter.submit, letter.sign) and the case's checklist "Klaar voor besluit" use one source.
 * Every rule that fails names in Dutch what is missing.
 */

/** The tab of a case where the missing step is done. */
export type GateTab = 'overview' | 'identity' | 'thirdParties' | 'redaction' | 'letters';

export const GATE_IDS = ['identiteit', 'vertegenwoordiger', 'vormvereisten', 'derden', 'taken', 'tweede_kanaal', 'geadresseerde'] as const;
export type GateId = (typeof GATE_IDS)[number];

export interface GateItem {
  id: GateId;
  /** What the gate asks, as a checklist line. */
  label: string;
  ok: boolean;
  /** When not ok: each thing that is missing, in Dutch. */
  missing: string[];
  tab: GateTab;
}

/** The facts of a case the gates look at; the main process fills them from the store. */
export interface DecisionFacts {
  type: RequestType;
  channel: Channel;
  requesterName: string;
  /** Under 16 on the day of receipt or not competent (§13, §14). */
  representationRequired: boolean;
  representative: { kind: RepresentativeKind; name: string } | null;
  /** The last identity check of the person has the outcome "vastgesteld". */
  requesterVerified: boolean;
  /** Idem for the representative; recording it requires their authority to be shown and checked. */
  representativeVerified: boolean;
  /** The request has the form of its type (see formalRequirementOf). */
  formalRequirementsMet: boolean;
  openTasks: readonly TaskKind[];
  /** Who is not yet heard, or not yet redacted everywhere (the dossier's own rule). */
  thirdPartyProblems: readonly string[];
  /** §9: the request came in through a channel whose changes are verified another way first. */
  secondChannelRequired: boolean;
  secondChannelOutcome: 'bevestigd' | 'niet_bevestigd' | null;
}

/** What a decision letter itself says that a gate looks at. */
export interface LetterFacts {
  kind: LetterKind;
  addresseeName: string;
  /** A correction decision that carries out at least one change. */
  carriesOutChange: boolean;
}

/** Which premises a decision of a kind rests on. */
export interface DecisionPremises {
  identity: boolean;
  formalRequirements: boolean;
  thirdParties: boolean;
  openTasks: boolean;
  addressee: boolean;
}

const EVERY_PREMISE: DecisionPremises = { identity: true, formalRequirements: true, thirdParties: true, openTasks: true, addressee: true };

/**
 * The one exemption: the decision that a request is niet-ontvankelijk is the decision taken
 * precisely because identity, authority or the form could not be established (after the term to
 * supply them), so it rests on none of those; it releases no data of anyone, and it answers
 * whoever made the request, the person without authority included.
 */
export const DECISION_EXEMPTIONS: Readonly<Partial<Record<LetterKind, DecisionPremises>>> = {
  'besluit-niet-ontvankelijk': { identity: false, formalRequirements: false, thirdParties: false, openTasks: false, addressee: false },
};

export function premisesOf(kind: LetterKind): DecisionPremises {
  return DECISION_EXEMPTIONS[kind] ?? EVERY_PREMISE;
}

/** An open task of these kinds means the case is still waiting for something the decision needs. */
export const CONTRADICTING_TASKS: ReadonlySet<TaskKind> = new Set(['verzoek_om_aanvulling', 'verzoek_om_identificatie', 'zienswijze_derde']);

/** Whoever must receive the decision: the representative when there is one, otherwise the requester. */
export function expectedAddressee(facts: Pick<DecisionFacts, 'requesterName' | 'representative'>): string {
  return facts.representative?.name ?? facts.requesterName;
}

const sameName = (a: string, b: string) => a.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('nl') === b.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('nl');

function item(id: GateId, label: string, tab: GateTab, missing: string[]): GateItem {
  return { id, label, ok: missing.length === 0, missing, tab };
}

function identityGates(f: DecisionFacts): GateItem[] {
  const items: GateItem[] = [];
  if (!f.representationRequired) {
    items.push(
      item(
        'identiteit',
        'Identiteit van de verzoeker vastgesteld',
        'identity',
        f.requesterVerified ? [] : ['De identiteit van de verzoeker is nog niet vastgesteld (§13, §14). Leg de identiteitscontrole vast onder Identiteit.'],
      ),
    );
  }
  if (f.representationRequired || f.representative) {
    const missing: string[] = [];
    if (!f.representative) {
      missing.push(
        'De verzoeker was op de dag van ontvangst jonger dan 16 jaar of is handelingsonbekwaam: het verzoek moet door de wettelijk vertegenwoordiger worden gedaan (§13, §14). Leg de wettelijk vertegenwoordiger vast onder Overzicht.',
      );
    } else {
      if (f.representationRequired && f.representative.kind !== 'wettelijk_vertegenwoordiger') {
        missing.push(
          'De verzoeker was op de dag van ontvangst jonger dan 16 jaar of is handelingsonbekwaam: alleen de wettelijk vertegenwoordiger kan het verzoek doen, een gemachtigde niet (§13, §14).',
        );
      }
      if (!f.representativeVerified)
        missing.push('De identiteit en de bevoegdheid van de vertegenwoordiger zijn nog niet vastgesteld. Leg ze vast onder Identiteit.');
    }
    items.push(
      item('vertegenwoordiger', 'Vertegenwoordiger vastgelegd, identiteit en bevoegdheid vastgesteld', f.representative ? 'identity' : 'overview', missing),
    );
  }
  return items;
}

function formalGate(f: DecisionFacts): GateItem | null {
  const requirement = formalRequirementOf(f.type);
  if (!requirement || f.type === 'klacht') return null;
  const form = FORMAL_REQUIREMENT_LABELS[requirement];
  const basis = FORMAL_REQUIREMENT_BASIS[f.type];
  return item(
    'vormvereisten',
    `Verzoek ${form} ontvangen (${basis})`,
    'overview',
    f.formalRequirementsMet
      ? []
      : [`Het verzoek is nog niet ${form} ontvangen (${basis}). Rond de taak "aanvulling" onder Overzicht af zodra de aanvulling binnen is.`],
  );
}

/**
 * The checklist for a decision on this case (of a kind, when one is being drafted): every gate
 * that applies, met or not. Only decision kinds have gates; the list is empty for other letters.
 */
export function decisionGates(f: DecisionFacts, kind?: LetterKind): GateItem[] {
  if (kind !== undefined && !isDecisionKind(kind)) return [];
  const premises = kind ? premisesOf(kind) : EVERY_PREMISE;
  const items: GateItem[] = [];
  if (premises.identity) items.push(...identityGates(f));
  const formal = premises.formalRequirements ? formalGate(f) : null;
  if (formal) items.push(formal);
  if (premises.thirdParties) {
    const tab: GateTab = f.thirdPartyProblems.some((p) => p.includes('gelakt')) ? 'redaction' : 'thirdParties';
    items.push(item('derden', 'Derden gehoord en waar nodig gelakt (§13)', tab, [...f.thirdPartyProblems]));
  }
  if (premises.openTasks) {
    const open = [...new Set(f.openTasks.filter((t) => CONTRADICTING_TASKS.has(t)))];
    items.push(
      item(
        'taken',
        'Geen open taak die het besluit tegenspreekt',
        'overview',
        open.map((t) => `Er staat nog een open taak: ${TASK_LABELS[t]}.`),
      ),
    );
  }
  if (f.type === 'correctie' && f.secondChannelRequired) {
    const missing =
      f.secondChannelOutcome === 'bevestigd'
        ? []
        : f.secondChannelOutcome === 'niet_bevestigd'
          ? ['De verzoeker heeft de wijziging via een tweede kanaal niet bevestigd: voer haar niet door (§9).']
          : [
              'Een wijziging die via Mijn Alliantie (of een ander zo gemarkeerd kanaal) is gevraagd, wordt pas doorgevoerd na verificatie via een tweede kanaal: terugbellen op het bekende nummer, een brief naar het bekende adres of aan de balie (§9). Leg die verificatie vast onder Overzicht.',
            ];
    items.push(item('tweede_kanaal', 'Wijziging via een tweede kanaal geverifieerd (§9)', 'overview', missing));
  }
  return items;
}

/**
 * What stands in the way of submitting or signing this decision letter, in Dutch; empty when it
 * may go. The case's gates for its kind, plus what the letter itself must get right: it goes to
 * whoever must receive it, and a change is only carried out after the §9 verification.
 */
export function letterGateProblems(f: DecisionFacts, letter: LetterFacts): string[] {
  if (!isDecisionKind(letter.kind)) return [];
  const gates = decisionGates(f, letter.kind).filter((g) => g.id !== 'tweede_kanaal' || letter.carriesOutChange);
  const problems = gates.flatMap((g) => g.missing);
  const expected = expectedAddressee(f);
  if (premisesOf(letter.kind).addressee && !sameName(letter.addresseeName, expected)) {
    const who = f.representative
      ? f.representative.kind === 'wettelijk_vertegenwoordiger'
        ? 'de wettelijk vertegenwoordiger'
        : 'de gemachtigde'
      : 'de verzoeker';
    problems.push(`De brief is gericht aan ${letter.addresseeName}, maar moet naar ${who}, ${expected}. Verwijder het concept en stel de brief opnieuw op.`);
  }
  return problems;
}
