import { inArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { LocalDb } from '../../db/local/database.js';
import { centralColumns } from '../../db/local/cases/case-parts.js';
import { markRefused, markSent, unsentEntries } from '../../db/local/sync/outbox.js';
import { decisions, letters } from '../../db/local/letters/schema.js';
import { parseOutboxEntry, type OutboxEntry, type OutboxPayload } from '../../db/local/sync/outbox-kinds.js';
import { cases } from '../../db/local/schema.js';
import { dutchToday, isClosed } from '../../shared/cases/cases.js';
import { may, type Actor } from '../../shared/cases/access.js';
import type { Role } from '../../shared/staff/roles.js';
import type { CaseVault } from '../platform/case-vault.js';
import { signedFileOf } from '../letters/letter-input.js';
import { pushAuditEvents } from './audit-push.js';
import { lettersBeforeSigner, pushSigningRequests } from './signing-push.js';
import { isRowRefusal, refusalReason, valuesList, withSavepoint } from './sql.js';

type CaseRow = typeof cases.$inferSelect;
type DecisionRow = typeof decisions.$inferSelect;
type LetterRow = typeof letters.$inferSelect;

/** The account a sync runs as: its local and central identity and its functions. */
export interface SyncActor {
  localId: string;
  centralId: string;
  roles: readonly Role[];
}

export interface PushContext {
  client: pg.ClientBase;
  db: LocalDb;
  caseVault: CaseVault;
  actor: SyncActor;
  desktopId: string;
  /** Local staff id → central staff id, for every staff member linked so far. */
  centralIds: ReadonlyMap<string, string>;
  /** Local staff id → user name, for a handler who has no central login yet (kept centrally as pending). */
  userNames: ReadonlyMap<string, string>;
  /** The secret with which this desktop claimed its audit chain centrally. */
  desktopSecret: string;
  now: () => Date;
  batchSize: number;
}

export interface PushResult {
  pushed: number;
  /** Entries this account may not send (another handler's case, a case not yet central): they wait. */
  waiting: number;
  auditEvents: number;
}

/** A unit of central work for one outbox entry: its SQL, run in the batch's transaction. */
type Statement =
  /** One row for a table: rows of the same head and tail are merged into one multi-row INSERT. */
  | { kind: 'row'; head: string; row: readonly unknown[]; casts: readonly string[]; tail: string }
  /** One row for a central push function that takes a column per array: rows of one function are one call. */
  | { kind: 'call'; call: PushCall; row: readonly unknown[] }
  | { kind: 'sql'; text: string; params: unknown[] };

/** A central function that checks the caller once for a whole batch (db/central 0017) and the table it fills. */
interface PushCall {
  fn: string;
  table: string;
  arrayTypes: readonly string[];
  /** Rows per call: a signed letter carries its PDF, a decision a few short fields. */
  perCall: number;
}

const PUSH_DECISIONS: PushCall = {
  fn: 'avg_push_decisions',
  table: 'decisions',
  arrayTypes: ['uuid[]', 'uuid[]', 'uuid[]', 'text[]', 'text[]', 'date[]', 'uuid[]', 'timestamptz[]', 'text[]'],
  perCall: 5000,
};
const PUSH_LETTERS: PushCall = {
  fn: 'avg_push_letters',
  table: 'letters',
  arrayTypes: ['uuid[]', 'uuid[]', 'text[]', 'uuid[]', 'timestamptz[]', 'text[]', 'bytea[]'],
  perCall: 50,
};

function callQuery(call: PushCall, rows: readonly (readonly unknown[])[]): { text: string; params: unknown[] } {
  const params = call.arrayTypes.map((_, column) => rows.map((row) => row[column] ?? null));
  const args = call.arrayTypes.map((type, i) => `$${i + 1}::${type}`);
  return { text: `SELECT ${call.fn}(${args.join(', ')})`, params };
}

function toQuery(statement: Statement): { text: string; params: unknown[] } {
  if (statement.kind === 'sql') return statement;
  if (statement.kind === 'call') return callQuery(statement.call, [statement.row]);
  const values = valuesList([statement.row], statement.casts);
  return { text: `${statement.head}${values.text}${statement.tail}`, params: values.params };
}

// No signer, outcome or decision date: the central database takes those from the signer's decision.
const CASE_COLUMNS = [
  'id',
  'reference',
  'type',
  'channel',
  'customer_number',
  'received_on',
  'due_on',
  'original_due_on',
  'extension_months',
  'status',
  'closed_on',
  'handler_id',
  'pending_handler',
  'created_by',
  'legal_hold',
  'updated_at',
] as const;
const CASE_CASTS = ['uuid', '', '', '', '', 'date', 'date', 'date', 'int', '', 'date', 'uuid', '', 'uuid', 'boolean', 'timestamptz'];
// Who asked: the case row's columns the registry maps to the central requester table (db/local/cases/case-parts.ts).
const REQUESTER = centralColumns('case_requesters');
const REQUESTER_COLUMNS = ['case_id', ...REQUESTER.map((c) => c.column)];
const REQUESTER_CASTS = ['uuid', ...REQUESTER.map((c) => c.cast)];

/** The sync's account as the case access rules see it. */
export function accessActor(actor: SyncActor): Actor {
  return { staffId: actor.localId, roles: actor.roles };
}

export function has(actor: SyncActor, role: Role): boolean {
  return actor.roles.includes(role);
}

/**
 * Sends the outbox, oldest first, in batches: one central transaction per batch, then the entries
 * are marked sent locally. A crash between the central commit and the local mark sends the batch
 * again, which changes nothing (decisions and letters by the desktop's UUID with ON CONFLICT DO
 * NOTHING; the case register only replaces an older version). Then the audit trail, by sequence.
 */
export async function pushOutbox(context: PushContext): Promise<PushResult> {
  const ctx: PushRun = { ...context, beforeSigner: await lettersBeforeSigner(context) };
  let pushed = 0;
  let waiting = 0;
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const entries = unsentEntries(ctx.db, ctx.batchSize, after?.createdAt, after?.id);
    if (entries.length === 0) break;
    const last = entries[entries.length - 1];
    if (last) after = { createdAt: last.createdAt, id: last.id };
    // Several changes of one case in a batch: its row as it is now is sent once.
    const casesInBatch = new Set<string>();
    // Each payload read by its kind's schema; one this version cannot read (a later version's kind) waits for that version.
    const readable = entries.map((row) => ({ row, entry: parseOutboxEntry(row) }));
    // A signed letter this account may not record waits: its rows are not read at all.
    const batch = loadBatch(
      ctx.db,
      readable.flatMap(({ entry }) => (entry && !waitsForSigner(ctx, entry) ? [entry] : [])),
    );
    const planned = readable.map(({ row, entry }) => {
      if (!entry) return { entry: row, statements: null };
      if (entry.kind === 'case') {
        const caseId = entry.payload.caseId;
        if (casesInBatch.has(caseId)) return { entry, statements: [] as Statement[] };
        const statements = statementsFor(ctx, batch, entry);
        if (statements !== null) casesInBatch.add(caseId);
        return { entry, statements };
      }
      const statements = statementsFor(ctx, batch, entry);
      // A decision needs its case centrally: send the case row with it unless it is in this batch already.
      const caseId = 'caseId' in entry.payload ? entry.payload.caseId : null;
      if (statements && statements.length > 0 && caseId && !casesInBatch.has(caseId)) {
        const caseRow = caseStatements(ctx, batch, caseId);
        if (caseRow) {
          casesInBatch.add(caseId);
          return { entry, statements: [...caseRow, ...statements] };
        }
      }
      return { entry, statements };
    });
    const allowed = planned.filter((p) => p.statements !== null) as { entry: { id: string }; statements: Statement[] }[];
    waiting += planned.length - allowed.length;
    const { sent, refused } = await sendBatch(ctx.client, allowed);
    waiting += allowed.length - sent.length;
    if (sent.length > 0 || refused.length > 0) {
      ctx.db.transaction((tx) => {
        markSent(tx, sent, ctx.now().toISOString());
        markRefused(tx, refused);
      });
    }
    pushed += sent.length;
  }
  await pushSigningRequests(ctx);
  const audit = await pushAuditEvents(ctx);
  return { pushed, waiting, auditEvents: audit };
}

