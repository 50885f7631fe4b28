import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LocalDb } from '../database.js';
import { outbox } from './schema.js';
import { checkedPayload, type OutboxWrite } from './outbox-kinds.js';

export { OUTBOX_KINDS, type OutboxKind } from './outbox-kinds.js';
export type OutboxRow = typeof outbox.$inferSelect;

/** Writes an entry, its payload checked against its kind (db/local/sync/outbox-kinds.ts). */
export function insertOutbox(db: LocalDb, entry: OutboxWrite): void {
  db.insert(outbox)
    .values({ ...entry, payload: checkedPayload(entry.kind, entry.payload) })
    .run();
}

/** A case changed: one entry per change, so a change made during a push is never marked as sent. */
export function recordCaseChange(db: LocalDb, caseId: string, at: string): void {
  insertOutbox(db, { id: randomUUID(), kind: 'case', payload: { caseId }, createdAt: at, sentAt: null });
}

/** The oldest unsent entries, in the order they were made. */
export function unsentEntries(db: LocalDb, limit: number, afterCreatedAt?: string, afterId?: string): OutboxRow[] {
  const after = afterCreatedAt && afterId ? sql`(${outbox.createdAt}, ${outbox.id}) > (${afterCreatedAt}, ${afterId})` : undefined;
  return db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.sentAt), after))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(limit)
    .all();
}

export function countUnsent(db: LocalDb): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(isNull(outbox.sentAt))
      .get()?.n ?? 0
  );
}

/**
 * After the central transaction committed: case entries are deleted (they name a case and nothing
 * else is needed of them), the others are kept with their send time (retention looks at it).
 */
export function markSent(db: LocalDb, ids: readonly string[], at: string): void {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    db.delete(outbox)
      .where(and(inArray(outbox.id, chunk), eq(outbox.kind, 'case')))
      .run();
    db.update(outbox)
      .set({ sentAt: at, refusedReason: null })
      .where(and(inArray(outbox.id, chunk), isNull(outbox.sentAt)))
      .run();
  }
}

/** The central database refused these entries at this run: they stay unsent, with the reason. */
export function markRefused(db: LocalDb, refusals: readonly { id: string; reason: string }[]): void {
  for (const { id, reason } of refusals)
    db.update(outbox)
      .set({ refusedReason: reason })
      .where(and(eq(outbox.id, id), isNull(outbox.sentAt)))
      .run();
}

/** Unsent entries the central database refused, one line per case and reason (case numbers, no personal data). */
export function refusedByCase(db: LocalDb): { reference: string; reason: string }[] {
  return db.all<{ reference: string; reason: string }>(sql`
    SELECT DISTINCT coalesce(c.reference, json_extract(o.payload, '$.reference'), '—') AS reference, o.refused_reason AS reason
      FROM outbox o LEFT JOIN cases c ON c.id = json_extract(o.payload, '$.caseId')
     WHERE o.sent_at IS NULL AND o.refused_reason IS NOT NULL
     ORDER BY 1, 2`);
}
