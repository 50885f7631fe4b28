import { randomUUID } from 'node:crypto';
import { findStaffById, insertStaff } from '../../db/local/repositories/staff.js';
import type { Session, Staff } from '../../shared/api/contract.js';
import { passwordProblems } from '../../shared/password.js';
import type { CallContext } from '../api/context.js';
import type { Vault } from '../store/vault.js';
import { DomainError } from './errors.js';
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

  private toSession(staff: Staff): Session {
    const info = this.sessions.create(staff.id, staff.roles);
    return { token: info.token, staff, idleTimeoutSeconds: this.sessions.idleTimeoutSeconds };
  }

  async createAdmin(ctx: CallContext, input: { userName: string; fullName: string; password: string }): Promise<Session> {
    if (this.vault.isInitialized()) throw new DomainError('ALREADY_INITIALIZED');
    assertStrongPassword(input.password, input.userName);
    const { keyring } = this.vault.create();
    const at = ctx.now.toISOString();
    const row = { id: randomUUID(), userName: input.userName, fullName: input.fullName, roles: ['admin' as const], active: true, createdAt: at, updatedAt: at };
    await keyring.setEntry(row.id, row.userName, input.password, this.vault.key);
    const staff = toStaff(row);
    const session = this.toSession(staff);
    ctx.actAs(this.sessions.resolve(session.token));
    ctx.setRecord(row.id);
    ctx.commit((db) => insertStaff(db, row));
    // The keyring is written last: until it exists the store counts as a first run that never finished.
    keyring.save();
    return session;
  }

  async login(ctx: CallContext, input: { userName: string; password: string }): Promise<Session> {
    if (!this.vault.isInitialized()) throw new DomainError('NOT_INITIALIZED');
    this.throttle.check(input.userName);
    const unlocked = await this.vault.loadKeyring().unlock(input.userName, input.password);
    if (!unlocked) {
      this.throttle.fail(input.userName);
      throw new DomainError('WRONG_CREDENTIALS');
    }
    const { db } = this.vault.unlockWith(unlocked.dbKey);
    const row = findStaffById(db, unlocked.staffId);
    if (!row || !row.active || row.userName !== input.userName) {
      this.throttle.fail(input.userName);
      this.lockIfIdle();
      throw new DomainError('WRONG_CREDENTIALS');
    }
    this.throttle.succeed(input.userName);
    const session = this.toSession(toStaff(row));
    ctx.actAs(this.sessions.resolve(session.token));
    ctx.setRecord(row.id);
    ctx.commit(() => undefined);
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
    await keyring.setEntry(row.id, row.userName, input.newPassword, this.vault.key);
    ctx.commit(() => undefined);
    keyring.save();
    return {};
  }

  /** When nobody is signed in any more, the store is closed and the key wiped from memory. */
  lockIfIdle(): void {
    if (this.sessions.sweep()) this.vault.lock();
  }
}