type PushRun = PushContext & {
  /** Letters this signer signed that the central database knows were put before a signer. */
  beforeSigner: ReadonlySet<string>;
};

/**
 * One batch: first all at once; when PostgreSQL refuses a row (rights, a case that is not central
 * yet), again with a savepoint per entry so the others still go. Connection failures are thrown:
 * the transaction is then rolled back by the server and nothing is marked sent.
 */
async function sendBatch(
  client: pg.ClientBase,
  batch: readonly { entry: { id: string }; statements: Statement[] }[],
): Promise<{ sent: string[]; refused: { id: string; reason: string }[] }> {
  if (batch.length === 0) return { sent: [], refused: [] };
  const merged = mergeStatements(batch.flatMap((b) => b.statements));
  await client.query('BEGIN');
  try {
    for (const statement of merged) await client.query(statement.text, statement.params);
    await client.query('COMMIT');
    return { sent: batch.map((b) => b.entry.id), refused: [] };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (!isRowRefusal(error)) throw error;
  }
  const sent: string[] = [];
  const refused: { id: string; reason: string }[] = [];
  await client.query('BEGIN');
  try {
    for (const { entry, statements } of batch) {
      const outcome = await withSavepoint(client, async () => {
        for (const statement of statements) {
          const query = toQuery(statement);
          await client.query(query.text, query.params);
        }
      });
      if (outcome.ok) sent.push(entry.id);
      else refused.push({ id: entry.id, reason: refusalReason(outcome.error) });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return { sent, refused };
}

/** Tables in the order their rows must arrive: a decision needs its case, a destruction comes last. */
const TABLE_ORDER = ['cases', 'case_requesters', 'decisions', 'letters', 'audit_events', 'destruction_records', 'handovers'];

/**
 * Statements of the same shape are merged into one multi-row statement (a batch of 500 decisions
 * is one INSERT, not 500), in the order of TABLE_ORDER; other statements (deletes) run afterwards,
 * in their own order.
 */
function mergeStatements(statements: readonly Statement[]): { text: string; params: unknown[] }[] {
  const groups = new Map<string, { table: string; head: string; tail: string; rows: (readonly unknown[])[]; casts: readonly string[] }>();
  const calls = new Map<PushCall, (readonly unknown[])[]>();
  const rest: { text: string; params: unknown[] }[] = [];
  for (const s of statements) {
    if (s.kind === 'sql') {
      rest.push(s);
      continue;
    }
    if (s.kind === 'call') {
      const rows = calls.get(s.call) ?? [];
      rows.push(s.row);
      calls.set(s.call, rows);
      continue;
    }
    const key = s.head + s.tail;
    let group = groups.get(key);
    if (!group) {
      group = { table: /^INSERT INTO ([a-z_]+)/u.exec(s.head)?.[1] ?? '', head: s.head, tail: s.tail, rows: [], casts: s.casts };
      groups.set(key, group);
    }
    group.rows.push(s.row);
  }
  const rank = (table: string) => {
    const i = TABLE_ORDER.indexOf(table);
    return i === -1 ? TABLE_ORDER.length : i;
  };
  const ranked: { table: string; queries: { text: string; params: unknown[] }[] }[] = [];
  for (const group of groups.values()) {
    const queries: { text: string; params: unknown[] }[] = [];
    // PostgreSQL takes at most 65,535 parameters per statement.
    const perStatement = Math.max(1, Math.floor(60_000 / Math.max(1, group.casts.length)));
    for (let i = 0; i < group.rows.length; i += perStatement) {
      const values = valuesList(group.rows.slice(i, i + perStatement), group.casts);
      queries.push({ text: `${group.head}${values.text}${group.tail}`, params: values.params });
    }
    ranked.push({ table: group.table, queries });
  }
  for (const [call, rows] of calls) {
    const queries: { text: string; params: unknown[] }[] = [];
    for (let i = 0; i < rows.length; i += call.perCall) queries.push(callQuery(call, rows.slice(i, i + call.perCall)));
    ranked.push({ table: call.table, queries });
  }
  const out = ranked.sort((a, b) => rank(a.table) - rank(b.table)).flatMap((r) => r.queries);
  return [...out, ...rest];
}

function single(head: string, row: readonly unknown[], casts: readonly string[], tail: string): Statement {
  return { kind: 'row', head, row, casts, tail };
}

/** The central statements for one entry, or null when this account may not send it (it waits). */
function statementsFor(ctx: PushRun, batch: BatchRows, entry: OutboxEntry): Statement[] | null {
  switch (entry.kind) {
    case 'case':
      return caseStatements(ctx, batch, entry.payload.caseId);
    case 'decision':
    case 'letter':
      return letterStatements(ctx, batch, entry);
    case 'destruction':
      return destructionStatements(ctx, entry.payload);
    case 'handover':
      return handoverStatements(ctx, entry.payload);
  }
}

/**
 * The local rows a batch needs, read with a few IN queries per batch instead of several queries
 * per entry (10,000 decisions would otherwise mean 100,000 small queries).
 */
interface BatchRows {
  cases: Map<string, CaseRow>;
  decisionByLetter: Map<string, DecisionRow>;
  letters: Map<string, LetterRow>;
  closedOn: Map<string, string>;
  held: Set<string>;
}

const CHUNK = 500;

export function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...read(ids.slice(i, i + CHUNK)));
  return out;
}

