import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalDb } from '../../db/local/database.js';
import { handlerNames } from '../../db/local/cases/repository.js';
import { insertOutbox } from '../../db/local/letters/repository.js';
import { readSetting, writeSetting } from '../../db/local/settings/repository.js';
import type { SettingKey } from '../../shared/settings/registry.js';
import {
  caseFacts,
  closedCaseFacts,
  deleteCaseRows,
  destroyLetterRows,
  destructionRecordsOf,
  findDestructionList,
  holdsOf,
  insertDestructionList,
  insertDestructionRecord,
  insertHold,
  insertItem,
  itemsOf,
  keylessShreddedCaseIds,
  liftHold,
  openDestructionList,
  recentDestructionLists,
  removeItem,
  shredCaseRows,
  updateDestructionList,
  type DestructionListRow,
  type RetentionFactsRow,
} from '../../db/local/retention/repository.js';
import { type CaseRetentionView, type DestructionListView, type RetentionRun, type UpcomingDestruction } from '../../shared/retention/retention-contract.js';
import { dutchToday } from '../../shared/cases/cases.js';
import {
  dueWithin,
  isSynced,
  letterRetention,
  localRetention,
  registerRetention,
  type DestructionKind,
  type HoldKind,
  type RetentionFacts,
  type RetentionPolicy,
} from '../../shared/retention/retention.js';
import { mayLiftHold, mayPlaceHold } from '../../shared/cases/access.js';
import type { CallContext } from '../platform/call-context.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import type { Vault } from '../platform/vault.js';
import { appendAuditEvent } from '../audit/audit.js';
import { assertCanSeeContent, loadCase } from '../cases/case-access.js';
import type { CaseVault } from '../platform/case-vault.js';
import { DomainError } from '../platform/errors.js';
import { retentionPolicyProblems, outsidePolicyMessage } from '../../shared/deadlines/terms.js';
import type { SessionInfo } from '../staff/sessions.js';

export const RETENTION_POLICY_KEY = 'retentionPolicy' satisfies SettingKey;
/**
 * The outbox kind the central sync turns into deleting the central records of a case: its payload's
 * `recordType` says which — 'case' (the register record and everything of the case) or 'letters'
 * (only the case's letters).
 */
export const OUTBOX_DESTRUCTION = 'destruction' as const;
const RECORD_TYPES: Readonly<Record<DestructionKind, 'case' | 'letters'>> = { registratie: 'case', brieven: 'letters' };

export function retentionPolicy(db: LocalDb): RetentionPolicy {
  return readSetting(db, 'retentionPolicy');
}

function factsOf(row: RetentionFactsRow): RetentionFacts {
  return {
    closedOn: row.closedAt ? dutchToday(new Date(row.closedAt)) : null,
    lastLetterSentOn: row.lastLetterSentOn,
    hasDecision: row.hasDecision,
    decisionSynced: row.decisionSynced,
    unsentOutbox: row.unsentOutbox,
    activeHolds: row.holds,
    shredded: row.shreddedAt !== null,
    signedLetters: row.signedLetters,
    lettersDestroyed: row.lettersDestroyed,
  };
}

/** Who did it, for audit events written next to the caller's own (each shredded or destroyed case). */
interface Actor {
  actorId: string | null;
  roles: SessionInfo['roles'];
}

/**
 * Retention on this desktop: shredding closed case files when the rule says so, holds, and the
 * destruction lists of case register records. The rule itself is shared/retention/retention.ts.
 */
