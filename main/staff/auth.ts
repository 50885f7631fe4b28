import { randomUUID } from 'node:crypto';
import { findStaffById, findStaffByUserName, insertStaff } from '../../db/local/staff/repository.js';
import type { OpenStore } from '../platform/encrypted-db.js';
import { newRecoveryKey, type Unlocked } from '../platform/keyring.js';
import type { Session, Staff } from '../../shared/api/contract.js';
import type { KeyObject } from 'node:crypto';
import { registerSigningKey } from '../audit/audit-signing.js';
import { passwordProblems } from '../../shared/staff/password.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { DomainError } from '../platform/errors.js';
import type { LoginThrottle, SessionStore } from './sessions.js';
import { toStaff } from './staff-view.js';

export function assertStrongPassword(password: string, userName: string): void {
  const problems = passwordProblems(password, userName);
  if (problems.length > 0) throw new DomainError('WEAK_PASSWORD', undefined, { details: problems });
}

/** First-run setup, sign-in and sign-out, own password. */
export class AuthService {
  constructor(
    private readonly vault: Vault,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  status(): { initialized: boolean } {
    return { initialized: this.vault.isInitialized() };
  }

  private toSession(staff: Staff, signingKey: KeyObject | undefined): Session {
    const info = this.sessions.create(staff.id, staff.roles, signingKey);
    return { token: info.token, staff, idleTimeoutSeconds: this.sessions.idleTimeoutSeconds };
  }

  createAdmin(ctx: CallContext, input: { userName: string; fullName: string; password: string }): Promise<Session & { recoveryKey: string }> {
    return this.holdingStore(
      () => this.createAdminHeld(ctx, input),
      'AVG Desk werd vergrendeld terwijl de eerste beheerder werd aangemaakt. Er is niets bewaard; probeer het opnieuw.',
    );
  }

  private async createAdminHeld(ctx: CallContext, input: { userName: string; fullName: string; password: string }): Promise<Session & { recoveryKey: string }> {
    if (this.vault.isInitialized()) throw new DomainError('ALREADY_INITIALIZED');
    assertStrongPassword(input.password, input.userName);
    const { keyring } = this.vault.create();
    const at = ctx.now.toISOString();
    const row = {
      id: randomUUID(),
      userName: input.userName,
      fullName: input.fullName,
      roles: ['admin' as const],
      active: true,
      createdAt: at,
      updatedAt: at,
      centralId: null,
      publicKey: null,
    };
    const signing = await keyring.setEntry(row.id, row.userName, input.password, this.vault.key);
    const recoveryKey = newRecoveryKey();
    await keyring.setRecovery(recoveryKey, this.vault.key);
    const staff = toStaff(row);
    const session = this.toSession(staff, signing.privateKey);
    ctx.actAs(this.sessions.resolve(session.token));
    ctx.setRecord(row.id);
    ctx.commit((db) => {
      insertStaff(db, row);
      registerSigningKey(db, row.id, signing.publicKey);
    });
    // The keyring is written last: until it exists the store counts as a first run that never finished.
    keyring.save();
    return { ...session, recoveryKey };
  }

  login(ctx: CallContext, input: { userName: string; password: string }): Promise<Session> {
    return this.holdingStore(() => this.loginHeld(ctx, input), 'AVG Desk werd vergrendeld tijdens het aanmelden. Meld u opnieuw aan.');
  }

  private async loginHeld(ctx: CallContext, input: { userName: string; password: string }): Promise<Session> {
    if (!this.vault.isInitialized()) throw new DomainError('NOT_INITIALIZED');
    this.throttle.check(input.userName);
    const keyring = this.vault.loadKeyring();
    const unlocked = await keyring.unlock(input.userName, input.password);
    if (!unlocked) {
      this.throttle.fail(input.userName);
      throw new DomainError('WRONG_CREDENTIALS');
    }
    const { db } = this.openWith(unlocked);
    const row = findStaffById(db, unlocked.staffId);
    if (!row || !row.active || row.userName !== input.userName) {
      this.throttle.fail(input.userName);
      throw new DomainError('WRONG_CREDENTIALS');
    }
    this.throttle.succeed(input.userName);
    let signing = unlocked.signing;
    if (unlocked.legacy || !signing) {
      // An entry from before per-account or signing keys: the password is known now, so it gets its key pairs.
      signing = await keyring.setEntry(row.id, row.userName, input.password, this.vault.key);
      keyring.save();
    }
    const session = this.toSession(toStaff(row), signing.privateKey);
    ctx.actAs(this.sessions.resolve(session.token));
    ctx.setRecord(row.id);
    const publicKey = signing.publicKey;
    // Registered (once per key) in the transaction of this sign-in, whose event is the first it signs.
    ctx.commit((db) => (row.publicKey === publicKey ? undefined : registerSigningKey(db, row.id, publicKey)));
    return session;
  }

  logout(ctx: CallContext): Record<string, never> {
    const session = ctx.requireSession();
    ctx.setRecord(session.staffId);
    ctx.commit(() => undefined);
    this.sessions.end(session.token);
    this.lockIfIdle();
    return {};
  }

  me(ctx: CallContext): Staff {
    const row = findStaffById(this.vault.open.db, ctx.requireSession().staffId);
    if (!row) throw new DomainError('UNAUTHENTICATED');
    return toStaff(row);
  }

  async changePassword(ctx: CallContext, input: { currentPassword: string; newPassword: string }): Promise<Record<string, never>> {
    const session = ctx.requireSession();
    const row = findStaffById(this.vault.open.db, session.staffId);
    if (!row) throw new DomainError('UNAUTHENTICATED');
    ctx.setRecord(row.id);
    const keyring = this.vault.loadKeyring();
    const check = await keyring.unlock(row.userName, input.currentPassword);
    if (!check || check.staffId !== row.id) throw new DomainError('WRONG_CREDENTIALS', 'Het huidige wachtwoord is onjuist.');
    check.dbKey.fill(0);
    assertStrongPassword(input.newPassword, row.userName);
    // The new key pair signs from the next sign-in on; this session keeps signing with the key it unwrapped.
    const signing = await keyring.setEntry(row.id, row.userName, input.newPassword, this.vault.key);
    ctx.commit((db) => registerSigningKey(db, row.id, signing.publicKey));
    keyring.save();
    return {};
  }

  /**
   * The signed-in member's own password once more, for an act that must be theirs (a signature).
   * Wrong guesses count towards the same wait as wrong sign-ins.
   */
  async confirmPassword(staffId: string, password: string, refusal: string): Promise<void> {
    const row = findStaffById(this.vault.open.db, staffId);
    if (!row) throw new DomainError('UNAUTHENTICATED');
    this.throttle.check(row.userName);
    const unlocked = await this.vault.loadKeyring().unlock(row.userName, password);
    unlocked?.dbKey.fill(0);
    unlocked?.nextKey?.fill(0);
    if (unlocked?.staffId !== staffId) {
      this.throttle.fail(row.userName);
      throw new DomainError('WRONG_CREDENTIALS', refusal);
    }
    this.throttle.succeed(row.userName);
  }

  /**
   * All passwords lost: the recovery key opens the store and sets a new password for an active
   * admin, who can then reset everyone else's. Wrong keys are throttled like wrong passwords.
   */
  recover(ctx: CallContext, input: { recoveryKey: string; userName: string; newPassword: string }): Promise<Record<string, never>> {
    return this.holdingStore(
      () => this.recoverHeld(ctx, input),
      'AVG Desk werd vergrendeld tijdens het herstel. Er is niets gewijzigd; probeer het opnieuw.',
      'always',
    );
  }

  private async recoverHeld(ctx: CallContext, input: { recoveryKey: string; userName: string; newPassword: string }): Promise<Record<string, never>> {
    if (!this.vault.isInitialized()) throw new DomainError('NOT_INITIALIZED');
    this.throttle.check('\u0000herstel');
    const keyring = this.vault.loadKeyring();
    const unlocked = await keyring.unlockRecovery(input.recoveryKey);
    if (!unlocked) {
      this.throttle.fail('\u0000herstel');
      throw new DomainError('WRONG_CREDENTIALS', 'Deze herstelsleutel past niet bij deze gegevens.');
    }
    const { db } = this.openWith(unlocked);
    try {
      // The recovery entry gets its own key pair too, so a later rekey can seal the key to it.
      if (unlocked.legacy) await keyring.setRecovery(input.recoveryKey, this.vault.key);
      const row = findStaffByUserName(db, input.userName);
      if (!row || !row.active || !row.roles.includes('admin'))
        throw new DomainError('VALIDATION', 'Kies de gebruikersnaam van een actieve beheerder (functioneel beheer).');
      assertStrongPassword(input.newPassword, row.userName);
      const signing = await keyring.setEntry(row.id, row.userName, input.newPassword, this.vault.key);
      ctx.actAs({ token: '', staffId: row.id, roles: row.roles, lastSeenAt: ctx.now.getTime() });
      ctx.setRecord(row.id);
      // Nobody is signed in, so this event is unsigned: registered from the event after it.
      ctx.commit((db) => registerSigningKey(db, row.id, signing.publicKey, 1));
      keyring.save();
      this.throttle.succeed('\u0000herstel');
      return {};
    } catch (error) {
      this.vault.discardKeyringChanges();
      throw error;
    }
  }

  /** A new recovery key replaces the old one (which stops working); shown once. */
  async newRecoveryKey(ctx: CallContext): Promise<{ recoveryKey: string }> {
    ctx.setRecord('recovery');
    const keyring = this.vault.loadKeyring();
    const recoveryKey = newRecoveryKey();
    await keyring.setRecovery(recoveryKey, this.vault.key);
    try {
      ctx.commit(() => undefined);
    } catch (error) {
      this.vault.discardKeyringChanges();
      throw error;
    }
    keyring.save();
    return { recoveryKey };
  }

  /** Opens the store with an unwrapped key, or with the key a rekey that did not finish was moving to. */
  private openWith(unlocked: Unlocked): OpenStore {
    try {
      return this.vault.unlockWith(unlocked.dbKey);
    } catch (error) {
      if (!unlocked.nextKey || !(error instanceof DomainError) || error.code !== 'STORE_UNREADABLE') throw error;
      return this.vault.unlockWith(unlocked.nextKey);
    }
  }

  /**
   * Work that opens the store before a session exists, across argon2id derivations: the idle
   * sweep leaves the store open meanwhile and closes it afterwards if nobody ended up signed in.
   * When the store was closed anyway (the OS locked), the caller hears that, not "not signed in".
   */
  private async holdingStore<T>(work: () => Promise<T>, interrupted: string, closeAfter: 'failure' | 'always' = 'failure'): Promise<T> {
    const hold = this.vault.hold();
    let failed = true;
    try {
      const result = await work();
      failed = false;
      return result;
    } catch (error) {
      if (hold.closedMeanwhile()) {
        this.vault.discardKeyringChanges();
        throw new DomainError('CONFLICT', interrupted);
      }
      throw error;
    } finally {
      hold.release();
      if (failed || closeAfter === 'always') this.lockIfIdle();
    }
  }

  /** When nobody is signed in any more, the store is closed and the key wiped from memory. */
  lockIfIdle(): void {
    if (this.sessions.sweep() && !this.vault.isHeld()) this.vault.lock();
  }
}