function loadBatch(db: LocalDb, entries: readonly OutboxEntry[]): BatchRows {
  const caseIds = [...new Set(entries.flatMap((e) => ('caseId' in e.payload ? [e.payload.caseId] : [])))];
  const letterIds = [...new Set(entries.flatMap((e) => ('letterId' in e.payload ? [e.payload.letterId] : [])))];
  const batch: BatchRows = { cases: new Map(), decisionByLetter: new Map(), letters: new Map(), closedOn: new Map(), held: new Set() };
  for (const row of inChunks(caseIds, (chunk) => db.select().from(cases).where(inArray(cases.id, chunk)).all())) batch.cases.set(row.id, row);
  for (const row of inChunks(caseIds, (chunk) => db.select().from(decisions).where(inArray(decisions.caseId, chunk)).orderBy(decisions.createdAt).all())) {
    batch.decisionByLetter.set(row.letterId, row);
  }
  for (const row of inChunks(letterIds, (chunk) => db.select().from(letters).where(inArray(letters.id, chunk)).all())) batch.letters.set(row.id, row);
  // Retention facts, kept by the retention service (db/local: case_retention, legal_holds).
  for (const row of inChunks(caseIds, (chunk) =>
    db.all<{ case_id: string; closed_at: string }>(sql`SELECT case_id, closed_at FROM case_retention WHERE case_id IN ${chunk}`),
  )) {
    // The Dutch date, as the desktop's own retention rule reads it (a case closed at 00:30 closed that day).
    batch.closedOn.set(row.case_id, dutchToday(new Date(row.closed_at)));
  }
  for (const row of inChunks(caseIds, (chunk) =>
    db.all<{ case_id: string }>(sql`SELECT DISTINCT case_id FROM legal_holds WHERE lifted_at IS NULL AND case_id IN ${chunk}`),
  )) {
    batch.held.add(row.case_id);
  }
  return batch;
}

