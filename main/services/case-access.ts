import type { LocalDb } from '../../db/local/database.js';
import { findCase, type CaseRow } from '../../db/local/repositories/cases.js';
import type { CallContext } from '../api/context.js';
import { DomainError } from './errors.js';
import type { SessionInfo } from './sessions.js';

/** The case a call is about, named in its audit event; a Dutch error when it does not exist. */
export function loadCase(db: LocalDb, ctx: CallContext, caseId: string): CaseRow {
  ctx.setRecord(caseId);
  const row = findCase(db, caseId);
  if (!row) throw new DomainError('NOT_FOUND', 'Deze zaak bestaat niet.');
  return row;
}

/**
 * Row-level rules on top of the permission matrix: which cases' content a staff member may see.
 * The dpo sees all; a handler only the cases assigned to them.
 */
export function canSeeContent(session: SessionInfo, row: Pick<CaseRow, 'handlerId'>): boolean {
  return session.roles.includes('dpo') || (session.roles.includes('handler') && row.handlerId === session.staffId);
}

export function assertCanSeeContent(session: SessionInfo, row: Pick<CaseRow, 'handlerId'>): void {
  if (!canSeeContent(session, row)) throw new DomainError('FORBIDDEN', 'Deze zaak is niet aan u toegewezen.');
}

/** Working on a case (status, tasks) is for the assigned handler only. */
export function assertAssignedHandler(session: SessionInfo, row: Pick<CaseRow, 'handlerId'>): void {
  if (!(session.roles.includes('handler') && row.handlerId === session.staffId)) {
    throw new DomainError('FORBIDDEN', 'Alleen de behandelaar aan wie deze zaak is toegewezen kan dit doen.');
  }
}
