import { createHash, randomUUID } from 'node:crypto';
import type { LocalDb } from '../../db/local/database.js';
import { insertAuditEvent, iterateAuditEvents, lastAuditEvent, type AuditRow } from '../../db/local/repositories/audit.js';
import type { AuditVerification } from '../../shared/api/contract.js';
import type { Role } from '../../shared/roles.js';

/** The hash the first event links to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  actorId: string | null;
  roles: readonly Role[];
  procedure: string;
  recordType: string | null;
  recordId: string | null;
  outcome: AuditRow['outcome'];
}

/** SHA-256 over every field in a fixed order, including the previous event's hash and the sequence. */
export function auditEventHash(event: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    event.seq,
    event.id,
    event.at,
    event.actorId,
    event.roles,
    event.procedure,
    event.recordType,
    event.recordId,
    event.outcome,
    event.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Appends one event to the chain. Call inside the transaction of the change it records. */
export function appendAuditEvent(db: LocalDb, at: Date, fields: AuditFields): AuditRow {
  const last = lastAuditEvent(db);
  const base = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    at: at.toISOString(),
    actorId: fields.actorId,
    roles: [...fields.roles],
    procedure: fields.procedure,
    recordType: fields.recordType,
    recordId: fields.recordId,
    outcome: fields.outcome,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const row: AuditRow = { ...base, hash: auditEventHash(base) };
  insertAuditEvent(db, row);
  return row;
}

export type ChainVerification = Omit<AuditVerification, 'central'>;

/** Walks a chain from its start (rows in `seq` order) and names the first event that does not verify. */
export function verifyChain(rows: Iterable<AuditRow>): ChainVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return { ok: false, count, firstBroken: { seq: row.seq, reason: `Gebeurtenis ${expectedSeq} tot en met ${row.seq - 1} ontbreekt of staat niet op volgorde.` } };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, count, firstBroken: { seq: row.seq, reason: 'De koppeling met de vorige gebeurtenis klopt niet: een eerdere gebeurtenis is gewijzigd, verwijderd of verplaatst.' } };
    }
    const { hash, ...rest } = row;
    if (auditEventHash(rest) !== hash) {
      return { ok: false, count, firstBroken: { seq: row.seq, reason: 'De inhoud van deze gebeurtenis is gewijzigd.' } };
    }
    prevHash = hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count, firstBroken: null };
}

/** This desktop's chain, from the start. */
export function verifyAuditChain(db: LocalDb): ChainVerification {
  return verifyChain(iterateAuditEvents(db));
}