function central(ctx: PushContext, localStaffId: string | null | undefined): string | null {
  return localStaffId ? (ctx.centralIds.get(localStaffId) ?? null) : null;
}

function caseStatements(ctx: PushContext, batch: BatchRows, caseId: string): Statement[] | null {
  const row = batch.cases.get(caseId);
  if (!row) return [];
  const { actor } = ctx;
  const mayWrite = may(accessActor(actor), 'sendRegister', row);
  const mayRegister = mayWrite || (has(actor, 'intake') && row.createdBy === actor.localId);
  if (!mayRegister) return null;
  const facts = { closedOn: batch.closedOn.get(caseId) ?? null, legalHold: batch.held.has(caseId) };
  const handler = central(ctx, row.handlerId);
  // A handler without a central login yet stays assigned: by user name, until their login exists.
  const pendingHandler = row.handlerId && !handler ? (ctx.userNames.get(row.handlerId) ?? null) : null;
  const register = [
    row.id,
    row.reference,
    row.type,
    row.channel,
    row.customerNumber,
    row.receivedOn,
    row.dueOn,
    row.originalDueOn,
    row.extensionMonths,
    row.status,
    facts.closedOn ?? (isClosed(row.status) ? dutchToday(new Date(row.updatedAt)) : null),
    handler,
    pendingHandler,
    central(ctx, row.createdBy),
    facts.legalHold,
    row.updatedAt,
  ];
  const caseHead = `INSERT INTO cases (${CASE_COLUMNS.join(', ')}) VALUES `;
  const requesterHead = `INSERT INTO case_requesters (${REQUESTER_COLUMNS.join(', ')}) VALUES `;
  const statements: Statement[] = [];
  if (mayWrite) {
    const updates = CASE_COLUMNS.filter((c) => c !== 'id' && c !== 'reference' && c !== 'created_by').map((c) => `${c} = EXCLUDED.${c}`);
    // Last writer wins, by the writer's clock: an older version never replaces a newer one.
    statements.push(
      single(caseHead, register, CASE_CASTS, ` ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')} WHERE cases.updated_at <= EXCLUDED.updated_at`),
    );
  } else {
    statements.push(single(caseHead, register, CASE_CASTS, ' ON CONFLICT (id) DO NOTHING'));
  }
  if (row.requesterName !== '') statements.push(requesterStatement(requesterHead, row, mayWrite));
  return statements;
}

