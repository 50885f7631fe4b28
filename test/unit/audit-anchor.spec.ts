import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/app/cli/run.js';
import { auditEventHash } from '../../main/audit/audit.js';
import type { AuditRow } from '../../db/local/audit/repository.js';
import { ADMIN, STRONG_PASSWORD, makeBackend, value } from '../support/backend.js';
import { centralForFile, type Desktop } from '../support/central.js';
import { openStoreAs } from '../support/store.js';

/**
 * The audit chain anchored outside the desktop: each sync sends the head of what it sent (sequence
 * number and hash) to the central database, insert-only, and `audit verify` compares the local chain
 * with those anchors. Someone holding the store's key can delete, edit or reorder events and even
 * recompute every later hash; the anchors still tell. Real PostgreSQL, real SQLCipher store.
 */
const central = centralForFile('anchor');

/** A dpo's desktop with history, synced twice (so its events and their head are central). */
async function anchoredDesktop() {
  const desk = await central.desktop(['fg']);
  const fg = desk.staff.fg.token;
  for (let i = 0; i < 4; i++) value(await desk.call('staff.list', {}, desk.adminToken));
  await desk.sync('fg');
  await desk.sync('fg');
  const before = value(await desk.call('audit.verify', {}, fg));
  expect(before).toMatchObject({ ok: true, anchor: { state: 'behind', source: 'central' } });
  expect(before.anchor?.message).toMatch(
    /^De keten klopt met de centrale database tot en met gebeurtenis \d+\. De nieuwste (gebeurtenis is|\d+ gebeurtenissen zijn) nog niet buiten deze computer vastgelegd/u,
  );
  return { desk, anchoredSeq: before.anchor?.anchoredSeq ?? 0 };
}

/** Closes the app, changes the store as someone with the key would (triggers dropped), opens it again as the dpo. */
async function tamper(desk: Desktop, change: (sqlite: Awaited<ReturnType<typeof openStoreAs>>['sqlite']) => void) {
  desk.backend.close();
  const store = await openStoreAs(desk.dir, ADMIN.userName, ADMIN.password);
  store.sqlite.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
  change(store.sqlite);
  store.close();
  const again = makeBackend(desk.dir, desk.clock.now());
  const token = value(await again.call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null)).token;
  return { ...again, token };
}

/** Recomputes seq, prev_hash and hash of every event from `fromSeq` on, in the given order: a clean-looking chain. */
function rehash(sqlite: Awaited<ReturnType<typeof openStoreAs>>['sqlite'], rows: AuditRow[], fromSeq: number): void {
  const previous = sqlite
    .prepare('SELECT hash FROM audit_events WHERE seq = ?')
    .pluck()
    .get(fromSeq - 1) as string | undefined;
  let prevHash = previous ?? '0'.repeat(64);
  sqlite.prepare('DELETE FROM audit_events WHERE seq >= ?').run(fromSeq);
  const insert = sqlite.prepare(
    'INSERT INTO audit_events (seq, id, at, actor_id, roles, procedure, record_type, record_id, outcome, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  rows.forEach((row, i) => {
    const base = { ...row, seq: fromSeq + i, prevHash };
    const hash = auditEventHash(base);
    insert.run(
      base.seq,
      base.id,
      base.at,
      base.actorId,
      JSON.stringify(base.roles),
      base.procedure,
      base.recordType,
      base.recordId,
      base.outcome,
      base.prevHash,
      hash,
    );
    prevHash = hash;
  });
}

function rowsFrom(sqlite: Awaited<ReturnType<typeof openStoreAs>>['sqlite'], fromSeq: number): AuditRow[] {
  return (sqlite.prepare('SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq').all(fromSeq) as Record<string, unknown>[]).map((r) => ({
    seq: Number(r.seq),
    id: String(r.id),
    at: String(r.at),
    actorId: (r.actor_id as string | null) ?? null,
    roles: JSON.parse(String(r.roles)) as AuditRow['roles'],
    procedure: String(r.procedure),
    recordType: (r.record_type as string | null) ?? null,
    recordId: (r.record_id as string | null) ?? null,
    outcome: r.outcome as AuditRow['outcome'],
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
    signature: (r.signature as string | null) ?? null,
  }));
}

