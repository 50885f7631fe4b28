import { eq, inArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { LocalDb } from '../../db/local/database.js';
import { readSetting, writeSetting } from '../../db/local/settings/repository.js';
import { auditEvents, auditSigners } from '../../db/local/schema.js';
import type { SettingKey } from '../../shared/settings/registry.js';
import type { Role } from '../../shared/staff/roles.js';
import { DESKTOP_SIGNER } from '../audit/audit-desktop-key.js';
import type { PushContext } from './push.js';

/**
 * The audit trail to the central database, and its anchors: the chain goes up by sequence number
 * through avg_append_audit_events (this desktop's own chain, claimed with its secret), and the head
 * of what was sent is anchored there, insert-only, so `audit verify` can tell a truncated,
 * reordered or rewritten chain.
 */
const AUDIT_SEQ_KEY = 'sync.auditSeq' satisfies SettingKey;

/**
 * The auditor reads the audit trail and never writes it, centrally neither (db/central/migrations/0014):
 * a login with no other function sends and anchors nothing; the next sync of a colleague who works
 * on this desktop takes the events up.
 */
export function sendsAuditTrail(roles: readonly Role[]): boolean {
  return roles.some((role) => role !== 'auditor');
}

/** The audit trail goes up by sequence number; the watermark moves only after the central commit. */
export async function pushAuditEvents(ctx: PushContext): Promise<number> {
  if (!sendsAuditTrail(ctx.actor.roles)) return 0;
  let sent = 0;
  for (;;) {
    const watermark = readSetting(ctx.db, AUDIT_SEQ_KEY);
    const rows = ctx.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} > ${watermark}`)
      .orderBy(auditEvents.seq)
      .limit(Math.max(ctx.batchSize, 1000))
      .all();
    const last = rows[rows.length - 1];
    if (!last) return sent;
    const events = rows.map((e) => ({
      id: e.id,
      seq: e.seq,
      at: e.at,
      actor_id: e.actorId,
      // The central database takes an actor only from their own login: a colleague's event on this desktop goes without.
      staff_id: e.actorId === ctx.actor.localId ? ctx.actor.centralId : null,
      roles: e.roles,
      procedure: e.procedure,
      record_type: e.recordType,
      record_id: e.recordId,
      outcome: e.outcome,
      prev_hash: e.prevHash,
      hash: e.hash,
      signature: signatureOf(e),
    }));
    // Through a function that only inserts, on this desktop's own chain (db/central/migrations/0010): one statement per batch.
    await ctx.client.query('SELECT avg_append_audit_events($1, $2, $3::jsonb)', [ctx.desktopId, ctx.desktopSecret, JSON.stringify(events)]);
    const at = ctx.now().toISOString();
    writeSetting(ctx.db, AUDIT_SEQ_KEY, last.seq, at);
    sent += rows.length;
  }
}

/**
 * The signed-in member's own signing keys on this desktop, and the desktop's key, go up with their
 * own login (db/central/migrations/0015), so the central copy of this chain can be verified there.
 */
export async function pushSigningKeys(ctx: Pick<PushContext, 'client' | 'db' | 'desktopId' | 'desktopSecret' | 'actor'>): Promise<void> {
  if (!sendsAuditTrail(ctx.actor.roles)) return;
  const keys = ctx.db
    .select()
    .from(auditSigners)
    .where(inArray(auditSigners.staffId, [ctx.actor.localId, DESKTOP_SIGNER]))
    .all()
    .map((k) => ({ kind: k.staffId === DESKTOP_SIGNER ? 'desktop' : 'member', public_key: k.publicKey, from_seq: k.fromSeq }));
  if (keys.length === 0) return;
  await ctx.client.query('SELECT avg_register_signing_keys($1, $2, $3, $4::jsonb)', [
    ctx.desktopId,
    ctx.desktopSecret,
    ctx.actor.localId,
    JSON.stringify(keys),
  ]);
}

/** The Ed25519 signature of an event, when this version of the local store keeps one. */
function signatureOf(event: object): string | null {
  const value = (event as { signature?: unknown }).signature;
  return typeof value === 'string' ? value : null;
}

const ANCHOR_KEY = 'sync.auditAnchor' satisfies SettingKey;

export interface AuditAnchor {
  seq: number;
  hash: string;
}

/**
 * Anchors the head of what this desktop has sent (sequence number and hash) centrally, insert-only,
 * and keeps the highest central anchor locally for `audit verify` when the central database is out
 * of reach. A head that is no longer there (events deleted here) is not anchored: verify says so.
 */
export async function anchorAuditChain(ctx: Pick<PushContext, 'client' | 'db' | 'desktopId' | 'desktopSecret' | 'now' | 'actor'>): Promise<AuditAnchor | null> {
  const watermark = readSetting(ctx.db, AUDIT_SEQ_KEY);
  const head = ctx.db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, watermark)).get();
  if (head && sendsAuditTrail(ctx.actor.roles))
    await ctx.client.query('SELECT avg_anchor_audit_chain($1, $2, $3, $4)', [ctx.desktopId, ctx.desktopSecret, head.seq, head.hash]);
  const anchor = await centralAnchor(ctx.client, ctx.desktopId);
  if (anchor) writeSetting(ctx.db, ANCHOR_KEY, anchor, ctx.now().toISOString());
  return anchor;
}

/** The highest head the central database holds for a desktop (the first one sent, if two differ). */
export async function centralAnchor(client: pg.ClientBase, desktopId: string): Promise<AuditAnchor | null> {
  const { rows } = await client.query<{ seq: string; hash: string }>(
    'SELECT a.seq::text AS seq, a.hash FROM avg_audit_anchors($1) AS a ORDER BY a.seq DESC LIMIT 1',
    [desktopId],
  );
  const row = rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** Every head the central database holds for a desktop, oldest first. */
export async function centralAnchors(client: pg.ClientBase, desktopId: string): Promise<AuditAnchor[]> {
  const { rows } = await client.query<{ seq: string; hash: string }>('SELECT seq::text AS seq, hash FROM avg_audit_anchors($1)', [desktopId]);
  return rows.map((r) => ({ seq: Number(r.seq), hash: r.hash }));
}

/** The central anchor as the last sync saw it (null before the first). */
export function storedAnchor(db: LocalDb): AuditAnchor | null {
  return readSetting(db, ANCHOR_KEY);
}

export function unsentAuditEvents(db: LocalDb): number {
  const watermark = readSetting(db, AUDIT_SEQ_KEY);
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_events WHERE seq > ${watermark}`)?.n ?? 0;
}
