import type { CaseRow } from '../../db/local/repositories/cases.js';
import type { SessionInfo } from './sessions.js';
import { DomainError } from './errors.js';

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