describe('audit verify against the central anchors', () => {
  it('reports a deleted tail, in the app and on the command line', async () => {
    const { desk, anchoredSeq } = await anchoredDesktop();
    const after = await tamper(desk, (sqlite) => sqlite.prepare('DELETE FROM audit_events WHERE seq > ?').run(anchoredSeq - 5));
    const result = value(await after.call('audit.verify', {}, after.token));
    expect(result).toMatchObject({ ok: false, anchor: { state: 'broken', source: 'central', anchoredSeq } });
    after.backend.close();
    const err: string[] = [];
    const code = await runCli(['--data', desk.dir, 'audit', 'verify'], {
      env: { AVG_DESK_USER: 'fg', AVG_DESK_PASSWORD: STRONG_PASSWORD },
      out: () => undefined,
      err: (t: string) => err.push(t),
    });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(
      new RegExp(
        `De centrale database legde deze keten vast tot en met gebeurtenis ${anchoredSeq}, maar hier eindigt zij bij gebeurtenis \\d+: de laatste \\d+ gebeurtenissen zijn verwijderd`,
        'u',
      ),
    );
  });

  it('reports that every event was deleted', async () => {
    const { desk, anchoredSeq } = await anchoredDesktop();
    const after = await tamper(desk, (sqlite) => sqlite.exec('DELETE FROM audit_events'));
    const result = value(await after.call('audit.verify', {}, after.token));
    // Signing in again wrote a new first event: the chain itself is whole, the anchors say what is gone.
    expect(result).toMatchObject({ ok: false, anchor: { state: 'broken', anchoredSeq } });
    after.backend.close();
  });

  it('reports an edited event whose later hashes were recomputed, and a reordered tail', async () => {
    for (const attack of ['edit', 'reverse'] as const) {
      const { desk, anchoredSeq } = await anchoredDesktop();
      const from = anchoredSeq - 4;
      const after = await tamper(desk, (sqlite) => {
        const rows = rowsFrom(sqlite, from);
        if (attack === 'edit') rows[0] = { ...(rows[0] as AuditRow), outcome: 'denied' };
        else rows.splice(0, 5, ...rows.slice(0, 5).reverse());
        rehash(sqlite, rows, from);
      });
      const result = value(await after.call('audit.verify', {}, after.token));
      expect(result, attack).toMatchObject({ ok: false, anchor: { state: 'broken' } });
      // The first anchored head at or after the change (each sync anchored one).
      expect(result.firstBroken?.seq).toBeGreaterThanOrEqual(from);
      expect(result.firstBroken?.seq).toBeLessThanOrEqual(anchoredSeq);
      expect(result.anchor?.message).toMatch(/de keten is na het vastleggen gewijzigd, herschreven of op een andere volgorde gezet/u);
      after.backend.close();
    }
  });

  it('offline it compares with the anchor kept at the last sync, and says so', async () => {
    const { desk, anchoredSeq } = await anchoredDesktop();
    value(await desk.call('sync.setSettings', { url: 'postgres://127.0.0.1:1/avgdesk', intervalMinutes: 5 }, desk.adminToken));
    const intact = value(await desk.call('audit.verify', {}, desk.staff.fg.token));
    expect(intact).toMatchObject({ ok: true, anchor: { state: 'behind', source: 'stored', anchoredSeq } });
    expect(intact.anchor?.message).toMatch(/bij de laatste synchronisatie/u);
    const after = await tamper(desk, (sqlite) => sqlite.prepare('DELETE FROM audit_events WHERE seq > ?').run(anchoredSeq - 3));
    expect(value(await after.call('audit.verify', {}, after.token))).toMatchObject({ ok: false, anchor: { state: 'broken', source: 'stored' } });
    after.backend.close();
  });

  it('an event forged on the central side does not stop the desktop from syncing; the central verification names it', async () => {
    const { desk } = await anchoredDesktop();
    const { rows } = await central.owner.query<{ desktop_id: string; seq: string; hash: string }>(
      // This desktop synced last: its newest event is the newest received.
      'SELECT desktop_id, seq::text AS seq, hash FROM audit_events ORDER BY received_at DESC, seq DESC LIMIT 1',
    );
    const head = rows[0];
    const next = Number(head?.seq) + 1;
    // A DBA (the owner) puts an event where this desktop's next one belongs.
    await central.owner.query(
      `INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, roles, procedure, outcome, prev_hash, hash) VALUES (gen_random_uuid(), $1, $2, now(), NULL, '{dpo}', 'case.get', 'ok', $3, $4)`,
      [head?.desktop_id, next, head?.hash, 'f'.repeat(64)],
    );
    const run = await desk.sync('fg');
    expect(run.auditEvents).toBeGreaterThan(0);
    expect((await central.owner.query('SELECT seq::int AS seq FROM audit_event_conflicts WHERE desktop_id = $1', [head?.desktop_id])).rows).toEqual([
      { seq: next },
    ]);
    const verified = value(await desk.call('audit.verify', {}, desk.staff.fg.token));
    expect(verified).toMatchObject({ ok: true, central: { ok: false, firstBroken: { seq: next } } });
  });
});
