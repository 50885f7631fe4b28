import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * The corporation's central database (PostgreSQL). It holds what the corporation must be able to
 * account for — the case register, decisions, signed letters, the audit trail, staff and reference
 * data — and nothing of a case file: no dossier, no ID data. Who may read or write which rows is
 * enforced by PostgreSQL itself: function roles and row-level security (db/central/sql/*.sql).
 *
 * Pull cursors: every row a desktop pulls carries `change_xid`, the id of the transaction that
 * wrote it last (set by a trigger). A desktop pulls rows whose change_xid lies between its cursor
 * and the oldest transaction still running, so a slow transaction never hides a row behind a newer
 * cursor (which a plain sequence would).
 */

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

const changeXid = () =>
  xid8('change_xid')
    .notNull()
    .default(sql`pg_current_xact_id()`);

/** Staff and their functions. `login_role` is the PostgreSQL login role the person connects as. */
export const staff = pgTable('staff', {
  id: uuid('id').primaryKey(),
  userName: text('user_name').notNull().unique(),
  fullName: text('full_name').notNull(),
  /** Staff functions (shared/staff/roles.ts): intake, handler, signer, dpo, auditor, admin. */
  roles: text('roles').array().notNull(),
  loginRole: text('login_role').notNull().unique(),
  active: boolean('active').notNull().default(true),
  /** The member's Ed25519 public key (base64, 32 raw bytes), with which their desktops sign audit events. */
  publicKey: text('public_key'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  changeXid: changeXid(),
});

/** The case register: the minimum the corporation needs to account for a request. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    type: text('type').notNull(),
    channel: text('channel').notNull(),
    customerNumber: text('customer_number'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    originalDueOn: date('original_due_on', { mode: 'string' }).notNull(),
    extensionMonths: integer('extension_months').notNull().default(0),
    status: text('status').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    outcome: text('outcome'),
    closedOn: date('closed_on', { mode: 'string' }),
    handlerId: uuid('handler_id').references(() => staff.id),
    /** The handler's user name while they have no central login yet: the assignment is kept, not dropped. */
    pendingHandler: text('pending_handler'),
    signerId: uuid('signer_id').references(() => staff.id),
    createdBy: uuid('created_by').references(() => staff.id),
    legalHold: boolean('legal_hold').notNull().default(false),
    legalHoldReason: text('legal_hold_reason'),
    /** The writer's clock: a desktop's change only replaces a newer one it has not seen (last writer wins). */
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
    changeXid: changeXid(),
  },
  (t) => [index('cases_handler').on(t.handlerId), index('cases_change').on(t.changeXid)],
);

/**
 * Who asked, for the handler who will answer: written by intake, readable by the assigned handler
 * and the dpo only. Deleted with the case register row.
 */
export const caseRequesters = pgTable('case_requesters', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  birthDate: date('birth_date', { mode: 'string' }),
  address: text('address'),
  email: text('email'),
  phone: text('phone'),
  relation: text('relation').notNull(),
  legallyIncapacitated: boolean('legally_incapacitated').notNull().default(false),
  writtenAndSigned: boolean('written_and_signed').notNull(),
  requestText: text('request_text').notNull().default(''),
  correctionKinds: jsonb('correction_kinds').$type<string[]>().notNull().default([]),
  representativeKind: text('representative_kind'),
  representativeName: text('representative_name'),
  representativeBasis: text('representative_basis'),
  changeXid: changeXid(),
});

/** Decisions, keyed by the desktop's UUID: a resend is harmless (ON CONFLICT DO NOTHING). */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    letterId: uuid('letter_id').notNull(),
    kind: text('kind').notNull(),
    outcome: text('outcome').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    draftedBy: uuid('drafted_by').references(() => staff.id),
    signedBy: uuid('signed_by').references(() => staff.id),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'string' }).notNull(),
    sha256: text('sha256').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('decisions_case').on(t.caseId)],
);

/** Signed letters as sent: the PDF and its SHA-256. */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    draftedBy: uuid('drafted_by').references(() => staff.id),
    signedBy: uuid('signed_by').references(() => staff.id),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'string' }).notNull(),
    sha256: text('sha256').notNull(),
    pdf: bytea('pdf').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** Letters are written once; the dpo's desktops pull them (without the PDF) for the letters' own retention term. */
    changeXid: changeXid(),
  },
  (t) => [index('letters_case').on(t.caseId), index('letters_change').on(t.changeXid)],
);

