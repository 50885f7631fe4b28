import { describe, expect, it } from 'vitest';
import { AUTO_LOCK_MINUTES } from '../../shared/settings/desktop-contract.js';
import { ADMIN, value } from '../support/basics.js';
import { CENTRAL_PASSWORD, centralForFile } from '../support/central.js';

/**
 * The privacy officer owns the terms, templates and the processing register; functioneel beheer the
 * letterhead. What the dpo sets on her desktop reaches every desktop through the central database,
 * and no admin login can set a term or a template there (real PostgreSQL, row-level security).
 */
const central = centralForFile('sync_terms');

describe("the privacy officer's terms in the central database", () => {
  it("the dpo's retention term and template reach a handler's desktop", async () => {
    const fgDesk = await central.desktop(['fg']);
    const fg = fgDesk.staff.fg.token;
    value(await fgDesk.call('retention.setPolicy', { graceDays: 14, registerYears: 1, letterYears: 1 }, fg));
    const own = value(await fgDesk.call('letter.templates', {}, fg)).find((t) => t.kind === 'ontvangstbevestiging');
    if (!own) throw new Error('geen sjabloon ontvangstbevestiging');
    value(await fgDesk.call('letter.setTemplate', { template: { ...own.template, salutation: 'Beste {verzoeker.naam},' } }, fg));
    await fgDesk.sync('fg');

    const stored = await central.owner.query<{ kind: string; key: string; updated_by: string }>(
      "SELECT kind, key, updated_by FROM reference_data WHERE kind = 'template' OR key = 'retentionPolicy' ORDER BY kind, key",
    );
    expect(stored.rows).toEqual([
      { kind: 'setting', key: 'retentionPolicy', updated_by: central.logins.fg.id },
      { kind: 'template', key: 'ontvangstbevestiging', updated_by: central.logins.fg.id },
    ]);

    const work = await central.desktop(['fg', 'hanna']);
    await work.sync('hanna');
    expect(value(await work.call('retention.getPolicy', {}, work.staff.fg.token))).toEqual({ graceDays: 14, registerYears: 1, letterYears: 1 });
    const pulled = value(await work.call('letter.templates', {}, work.staff.fg.token)).find((t) => t.kind === 'ontvangstbevestiging');
    expect(pulled?.template.salutation).toBe('Beste {verzoeker.naam},');
  });

  it('an admin login cannot set a term or a template centrally; its letterhead it can', async () => {
    await central.owner.query('SELECT avg_create_login($1, $2, $3::text[], $4)', ['berend', 'Berend Beheer', ['admin'], CENTRAL_PASSWORD]);
    const login = await central.owner.query<{ login_role: string; id: string }>("SELECT login_role, id FROM staff WHERE user_name = 'berend'");
    const row = login.rows[0];
    if (!row) throw new Error('geen login voor berend');
    const admin = await central.connectLogin(row.login_role);
    try {
      const write = (kind: string, key: string) =>
        admin.query('INSERT INTO reference_data (kind, key, value, updated_by, updated_at) VALUES ($1, $2, $3::jsonb, $4::uuid, now())', [
          kind,
          key,
          JSON.stringify({ registerYears: 10 }),
          row.id,
        ]);
      await expect(write('setting', 'retentionPolicy')).rejects.toThrow(/row-level security/u);
      await expect(write('template', 'besluit-inzage')).rejects.toThrow(/row-level security/u);
      await expect(write('activity', 'nieuw')).rejects.toThrow(/row-level security/u);
      await expect(write('setting', 'letterhead')).resolves.toMatchObject({ rowCount: 1 });
    } finally {
      await admin.end();
    }
  });

  it("functioneel beheer's auto-lock minutes reach a handler's desktop, and take effect there without a restart", async () => {
    await central.owner.query('SELECT avg_create_login($1, $2, $3::text[], $4)', [ADMIN.userName, ADMIN.fullName, ['admin'], CENTRAL_PASSWORD]);
    const login = await central.owner.query<{ login_role: string }>('SELECT login_role FROM staff WHERE user_name = $1', [ADMIN.userName]);
    const adminDesk = await central.desktop([]);
    value(await adminDesk.call('sync.setCredentials', { loginRole: login.rows[0]?.login_role ?? '', password: CENTRAL_PASSWORD }, adminDesk.adminToken));
    value(await adminDesk.call('settings.setAutoLock', { minutes: 7 }, adminDesk.adminToken));
    value(await adminDesk.call('sync.run', {}, adminDesk.adminToken));

    const stored = await central.owner.query<{ key: string; value: unknown }>(
      "SELECT key, value FROM reference_data WHERE kind = 'setting' AND key LIKE 'autoLock%'",
    );
    expect(stored.rows).toEqual([{ key: 'autoLockMinutes', value: 7 }]);

    const work = await central.desktop(['hanna']);
    expect(value(await work.call('settings.getAutoLock', {}, work.staff.hanna.token))).toEqual({ minutes: AUTO_LOCK_MINUTES.default });
    await work.sync('hanna');
    expect(value(await work.call('settings.getAutoLock', {}, work.staff.hanna.token))).toEqual({ minutes: 7 });
  });
});
