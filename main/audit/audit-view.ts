import type { LocalDb } from '../../db/local/database.js';
import { auditEventsFor, pageAuditEvents, type AuditRow } from '../../db/local/audit/repository.js';
import { listStaff } from '../../db/local/staff/repository.js';
import type { AuditEvent } from '../../shared/api/contract.js';

/** Audit rows as the API shows them, with the acting staff member's name (staff are not case content). */
export function present(db: LocalDb, rows: AuditRow[]): AuditEvent[] {
  const names = new Map(listStaff(db).map((s) => [s.id, s.fullName]));
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorId ? (names.get(row.actorId) ?? null) : null,
    roles: row.roles,
    procedure: row.procedure,
    recordType: row.recordType,
    recordId: row.recordId,
    outcome: row.outcome,
  }));
}

/** Newest first, for browsing. */
export function listAuditEvents(db: LocalDb, input: { beforeSeq?: number | undefined; limit: number }): AuditEvent[] {
  return present(db, pageAuditEvents(db, input.beforeSeq, input.limit));
}

/** A case's timeline: every event about it, oldest first, including who read it. */
export function caseTimeline(db: LocalDb, caseId: string): AuditEvent[] {
  return present(db, auditEventsFor(db, 'case', caseId));
}
