import { readSetting, writeSetting } from '../../db/local/settings/repository.js';
import type { SettingKey } from '../../shared/settings/registry.js';
import { AUTO_LOCK_MINUTES, type AutoLock } from '../../shared/settings/desktop-contract.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import type { SessionStore } from '../staff/sessions.js';

/**
 * Auto-lock: after the set number of minutes without input the app locks, and so it does when the
 * OS locks the screen or goes to sleep. Locking ends the session(s) as "locked"; when no session is
 * left the store is closed and the database key wiped from memory. Unlocking is signing in again.
 */
export const AUTO_LOCK_SETTING = 'autoLockMinutes' satisfies SettingKey;

/** The setting, kept in the encrypted store (so it can only be read once someone has signed in). */
export class AutoLockSetting {
  /**
   * The last value read, for while the store is closed. While it is open the store is read each
   * time: a sync may bring functioneel beheer's new value in at any moment.
   */
  private cached: number | null = null;

  constructor(private readonly vault: Vault) {}

  minutes(): number {
    if (this.vault.isOpen()) {
      this.cached = readSetting(this.vault.open.db, AUTO_LOCK_SETTING);
    }
    return this.cached ?? AUTO_LOCK_MINUTES.default;
  }

  get(): AutoLock {
    return { minutes: this.minutes() };
  }

  set(ctx: CallContext, input: AutoLock): AutoLock {
    ctx.setRecord(AUTO_LOCK_SETTING);
    ctx.commit((db) => writeSetting(db, AUTO_LOCK_SETTING, input.minutes, ctx.now.toISOString()));
    this.cached = input.minutes;
    return input;
  }
}

/** Locks sessions and, when nobody is left, the store. */
export class SessionLocker {
  constructor(
    private readonly vault: Vault,
    private readonly sessions: SessionStore,
  ) {}

  /** The caller's own session (the lock button, or the renderer's idle timer). */
  lockOwn(ctx: CallContext): Record<string, never> {
    const session = ctx.requireSession();
    ctx.setRecord(session.staffId);
    ctx.commit(() => undefined);
    this.sessions.lock(session.token);
    this.lockStoreIfIdle();
    return {};
  }

  /** Every session, and the store with them. */
  lockAll(): void {
    this.sessions.lockAll();
    this.vault.lock();
  }

  private lockStoreIfIdle(): void {
    if (this.sessions.sweep() && !this.vault.isHeld()) this.vault.lock();
  }
}

/** The OS events on which the app locks: the screen is locked, or the computer goes to sleep. */
export function locksOn(event: string): boolean {
  return event === 'lock-screen' || event === 'suspend';
}

/**
 * The reaction to an OS power event, for the Electron entry: lock the backend (sessions and store)
 * and tell the renderer to show the lock dialog. Kept out of main/app/electron so it runs in plain Node.
 */
export function onPowerEvent(event: string, targets: { lockBackend(): void; tellRenderer(): void }): boolean {
  if (!locksOn(event)) return false;
  targets.lockBackend();
  targets.tellRenderer();
  return true;
}
