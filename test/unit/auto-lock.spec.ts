import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../main/app/backend.js';
import { fixedClock } from '../../main/platform/clock.js';
import { silentLogger } from '../../main/platform/log.js';
import { locksOn, onPowerEvent, SessionLocker } from '../../main/settings/auto-lock.js';
import { SessionStore } from '../../main/staff/sessions.js';
import { noProtection } from '../../main/platform/key-protector.js';
import { Vault } from '../../main/platform/vault.js';
import { ADMIN, STRONG_PASSWORD, tempDir, typed, value } from '../support/backend.js';
import { TEST_KDF } from '../support/kdf.js';

/**
 * Auto-lock in the backend: the setting (default 10 minutes, 1–240, admin only), the backend's idle
 * sign-out following it, locking one's own session (`session.lock`) and every session on an OS lock
 * or suspend. Locked means: the old token is refused with a Dutch message, and with the last session
 * the store is closed and the database key wiped.
 */
let cleanup: () => void = () => {};
afterEach(() => cleanup());

const LOCKED = { ok: false, error: { code: 'SESSION_LOCKED', message: 'AVG Desk is vergrendeld. Voer uw wachtwoord opnieuw in om verder te werken.' } };

/** A backend as the app builds it: no fixed idle time, so it follows the setting. */
async function desktop() {
  const t = tempDir();
  cleanup = t.cleanup;
  const clock = fixedClock(new Date('2026-11-25T09:00:00Z'));
  const backend = createBackend({ kdfCost: TEST_KDF, dataDir: t.dir, clock, logger: silentLogger });
  const call = typed(backend);
  const admin = value(await call('setup.createAdmin', ADMIN, null));
  value(await call('staff.add', { userName: 'intake1', fullName: 'Ingrid Intake', roles: ['intake'], password: STRONG_PASSWORD }, admin.token));
  value(await call('staff.add', { userName: 'audit1', fullName: 'Aart Auditor', roles: ['auditor'], password: STRONG_PASSWORD }, admin.token));
  const intake = value(await call('session.login', { userName: 'intake1', password: STRONG_PASSWORD }, null));
  const auditor = value(await call('session.login', { userName: 'audit1', password: STRONG_PASSWORD }, null));
  return { dir: t.dir, clock, backend, call, admin, intake, auditor };
}

/** Whether this process still has the encrypted store open (Linux: /proc/self/fd). */
function storeIsOpen(dir: string): boolean {
  const store = join(dir, 'store.db');
  return readdirSync('/proc/self/fd').some((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd)).startsWith(store);
    } catch {
      return false;
    }
  });
}
const canSeeOpenFiles = existsSync('/proc/self/fd');

