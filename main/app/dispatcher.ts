import { randomBytes } from 'node:crypto';
import type { LocalDb } from '../../db/local/database.js';
import { contract, isProcedureName, type ProcedureName } from '../../shared/api/contract.js';
import { DEFAULT_MESSAGES, fail, ok, type ErrorCode, type Result } from '../../shared/api/result.js';
import { describeIssues, useDutchValidation, validationIssues } from '../../shared/api/validation.js';
import { isAllowed, isPublicAction } from '../../shared/staff/permissions.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import { appendAuditEvent, type AuditFields } from '../audit/audit.js';
import { ReadEvents } from '../audit/audit-reads.js';
import { DomainError } from '../platform/errors.js';
import type { SessionInfo, SessionStore } from '../staff/sessions.js';
import type { Vault } from '../platform/vault.js';
import type { CallContext, Handlers } from '../platform/call-context.js';

useDutchValidation();

export interface DispatcherDeps {
  vault: Vault;
  sessions: SessionStore;
  clock: Clock;
  logger: Logger;
  handlers: Handlers;
}

/** Failures that are a refusal of the caller, audited as "denied" rather than "error". */
const DENIALS: ReadonlySet<ErrorCode> = new Set([
  'UNKNOWN_PROCEDURE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'WRONG_CREDENTIALS',
  'LOCKED_OUT',
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

/** For a refused call: the record it tried to reach, so "who tried to open this case" is answerable. */
function recordIdOf(rawInput: unknown): string | null {
  if (typeof rawInput !== 'object' || rawInput === null || !('id' in rawInput)) return null;
  const id = (rawInput as { id: unknown }).id;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

export type Dispatch = (name: string, input: unknown, token: string | null) => Promise<Result<unknown>>;

/**
 * The one entry point of the backend, shared by both transports and the CLI: look the procedure
 * up, resolve the session, check the permission matrix, parse the input, run the handler, write
 * the audit event, check the output. It never throws: every failure becomes a Dutch `Result`.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const { vault, sessions, clock, logger, handlers } = deps;

  function audit(db: LocalDb, fields: AuditFields): void {
    appendAuditEvent(db, clock.now(), fields);
  }
  const reads = new ReadEvents((error) => logger.error({ event: 'audit-sync-failed', errorName: error instanceof Error ? error.name : typeof error }));

  /**
   * Refusals while the store is locked (nobody signed in, or everyone locked) cannot be written:
   * there is no key. They are held in memory and written, in order, before the next event once
   * the store is open again. Bounded, so calls without a key cannot fill the memory.
   */
  const held: { at: Date; fields: AuditFields }[] = [];
  function writeHeld(): void {
    if (held.length === 0 || !vault.isOpen()) return;
    const { db, sqlite } = vault.open;
    try {
      sqlite.transaction(() => {
        for (const event of held) appendAuditEvent(db, event.at, event.fields);
      })();
      held.length = 0;
    } catch (error) {
      logger.error({ event: 'audit-write-failed', procedure: '(vastgehouden weigeringen)', errorName: error instanceof Error ? error.name : typeof error });
    }
  }

  /** Refusals and failures are audited; while the store is locked, refusals are held (see `held`). */
  function auditFailure(fields: AuditFields): void {
    if (!vault.isOpen()) {
      if (fields.outcome === 'denied' && held.length < 1000) held.push({ at: clock.now(), fields });
      return;
    }
    writeHeld();
    const { db, sqlite } = vault.open;
    sqlite.transaction(() => audit(db, fields))();
  }

  return async function dispatch(name, rawInput, token) {
    // An unknown name is the caller's text (it can be a name or anything else): never stored.
    const procedure: string = isProcedureName(name) ? name : '(onbekend)';
    let session: SessionInfo | null = null;
    let recordId: string | null = null;
    let committed = false;
    const spec = isProcedureName(name) ? contract[name] : undefined;
    const fieldsFor = (outcome: AuditFields['outcome']): AuditFields => ({
      actorId: session?.staffId ?? null,
      roles: session?.roles ?? [],
      procedure,
      recordType: spec?.record ?? null,
      recordId,
      outcome,
    });

    try {
      if (!spec || !isProcedureName(name)) throw new DomainError('UNKNOWN_PROCEDURE');
      if (!isPublicAction(spec.action)) {
        session = spec.passive ? sessions.peek(token) : sessions.resolve(token);
        if (!vault.isOpen()) throw new DomainError('UNAUTHENTICATED');
        if (!isAllowed(session.roles, spec.action)) {
          recordId = recordIdOf(rawInput);
          throw new DomainError('FORBIDDEN');
        }
      }
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const { issues } = parsed.error;
        throw new DomainError('VALIDATION', undefined, { details: describeIssues(issues, spec.labels), issues: validationIssues(issues, spec.labels) });
      }

      const ctx: CallContext = {
        procedure: name,
        now: clock.now(),
        session,
        requireSession: () => {
          if (!session) throw new DomainError('UNAUTHENTICATED');
          return session;
        },
        setRecord: (id) => {
          recordId = id;
        },
        actAs: (s) => {
          session = s;
        },
        commit: (work) => {
          writeHeld();
          const { db, sqlite } = vault.open;
          const result = sqlite.transaction(() => {
            const value = work(db);
            if (spec.audit !== 'none') audit(db, fieldsFor('ok'));
            return value;
          })();
          committed = true;
          return result;
        },
      };

      const handler = handlers[name] as (ctx: CallContext, input: unknown) => unknown;
      const value = await handler(ctx, parsed.data);
      const output = spec.output.safeParse(value);
      if (!output.success) throw new Error(`output of ${name} does not match the contract`);
      // Reads are audited before the data leaves: no audit event, no data.
      if (spec.audit === 'read' && !committed) {
        writeHeld();
        reads.append(vault.open, clock.now(), fieldsFor('ok'));
      } else if (spec.audit !== 'none' && !committed) {
        writeHeld();
        const { db, sqlite } = vault.open;
        sqlite.transaction(() => audit(db, fieldsFor('ok')))();
      }
      // Debug level: one line per call, the procedure and its outcome only (never input or output).
      logger.debug({ event: 'call', procedure, code: 'OK' });
      return ok(output.data);
    } catch (error) {
      return failure(error, name as ProcedureName, spec?.audit ?? 'none', committed, fieldsFor);
    }
  };

  function failure(
    error: unknown,
    procedure: ProcedureName,
    auditKind: 'none' | 'read' | 'write',
    committed: boolean,
    fieldsFor: (outcome: AuditFields['outcome']) => AuditFields,
  ): Result<unknown> {
    const known = error instanceof DomainError ? error : null;
    const denied = known !== null && DENIALS.has(known.code);
    if (!committed && (denied || auditKind !== 'none')) {
      try {
        auditFailure(fieldsFor(denied ? 'denied' : 'error'));
      } catch (auditError) {
        logger.error({ event: 'audit-write-failed', procedure, errorName: auditError instanceof Error ? auditError.name : typeof auditError });
      }
    }
    if (known) {
      // Refusals (wrong password, no permission) are worth IT's attention; other domain errors are routine.
      // An unknown procedure name is the caller's text: never logged.
      const logged = isProcedureName(procedure) ? procedure : '(onbekend)';
      if (denied) logger.warn({ event: 'call.denied', procedure: logged, code: known.code });
      else logger.debug({ event: 'call', procedure: logged, code: known.code });
      return fail(known.code, known.dutchMessage ?? DEFAULT_MESSAGES[known.code], known.details, known.issues);
    }
    const correlationId = randomBytes(4).toString('hex').toUpperCase();
    logger.error({ event: 'unexpected-error', procedure, correlationId, errorName: error instanceof Error ? error.name : typeof error });
    const result = fail('INTERNAL', `${DEFAULT_MESSAGES.INTERNAL} Foutnummer: ${correlationId}.`);
    if (!result.ok) result.error.correlationId = correlationId;
    return result;
  }
}
