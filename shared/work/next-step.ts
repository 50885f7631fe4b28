import type { GateItem } from '../signing/decision-gates.js';

/**
 * The one next step of an open case, for the handler's start page ("Mijn werk") and the first card
 * of the case's Overzicht, from the same facts: the decision gates (decision-gates.ts), whether the
 * dossier holds anything, and where the decision letter stands. The order is the order of the work:
 * identity, dossier, hearing third parties, redaction, the other premises, the letter, signing, sending.
 */
export const NEXT_STEP_IDS = ['identiteit', 'dossier', 'horen', 'lakken', 'voorwaarden', 'brief', 'ondertekening', 'verzenden'] as const;
export type NextStepId = (typeof NEXT_STEP_IDS)[number];

/** The case tab where the step is done. */
export const NEXT_STEP_TABS = ['overview', 'identity', 'dossier', 'thirdParties', 'redaction', 'letters'] as const;
export type NextStepTab = (typeof NEXT_STEP_TABS)[number];

export interface NextStep {
  id: NextStepId;
  /** What to do, as a short Dutch instruction. */
  label: string;
  /** Why, or what exactly is missing, in Dutch; null when the label says it all. */
  detail: string | null;
  tab: NextStepTab;
}

export type DecisionLetterState = 'concept' | 'ter_ondertekening' | 'ondertekend' | 'verzonden';

export interface NextStepFacts {
  /** The case still awaits its decision (not closed, not sent). */
  open: boolean;
  gates: readonly GateItem[];
  documents: number;
  /** The decision letter of the case, if one was drafted. */
  decisionLetter: { state: DecisionLetterState; label: string } | null;
}

const first = (gate: GateItem | undefined): string | null => gate?.missing[0] ?? null;

export function nextStep(f: NextStepFacts): NextStep | null {
  const letter = f.decisionLetter;
  if (letter?.state === 'ondertekend')
    return {
      id: 'verzenden',
      label: 'Ondertekende brief verzenden',
      detail: `${letter.label} is ondertekend. Verstuur hem en markeer hem als verzonden.`,
      tab: 'letters',
    };
  if (!f.open || letter?.state === 'verzonden') return null;
  if (letter?.state === 'ter_ondertekening')
    return { id: 'ondertekening', label: 'Wacht op ondertekening', detail: `${letter.label} ligt bij een tekenbevoegde.`, tab: 'letters' };
  const missing = f.gates.filter((g) => !g.ok);
  const identity = missing.find((g) => g.id === 'identiteit' || g.id === 'vertegenwoordiger');
  if (identity)
    return { id: 'identiteit', label: 'Identiteit vaststellen', detail: first(identity), tab: identity.tab === 'overview' ? 'overview' : 'identity' };
  if (f.documents === 0)
    return {
      id: 'dossier',
      label: 'Dossier samenstellen',
      detail: 'Er staat nog geen document in het dossier. Voeg toe wat er over de verzoeker is gevonden.',
      tab: 'dossier',
    };
  const thirdParties = missing.find((g) => g.id === 'derden');
  if (thirdParties) {
    return thirdParties.tab === 'redaction'
      ? { id: 'lakken', label: 'Derden lakken', detail: first(thirdParties), tab: 'redaction' }
      : { id: 'horen', label: 'Derden horen', detail: first(thirdParties), tab: 'thirdParties' };
  }
  const other = missing.find((g) => g.id !== 'geadresseerde');
  if (other) return { id: 'voorwaarden', label: other.label, detail: first(other), tab: other.tab };
  const addressee = missing.find((g) => g.id === 'geadresseerde');
  if (letter?.state === 'concept') {
    return {
      id: 'brief',
      label: 'Besluitbrief afmaken en aanbieden',
      detail: first(addressee) ?? `${letter.label} staat als concept klaar om ter ondertekening aan te bieden.`,
      tab: 'letters',
    };
  }
  return { id: 'brief', label: 'Besluitbrief opstellen', detail: 'Alle voorwaarden voor een besluit zijn vervuld.', tab: 'letters' };
}
