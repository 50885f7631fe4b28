import type pg from 'pg';
import type { AuditRow } from '../../db/local/audit/repository.js';
import type { SignerKey } from '../audit/audit-signing.js';
import { verifyCentralChain, type ChainVerification } from '../audit/audit.js';

interface CentralEvent {
  id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  roles: AuditRow['roles'];
  procedure: string;
  record_type: string | null;
  record_id: string | null;
  outcome: AuditRow['outcome'];
  prev_hash: string;
  hash: string;
  signature: string | null;
}

const PAGE = 5000;

/** All events of one desktop's chain, in order, as the desktop hashed them. */
async function chainOf(client: pg.ClientBase, desktopId: string): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for (let after = 0; ;) {
    const page = await client.query<CentralEvent>(
      `SELECT id, seq::int AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_id, roles, procedure,
              record_type, record_id, outcome, prev_hash, hash, signature
         FROM audit_events WHERE desktop_id = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`,
      [desktopId, after],
    );
    for (const e of page.rows) {
      rows.push({
        seq: e.seq,
        id: e.id,
        at: e.at,
        actorId: e.actor_id,
        roles: e.roles,
        procedure: e.procedure,
        recordType: e.record_type,
        recordId: e.record_id,
        outcome: e.outcome,
        prevHash: e.prev_hash,
        hash: e.hash,
        signature: e.signature,
      });
    }
    const last = page.rows[page.rows.length - 1];
    if (!last || page.rows.length < PAGE) return rows;
    after = last.seq;
  }
}

/**
 * The central database holds one hash chain per desktop. Each is walked from its first event, like
 * the local one; the first broken link names the desktop (the first characters of its id).
 */
export async function verifyCentralChains(client: pg.ClientBase): Promise<ChainVerification & { unverifiable: number }> {
  const desktops = (await client.query<{ desktop_id: string }>('SELECT DISTINCT desktop_id FROM audit_events ORDER BY desktop_id')).rows;
  let count = 0;
  let unverifiable = 0;
  for (const { desktop_id: desktopId } of desktops) {
    const result = verifyCentralChain(await chainOf(client, desktopId), await keysOf(client, desktopId));
    unverifiable += result.unverifiable;
    if (!result.ok && result.firstBroken) {
      return {
        ok: false,
        count: count + result.count,
        unverifiable,
        firstBroken: { seq: result.firstBroken.seq, reason: `Computer ${desktopId.slice(0, 8)}: ${result.firstBroken.reason}` },
      };
    }
    count += result.count;
  }
  return { ok: true, count, unverifiable, firstBroken: null };
}

/**
 * The signing keys a desktop registered centrally (db/central/migrations/0015), by the staff id on
 * that desktop, or DESKTOP_SIGNER for its own key. PostgreSQL has no Ed25519: the check is here.
 */
async function keysOf(client: pg.ClientBase, desktopId: string): Promise<Map<string, SignerKey[]>> {
  const { rows } = await client.query<{ local_id: string; public_key: string; from_seq: string }>(
    'SELECT local_id, public_key, from_seq::text AS from_seq FROM audit_signing_keys WHERE desktop_id = $1 ORDER BY from_seq',
    [desktopId],
  );
  const out = new Map<string, SignerKey[]>();
  for (const r of rows) {
    const list = out.get(r.local_id) ?? [];
    list.push({ publicKey: r.public_key, fromSeq: Number(r.from_seq) });
    out.set(r.local_id, list);
  }
  return out;
}