describe('the auto-lock setting', () => {
  it('is 10 minutes by default, and every signed-in staff member can read it', async () => {
    const { call, admin, intake } = await desktop();
    expect(admin.idleTimeoutSeconds).toBe(600);
    expect(value(await call('settings.getAutoLock', {}, intake.token))).toEqual({ minutes: 10 });
  });

  it('only an admin sets it, between 1 and 240 whole minutes, with Dutch messages', async () => {
    const { call, admin, intake, auditor } = await desktop();
    expect(await call('settings.setAutoLock', { minutes: 5 }, intake.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const [minutes, message] of [
      [0, 'Kies minstens 1 minuut.'],
      [241, 'Kies hoogstens 240 minuten.'],
      [2.5, 'Geef een heel aantal minuten.'],
    ] as const) {
      const result = await call('settings.setAutoLock', { minutes }, admin.token);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(JSON.stringify(result)).toContain(message);
    }
    expect(value(await call('settings.setAutoLock', { minutes: 3 }, admin.token))).toEqual({ minutes: 3 });
    expect(value(await call('settings.getAutoLock', {}, intake.token))).toEqual({ minutes: 3 });
    const audit = value(await call('audit.list', { limit: 50 }, auditor.token)).filter((e) => e.procedure === 'settings.setAutoLock');
    expect(audit.map((e) => e.outcome)).toEqual(expect.arrayContaining(['ok', 'denied']));
  });

  it('sets the backend’s idle sign-out: the next sign-in gets it, an idle session ends after it', async () => {
    const { call, clock, admin, intake } = await desktop();
    value(await call('settings.setAutoLock', { minutes: 3 }, admin.token));
    const again = value(await call('session.login', { userName: 'intake1', password: STRONG_PASSWORD }, null));
    expect(again.idleTimeoutSeconds).toBe(180);
    clock.advance(170_000);
    value(await call('session.me', {}, again.token)); // in use: the idle clock starts again
    clock.advance(181_000);
    expect(await call('session.me', {}, again.token)).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(await call('session.me', {}, intake.token)).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });

  it('is kept in the store: a new start of the app still has it', async () => {
    const { dir, call, admin, backend } = await desktop();
    value(await call('settings.setAutoLock', { minutes: 45 }, admin.token));
    backend.close();
    const restarted = createBackend({ kdfCost: TEST_KDF, dataDir: dir, logger: silentLogger });
    const session = value(await typed(restarted)('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null));
    expect(session.idleTimeoutSeconds).toBe(45 * 60);
    restarted.close();
  });
});

describe('locking', () => {
  it('session.lock ends the own session: the old token gets a Dutch message, the others go on', async () => {
    const { dir, call, admin, intake, auditor } = await desktop();
    value(await call('session.lock', {}, intake.token));
    expect(await call('session.me', {}, intake.token)).toMatchObject(LOCKED);
    expect(await call('case.queue', {}, intake.token)).toMatchObject(LOCKED);
    // The admin is still signed in, so the store stays open.
    value(await call('session.me', {}, admin.token));
    if (canSeeOpenFiles) expect(storeIsOpen(dir)).toBe(true);
    const audit = value(await call('audit.list', { limit: 20 }, auditor.token));
    expect(audit.find((e) => e.procedure === 'session.lock')).toMatchObject({ outcome: 'ok', actorName: 'Ingrid Intake' });
  });

  it('with the last session locked the store is closed; unlocking is signing in again', async () => {
    const { dir, call, admin, intake, auditor } = await desktop();
    value(await call('session.lock', {}, intake.token));
    value(await call('session.lock', {}, auditor.token));
    if (canSeeOpenFiles) expect(storeIsOpen(dir)).toBe(true);
    value(await call('session.lock', {}, admin.token));
    expect(await call('staff.list', {}, admin.token)).toMatchObject(LOCKED);
    if (canSeeOpenFiles) expect(storeIsOpen(dir)).toBe(false);
    const unlocked = value(await call('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null));
    expect(value(await call('staff.list', {}, unlocked.token)).map((s) => s.userName)).toEqual(expect.arrayContaining(['beheer', 'intake1']));
    expect(await call('staff.list', {}, admin.token)).toMatchObject(LOCKED);
    expect(await call('session.login', { userName: ADMIN.userName, password: 'verkeerd-wachtwoord' }, null)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
  });

  it('an OS lock or suspend locks every session and closes the store; other power events do not', async () => {
    const { dir, call, backend, admin, intake } = await desktop();
    const tellRenderer = vi.fn();
    for (const event of ['resume', 'unlock-screen', 'user-did-become-active', 'shutdown']) {
      expect(onPowerEvent(event, { lockBackend: () => backend.lockAll(), tellRenderer })).toBe(false);
    }
    expect(tellRenderer).not.toHaveBeenCalled();
    value(await call('session.me', {}, admin.token));

    expect(onPowerEvent('lock-screen', { lockBackend: () => backend.lockAll(), tellRenderer })).toBe(true);
    expect(tellRenderer).toHaveBeenCalledTimes(1);
    expect(await call('session.me', {}, admin.token)).toMatchObject(LOCKED);
    expect(await call('session.me', {}, intake.token)).toMatchObject(LOCKED);
    if (canSeeOpenFiles) expect(storeIsOpen(dir)).toBe(false);

    const again = value(await call('session.login', { userName: 'intake1', password: STRONG_PASSWORD }, null));
    expect(locksOn('suspend')).toBe(true);
    onPowerEvent('suspend', { lockBackend: () => backend.lockAll(), tellRenderer });
    expect(await call('session.me', {}, again.token)).toMatchObject(LOCKED);
  });

  it('wipes the database key from memory when the store closes', async () => {
    const { dir, backend } = await desktop();
    backend.close();
    const vault = new Vault(dir, noProtection, undefined, TEST_KDF);
    const unlocked = await vault.loadKeyring().unlock(ADMIN.userName, ADMIN.password);
    if (!unlocked) throw new Error('the admin password should open the keyring');
    vault.unlockWith(unlocked.dbKey);
    const sessions = new SessionStore(fixedClock(new Date()), 600);
    sessions.create(unlocked.staffId, ['admin']);
    const key = vault.key;
    expect(key.some((b) => b !== 0)).toBe(true);
    new SessionLocker(vault, sessions).lockAll();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(vault.isOpen()).toBe(false);
    expect(() => vault.key).toThrow();
  });
});
