import type { LocalDb } from '../../db/local/database.js';
import type { ParsedInput, ProcedureName, ProcedureOutput } from '../../shared/api/contract.js';
import type { Role } from '../../shared/staff/roles.js';

/** A signed-in staff member's session, as the SessionStore keeps it. */
export interface SessionInfo {
  token: string;
  staffId: string;
  roles: Role[];
  lastSeenAt: number;
}

/** What a handler gets besides its parsed input. */
export interface CallContext {
  readonly procedure: ProcedureName;
  readonly now: Date;
  /** The caller's session; null only in public procedures. */
  readonly session: SessionInfo | null;
  /** The caller's session, for procedures that need one (the dispatcher has checked it). */
  requireSession(): SessionInfo;
  /** Names the record the audit event is about. */
  setRecord(recordId: string | null): void;
  /** After sign-in: the new session becomes the actor of this call's audit event. */
  actAs(session: SessionInfo): void;
  /**
   * Runs synchronous store work and this call's audit event in one transaction: either both are
   * stored or neither. Call at most once per handler.
   */
  commit<T>(work: (db: LocalDb) => T): T;
}

export type Handler<P extends ProcedureName> = (ctx: CallContext, input: ParsedInput<P>) => Promise<ProcedureOutput<P>> | ProcedureOutput<P>;

export type Handlers = { [P in ProcedureName]: Handler<P> };
