import type { LocalDb } from '../../db/local/database.js';
import { pageAuditEvents } from '../../db/local/repositories/audit.js';
import { listStaff } from '../../db/local/repositories/staff.js';
import type { AuditEvent } from '../../shared/api/contract.js';

/** Audit events newest first, with the acting staff member's name (staff are not case content). */
export function listAuditEvents(db: LocalDb, input: { beforeSeq?: number | undefined; limit: number }): AuditEvent[] {
  const names = new Map(listStaff(db).map((s) => [s.id, s.fullName]));
  return pageAuditEvents(db, input.beforeSeq, input.limit).map((row) => ({
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
