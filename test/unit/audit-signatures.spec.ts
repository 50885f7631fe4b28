import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertAuditEvent, iterateAuditEvents, type AuditRow } from '../../db/local/audit/repository.js';
import { auditEventHash, verifyAuditChain } from '../../main/audit/audit.js';
import type { OpenStore } from '../../main/platform/encrypted-db.js';
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
  await init.call('staff.list', {}, null); // refused without a session: the desktop signs it
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
    const hash = auditEventHash({
      seq: base.seq,
      id: base.id,
      at: base.at,
      actorId: base.actorId,
      roles: base.roles,
      procedure: base.procedure,
      recordType: base.recordType,
      recordId: base.recordId,
      outcome: base.outcome,
      prevHash,
    });
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
    await again.call('staff.list', {}, null); // refused without a session: signed by the desktop's own key
    const upgraded = (JSON.parse(readFileSync(keyringFile, 'utf8')) as typeof file).entries.find((e) => e.staffId === handler.id);
    expect(upgraded?.box?.signing).toMatchObject({ publicKey: expect.any(String) });
    again.backend.close();

    const store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
    cleanups.push(() => store.close());
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, firstBroken: null, unsigned: 0 });
    const events = allEvents(store);
    const signed = events.filter((e) => (e as { signature?: string | null }).signature);
    expect(signed.map((e) => e.actorId)).toContain(handler.id);
    expect(signed.map((e) => e.actorId)).toContain(init.adminId);
    const row = store.sqlite.prepare('SELECT public_key FROM staff WHERE id = ?').get(handler.id) as { public_key: string | null };
    expect(Buffer.from(row.public_key ?? '', 'base64')).toHaveLength(32);
  });
});

describe('from the first event this version writes, every event is signed', () => {
  function forge(store: OpenStore, fields: { actorId: string | null; procedure: string; outcome: AuditRow['outcome'] }, signature: string | null) {
    const last = allEvents(store).at(-1);
    const base = {
      seq: (last?.seq ?? 0) + 1,
      id: randomUUID(),
      at: new Date('2026-11-27T09:00:00Z').toISOString(),
      actorId: fields.actorId,
      roles: [],
      procedure: fields.procedure,
      recordType: 'case',
      recordId: null,
      outcome: fields.outcome,
      prevHash: last?.hash ?? '',
    };
    const hash = auditEventHash(base);
    store.sqlite
      .prepare(
        'INSERT INTO audit_events (seq, id, at, actor_id, roles, procedure, record_type, record_id, outcome, prev_hash, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(base.seq, base.id, base.at, base.actorId, '[]', base.procedure, base.recordType, base.recordId, base.outcome, base.prevHash, hash, signature);
    return { seq: base.seq, hash };
  }

  it('an unsigned event without an actor, appended with raw SQL and correct hash links, is reported by number', async () => {
    const { store } = await withHistory();
    const { seq } = forge(store, { actorId: null, procedure: 'case.delete', outcome: 'ok' }, null);
    const result = verifyAuditChain(store.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq } });
    expect(result.firstBroken?.reason).toContain(`Gebeurtenis ${seq}: handtekening ontbreekt of klopt niet. Sinds gebeurtenis`);
  });

  it('a signed refusal stripped of its signature and changed, with every later hash recomputed, is reported at that event', async () => {
    const { store } = await withHistory();
    const refusal = allEvents(store).find((e) => e.actorId === null && e.outcome === 'denied');
    expect(refusal?.signature).toEqual(expect.any(String));
    const seq = refusal?.seq ?? 0;
    store.sqlite.prepare("UPDATE audit_events SET signature = NULL, procedure = 'case.delete', outcome = 'ok' WHERE seq = ?").run(seq);
    rechain(store, seq);
    const result = verifyAuditChain(store.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq } });
    expect(result.firstBroken?.reason).toMatch(/handtekening ontbreekt/u);
  });

  it("the desktop's own key, taken from the store, signs no member's action nor a successful one without an actor; refusals it signs verify", async () => {
    const { store, handler } = await withHistory();
    const stored = store.sqlite.prepare(`SELECT value FROM settings WHERE key = 'audit.desktopSigningKey'`).get() as { value: string };
    const key = createPrivateKey({ key: Buffer.from(JSON.parse(stored.value) as string, 'base64'), format: 'der', type: 'pkcs8' });
    const signed = (hash: string) => sign(null, Buffer.from(hash, 'hex'), key).toString('base64');
    // A refusal without a session, as the desktop writes it: verifies.
    const refusal = forge(store, { actorId: null, procedure: 'case.get', outcome: 'denied' }, null);
    store.sqlite.prepare('UPDATE audit_events SET signature = ? WHERE seq = ?').run(signed(refusal.hash), refusal.seq);
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true, firstBroken: null });
    // In the handler's name: only the handler's own key could sign it.
    const inName = forge(store, { actorId: handler.id, procedure: 'case.get', outcome: 'ok' }, null);
    store.sqlite.prepare('UPDATE audit_events SET signature = ? WHERE seq = ?').run(signed(inName.hash), inName.seq);
    const result = verifyAuditChain(store.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: inName.seq } });
    expect(result.firstBroken?.reason).toMatch(/alleen door deze computer ondertekend/u);
  });

  it("the desktop's own key signs no successful action without an actor outside the desktop's own work", async () => {
    const { store } = await withHistory();
    const stored = store.sqlite.prepare(`SELECT value FROM settings WHERE key = 'audit.desktopSigningKey'`).get() as { value: string };
    const key = createPrivateKey({ key: Buffer.from(JSON.parse(stored.value) as string, 'base64'), format: 'der', type: 'pkcs8' });
    const forged = forge(store, { actorId: null, procedure: 'case.delete', outcome: 'ok' }, null);
    store.sqlite
      .prepare('UPDATE audit_events SET signature = ? WHERE seq = ?')
      .run(sign(null, Buffer.from(forged.hash, 'hex'), key).toString('base64'), forged.seq);
    const result = verifyAuditChain(store.db);
    expect(result).toMatchObject({ ok: false, firstBroken: { seq: forged.seq } });
    expect(result.firstBroken?.reason).toMatch(/alleen door deze computer ondertekend/u);
  });
});