export class RetentionService {
  private lastScheduledDay: string | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly caseVault: CaseVault,
  ) {}

  private get db(): LocalDb {
    return this.vault.open.db;
  }

  policy(): RetentionPolicy {
    return retentionPolicy(this.db);
  }

  setPolicy(ctx: CallContext, policy: RetentionPolicy): RetentionPolicy {
    ctx.setRecord(RETENTION_POLICY_KEY);
    const problems = retentionPolicyProblems(policy);
    if (problems.length > 0) {
      const refusal = outsidePolicyMessage(problems);
      throw new DomainError('VALIDATION', refusal.message, refusal.details ? { details: refusal.details } : undefined);
    }
    ctx.commit((db) => writeSetting(db, RETENTION_POLICY_KEY, policy, ctx.now.toISOString()));
    return policy;
  }

  forCase(ctx: CallContext, caseId: string): CaseRetentionView {
    const session = ctx.requireSession();
    const row = loadCase(this.db, ctx, caseId);
    assertCanSeeContent(session, row);
    return this.view(session, caseId, dutchToday(ctx.now));
  }

  private view(session: SessionInfo, caseId: string, today: string): CaseRetentionView {
    const db = this.db;
    const facts = caseFacts(db, caseId);
    if (!facts) throw new DomainError('NOT_FOUND', 'Deze zaak bestaat niet.');
    const policy = retentionPolicy(db);
    const f = factsOf(facts);
    const local = localRetention(f, policy, today);
    const register = registerRetention(f, policy, today);
    const names = handlerNames(db);
    const open = openDestructionList(db);
    return {
      caseId,
      closedOn: f.closedOn,
      local: {
        state: local.state,
        appealEndsOn: local.appealEndsOn,
        graceEndsOn: local.graceEndsOn,
        shredOn: local.shredOn,
        shreddedOn: facts.shreddedAt ? dutchToday(new Date(facts.shreddedAt)) : null,
        synced: isSynced(f),
      },
      register: {
        destroyOn: register.destroyOn,
        held: register.held,
        onList: open ? itemsOf(db, open.id).some((i) => i.caseId === caseId && i.removedAt === null) : false,
      },
      holds: holdsOf(db, caseId).map((h) => ({
        id: h.id,
        kind: h.kind,
        reason: h.reason,
        placedBy: names.get(h.placedBy) ?? null,
        placedAt: h.placedAt,
        liftedBy: h.liftedBy ? (names.get(h.liftedBy) ?? null) : null,
        liftedAt: h.liftedAt,
        liftReason: h.liftReason,
        active: h.liftedAt === null,
      })),
      mayPlaceHold: mayPlaceHold(session, facts),
      mayLiftHold: mayLiftHold(session, facts),
    };
  }

  /** The dpo, or the handler the case is assigned to, stops destruction with a reason. */
  placeHold(ctx: CallContext, input: { caseId: string; kind: HoldKind; reason: string }): CaseRetentionView {
    const session = ctx.requireSession();
    const row = loadCase(this.db, ctx, input.caseId);
    if (!mayPlaceHold(session, row)) {
      throw new DomainError('FORBIDDEN', 'Alleen de privacy officer of de behandelaar van deze zaak kan de vernietiging stoppen.');
    }
    ctx.commit((db) => {
      if (holdsOf(db, row.id).some((h) => h.liftedAt === null && h.kind === input.kind))
        throw new DomainError('CONFLICT', 'Deze zaak heeft al een actieve blokkade van deze soort.');
      insertHold(db, {
        id: randomUUID(),
        caseId: row.id,
        kind: input.kind,
        reason: input.reason,
        placedBy: session.staffId,
        placedAt: ctx.now.toISOString(),
        liftedBy: null,
        liftedAt: null,
        liftReason: null,
      });
    });
    return this.view(session, row.id, dutchToday(ctx.now));
  }

  liftHold(ctx: CallContext, input: { caseId: string; holdId: string; reason: string }): CaseRetentionView {
    const session = ctx.requireSession();
    const row = loadCase(this.db, ctx, input.caseId);
    ctx.commit((db) => {
      if (!liftHold(db, row.id, input.holdId, { liftedBy: session.staffId, liftedAt: ctx.now.toISOString(), liftReason: input.reason })) {
        throw new DomainError('NOT_FOUND', 'Deze blokkade bestaat niet of is al opgeheven.');
      }
    });
    return this.view(session, row.id, dutchToday(ctx.now));
  }

  /** What will be destroyed in the coming `days` days (and what is due already), and the lists. */
  overview(ctx: CallContext, days: number) {
    ctx.setRecord(null);
    const db = this.db;
    const today = dutchToday(ctx.now);
    const policy = retentionPolicy(db);
    const upcoming: UpcomingDestruction[] = [];
    for (const row of closedCaseFacts(db)) {
      const f = factsOf(row);
      const local = localRetention(f, policy, today);
      if (local.shredOn && local.state !== 'vernietigd' && local.state !== 'bewaarplicht' && dueWithin(local.shredOn, today, days)) {
        upcoming.push({ caseId: row.caseId, reference: row.reference, requestType: row.type, what: 'dossier', on: local.shredOn, state: local.state });
      }
      // The central records: the register entry and the letters each have their own term.
      const central = [
        ['registratie', registerRetention(f, policy, today)],
        ['brieven', letterRetention(f, policy, today)],
      ] as const;
      for (const [what, term] of central) {
        if (!term.destroyOn || term.held || !dueWithin(term.destroyOn, today, days)) continue;
        const state = term.due ? 'te_vernietigen' : 'gepland';
        upcoming.push({ caseId: row.caseId, reference: row.reference, requestType: row.type, what, on: term.destroyOn, state });
      }
    }
    upcoming.sort((a, b) => a.on.localeCompare(b.on) || a.reference.localeCompare(b.reference));
    const open = openDestructionList(db);
    return {
      today,
      policy,
      upcoming,
      openList: open ? this.listView(open) : null,
      pastLists: recentDestructionLists(db, 10)
        .filter((l) => l.status === 'uitgevoerd')
        .map((l) => this.listView(l)),
    };
  }

  private listView(list: DestructionListRow): DestructionListView {
    const db = this.db;
    const names = handlerNames(db);
    const destroyed = new Map(destructionRecordsOf(db, list.id).map((r) => [`${r.kind}:${r.caseId}`, r.destroyedOn]));
    return {
      id: list.id,
      proposedAt: list.proposedAt,
      proposedBy: list.proposedBy ? (names.get(list.proposedBy) ?? null) : null,
      status: list.status,
      approvedBy: list.approvedBy ? (names.get(list.approvedBy) ?? null) : null,
      approvedAt: list.approvedAt,
      items: itemsOf(db, list.id).map((i) => ({
        caseId: i.caseId,
        kind: i.kind,
        reference: i.reference,
        requestType: i.requestType,
        closedOn: i.closedOn,
        destroyOn: i.destroyOn,
        removed: i.removedAt !== null,
        removedBy: i.removedBy ? (names.get(i.removedBy) ?? null) : null,
        removeReason: i.removeReason,
        destroyedOn: destroyed.get(`${i.kind}:${i.caseId}`) ?? null,
      })),
    };
  }

  /** The case files due for shredding today. */
  private dueForShredding(db: LocalDb, today: string) {
    const policy = retentionPolicy(db);
    return closedCaseFacts(db).flatMap((row) => {
      const local = localRetention(factsOf(row), policy, today);
      return local.due && local.shredOn ? [{ caseId: row.caseId, reference: row.reference, shredOn: local.shredOn }] : [];
    });
  }

  /** In the caller's transaction: shred every due case file, each with its own audit event. */
  private shredDue(db: LocalDb, now: Date, actor: Actor) {
    const due = this.dueForShredding(db, dutchToday(now));
    for (const item of due) {
      shredCaseRows(db, item.caseId, now.toISOString());
      appendAuditEvent(db, now, { ...actor, procedure: 'retention.shred', recordType: 'case', recordId: item.caseId, outcome: 'ok' });
    }
    return due;
  }

  /**
   * After the transaction: the ciphertexts go, and the WAL is checkpointed so no old page remains.
   * Files of cases shredded earlier by a run that was killed before it could remove them go too.
   */
  private afterDestruction(caseIds: readonly string[], letterFiles: readonly { caseId: string; fileIds: string[] }[] = []): void {
    const gone = new Set([...caseIds, ...this.leftoverCiphertext()]);
    for (const caseId of gone) this.caseVault.removeCaseCiphertext(caseId);
    for (const { caseId, fileIds } of letterFiles) for (const fileId of fileIds) this.caseVault.removeCiphertext(caseId, fileId);
    if (gone.size > 0 || letterFiles.length > 0) this.vault.open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Folders under `cases/` of cases whose key is gone. */
  private leftoverCiphertext(): string[] {
    const casesDir = join(this.vault.dataDir, 'cases');
    if (!existsSync(casesDir)) return [];
    const keyless = keylessShreddedCaseIds(this.db);
    return readdirSync(casesDir).filter((id) => keyless.has(id));
  }

  runLocal(ctx: CallContext, dryRun: boolean): RetentionRun {
    const session = ctx.requireSession();
    ctx.setRecord(null);
    const today = dutchToday(ctx.now);
    if (dryRun) {
      return { today, dryRun, cases: this.dueForShredding(this.db, today).map((c) => ({ ...c, shredded: false })) };
    }
    const done = ctx.commit((db) => this.shredDue(db, ctx.now, { actorId: session.staffId, roles: session.roles }));
    this.afterDestruction(done.map((c) => c.caseId));
    return { today, dryRun, cases: done.map((c) => ({ ...c, shredded: true })) };
  }

  /**
   * Register records past their retention go on a destruction list. With a list still open, the
   * newly due ones are added to it; an item the dpo removed comes back on the next list unless a
   * hold was placed.
   */
  private proposeIn(db: LocalDb, now: Date, proposedBy: string | null): DestructionListRow | null {
    const today = dutchToday(now);
    const policy = retentionPolicy(db);
    const due = closedCaseFacts(db).flatMap((row) => {
      const f = factsOf(row);
      if (!f.closedOn) return [];
      const terms: [DestructionKind, { due: boolean; destroyOn: string | null }][] = [
        ['registratie', registerRetention(f, policy, today)],
        ['brieven', letterRetention(f, policy, today)],
      ];
      return terms.flatMap(([kind, term]) => (term.due && term.destroyOn ? [{ row, kind, closedOn: f.closedOn as string, destroyOn: term.destroyOn }] : []));
    });
    let list = openDestructionList(db) ?? null;
    const onList = new Set(list ? itemsOf(db, list.id).map((i) => `${i.kind}:${i.caseId}`) : []);
    const fresh = due.filter((d) => !onList.has(`${d.kind}:${d.row.caseId}`));
    if (fresh.length === 0) return list;
    if (!list) {
      list = { id: randomUUID(), proposedAt: now.toISOString(), proposedBy, status: 'voorgesteld', approvedBy: null, approvedAt: null };
      insertDestructionList(db, list);
    }
    for (const d of fresh) {
      insertItem(db, {
        listId: list.id,
        caseId: d.row.caseId,
        kind: d.kind,
        reference: d.row.reference,
        requestType: d.row.type,
        closedOn: d.closedOn,
        destroyOn: d.destroyOn,
        removedBy: null,
        removedAt: null,
        removeReason: null,
      });
    }
    return list;
  }

  propose(ctx: CallContext): DestructionListView | null {
    const session = ctx.requireSession();
    const list = ctx.commit((db) => this.proposeIn(db, ctx.now, session.staffId));
    ctx.setRecord(list?.id ?? null);
    return list ? this.listView(list) : null;
  }

  private openList(db: LocalDb, listId: string): DestructionListRow {
    const list = findDestructionList(db, listId);
    if (!list) throw new DomainError('NOT_FOUND', 'Deze vernietigingslijst bestaat niet.');
    if (list.status !== 'voorgesteld') throw new DomainError('CONFLICT', 'Deze vernietigingslijst is al uitgevoerd.');
    return list;
  }

  removeItem(ctx: CallContext, input: { listId: string; caseId: string; kind: DestructionKind; reason: string }): DestructionListView {
    const session = ctx.requireSession();
    ctx.setRecord(input.listId);
    const list = ctx.commit((db) => {
      const found = this.openList(db, input.listId);
      if (!removeItem(db, input.listId, input, { removedBy: session.staffId, removedAt: ctx.now.toISOString(), removeReason: input.reason })) {
        throw new DomainError('NOT_FOUND', 'Deze zaak staat niet (meer) op de lijst.');
      }
      return found;
    });
    return this.listView(list);
  }

  /**
   * The dpo's approval carries the list out: per item, in one transaction, a destruction record
   * (no personal data) and an outbox row for the central database. A register item shreds the file
   * and deletes the register record and everything hanging off it; a letters item destroys only
   * the letters' PDFs and text. An item whose case got a hold since the list was made is left out.
   */
  approve(ctx: CallContext, listId: string): DestructionListView {
    const session = ctx.requireSession();
    ctx.setRecord(listId);
    const today = dutchToday(ctx.now);
    const at = ctx.now.toISOString();
    const done = ctx.commit((db) => {
      const list = this.openList(db, listId);
      const policy = retentionPolicy(db);
      const cases: string[] = [];
      const letterFiles: { caseId: string; fileIds: string[] }[] = [];
      const leaveOut = (item: { caseId: string; kind: DestructionKind }, why: string) =>
        removeItem(db, list.id, item, { removedBy: session.staffId, removedAt: at, removeReason: why });
      // Register records first: letters of a case destroyed with its register record need no item of their own.
      const items = itemsOf(db, list.id)
        .filter((i) => i.removedAt === null)
        .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'registratie' ? -1 : 1));
      for (const item of items) {
        if (item.kind === 'brieven' && cases.includes(item.caseId)) {
          leaveOut(item, 'Vernietigd met de zaakregistratie.');
          continue;
        }
        const facts = caseFacts(db, item.caseId);
        const term = facts ? (item.kind === 'registratie' ? registerRetention : letterRetention)(factsOf(facts), policy, today) : null;
        if (!facts || !term?.due) {
          leaveOut(
            item,
            !facts
              ? 'De zaak bestaat niet meer.'
              : term?.held
                ? 'Niet vernietigd: er rust een blokkade op de zaak.'
                : 'Niet vernietigd: de bewaartermijn is nog niet verstreken.',
          );
          continue;
        }
        if (item.kind === 'registratie') {
          shredCaseRows(db, item.caseId, at);
          deleteCaseRows(db, item.caseId);
          cases.push(item.caseId);
        } else {
          letterFiles.push({ caseId: item.caseId, fileIds: destroyLetterRows(db, item.caseId) });
        }
        const record = {
          id: randomUUID(),
          caseId: item.caseId,
          kind: item.kind,
          reference: facts.reference,
          requestType: facts.type,
          receivedOn: facts.receivedOn,
          closedOn: item.closedOn,
          destroyedOn: today,
          approvedBy: session.staffId,
          listId: list.id,
        };
        insertDestructionRecord(db, record);
        const { caseId: _caseId, kind: _kind, ...payload } = record;
        insertOutbox(db, {
          id: randomUUID(),
          kind: OUTBOX_DESTRUCTION,
          payload: { ...payload, recordType: RECORD_TYPES[item.kind] },
          createdAt: at,
          sentAt: null,
        });
        const procedure = item.kind === 'registratie' ? 'retention.destroy' : 'retention.destroyLetters';
        appendAuditEvent(db, ctx.now, { actorId: session.staffId, roles: session.roles, procedure, recordType: 'case', recordId: item.caseId, outcome: 'ok' });
      }
      updateDestructionList(db, list.id, { status: 'uitgevoerd', approvedBy: session.staffId, approvedAt: at });
      return { cases, letterFiles };
    });
    this.afterDestruction(done.cases, done.letterFiles);
    const list = findDestructionList(this.db, listId);
    if (!list) throw new Error('destruction list vanished');
    return this.listView(list);
  }

  /**
   * The periodic run (from the backend's sweep, while the store is open): once a day, shred the
   * case files that are due and propose a destruction list. Audited as the system (no actor).
   */
  scheduled(clock: Clock, logger: Logger): void {
    if (!this.vault.isOpen()) return;
    const now = clock.now();
    const today = dutchToday(now);
    if (this.lastScheduledDay === today) return;
    this.lastScheduledDay = today;
    try {
      const { db, sqlite } = this.vault.open;
      const done = sqlite.transaction(() => {
        const shredded = this.shredDue(db, now, { actorId: null, roles: [] });
        this.proposeIn(db, now, null);
        appendAuditEvent(db, now, { actorId: null, roles: [], procedure: 'retention.scheduled', recordType: 'retention', recordId: null, outcome: 'ok' });
        return shredded;
      })();
      this.afterDestruction(done.map((c) => c.caseId));
    } catch (error) {
      logger.error({ event: 'retention-run-failed', errorName: error instanceof Error ? error.name : typeof error });
    }
  }
}