function requesterStatement(head: string, row: CaseRow, update: boolean): Statement {
  const fields = row as unknown as Record<string, unknown>;
  if (!update) {
    // Intake writes who asked but may not read it back, so not even ON CONFLICT: a function adds it once (db/central).
    const record = Object.fromEntries([['case_id', row.id], ...REQUESTER.map((c) => [c.column, fields[c.property]])]);
    return { kind: 'sql', text: 'SELECT avg_register_requesters($1::jsonb)', params: [JSON.stringify([record])] };
  }
  const values = [row.id, ...REQUESTER.map((c) => (c.cast === 'jsonb' ? JSON.stringify(fields[c.property]) : fields[c.property]))];
  const sets = REQUESTER_COLUMNS.filter((c) => c !== 'case_id').map((c) => `${c} = EXCLUDED.${c}`);
  return single(head, values, REQUESTER_CASTS, ` ON CONFLICT (case_id) DO UPDATE SET ${sets.join(', ')}`);
}

type SignedEntry = Extract<OutboxEntry, { kind: 'decision' | 'letter' }>;

/**
 * Only the signer's own login records what she signed, and only once the case's handler has put
 * the letter before a signer centrally (pushSigningRequests); until then it waits.
 */
function waitsForSigner(ctx: PushRun, entry: OutboxEntry): boolean {
  if (entry.kind !== 'decision' && entry.kind !== 'letter') return false;
  const p = entry.payload;
  return !has(ctx.actor, 'signer') || p.signedBy !== ctx.actor.localId || !ctx.beforeSigner.has(p.letterId);
}

function letterStatements(ctx: PushRun, batch: BatchRows, entry: SignedEntry): Statement[] | null {
  const p = entry.payload;
  if (waitsForSigner(ctx, entry)) return null;
  const statements: Statement[] = [];
  const decision = batch.decisionByLetter.get(p.letterId);
  if (entry.kind === 'decision' && decision) {
    // The signer is the caller's login: the function stamps it.
    statements.push({
      kind: 'call',
      call: PUSH_DECISIONS,
      row: [
        decision.id,
        decision.caseId,
        decision.letterId,
        decision.kind,
        decision.outcome,
        decision.decidedOn,
        central(ctx, p.draftedBy),
        p.signedAt,
        p.sha256,
      ],
    });
  }
  const letter = batch.letters.get(p.letterId);
  if (letter?.fileId && letter.fileKey) {
    const pdf = ctx.caseVault.read(ctx.db, signedFileOf(letter));
    statements.push({ kind: 'call', call: PUSH_LETTERS, row: [letter.id, letter.caseId, letter.kind, central(ctx, p.draftedBy), p.signedAt, p.sha256, pdf] });
  }
  return statements;
}

function destructionStatements(ctx: PushContext, payload: OutboxPayload<'destruction'>): Statement[] | null {
  if (!has(ctx.actor, 'dpo')) return null;
  const lettersOnly = payload.recordType === 'letters';
  return [
    single(
      'INSERT INTO destruction_records (id, reference, record_type, request_type, received_on, closed_on, destroyed_on, approved_by, list_id) VALUES ',
      [
        payload.id,
        payload.reference,
        payload.recordType,
        payload.requestType,
        payload.receivedOn,
        payload.closedOn,
        payload.destroyedOn,
        central(ctx, payload.approvedBy),
        payload.listId,
      ],
      ['uuid', '', '', '', 'date', 'date', 'date', 'uuid', ''],
      ' ON CONFLICT (id) DO NOTHING',
    ),
    lettersOnly
      ? // Only the signed letters of the case (their own, shorter term); the register record stays.
        { kind: 'sql', text: 'DELETE FROM letters WHERE case_id IN (SELECT id FROM cases WHERE reference = $1)', params: [payload.reference] }
      : // Cascades to the requester, decisions and letters of the case.
        { kind: 'sql', text: 'DELETE FROM cases WHERE reference = $1', params: [payload.reference] },
  ];
}

/** The new handler confirms the import of a handover bundle; the old desktop shreds its copy when it sees it. */
function handoverStatements(ctx: PushContext, payload: OutboxPayload<'handover'>): Statement[] | null {
  if (!has(ctx.actor, 'handler') || payload.toStaffId !== ctx.actor.localId) return null;
  return [
    single(
      'INSERT INTO handovers (id, case_id, from_staff, to_staff, bundle_sha256) VALUES ',
      [payload.id, payload.caseId, central(ctx, payload.fromStaffId), central(ctx, payload.toStaffId), payload.bundleSha256],
      ['uuid', 'uuid', 'uuid', 'uuid', ''],
      ' ON CONFLICT (id) DO NOTHING',
    ),
  ];
}
