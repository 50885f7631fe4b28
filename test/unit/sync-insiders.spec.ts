import { beforeAll, describe, expect, it } from 'vitest';
import { auditSignatureValid } from '../../main/audit/audit-signing.js';
import { STRONG_PASSWORD, value } from '../support/basics.js';
import { CENTRAL_PASSWORD, centralForFile } from '../support/central.js';
import { seedDecisions } from '../support/seed-decisions.js';
import { openSyncService } from '../support/sync-service.js';

/**
 * The admin who tries to become dpo through the central database: PostgreSQL refuses it, so the
 * next sync cannot carry the dpo function to the admin's local account on any desktop (desktops
 * take the functions of the central staff list). Real PostgreSQL, made-up people.
 */
const central = centralForFile('insiders-sync', { dropRoles: ['avg_u_beheer', 'avg_u_beheer2'] });
beforeAll(async () => {
  await central.owner.query('SELECT avg_create_login($1, $2, $3::text[], $4)', ['beheer', 'Beheerder Testpersoon', ['admin'], CENTRAL_PASSWORD]);
});

describe('an admin cannot become dpo through the central database', () => {
  it('SET ROLE avg_admin, a password reset of the dpo or a second login with dpo are refused; after a sync the local admin is still only admin', async () => {
    const desk = await central.desktop(['fg']);
    value(await desk.call('sync.setCredentials', { loginRole: 'avg_u_beheer', password: CENTRAL_PASSWORD }, desk.adminToken));
    value(await desk.call('sync.run', {}, desk.adminToken));

    const bea = await central.connectLogin('avg_u_beheer');
    try {
      const attempts: [string, string[]][] = [
        ['beheer', ['admin', 'dpo']],
        ['fg', ['dpo']],
        ['beheer2', ['dpo']],
      ];
      await bea.query('SET ROLE avg_admin');
      for (const [user, functions] of attempts) {
        await expect(
          bea.query('SELECT avg_create_login($1, $2, $3::text[], $4)', [user, 'Wie Dan Ook', functions, 'Nieuw-Wachtwoord-2026!']),
          user,
        ).rejects.toMatchObject({ code: '42501' });
      }
    } finally {
      await bea.end();
    }

    value(await desk.call('sync.run', {}, desk.adminToken));
    const admin = value(await desk.call('staff.list', {}, desk.adminToken)).find((s) => s.userName === 'beheer');
    expect(admin?.roles).toEqual(['admin']);
    expect(await desk.call('case.queue', {}, desk.adminToken)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await central.owner.query(`SELECT user_name FROM staff WHERE 'dpo' = ANY(roles) ORDER BY 1`)).rows).toEqual([{ user_name: 'fg' }]);
  });
});

describe('signed audit events reach the central database', () => {
  it("a sync carries each event's signature and the member's own public key, and the signatures fit that key", async () => {
    const desk = await central.desktop(['fg']);
    value(await desk.call('sync.setCredentials', { loginRole: 'avg_u_beheer', password: CENTRAL_PASSWORD }, desk.adminToken));
    value(await desk.call('sync.run', {}, desk.adminToken));
    value(await desk.call('sync.run', {}, desk.adminToken));
    const { rows } = await central.owner.query<{ hash: string; signature: string | null; public_key: string | null }>(
      `SELECT e.hash, e.signature, s.public_key FROM audit_events e JOIN staff s ON s.id = e.staff_id WHERE e.actor_id = $1`,
      [desk.adminId],
    );
    const signed = rows.filter((r) => r.signature !== null);
    expect(signed.length).toBeGreaterThan(0);
    expect(Buffer.from(signed[0]?.public_key ?? '', 'base64')).toHaveLength(32);
    for (const r of signed) expect(auditSignatureValid(r.public_key ?? '', r.hash, r.signature ?? '')).toBe(true);
  });
});

describe('the auditor reads the audit trail and never sends it', () => {
  it("an auditor's sync sends and anchors no events, and still succeeds; a colleague's sync on that desktop sends them", async () => {
    const desk = await central.desktop(['aart', 'hanna']);
    value(await desk.call('audit.verify', {}, desk.staff.aart.token));
    value(await desk.call('sync.run', {}, desk.staff.aart.token));
    const pushedBy = async () =>
      (
        await central.owner.query<{ pushed_by: string; n: number }>(
          `SELECT pushed_by, count(*)::int AS n FROM audit_events WHERE actor_id = ANY($1) GROUP BY pushed_by`,
          [[desk.staff.aart.id, desk.staff.hanna.id, desk.adminId]],
        )
      ).rows;
    expect(await pushedBy()).toEqual([]);
    value(await desk.call('sync.run', {}, desk.staff.hanna.token));
    const after = await pushedBy();
    expect(after.map((r) => r.pushed_by)).toEqual([central.logins.hanna.id]);
    const auditorEvents = await central.owner.query(`SELECT 1 FROM audit_events WHERE actor_id = $1 AND procedure = 'audit.verify'`, [desk.staff.aart.id]);
    expect(auditorEvents.rowCount).toBe(1);
  });
});

describe('four eyes over the sync: letters go before the signer together, a refused one alone waits', () => {
  it("a letter on a case the dpo gave to Henk meanwhile waits; Hanna's other letters still reach the signer", async () => {
    const desk = await central.desktop(['hanna', 'sanne']);
    await desk.sync('hanna');
    desk.backend.close();
    const { vault, sync, staffId } = await openSyncService(desk.dir, 'hanna', STRONG_PASSWORD);
    try {
      const seeded = seedDecisions(vault.open.db, { count: 3, handlerId: staffId, signerId: desk.staff.sanne.id, at: new Date() });
      const [given, ...hers] = seeded.caseIds;
      const reference = vault.open.sqlite.prepare('SELECT reference FROM cases WHERE id = ?').pluck().get(given) as string;
      await central.owner.query(
        `INSERT INTO cases (id, reference, type, channel, received_on, due_on, original_due_on, status, handler_id, updated_at)
         VALUES ($1, $2, 'inzage', 'email', '2026-11-02', '2026-12-02', '2026-12-02', 'in_behandeling', $3, now())`,
        [given, reference, central.logins.henk.id],
      );
      const login = (person: 'hanna' | 'sanne') => ({ url: central.desktopUrl, loginRole: central.logins[person].loginRole, password: CENTRAL_PASSWORD });
      await sync.run({ staffId, roles: ['handler'] }, login('hanna'));
      await sync.run({ staffId: desk.staff.sanne.id, roles: ['signer'] }, login('sanne'));
      const decided = (
        await central.owner.query<{ case_id: string }>('SELECT case_id FROM decisions WHERE case_id = ANY($1) ORDER BY case_id', [seeded.caseIds])
      ).rows.map((r) => r.case_id);
      expect(decided).toEqual([...hers].sort());
    } finally {
      vault.lock();
    }
  });
});
