import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DOCUMENT_FORMATS, DOCUMENT_SOURCES, HEARING_STATUSES } from '../../shared/dossier/dossier.js';
import {
  CASE_STATUSES,
  CHANNELS,
  RELATIONS,
  REPRESENTATIVE_KINDS,
  SECOND_CHANNEL_METHODS,
  SECOND_CHANNEL_OUTCOMES,
  TASK_KINDS,
  type CorrectionKind,
} from '../../shared/cases/cases.js';
import { AUTHORITY_KINDS, DOCUMENT_TYPES, ID_METHODS, ID_OUTCOMES, ID_SUBJECTS } from '../../shared/identity/identity-types.js';
import { REQUEST_TYPES } from '../../shared/cases/request-types.js';
import type { Role } from '../../shared/staff/roles.js';

/** Local staff accounts of this desktop. Passwords are not here: see main/platform/keyring.ts. */
export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  userName: text('user_name').notNull().unique(),
  fullName: text('full_name').notNull(),
  roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  /** The same person in the central database (db/central), once a sync has linked them. */
  centralId: text('central_id').unique(),
  /** The member's current Ed25519 public key on this desktop (raw 32 bytes, base64), for the central staff list. */
  publicKey: text('public_key'),
});

/**
 * Append-only, hash-chained audit trail. `seq` orders the chain; `hash` is SHA-256 over the
 * event's fields and `prev_hash`, so altering, deleting or reordering an event breaks the chain.
 * Triggers (in the migration) refuse UPDATE and DELETE.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull().unique(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
    procedure: text('procedure').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    outcome: text('outcome', { enum: ['ok', 'denied', 'error'] }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** Ed25519 over `hash` by the acting member's own key (base64); null for events without a signed-in actor. */
    signature: text('signature'),
  },
  (t) => [index('audit_events_actor').on(t.actorId), index('audit_events_record').on(t.recordType, t.recordId)],
);

/**
 * Every signing key a member has had on this desktop and the event from which they sign: from
 * `from_seq` on, each event in their name must carry a signature by one of their keys registered by
 * then. Insert-only (triggers in the migration), so a key and its start cannot be rewritten.
 */
export const auditSigners = sqliteTable(
  'audit_signers',
  { staffId: text('staff_id').notNull(), publicKey: text('public_key').notNull(), fromSeq: integer('from_seq').notNull() },
  (t) => [primaryKey({ columns: [t.staffId, t.publicKey] })],
);

/** Key/value settings: this desktop's own, the organisation's shared through the central database, and machine state. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/**
 * A request (verzoek) of a data subject: one row per case. Requester fields are personal data;
 * they live only here, in the encrypted store (and in its encrypted full-text index).
 */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    type: text('type', { enum: REQUEST_TYPES }).notNull(),
    correctionKinds: text('correction_kinds', { mode: 'json' })
      .$type<CorrectionKind[]>()
      .notNull()
      .default(sql`'[]'`),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    statusReason: text('status_reason'),
    requesterName: text('requester_name').notNull(),
    requesterBirthDate: text('requester_birth_date'),
    requesterAddress: text('requester_address'),
    requesterEmail: text('requester_email'),
    requesterPhone: text('requester_phone'),
    requesterRelation: text('requester_relation', { enum: RELATIONS }).notNull(),
    customerNumber: text('customer_number'),
    legallyIncapacitated: integer('legally_incapacitated', { mode: 'boolean' }).notNull().default(false),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    receivedOn: text('received_on').notNull(),
    writtenAndSigned: integer('written_and_signed', { mode: 'boolean' }).notNull(),
    requestText: text('request_text').notNull().default(''),
    representativeKind: text('representative_kind', { enum: REPRESENTATIVE_KINDS }),
    representativeName: text('representative_name'),
    representativeBasis: text('representative_basis'),
    handlerId: text('handler_id').references(() => staff.id),
    createdBy: text('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    dueOn: text('due_on').notNull(),
    originalDueOn: text('original_due_on').notNull(),
    dueBasis: text('due_basis', { enum: ['beleid', 'avg-plafond', 'verlenging'] }).notNull(),
    extensionMonths: integer('extension_months').notNull().default(0),
    extensionReason: text('extension_reason'),
    extendedOn: text('extended_on'),
    suspendedDays: integer('suspended_days').notNull().default(0),
    suspendedSince: text('suspended_since'),
    /** §9: the change asked through Mijn Alliantie (or a channel marked so) verified another way: how, with what outcome, by whom, when. */
    changeVerificationMethod: text('change_verification_method', { enum: SECOND_CHANNEL_METHODS }),
    changeVerificationOutcome: text('change_verification_outcome', { enum: SECOND_CHANNEL_OUTCOMES }),
    changeVerifiedBy: text('change_verified_by').references(() => staff.id),
    changeVerifiedAt: text('change_verified_at'),
  },
  (t) => [
    index('cases_queue').on(t.status, t.dueOn, t.suspendedSince, t.handlerId),
    index('cases_handler').on(t.handlerId),
    index('cases_received').on(t.receivedOn),
  ],
);

