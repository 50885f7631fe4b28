import type { ProcedureInput, ProcedureOutput } from '../../../shared/api/contract.js';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import { dutchToday, isAwaitingDecision, isClosed } from '../../../shared/cases/cases.js';
import type { LetterKind } from '../../../shared/letters/types.js';

export type LetterSummary = ProcedureOutput<'letter.list'>[number];
export type LetterDetail = ProcedureOutput<'letter.get'>;
export type LetterContent = LetterDetail['content'];
export type LetterBlock = LetterContent['blocks'][number];
export type LetterKindInfo = ProcedureOutput<'letter.kinds'>[number];
export type LetterTextInput = Omit<ProcedureInput<'letter.updateText'>, 'letterId'>;
export type DraftInput = ProcedureInput<'letter.draft'>;

/** What the list shows as the letter's state: a concept sent back by a signer is "teruggestuurd". */
export type LetterState = LetterSummary['status'] | 'teruggestuurd';

export function stateOf(letter: Pick<LetterSummary, 'status' | 'returnComment'>): LetterState {
  return letter.status === 'concept' && letter.returnComment !== null ? 'teruggestuurd' : letter.status;
}

/**
 * The letter kinds that fit this case now, mirroring the backend's rules (main/letters):
 * the kind's request types (`letter.kinds`), a decision only while the decision is still to be
 * taken and only one per case, an extension notice only after the term was extended, and after
 * a withdrawal or an art. 12(5) refusal only their own letters. The backend checks again.
 */
export function draftableKinds(kinds: readonly LetterKindInfo[], detail: CaseDetail, letters: readonly LetterSummary[]): LetterKindInfo[] {
  // A discarded concept is deleted, so every listed decision letter counts.
  const hasDecision = letters.some((l) => kinds.find((k) => k.kind === l.kind)?.decision === true);
  return kinds.filter((info) => {
    if (info.caseTypes !== null && !info.caseTypes.includes(detail.type)) return false;
    const kind: LetterKind = info.kind;
    if (kind === 'bevestiging-intrekking' && (detail.status === 'ingetrokken' || isAwaitingDecision(detail.status))) return true;
    // After a side exit the requester is still owed the decision with its reasons and remedies.
    if ((kind === 'afwijzing' && detail.status === 'kennelijk_ongegrond') || (kind === 'besluit-niet-ontvankelijk' && detail.status === 'niet_ontvankelijk'))
      return !hasDecision;
    if (info.decision && !isAwaitingDecision(detail.status)) return false;
    if (isClosed(detail.status)) return false;
    if (info.decision && hasDecision) return false;
    if (kind === 'verlengingsbericht') return detail.extensionMonths > 0;
    if (kind === 'klacht-termijn-verstreken') return detail.dueOn < dutchToday(new Date());
    return true;
  });
}

/** The case types whose decision comes with an access package. */
export function hasPackage(detail: Pick<CaseDetail, 'type'>): boolean {
  return detail.type === 'inzage' || detail.type === 'dataportabiliteit';
}

/** A safe file name for a letter's PDF: reference and kind, no personal data. */
export function pdfFileName(letter: Pick<LetterSummary, 'caseReference' | 'kind' | 'status'>): string {
  const suffix = letter.status === 'ondertekend' || letter.status === 'verzonden' ? '' : '-concept';
  return `${letter.caseReference}-${letter.kind}${suffix}.pdf`;
}
