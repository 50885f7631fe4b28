import { describe, expect, it } from 'vitest';
import { ADMIN, STRONG_PASSWORD, addStaff, initialized, makeBackend, value } from '../support/backend.js';
import { testDir } from '../support/test-dir.js';

describe('first run, sign-in and staff accounts', () => {
  it('reports an uninitialized store and refuses sign-in before setup', async () => {
    const t = testDir();
    const { call } = makeBackend(t.dir);
    expect(value(await call('setup.status', {}, null))).toEqual({ initialized: false });
    const login = await call('session.login', { userName: 'beheer', password: 'x' }, null);
    expect(login.ok).toBe(false);
    if (!login.ok) expect(login.error.code).toBe('NOT_INITIALIZED');
  });

  it('creates the first admin once, with a strong password only', async () => {
    const t = testDir();
    const { call } = makeBackend(t.dir);
    const weak = await call('setup.createAdmin', { ...ADMIN, password: 'kort' }, null);
    expect(weak.ok).toBe(false);
    if (!weak.ok) {
      expect(weak.error.code).toBe('WEAK_PASSWORD');
      expect(weak.error.details?.join(' ')).toMatch(/minstens 12 tekens/u);
    }
    value(await call('setup.createAdmin', ADMIN, null));
    expect(value(await call('setup.status', {}, null))).toEqual({ initialized: true });
    const again = await call('setup.createAdmin', { ...ADMIN, userName: 'ander' }, null);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('ALREADY_INITIALIZED');
  });

  it('signs in after a restart with the right password and gives a Dutch error for a wrong one', async () => {
    const t = testDir();
    const first = await initialized(t.dir);
    first.backend.close();
    const { call } = makeBackend(t.dir);
    const wrong = await call('session.login', { userName: ADMIN.userName, password: 'Fout-Wachtwoord-99!' }, null);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: 'Gebruikersnaam of wachtwoord is onjuist.' } });
    const unknown = await call('session.login', { userName: 'niemand', password: ADMIN.password }, null);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    const session = value(await call('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null));
    expect(session.staff).toMatchObject({ userName: ADMIN.userName, fullName: ADMIN.fullName, roles: ['admin'] });
  });

  it('makes each further attempt wait after three failures, doubling up to five minutes, for that user name only', async () => {
    const t = testDir();
    const { backend, call, clock, adminToken } = await initialized(t.dir);
    await addStaff(backend, adminToken, 'hvdberg', ['handler']);
    const wrong = () => call('session.login', { userName: ADMIN.userName, password: 'Fout-Wachtwoord-99!' }, null);
    const right = () => call('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null);
    const lockedFor = (seconds: number) => ({
      ok: false,
      error: { code: 'LOCKED_OUT', message: `Te veel mislukte pogingen. Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.` },
    });
    for (let i = 0; i < 3; i++) expect(await wrong()).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    // Each failure from the third on sets the wait: 1 s, 2 s, 4 s … and never more than 300 s.
    const waits = [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300];
    for (const [n, seconds] of waits.entries()) {
      // While the wait runs even the right password is refused, up to its last millisecond.
      expect(await right(), `wait ${n + 1}`).toMatchObject(lockedFor(seconds));
      clock.advance(seconds * 1000 - 1);
      expect(await right(), `wait ${n + 1}, 1 ms before its end`).toMatchObject(lockedFor(1));
      // Another user name is not held up by this one's failures.
      if (n === 0) value(await call('session.login', { userName: 'hvdberg', password: STRONG_PASSWORD }, null));
      clock.advance(1);
      if (n < waits.length - 1) expect(await wrong()).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    }
    // A sign-in clears the count: three failures again before the next wait.
    value(await right());
    for (let i = 0; i < 2; i++) expect(await wrong()).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    value(await right());
  });

  it('lets an admin add staff who can then sign in with their own password', async () => {
    const t = testDir();
    const { backend, call, adminToken } = await initialized(t.dir);
    const handler = await addStaff(backend, adminToken, 'jjansen', ['handler']);
    const me = value(await call('session.me', {}, handler.token));
    expect(me.roles).toEqual(['handler']);
    const list = value(await call('staff.list', {}, adminToken));
    expect(list.map((s) => s.userName).sort()).toEqual(['beheer', 'jjansen']);
    const dup = await call('staff.add', { userName: 'jjansen', fullName: 'X', roles: ['handler'], password: STRONG_PASSWORD }, adminToken);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Deze gebruikersnaam is al in gebruik.' } });
  });

  it('resets a password so the new one opens the same store and the old one no longer does', async () => {
    const t = testDir();
    const { backend, call, adminToken } = await initialized(t.dir);
    const handler = await addStaff(backend, adminToken, 'pdevries', ['handler']);
    value(await call('staff.resetPassword', { staffId: handler.id, newPassword: 'Nieuwe-Sleutel-2027?' }, adminToken));
    backend.close();
    const { call: again } = makeBackend(t.dir);
    expect(await again('session.login', { userName: 'pdevries', password: STRONG_PASSWORD }, null)).toMatchObject({ ok: false });
    const s = value(await again('session.login', { userName: 'pdevries', password: 'Nieuwe-Sleutel-2027?' }, null));
    expect(s.staff.userName).toBe('pdevries');
  });

  it('deactivates an account so it cannot sign in, and keeps one admin at least', async () => {
    const t = testDir();
    const { backend, call, adminToken, adminId } = await initialized(t.dir);
    const handler = await addStaff(backend, adminToken, 'kbakker', ['handler']);
    value(await call('staff.setActive', { staffId: handler.id, active: false }, adminToken));
    expect(await call('session.me', {}, handler.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('session.login', { userName: 'kbakker', password: STRONG_PASSWORD }, null)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    expect(await call('staff.setActive', { staffId: adminId, active: false }, adminToken)).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } });
    expect(await call('staff.setRoles', { staffId: adminId, roles: ['dpo'] }, adminToken)).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } });
    const back = value(await call('staff.setActive', { staffId: handler.id, active: true, password: 'Weer-Actief-2026!!' }, adminToken));
    expect(back.active).toBe(true);
    value(await call('session.login', { userName: 'kbakker', password: 'Weer-Actief-2026!!' }, null));
  });

  it('ends an idle session and locks the store when nobody is signed in', async () => {
    const t = testDir();
    const { backend, call, clock, adminToken } = await initialized(t.dir);
    clock.advance(601_000);
    expect(await call('session.me', {}, adminToken)).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    backend.sweep();
    expect(await call('staff.list', {}, adminToken)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('changes the own password only with the current one', async () => {
    const t = testDir();
    const { call, adminToken } = await initialized(t.dir);
    expect(await call('account.changePassword', { currentPassword: 'Fout-Wachtwoord-99!', newPassword: 'Andere-Sleutel-2026!' }, adminToken)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS', message: 'Het huidige wachtwoord is onjuist.' },
    });
    value(await call('account.changePassword', { currentPassword: ADMIN.password, newPassword: 'Andere-Sleutel-2026!' }, adminToken));
    value(await call('session.login', { userName: ADMIN.userName, password: 'Andere-Sleutel-2026!' }, null));
  });

  it('answers bad input with Dutch field messages', async () => {
    const t = testDir();
    const { backend, call, adminToken } = await initialized(t.dir);
    const bad = await call('staff.add', { userName: '', fullName: '', roles: [], password: 'x' }, adminToken);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.details).toEqual(expect.arrayContaining(['Naam: is verplicht.', 'Functies: Kies minstens één functie.']));
    }
    expect(await call('staff.add', 'not an object', adminToken)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await backend.dispatch('no.such.thing', {}, adminToken)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });
});
