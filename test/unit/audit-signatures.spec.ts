import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertAuditEvent, iterateAuditEvents, type AuditRow } from '../../db/local/repositories/audit.js';
import { auditEventHash, verifyAuditChain } from '../../main/services/audit.js';
import type { OpenStore } from '../../main/store/encrypted-db.js';
import { ADMIN, addStaff, initialized, makeBackend, STRONG_PASSWORD, tempDir, value } from '../support/backend.js';
import { openStoreAs } from '../support/store.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const SIGNATURE_BREAK = /handtekening ontbreekt of klopt niet/u;

/** A data directory where the admin and a handler each did something after signing in. */
async function withHistory() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const init = await initialized(t.dir);
  const handler = await addStaff(init.backend, init.adminToken, 'behandelaar', ['handler']);
  await init.call('staff.list', {}, handler.token); // refused
  for (let i = 0; i < 6; i += 1) value(await init.call('staff.list', {}, init.adminToken));
  init.backend.close();
  const store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
  cleanups.push(() => store.close());
  expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, firstBroken: null });
  // An attacker with the database key who also drops the triggers:
  store.sqlite.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  return { ...init, dir: t.dir, store, handler };
}

const allEvents = (store: OpenStore): AuditRow[] => [...iterateAuditEvents(store.db)];

/** Recomputes every hash from `fromSeq` on, so the chain's links and hashes are all consistent again. */
function rechain(store: OpenStore, fromSeq: number): void {
  const rows = allEvents(store);
  let prevHash = rows.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  for (const row of rows.filter((r) => r.seq >= fromSeq)) {
    const { hash: _old, ...rest } = row;
    const base = { ...rest, prevHash };
    const hash = auditEventHash({ seq: base.seq, id: base.id, at: base.at, actorId: base.actorId, roles: base.roles, procedure: base.procedure, recordType: base.recordType, recordId: base.recordId, outcome: base.outcome, prevHash });
    store.sqlite.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prevHash, hash, row.seq);
    prevHash = hash;
  }
}

describe('signed audit events', () => {
  it('an edited event whose later hashes were all recomputed is reported: its signature no longer fits', async () => {
    const { store, adminId } = await withHistory();
    const target = allEvents(store).find((e) => e.actorId === adminId && e.procedure === 'staff.list' && e.outcome === 'ok');
    expect(target).toBeDefined();
    const seq = target?.seq ?? 0;
    store.sqlite.prepare("UPDATE audit_events SET outcome = 'error' WHERE seq = ?").run(seq);
    rechain(store, seq);
    const result = verifyAuditChain(store.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq } });
    expect(result.firstBroken?.reason).toMatch(SIGNATURE_BREAK);
    expect(result.firstBroken?.reason).toContain(`Gebeurtenis ${seq}:`);
  });

  it("a forged event in another member's name, with correct hash links, is reported", async () => {
    const { store, handler } = await withHistory();
    const last = allEvents(store).at(-1);
    const base = {
      seq: (last?.seq ?? 0) + 1,
      id: '6f1c2a9e-1d4b-4c6e-9a7f-2b3c4d5e6f70',
      at: new Date('2026-11-26T10:00:00Z').toISOString(),
      actorId: handler.id,
      roles: ['handler' as const],
      procedure: 'staff.list',
      recordType: 'staff',
      recordId: null,
      outcome: 'ok' as const,
      prevHash: last?.hash ?? '',
    };
    insertAuditEvent(store.db, { ...base, hash: auditEventHash(base), signature: null });
    const result = verifyAuditChain(store.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: base.seq } });
    expect(result.firstBroken?.reason).toMatch(SIGNATURE_BREAK);
  });

  it('the last five events reversed, renumbered and rehashed, are reported', async () => {
    const { store } = await withHistory();
    const rows = allEvents(store);
    const tail = rows.slice(-5);
    const firstSeq = tail[0]?.seq ?? 0;
    const reversed = [...tail].reverse();
    // Move them out of the way first: seq is the primary key.
    store.sqlite.prepare('UPDATE audit_events SET seq = seq + 100000, id = id || ? WHERE seq >= ?').run('-x', firstSeq);
    reversed.forEach((row, i) => {
      store.sqlite.prepare('UPDATE audit_events SET seq = ?, id = ? WHERE seq = ?').run(firstSeq + i, row.id, row.seq + 100000);
    });
    rechain(store, firstSeq);
    const result = verifyAuditChain(store.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(firstSeq);
    expect(result.firstBroken?.reason).toMatch(SIGNATURE_BREAK);
  });

  it('normal use verifies, also for an account whose keyring entry predates signing keys', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const init = await initialized(t.dir);
    const handler = await addStaff(init.backend, init.adminToken, 'behandelaar', ['handler']);
    value(await init.call('staff.list', {}, init.adminToken));
    init.backend.close();
    // The entry as the keyring held it before signing keys: the X25519 box without the Ed25519 pair.
    const keyringFile = join(t.dir, 'keyring.json');
    const file = JSON.parse(readFileSync(keyringFile, 'utf8')) as { entries: { staffId: string; box?: Record<string, unknown> }[] };
    for (const e of file.entries) if (e.staffId === handler.id && e.box) delete e.box.signing;
    writeFileSync(keyringFile, JSON.stringify(file));

    const again = makeBackend(t.dir);
    const session = value(await again.call('session.login', { userName: 'behandelaar', password: STRONG_PASSWORD }, null));
    await again.call('staff.list', {}, session.token); // refused, signed by the handler
    await again.call('staff.list', {}, null); // refused without a session: nobody's key, unsigned
    const upgraded = (JSON.parse(readFileSync(keyringFile, 'utf8')) as typeof file).entries.find((e) => e.staffId === handler.id);
    expect(upgraded?.box?.signing).toMatchObject({ publicKey: expect.any(String) });
    again.backend.close();

    const store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
    cleanups.push(() => store.close());
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, firstBroken: null, unsigned: 1 });
    const events = allEvents(store);
    const signed = events.filter((e) => (e as { signature?: string | null }).signature);
    expect(signed.map((e) => e.actorId)).toContain(handler.id);
    expect(signed.map((e) => e.actorId)).toContain(init.adminId);
    const row = store.sqlite.prepare('SELECT public_key FROM staff WHERE id = ?').get(handler.id) as { public_key: string | null };
    expect(Buffer.from(row.public_key ?? '', 'base64')).toHaveLength(32);
  });
});
