import { eq, inArray, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { LocalDb } from '../../db/local/database.js';
import { centralColumns } from '../../db/local/cases/case-parts.js';
import { insertCase, NO_CHANGE_VERIFICATION, updateCase, type CaseRow } from '../../db/local/cases/repository.js';
import { allTemplates, saveTemplate } from '../../db/local/letters/repository.js';
import { storedSetting, writeSetting } from '../../db/local/settings/repository.js';
import { insertCentralLetter } from '../../db/local/retention/repository.js';
import { insertStaff } from '../../db/local/staff/repository.js';
import { letterTemplates, processingActivities } from '../../db/local/letters/schema.js';
import { cases, staff } from '../../db/local/schema.js';
import { letterTemplateSchema, processingActivitySchema } from '../../shared/letters/letter-schemas.js';
import { CASE_STATUSES, CHANNELS, RELATIONS, REPRESENTATIVE_KINDS, type CorrectionKind } from '../../shared/cases/cases.js';
import { LETTER_KINDS, type LetterKind } from '../../shared/letters/types.js';
import { REQUEST_TYPES } from '../../shared/cases/request-types.js';
import { mayOnSome } from '../../shared/cases/access.js';
import { isSettingKey, SETTINGS, SHARED_SETTING_KEYS, type SettingInput, type SettingValue } from '../../shared/settings/registry.js';
import { ROLES, type Role } from '../../shared/staff/roles.js';
import { appendAuditEvent } from '../audit/audit.js';
import type { SyncActor } from './push.js';

/**
 * Who makes a kind of reference data the organisation's: the privacy officer owns the legal terms
 * (templates, the processing register), and each shared setting has its owner in its declaration.
 * The central database's policies apply the same rule (avg_reference_owner).
 */
export function referenceOwner(kind: string, key: string): 'dpo' | 'admin' | null {
  if (kind === 'template' || kind === 'activity') return 'dpo';
  if (kind !== 'setting') return null;
  return isSettingKey(key) ? (SETTINGS[key].owner ?? null) : null;
}

/** Pulled up to where, per part of the central database ('0' before the first pull). */
export type Cursors = SettingValue<'sync.cursors'>;

interface CentralStaff {
  id: string;
  user_name: string;
  full_name: string;
  roles: string[];
  active: boolean;
  public_key: string | null;
}

/** Whether this version of the local store keeps staff members' public keys (Ed25519, base64). */
export const LOCAL_STAFF_HAS_PUBLIC_KEY = Object.prototype.hasOwnProperty.call(staff, 'publicKey');

/**
 * Rows changed since a cursor, consistently: inside one REPEATABLE READ transaction, rows written by
 * transactions older than the oldest one still running. The next cursor is that horizon, so a row
 * committed late by a slow transaction is still picked up next time.
 */
export async function withPullSnapshot<T>(client: pg.ClientBase, work: (horizon: string) => Promise<T>): Promise<T> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const horizon = (await client.query<{ h: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS h')).rows[0]?.h ?? '0';
    const value = await work(horizon);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

const WINDOW = 'change_xid >= $1::xid8 AND change_xid < $2::xid8';

export async function pullStaff(client: pg.ClientBase, db: LocalDb, cursor: string, horizon: string, at: string): Promise<number> {
  const { rows } = await client.query<CentralStaff>(`SELECT id, user_name, full_name, roles, active, public_key FROM staff WHERE ${WINDOW}`, [cursor, horizon]);
  if (rows.length === 0) return 0;
  db.transaction((tx) => {
    for (const row of rows) applyStaff(tx, row, at);
  });
  return rows.length;
}

function knownRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

/** Central staff are the organisation's truth: linked by central id, else by user name, else added. */
function applyStaff(db: LocalDb, row: CentralStaff, at: string): void {
  const changes = {
    fullName: row.full_name,
    roles: knownRoles(row.roles),
    active: row.active,
    centralId: row.id,
    updatedAt: at,
    // The key a member's own login set centrally: with it this desktop checks the events they signed elsewhere.
    ...(LOCAL_STAFF_HAS_PUBLIC_KEY && row.public_key ? { publicKey: row.public_key } : {}),
  };
  const linked = db.select().from(staff).where(eq(staff.centralId, row.id)).get() ?? db.select().from(staff).where(eq(staff.userName, row.user_name)).get();
  if (linked) {
    // A key this desktop made for its own account stays: its events here are signed with it, and the
    // sync publishes it (the central list holds the key of the desktop that synced last).
    const { publicKey: _central, ...keep } = changes;
    db.update(staff)
      .set(linked.publicKey ? keep : changes)
      .where(eq(staff.id, linked.id))
      .run();
    return;
  }
  // Without a local password the person cannot sign in here; they are known for assignments and names.
  insertStaff(db, { id: row.id, userName: row.user_name, createdAt: at, ...changes });
}

/** Central staff id → local staff id. */
export function localIdsByCentral(db: LocalDb): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of db.select({ id: staff.id, centralId: staff.centralId }).from(staff).all()) if (row.centralId) map.set(row.centralId, row.id);
  return map;
}

interface CentralCase {
  id: string;
  reference: string;
  type: string;
  channel: string;
  customer_number: string | null;
  received_on: string;
  due_on: string;
  original_due_on: string;
  extension_months: number;
  status: string;
  handler_id: string | null;
  /** The handler's user name while they have no central login (the assignment is kept). */
  pending_handler: string | null;
  created_by: string | null;
  updated_at: string;
  /** Requester columns: absent for intake, null when the register has no requester row. */
  name?: string | null;
  birth_date: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
  relation: string | null;
  legally_incapacitated: boolean | null;
  written_and_signed: boolean | null;
  request_text: string | null;
  correction_kinds: string[] | null;
  representative_kind: string | null;
  representative_name: string | null;
  representative_basis: string | null;
}

/** Who asked, as the registry maps the case row to the central tables (db/local/cases/case-parts.ts). */
const PULLED_REQUESTER = [
  ...centralColumns('cases').map((c) => ({ ...c, alias: 'c' })),
  ...centralColumns('case_requesters').map((c) => ({ ...c, alias: 'r' })),
];

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${column.split('.').pop() ?? column}`;

/**
 * Cases this account may see that changed (or whose requester changed) since the cursor: a case
 * registered centrally, or assigned to this handler, appears in the queue. Intake sees only status
 * and due date, so intake updates cases it already has and adds none.
 */
export async function pullCases(client: pg.ClientBase, db: LocalDb, actor: SyncActor, cursor: string, horizon: string, now: Date): Promise<number> {
  const full = mayOnSome(actor, 'seeContent');
  const columns = [
    'c.id',
    'c.reference',
    'c.type',
    'c.channel',
    'c.status',
    DATE('c.received_on'),
    DATE('c.due_on'),
    DATE('c.original_due_on'),
    'c.extension_months',
    'c.handler_id',
    'c.pending_handler',
    'c.created_by',
    `to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at`,
  ];
  let text: string;
  if (full) {
    const requester = PULLED_REQUESTER.map((c) => (c.cast === 'date' ? DATE(`${c.alias}.${c.column}`) : `${c.alias}.${c.column}`));
    text = `SELECT ${columns.join(', ')}, ${requester.join(', ')}
              FROM cases c LEFT JOIN case_requesters r ON r.case_id = c.id
             WHERE (c.change_xid >= $1::xid8 AND c.change_xid < $2::xid8) OR (r.change_xid >= $1::xid8 AND r.change_xid < $2::xid8)`;
  } else if (mayOnSome(actor, 'seeInQueue')) {
    text = `SELECT ${columns.join(', ')} FROM cases c WHERE c.change_xid >= $1::xid8 AND c.change_xid < $2::xid8`;
  } else {
    return 0;
  }
  const { rows } = await client.query<CentralCase>(text, [cursor, horizon]);
  if (rows.length === 0) return 0;
  const locals = localIdsByCentral(db);
  const byUserName = new Map(
    db
      .select({ id: staff.id, userName: staff.userName })
      .from(staff)
      .all()
      .map((r) => [r.userName, r.id]),
  );
  const pending = casesWithUnsentChanges(db);
  const existing = existingCases(
    db,
    rows.map((r) => r.id),
  );
  let applied = 0;
  db.transaction((tx) => {
    for (const row of rows) if (applyCase(tx, row, existing.get(row.id), { locals, byUserName, now }, actor, pending)) applied += 1;
  });
  return applied;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null | undefined, fallback: T): T {
  return value !== null && value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Cases with local changes not yet pushed: read once per pull, not once per pulled row. A change the
 * central database refused does not count: its register row there is the truth (say the dpo gave
 * the case to someone else), and the refused entry stays visible in the status bar.
 */
function casesWithUnsentChanges(db: LocalDb): Set<string> {
  const rows = db.all<{ case_id: string }>(
    sql`SELECT DISTINCT json_extract(payload, '$.caseId') AS case_id FROM outbox WHERE sent_at IS NULL AND kind = 'case' AND refused_reason IS NULL`,
  );
  return new Set(rows.map((r) => r.case_id));
}

interface StaffLookup {
  locals: ReadonlyMap<string, string>;
  byUserName: ReadonlyMap<string, string>;
  now: Date;
}

/** The local rows of the pulled cases, a chunk per query: a pull after a large push reads back thousands. */
function existingCases(db: LocalDb, ids: readonly string[]): Map<string, CaseRow> {
  const out = new Map<string, CaseRow>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of db
      .select()
      .from(cases)
      .where(inArray(cases.id, ids.slice(i, i + 500)))
      .all())
      out.set(row.id, row);
  }
  return out;
}

function applyCase(db: LocalDb, row: CentralCase, existing: CaseRow | undefined, lookup: StaffLookup, actor: SyncActor, pending: ReadonlySet<string>): boolean {
  const { locals } = lookup;
  // A handler still without a central login stays the handler (pending, by user name).
  const handlerId = row.handler_id
    ? (locals.get(row.handler_id) ?? null)
    : ((row.pending_handler ? lookup.byUserName.get(row.pending_handler) : undefined) ?? null);
  const register = {
    status: oneOf(CASE_STATUSES, row.status, 'ontvangen'),
    dueOn: row.due_on,
    originalDueOn: row.original_due_on,
    extensionMonths: row.extension_months,
    handlerId,
    updatedAt: row.updated_at,
  };
  if (existing) {
    // Without local changes waiting, the central row is the truth (it holds this desktop's last push or
    // something newer). With changes waiting, the newer version wins; they are pushed on the next run.
    if (pending.has(row.id) && existing.updatedAt >= row.updated_at) return false;
    // This desktop's own push coming back: nothing to change.
    if ((Object.keys(register) as (keyof typeof register)[]).every((key) => existing[key] === register[key])) return false;
    updateCase(db, row.id, register, 'central');
    // A handler change from the central database is on the case's timeline like a local one.
    if (existing.handlerId !== handlerId) {
      appendAuditEvent(db, lookup.now, {
        actorId: actor.localId,
        roles: actor.roles,
        procedure: 'sync.assign',
        recordType: 'case',
        recordId: row.id,
        outcome: 'ok',
      });
    }
    return true;
  }
  // Who asked is unknown here (intake sees status and due date only): nothing to add.
  if (!row.name || !row.relation) return false;
  // Every column the registry maps, as the central database has it; then those that need a value or a known one.
  const central = row as unknown as Record<string, unknown>;
  const requester = Object.fromEntries(PULLED_REQUESTER.map((c) => [c.property, central[c.column] ?? null]));
  const created: CaseRow = {
    // Text the central database keeps as it came (the fields below need a default or a known value).
    ...(requester as Pick<
      CaseRow,
      'customerNumber' | 'requesterBirthDate' | 'requesterAddress' | 'requesterEmail' | 'requesterPhone' | 'representativeName' | 'representativeBasis'
    >),
    id: row.id,
    reference: row.reference,
    type: oneOf(REQUEST_TYPES, row.type, 'inzage'),
    correctionKinds: (row.correction_kinds ?? []) as CorrectionKind[],
    statusReason: null,
    requesterName: row.name,
    requesterRelation: oneOf(RELATIONS, row.relation, 'huurder'),
    legallyIncapacitated: row.legally_incapacitated ?? false,
    channel: oneOf(CHANNELS, row.channel, 'email'),
    receivedOn: row.received_on,
    writtenAndSigned: row.written_and_signed ?? false,
    requestText: row.request_text ?? '',
    representativeKind: row.representative_kind ? oneOf(REPRESENTATIVE_KINDS, row.representative_kind, 'gemachtigde') : null,
    createdBy: (row.created_by ? locals.get(row.created_by) : undefined) ?? actor.localId,
    createdAt: row.updated_at,
    dueBasis: row.extension_months > 0 ? 'verlenging' : 'beleid',
    extendedOn: null,
    extensionReason: null,
    suspendedDays: 0,
    suspendedSince: null,
    ...NO_CHANGE_VERIFICATION,
    ...register,
  };
  insertCase(db, created, 'central');
  return true;
}

interface CentralReference {
  kind: string;
  key: string;
  value: unknown;
  updated_by: string | null;
  updated_at: string;
}

/** Templates, the processing register and policy settings: the central version replaces the local one when newer. */
export async function pullReferenceData(client: pg.ClientBase, db: LocalDb, actor: SyncActor, cursor: string, horizon: string): Promise<number> {
  const { rows } = await client.query<CentralReference>(
    `SELECT kind, key, value, updated_by, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at FROM reference_data WHERE ${WINDOW}`,
    [cursor, horizon],
  );
  if (rows.length === 0) return 0;
  const locals = localIdsByCentral(db);
  let applied = 0;
  db.transaction((tx) => {
    for (const row of rows) if (applyReference(tx, row, (row.updated_by ? locals.get(row.updated_by) : undefined) ?? actor.localId)) applied += 1;
  });
  return applied;
}

function applyReference(db: LocalDb, row: CentralReference, updatedBy: string): boolean {
  if (row.kind === 'template' && (LETTER_KINDS as readonly string[]).includes(row.key)) {
    const template = letterTemplateSchema.safeParse(row.value);
    const current = db
      .select()
      .from(letterTemplates)
      .where(eq(letterTemplates.kind, row.key as LetterKind))
      .get();
    if (!template.success || (current && current.updatedAt >= row.updated_at)) return false;
    saveTemplate(db, { kind: row.key as LetterKind, template: template.data, updatedBy, updatedAt: row.updated_at });
    return true;
  }
  if (row.kind === 'activity') {
    const activity = processingActivitySchema.safeParse(row.value);
    const current = db.select().from(processingActivities).where(eq(processingActivities.id, row.key)).get();
    if (!activity.success || (current && current.updatedAt >= row.updated_at)) return false;
    const value = row.value as { active?: unknown; sortOrder?: unknown };
    db.insert(processingActivities)
      .values({
        ...activity.data,
        id: row.key,
        active: value.active !== false,
        sortOrder: typeof value.sortOrder === 'number' ? value.sortOrder : 0,
        updatedAt: row.updated_at,
      })
      .onConflictDoUpdate({ target: processingActivities.id, set: { ...activity.data, active: value.active !== false, updatedAt: row.updated_at } })
      .run();
    return true;
  }
  const key = SHARED_SETTING_KEYS.find((k) => k === row.key);
  if (row.kind === 'setting' && key) {
    // A value the declaration refuses stays out, as a template or activity that does not parse does.
    if (!SETTINGS[key].schema.safeParse(row.value).success) return false;
    const current = storedSetting(db, key);
    if (current && current.updatedAt >= row.updated_at) return false;
    writeSetting(db, key, row.value as SettingInput<typeof key>, row.updated_at);
    return true;
  }
  return false;
}

/** What an admin's desktop sends as reference data: every template, activity and shared setting. */
export function localReferenceData(db: LocalDb): { kind: string; key: string; value: unknown; updatedAt: string }[] {
  const out: { kind: string; key: string; value: unknown; updatedAt: string }[] = [];
  for (const t of allTemplates(db)) out.push({ kind: 'template', key: t.kind, value: t.template, updatedAt: t.updatedAt });
  for (const a of db.select().from(processingActivities).all()) {
    const { id, updatedAt, ...value } = a;
    out.push({ kind: 'activity', key: id, value, updatedAt });
  }
  for (const key of SHARED_SETTING_KEYS) {
    const stored = storedSetting(db, key);
    if (stored) out.push({ kind: 'setting', key, value: stored.value, updatedAt: stored.updatedAt });
  }
  return out;
}

/**
 * Signed letters of the cases this desktop has, as the register knows them (kind, date, hash; no
 * PDF): only for the dpo, whose desktop proposes the letters' own retention term also for cases
 * signed elsewhere. Letters are written once centrally, so each arrives once.
 */
export async function pullLetters(client: pg.ClientBase, db: LocalDb, actor: SyncActor, cursor: string, horizon: string, at: string): Promise<number> {
  if (!actor.roles.includes('dpo')) return 0;
  const { rows } = await client.query<{ id: string; case_id: string; kind: string; signed_at: string; sha256: string }>(
    `SELECT id, case_id, kind, to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signed_at, sha256 FROM letters WHERE ${WINDOW}`,
    [cursor, horizon],
  );
  if (rows.length === 0) return 0;
  let applied = 0;
  db.transaction((tx) => {
    for (const row of rows) {
      if (insertCentralLetter(tx, { id: row.id, caseId: row.case_id, kind: row.kind, signedAt: row.signed_at, sha256: row.sha256, pulledAt: at })) applied += 1;
    }
  });
  return applied;
}

/**
 * Handovers confirmed centrally that this account may see: when one names a bundle this desktop
 * exported, its copy of the case is shredded (main/handover/confirm.ts). Returns the
 * bundle hashes; the caller confirms each outside any transaction.
 */
export async function pullHandovers(client: pg.ClientBase, actor: SyncActor, cursor: string, horizon: string): Promise<string[]> {
  // Only those who may hand a case over take part in handovers (and may read them).
  if (!mayOnSome(actor, 'exportHandover')) return [];
  const { rows } = await client.query<{ bundle_sha256: string }>(`SELECT bundle_sha256 FROM handovers WHERE ${WINDOW}`, [cursor, horizon]);
  return rows.map((r) => r.bundle_sha256);
}
