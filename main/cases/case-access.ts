import type { LocalDb } from '../../db/local/database.js';
import { findCase, type CaseRow } from '../../db/local/cases/repository.js';
import { canSeeContent, isAssignedHandler } from '../../shared/cases/access.js';
import type { CallContext } from '../platform/call-context.js';
import { DomainError } from '../platform/errors.js';
import type { SessionInfo } from '../staff/sessions.js';

/** The case a call is about, named in its audit event; a Dutch error when it does not exist. */
export function loadCase(db: LocalDb, ctx: CallContext, caseId: string): CaseRow {
  ctx.setRecord(caseId);
  const row = findCase(db, caseId);
  if (!row) throw new DomainError('NOT_FOUND', 'Deze zaak bestaat niet.');
  return row;
}

/** The content of the case (requester, dossier, letters): the dpo, or the handler it is assigned to. */
export function assertCanSeeContent(session: SessionInfo, row: Pick<CaseRow, 'handlerId'>): void {
  if (!canSeeContent(session, row)) throw new DomainError('FORBIDDEN', 'Deze zaak is niet aan u toegewezen.');
}

/** Working on a case (status, tasks) is for the assigned handler only. */
export function assertAssignedHandler(session: SessionInfo, row: Pick<CaseRow, 'handlerId'>): void {
  if (!isAssignedHandler(session, row)) {
    throw new DomainError('FORBIDDEN', 'Alleen de behandelaar aan wie deze zaak is toegewezen kan dit doen.');
  }
}
