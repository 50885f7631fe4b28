import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import type { LocalDb } from '../database.js';
import { auditEvents } from '../schema.js';

export type AuditRow = typeof auditEvents.$inferSelect;

function prepareLast(db: LocalDb) {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).prepare();
}

// Every event, reads included, asks for the chain's head: building and preparing that query cost
// more than running it, so it is prepared once per open store.
const lastQueries = new WeakMap<LocalDb, ReturnType<typeof prepareLast>>();

export function lastAuditEvent(db: LocalDb): AuditRow | undefined {
  let query = lastQueries.get(db);
  if (!query) {
    query = prepareLast(db);
    lastQueries.set(db, query);
  }
  return query.get();
}

export function insertAuditEvent(db: LocalDb, row: AuditRow): void {
  db.insert(auditEvents).values(row).run();
}

/** Newest first, for browsing. */
export function pageAuditEvents(db: LocalDb, beforeSeq: number | undefined, limit: number): AuditRow[] {
  const query = db.select().from(auditEvents);
  const filtered = beforeSeq === undefined ? query : query.where(lt(auditEvents.seq, beforeSeq));
  return filtered.orderBy(desc(auditEvents.seq)).limit(limit).all();
}

/** Oldest first, in batches, for verifying the chain without loading it all. */
export function* iterateAuditEvents(db: LocalDb, batchSize = 1000): Generator<AuditRow> {
  let after = 0;
  for (;;) {
    const batch = db.select().from(auditEvents).where(gt(auditEvents.seq, after)).orderBy(asc(auditEvents.seq)).limit(batchSize).all();
    const last = batch.at(-1);
    if (!last) return;
    yield* batch;
    after = last.seq;
  }
}

/** The events about one record, oldest first (a case's timeline). */
export function auditEventsFor(db: LocalDb, recordType: string, recordId: string): AuditRow[] {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.recordType, recordType), eq(auditEvents.recordId, recordId)))
    .orderBy(asc(auditEvents.seq))
    .all();
}
