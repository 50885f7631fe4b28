import type { DeadlinePolicy, Term } from './deadlines.js';
import type { RequestType } from '../cases/request-types.js';
import type { RetentionPolicy } from '../retention/retention.js';

/**
 * The bounds the privacy policy sets on the terms the privacy officer chooses. The input schemas
 * accept a wider range, so a setting stored before these bounds still reads; saving a new one is
 * checked here, in the main process, and the Termijnen screen shows the same limits.
 *
 * Deadlines: the policy promises a decision within four weeks on access (§13), correction (§14)
 * and objection (§15); art. 12(3) AVG caps data portability at one month. The complaint procedure
 * (§16) names no term of its own, so the schema's range is its only bound.
 * Retention (§4): information is removed at the latest two years after the relationship ended and
 * all pending matters are settled — for the case register, two years after closure; information
 * registered for a specific purpose at the latest five years after it was processed — for the
 * signed letters. Longer only under a legal duty to keep, which the app records as a hold on the
 * case, never as a longer general term.
 */
export const DEADLINE_BOUNDS: Readonly<Partial<Record<RequestType, { term: Term; label: string; source: string }>>> = {
  inzage: { term: { weeks: 4 }, label: 'inzage', source: '§13 van het privacyreglement' },
  correctie: { term: { weeks: 4 }, label: 'correctie', source: '§14 van het privacyreglement' },
  verzet: { term: { weeks: 4 }, label: 'verzet', source: '§15 van het privacyreglement' },
  dataportabiliteit: { term: { months: 1 }, label: 'dataportabiliteit', source: 'artikel 12, lid 3 AVG' },
};

export const MAX_REGISTER_YEARS = 2;
export const MAX_LETTER_YEARS = 5;

/** A term in other units than its bound fits only if its longest run is within the bound's shortest: a month is 28 to 31 days. */
function within(term: Term, bound: Term): boolean {
  if ('weeks' in term && 'weeks' in bound) return term.weeks <= bound.weeks;
  if ('months' in term && 'months' in bound) return term.months <= bound.months;
  const longest = 'weeks' in term ? term.weeks * 7 : term.months * 31;
  const shortest = 'weeks' in bound ? bound.weeks * 7 : bound.months * 28;
  return longest <= shortest;
}

export function termText(term: Term): string {
  const words = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht'];
  if ('weeks' in term) return `${words[term.weeks] ?? String(term.weeks)} ${term.weeks === 1 ? 'week' : 'weken'}`;
  return `${words[term.months] ?? String(term.months)} ${term.months === 1 ? 'maand' : 'maanden'}`;
}

/** Dutch problems with a deadline policy; empty when it stays within the bounds. */
export function deadlinePolicyProblems(policy: DeadlinePolicy): string[] {
  const problems: string[] = [];
  for (const [type, bound] of Object.entries(DEADLINE_BOUNDS) as [RequestType, NonNullable<(typeof DEADLINE_BOUNDS)[RequestType]>][]) {
    const term = policy.terms[type];
    if (!within(term, bound.term))
      problems.push(`De termijn voor ${bound.label} is hoogstens ${termText(bound.term)} (${bound.source}); u koos ${termText(term)}.`);
  }
  return problems;
}

/** Dutch problems with a retention policy; empty when it stays within §4. */
export function retentionPolicyProblems(policy: RetentionPolicy): string[] {
  const problems: string[] = [];
  if (policy.registerYears > MAX_REGISTER_YEARS) {
    problems.push(
      `De zaakregistratie wordt hoogstens ${String(MAX_REGISTER_YEARS)} jaar na het afsluiten van de zaak bewaard (§4 van het privacyreglement); u koos ${String(policy.registerYears)} jaar. Moet een zaak langer blijven, leg dan een blokkering op die zaak.`,
    );
  }
  if (policy.letterYears > MAX_LETTER_YEARS) {
    problems.push(
      `Ondertekende brieven worden hoogstens ${String(MAX_LETTER_YEARS)} jaar na het afsluiten van de zaak bewaard (§4 van het privacyreglement); u koos ${String(policy.letterYears)} jaar. Moet een zaak langer blijven, leg dan een blokkering op die zaak.`,
    );
  }
  return problems;
}

/** One problem is the message; several are listed under one. */
export function outsidePolicyMessage(problems: readonly string[]): { message: string; details: string[] | undefined } {
  return problems.length === 1
    ? { message: problems[0] ?? '', details: undefined }
    : { message: 'Deze termijnen vallen buiten het privacyreglement:', details: [...problems] };
}
