import type { ApiTransport } from '../../../shared/api/client.js';
import { contract, type ProcedureInput, type ProcedureName, type ProcedureOutput, type Session } from '../../../shared/api/contract.js';
import { DEFAULT_MESSAGES, type ApiError, type Result } from '../../../shared/api/result.js';

/** Where the session survives a reload of the window (never a restart: sessionStorage dies with it). */
export const SESSION_STORAGE_KEY = 'avgDesk.session';

interface StoredSession {
  token: string;
  idleTimeoutSeconds: number;
}

/** Codes that mean the session is gone: the user has to sign in again. */
const SESSION_ENDED = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'SESSION_LOCKED']);

type SessionEndedListener = (error: ApiError) => void;

/** The part of sessionStorage the client uses (so the client also runs outside a page, in tests). */
interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function readStored(storage: SessionStorageLike | null): StoredSession | null {
  try {
    const raw = storage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { token, idleTimeoutSeconds } = parsed as Partial<StoredSession>;
    if (typeof token !== 'string' || typeof idleTimeoutSeconds !== 'number') return null;
    return { token, idleTimeoutSeconds };
  } catch {
    return null;
  }
}

/**
 * The renderer's one way to the backend, whatever the transport. It holds the session token, so
 * screens pass only the procedure input, and it tells the app when the backend ended the session.
 */
export class ApiClient {
  private session: StoredSession | null;
  private readonly listeners = new Set<SessionEndedListener>();
  private readonly callListeners = new Set<(name: ProcedureName, ok: boolean) => void>();
  /** When the backend last saw this session: the backend's idle clock restarts on every call. */
  private lastCallAt = Date.now();

  constructor(
    private readonly transport: ApiTransport,
    private readonly storage: SessionStorageLike | null = null,
  ) {
    this.session = readStored(storage);
  }

  get hasSession(): boolean {
    return this.session !== null;
  }

  get idleTimeoutSeconds(): number | null {
    return this.session?.idleTimeoutSeconds ?? null;
  }

  get millisecondsSinceLastCall(): number {
    return Date.now() - this.lastCallAt;
  }

  /** The auto-lock setting changed (read again while the session lasts). */
  setIdleTimeout(seconds: number): void {
    if (this.session === null || this.session.idleTimeoutSeconds === seconds) return;
    this.session = { ...this.session, idleTimeoutSeconds: seconds };
    this.store();
  }

  /** Locks: the backend ends this session as locked (the key leaves memory with the last one), and the app shows the lock dialog. */
  async lock(): Promise<void> {
    if (this.session === null) return;
    await this.call('session.lock', {});
    this.endSession({ code: 'SESSION_LOCKED', message: DEFAULT_MESSAGES.SESSION_LOCKED });
  }

  async call<P extends ProcedureName>(name: P, input: ProcedureInput<P>): Promise<Result<ProcedureOutput<P>>> {
    const token = this.session?.token ?? null;
    const result = await this.transport.call(name, input, token);
    // A passive call (background polling) leaves the backend's idle clock alone, so it is no call here either.
    if (!contract[name].passive) this.lastCallAt = Date.now();
    // Only the session that made the call: a late answer to a call from before a lock must not end the session after it.
    if (!result.ok && token !== null && SESSION_ENDED.has(result.error.code) && this.session?.token === token) this.endSession(result.error);
    for (const listener of this.callListeners) listener(name, result.ok);
    return result;
  }

  /** Told after every call (the procedure and whether it succeeded), e.g. to read the sync state again after a change. */
  onCallDone(listener: (name: ProcedureName, ok: boolean) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /** Keeps the token of a session that setup or sign-in just started. */
  begin(session: Session): void {
    this.session = { token: session.token, idleTimeoutSeconds: session.idleTimeoutSeconds };
    this.lastCallAt = Date.now();
    this.store();
  }

  private store(): void {
    try {
      this.storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(this.session));
    } catch {
      // Without storage a reload asks for the password again; nothing else depends on it.
    }
  }

  /** Signs out at the backend; the local session ends even when the backend cannot be reached. */
  async signOut(): Promise<void> {
    if (this.session === null) return;
    await this.call('session.logout', {});
    this.forget();
  }

  /** Ends the session locally and tells the app, e.g. when it has been idle too long. */
  endSession(error: ApiError): void {
    if (this.session === null) return;
    this.forget();
    for (const listener of this.listeners) listener(error);
  }

  onSessionEnded(listener: SessionEndedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private forget(): void {
    this.session = null;
    try {
      this.storage?.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // Nothing to remove.
    }
  }
}
