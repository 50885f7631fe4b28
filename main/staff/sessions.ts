import { randomBytes, type KeyObject } from 'node:crypto';
import type { Role } from '../../shared/staff/roles.js';
import type { SessionInfo } from '../platform/call-context.js';
import type { Clock } from '../platform/clock.js';
import { dropSigningKey, holdSigningKey } from '../audit/audit-signing.js';
import { DomainError } from '../platform/errors.js';

export type { SessionInfo };

/** How long a locked token is still recognised (for its Dutch message), and how many at most. */
const LOCKED_MEMORY_MS = 24 * 3600 * 1000;
const LOCKED_MEMORY_MAX = 1000;

/**
 * In-memory sessions: a token per signed-in staff member, ended after idle time, on sign-out or
 * when the app locks. A locked token is remembered for a while so a call with it gets "AVG Desk is
 * vergrendeld" instead of "not signed in"; it never works again (unlocking signs in anew).
 */
export class SessionStore {
  private readonly sessions = new Map<string, SessionInfo>();
  /** Token → when it was locked. */
  private readonly locked = new Map<string, number>();

  /** `idleTimeout`: seconds, or where to read them (the auto-lock setting) each time they are needed. */
  constructor(
    private readonly clock: Clock,
    private readonly idleTimeout: number | (() => number),
  ) {}

  get idleTimeoutSeconds(): number {
    return typeof this.idleTimeout === 'number' ? this.idleTimeout : this.idleTimeout();
  }

  /** `signingKey`: the member's audit signing key, held while this session lives (see audit-signing.ts). */
  create(staffId: string, roles: Role[], signingKey?: KeyObject): SessionInfo {
    const session = { token: randomBytes(32).toString('base64url'), staffId, roles, lastSeenAt: this.clock.now().getTime() };
    this.sessions.set(session.token, session);
    if (signingKey) holdSigningKey(staffId, session.token, signingKey);
    return session;
  }

  /** Every way a session ends goes through here, so its signing key goes with it. */
  private remove(token: string): boolean {
    const session = this.sessions.get(token);
    if (!session) return false;
    this.sessions.delete(token);
    dropSigningKey(session.staffId, token);
    return true;
  }

  /** The live session for a token, refreshed; throws a Dutch error for none or an expired one. */
  resolve(token: string | null): SessionInfo {
    const session = this.peek(token);
    session.lastSeenAt = this.clock.now().getTime();
    return session;
  }

  /** The live session for a token without refreshing it: background polling is no sign of a person at the desk. */
  peek(token: string | null): SessionInfo {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session) throw new DomainError(token && this.locked.has(token) ? 'SESSION_LOCKED' : 'UNAUTHENTICATED');
    const now = this.clock.now().getTime();
    if (now - session.lastSeenAt > this.idleTimeoutSeconds * 1000) {
      this.remove(session.token);
      throw new DomainError('SESSION_EXPIRED');
    }
    return session;
  }

  /** Whether a token has a live session, changing nothing (an expired one is reported by resolve/peek). */
  isLive(token: string | null): boolean {
    const session = token ? this.sessions.get(token) : undefined;
    return session !== undefined && this.clock.now().getTime() - session.lastSeenAt <= this.idleTimeoutSeconds * 1000;
  }

  /** The staff member who was active last, without refreshing anyone's idle time (for background work). */
  mostRecent(): SessionInfo | undefined {
    let latest: SessionInfo | undefined;
    for (const s of this.sessions.values()) if (!latest || s.lastSeenAt > latest.lastSeenAt) latest = s;
    return latest;
  }

  end(token: string): void {
    this.remove(token);
  }

  /** Ends the session as locked: its token is refused with SESSION_LOCKED from now on. */
  lock(token: string): void {
    if (!this.remove(token)) return;
    const now = this.clock.now().getTime();
    for (const [old, at] of this.locked) if (now - at > LOCKED_MEMORY_MS || this.locked.size >= LOCKED_MEMORY_MAX) this.locked.delete(old);
    this.locked.set(token, now);
  }

  /** The OS locked the screen or went to sleep: every session is locked. */
  lockAll(): void {
    for (const token of [...this.sessions.keys()]) this.lock(token);
  }

  endForStaff(staffId: string): void {
    for (const [token, s] of this.sessions) if (s.staffId === staffId) this.remove(token);
  }

  updateRoles(staffId: string, roles: Role[]): void {
    for (const s of this.sessions.values()) if (s.staffId === staffId) s.roles = roles;
  }

  /** Drops expired sessions; true when nobody is signed in any more. */
  sweep(): boolean {
    const now = this.clock.now().getTime();
    for (const [token, s] of this.sessions) {
      if (now - s.lastSeenAt > this.idleTimeoutSeconds * 1000) this.remove(token);
    }
    return this.sessions.size === 0;
  }
}

/**
 * Failed sign-ins per user name, in memory: after three failures each further attempt must wait
 * longer (1 s, 2 s, 4 s … up to 5 minutes). The real protection against offline guessing is argon2id.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly clock: Clock) {}

  check(userName: string): void {
    const entry = this.failures.get(userName);
    const now = this.clock.now().getTime();
    if (entry && entry.lockedUntil > now) {
      const seconds = Math.ceil((entry.lockedUntil - now) / 1000);
      throw new DomainError('LOCKED_OUT', `Te veel mislukte pogingen. Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.`);
    }
  }

  fail(userName: string): void {
    const entry = this.failures.get(userName) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= 3) {
      entry.lockedUntil = this.clock.now().getTime() + Math.min(1000 * 2 ** (entry.count - 3), 300_000);
    }
    this.failures.set(userName, entry);
  }

  succeed(userName: string): void {
    this.failures.delete(userName);
  }
}
