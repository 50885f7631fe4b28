import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEventHash } from '../../main/audit/audit.js';
import { ADMIN, value } from '../support/basics.js';
import { centralForFile } from '../support/central.js';
import { openStoreAs } from '../support/store.js';

/**
 * The central copy of a desktop's chain is checked against the signing keys that desktop registered
 * centrally (each member with their own login, plus the desktop's own key). PostgreSQL has no
 * Ed25519, so `audit verify` does the check on the dpo's or auditor's desktop. Real PostgreSQL,
 * made-up people.
 */
const central = centralForFile('central-signatures');

describe('the central copy of a chain, checked against the keys its desktop registered', () => {
  it('a synced chain verifies centrally; an event the owner forged there with a correct hash is named, and the desktop keeps syncing', async () => {
    const desk = await central.desktop(['fg', 'hanna']);
    value(await desk.call('audit.list', {}, desk.staff.fg.token));
    await desk.call('staff.list', {}, null); // a refusal without a session: the desktop's own key signs it
    value(await desk.call('case.queue', {}, desk.staff.hanna.token));
    await desk.sync('hanna');
    await desk.sync('fg');
    const keys = await central.owner.query<{ local_id: string; staff_id: string | null }>(
      'SELECT local_id, staff_id FROM audit_signing_keys ORDER BY local_id',
    );
    expect(keys.rows).toEqual(
      expect.arrayContaining([
        { local_id: desk.staff.fg.id, staff_id: central.logins.fg.id },
        { local_id: desk.staff.hanna.id, staff_id: central.logins.hanna.id },
        expect.objectContaining({ local_id: 'desktop' }),
      ]),
    );
    const before = value(await desk.call('audit.verify', {}, desk.staff.fg.token));
    // The local admin has no central login: their events are signed but not checkable centrally.
    expect(before.central).toMatchObject({ ok: true, firstBroken: null, unverifiable: expect.any(Number) });

    // The owner appends an event in Hanna's name where the desktop's next one belongs, hash and link correct, no valid signature.
    const head = (
      await central.owner.query<{ desktop_id: string; seq: string; hash: string }>(
        `SELECT e.desktop_id, e.seq::text AS seq, e.hash FROM audit_events e JOIN audit_signing_keys k ON k.desktop_id = e.desktop_id AND k.local_id = 'desktop' ORDER BY e.seq DESC LIMIT 1`,
      )
    ).rows[0];
    const forged = {
      seq: Number(head?.seq) + 1,
      id: randomUUID(),
      at: '2026-11-30T10:00:00.000Z',
      actorId: desk.staff.hanna.id,
      roles: ['handler' as const],
      procedure: 'case.get',
      recordType: 'case',
      recordId: null,
      outcome: 'ok' as const,
      prevHash: head?.hash ?? '',
    };
    await central.owner.query(
      `INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, roles, procedure, record_type, outcome, prev_hash, hash, signature) VALUES ($1, $2, $3, $4, $5, '{handler}', 'case.get', 'case', 'ok', $6, $7, $8)`,
      [forged.id, head?.desktop_id, forged.seq, forged.at, forged.actorId, forged.prevHash, auditEventHash(forged), Buffer.alloc(64, 7).toString('base64')],
    );
    value(await desk.call('audit.list', {}, desk.staff.fg.token));
    const run = await desk.sync('fg');
    expect(run.auditEvents).toBeGreaterThan(0);
    const after = value(await desk.call('audit.verify', {}, desk.staff.fg.token));
    expect(after).toMatchObject({ ok: true, central: { ok: false, firstBroken: { seq: forged.seq } } });
    expect(after.central?.firstBroken?.reason).toMatch(/handtekening ontbreekt of klopt niet/u);
  });

  it("a member registers keys only for their own staff id on a desktop, never for a colleague's, even with the desktop's secret", async () => {
    const desk = await central.desktop(['fg', 'hanna']);
    await desk.sync('fg');
    desk.backend.close();
    const store = await openStoreAs(desk.dir, ADMIN.userName, ADMIN.password);
    const setting = (key: string) =>
      JSON.parse((store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value) as string;
    const [desktopId, secret] = [setting('sync.desktopId'), setting('sync.desktopSecret')];
    store.close();
    const hanna = await central.connectAs('hanna');
    const register = (localId: string) =>
      hanna.query('SELECT avg_register_signing_keys($1, $2, $3, $4::jsonb) AS n', [
        desktopId,
        secret,
        localId,
        JSON.stringify([{ kind: 'member', public_key: Buffer.alloc(32, 9).toString('base64'), from_seq: 1 }]),
      ]);
    try {
      await expect(register(desk.staff.fg.id)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/alleen uw eigen sleutels/u) });
      await expect(
        hanna.query('INSERT INTO audit_signing_keys (desktop_id, local_id, public_key, from_seq) VALUES ($1, $2, $3, 1)', [desktopId, desk.staff.fg.id, 'a']),
      ).rejects.toMatchObject({ code: '42501' });
      expect((await register(desk.staff.hanna.id)).rows).toEqual([{ n: 1 }]);
    } finally {
      await hanna.end();
    }
    expect((await central.owner.query('SELECT staff_id FROM audit_signing_keys WHERE local_id = $1', [desk.staff.fg.id])).rows).toEqual([
      { staff_id: central.logins.fg.id },
    ]);
  });
});