/**
 * The audit trail of every desktop, as hash-chained there (per desktop, by `seq`). Insert-only for
 * everyone: no UPDATE or DELETE is granted and a trigger refuses them.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    desktopId: text('desktop_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    /** The actor as the desktop's chain names them (the local staff id): part of the hashed event. */
    actorId: uuid('actor_id'),
    /** The same person in the central staff table, for "who did this" (null while not linked). */
    staffId: uuid('staff_id'),
    roles: text('roles').array().notNull(),
    procedure: text('procedure').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    outcome: text('outcome').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** The actor's Ed25519 signature over the hash (base64), checked by the app, not by PostgreSQL. */
    signature: text('signature'),
    /** The login that delivered the event, stamped by avg_append_audit_events from the session. */
    pushedBy: uuid('pushed_by'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    unique('audit_events_desktop_seq').on(t.desktopId, t.seq),
    index('audit_events_actor').on(t.actorId),
    index('audit_events_staff').on(t.staffId),
    index('audit_events_record').on(t.recordType, t.recordId),
  ],
);

/** Templates, the processing register, policy settings, the letterhead: `kind`/`key` → JSON. */
export const referenceData = pgTable(
  'reference_data',
  {
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedBy: uuid('updated_by').references(() => staff.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    changeXid: changeXid(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

/** Case numbers handed to desktops, so two desktops never use the same reference. */
export const referenceBlocks = pgTable(
  'reference_blocks',
  {
    year: integer('year').notNull(),
    first: integer('first').notNull(),
    last: integer('last').notNull(),
    desktopId: text('desktop_id').notNull(),
    allocatedBy: uuid('allocated_by').references(() => staff.id),
    allocatedAt: timestamp('allocated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.year, t.first] })],
);

/** What remains of destroyed records (retention): no personal data. */
export const destructionRecords = pgTable('destruction_records', {
  id: uuid('id').primaryKey(),
  reference: text('reference').notNull(),
  /** What was destroyed: the case register record (with everything of the case) or only its signed letters. */
  recordType: text('record_type').notNull().default('case'),
  requestType: text('request_type').notNull(),
  receivedOn: date('received_on', { mode: 'string' }),
  closedOn: date('closed_on', { mode: 'string' }),
  destroyedOn: date('destroyed_on', { mode: 'string' }).notNull(),
  approvedBy: uuid('approved_by').references(() => staff.id),
  listId: text('list_id'),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/**
 * A case file moving between desktops after the dpo reassigned it: the new handler's desktop confirms
 * the import; the old desktop shreds its copy once it sees the confirmation.
 */
export const handovers = pgTable(
  'handovers',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fromStaff: uuid('from_staff').references(() => staff.id),
    toStaff: uuid('to_staff').references(() => staff.id),
    /** SHA-256 of the bundle, so the old desktop knows which export was imported. */
    bundleSha256: text('bundle_sha256').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    changeXid: changeXid(),
  },
  (t) => [index('handovers_case').on(t.caseId)],
);

/** Every login made, changed or reset through avg_create_login: who did it, to whom, which functions. */
export const staffGrants = pgTable('staff_grants', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  grantedByLogin: text('granted_by_login').notNull(),
  grantedBy: uuid('granted_by'),
  userName: text('user_name').notNull(),
  loginRole: text('login_role').notNull(),
  functionsBefore: text('functions_before').array().notNull(),
  functionsAfter: text('functions_after').array().notNull(),
  newLogin: boolean('new_login').notNull(),
});

/** A desktop's claim on its audit chain: only a push that knows the desktop's secret may extend it. */
export const auditDesktops = pgTable('audit_desktops', {
  desktopId: text('desktop_id').primaryKey(),
  secretSha256: text('secret_sha256').notNull(),
  registeredBy: uuid('registered_by'),
  registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Each desktop's chain head (sequence number and hash) as sent with a sync: insert-only. */
export const auditAnchors = pgTable(
  'audit_anchors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    desktopId: text('desktop_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    anchoredBy: uuid('anchored_by'),
    anchoredAt: timestamp('anchored_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [unique('audit_anchors_head').on(t.desktopId, t.seq, t.hash)],
);

/** A desktop's event whose place in its central chain was already taken by another event: kept, never lost. */
export const auditEventConflicts = pgTable(
  'audit_event_conflicts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    desktopId: text('desktop_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    eventId: uuid('event_id').notNull(),
    event: jsonb('event').notNull(),
    pushedBy: uuid('pushed_by'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [unique('audit_event_conflicts_event').on(t.desktopId, t.eventId)],
);

/** A letter the case's handler put before a signer: the only letters a signer may record as signed. */
export const signingRequests = pgTable('signing_requests', {
  letterId: uuid('letter_id').primaryKey(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  requestedBy: uuid('requested_by').references(() => staff.id),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