/** Open work on a case, such as the extension letter that must go out before the original term. */
export const caseTasks = sqliteTable(
  'case_tasks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: TASK_KINDS }).notNull(),
    status: text('status', { enum: ['open', 'done'] }).notNull(),
    dueOn: text('due_on'),
    /** For "zienswijze derde": the third party to hear. */
    thirdPartyId: text('third_party_id'),
    createdAt: text('created_at').notNull(),
    doneAt: text('done_at'),
  },
  (t) => [index('case_tasks_case').on(t.caseId)],
);

/**
 * Case numbers a desktop may hand out, per year. A desktop that is not connected to the central
 * database owns the whole year (1–9999); a desktop that syncs replaces that with blocks the central
 * database allocates, so two desktops never hand out the same number.
 */
export const referenceBlocks = sqliteTable(
  'reference_blocks',
  {
    year: integer('year').notNull(),
    first: integer('first').notNull(),
    last: integer('last').notNull(),
    next: integer('next').notNull(),
    source: text('source', { enum: ['local', 'central'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.first] })],
);

/** One data key per case. Deleting it makes every file of the case unreadable (crypto-shredding). */
export const caseKeys = sqliteTable('case_keys', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => cases.id),
  key: blob('key', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * Files of a case: ID copies now, dossier documents later. The ciphertext is on disk
 * (main/platform/case-files.ts); the file's own key is here, wrapped with the case key.
 */
export const caseFiles = sqliteTable(
  'case_files',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: ['id_copy', 'document', 'rendition', 'redacted', 'dataset'] }).notNull(),
    subject: text('subject', { enum: ID_SUBJECTS }),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    sha256: text('sha256').notNull(),
    masked: integer('masked', { mode: 'boolean' }).notNull().default(false),
    maskedBy: text('masked_by').references(() => staff.id),
    maskedAt: text('masked_at'),
    wrappedKey: blob('wrapped_key', { mode: 'buffer' }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('case_files_case').on(t.caseId)],
);

/**
 * What remains of an identity check: the method, the outcome and what the audit needs. Never the
 * image, the BSN or the full document number (only its last four characters).
 */
export const identityChecks = sqliteTable(
  'identity_checks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    subject: text('subject', { enum: ID_SUBJECTS }).notNull(),
    method: text('method', { enum: ID_METHODS }).notNull(),
    outcome: text('outcome', { enum: ID_OUTCOMES }).notNull(),
    reason: text('reason'),
    documentType: text('document_type', { enum: DOCUMENT_TYPES }),
    issuingCountry: text('issuing_country'),
    documentNumberTail: text('document_number_tail'),
    expiry: text('expiry'),
    checksPassed: text('checks_passed', { mode: 'json' }).$type<string[]>().notNull(),
    authority: text('authority', { enum: AUTHORITY_KINDS }),
    copiesDestroyed: integer('copies_destroyed').notNull().default(0),
    verifiedBy: text('verified_by')
      .notNull()
      .references(() => staff.id),
    verifiedAt: text('verified_at').notNull(),
  },
  (t) => [index('identity_checks_case').on(t.caseId)],
);

/**
 * A document in a case's dossier. The original file and a PDF rendition (the same file for a PDF)
 * are case files; an e-mail's attachments are documents of their own with the e-mail as parent.
 */
export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    parentId: text('parent_id'),
    fileId: text('file_id').notNull(),
    pdfFileId: text('pdf_file_id').notNull(),
    name: text('name').notNull(),
    format: text('format', { enum: DOCUMENT_FORMATS }).notNull(),
    source: text('source', { enum: DOCUMENT_SOURCES }).notNull(),
    documentDate: text('document_date'),
    description: text('description').notNull().default(''),
    sha256: text('sha256').notNull(),
    pages: integer('pages').notNull(),
    /** Zero-based pages whose text came from OCR, once the document was read for redaction; null before. Which pages, never what OCR read. */
    ocrPages: text('ocr_pages', { mode: 'json' }).$type<number[]>(),
    createdBy: text('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('documents_case').on(t.caseId)],
);

/** People other than the requester whose data is in the dossier, and whether they were heard. */
export const thirdParties = sqliteTable(
  'third_parties',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    name: text('name').notNull(),
    /** Contact details, so every way the person is written in the dossier can be found and redacted. */
    address: text('address'),
    email: text('email'),
    phone: text('phone'),
    role: text('role').notNull(),
    hearingStatus: text('hearing_status', { enum: HEARING_STATUSES }).notNull(),
    note: text('note'),
    documentIds: text('document_ids', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('third_parties_case').on(t.caseId)],
);

/** A redacted version of a document: the file released to the requester, and what it covers. */
export const redactedVersions = sqliteTable(
  'redacted_versions',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    fileId: text('file_id').notNull(),
    boxes: integer('boxes').notNull(),
    /** Third parties whose every occurrence in this document is covered. */
    thirdPartyIds: text('third_party_ids', { mode: 'json' }).$type<string[]>().notNull(),
    terms: text('terms', { mode: 'json' }).$type<string[]>().notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('redacted_versions_document').on(t.documentId)],
);
