import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DESTRUCTION_KINDS, HOLD_KINDS } from '../../../shared/retention/retention.js';
import { REQUEST_TYPES } from '../../../shared/cases/request-types.js';
import { cases, staff } from '../schema.js';

/**
 * Retention (policy §4): when a case was closed and when its file was shredded, legal holds, the
 * destruction lists the dpo approves, and what remains of a destroyed case. In its own schema
 * file, in the same encrypted store.
 */

/**
 * One row per closed case. `closed_at` is written by a trigger (migration) when a case's status
 * becomes a closed one, whichever service closes it. When the local file is shredded, the counts
 * the reports need are kept here (the third parties and redacted versions themselves are gone).
 */
export const caseRetention = sqliteTable('case_retention', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => cases.id),
  closedAt: text('closed_at').notNull(),
  shreddedAt: text('shredded_at'),
  thirdPartiesHeard: integer('third_parties_heard'),
  redactedDocuments: integer('redacted_documents'),
});

/**
 * A legal hold, an open complaint or a court case about a case: while one is active (not lifted)
 * nothing of the case is destroyed, locally or centrally. Placed by the dpo or the assigned
 * handler with a reason; lifted only by the dpo.
 */
export const legalHolds = sqliteTable(
  'legal_holds',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: HOLD_KINDS }).notNull(),
    reason: text('reason').notNull(),
    placedBy: text('placed_by')
      .notNull()
      .references(() => staff.id),
    placedAt: text('placed_at').notNull(),
    liftedBy: text('lifted_by').references(() => staff.id),
    liftedAt: text('lifted_at'),
    liftReason: text('lift_reason'),
  },
  (t) => [index('legal_holds_case').on(t.caseId)],
);

/** A vernietigingslijst: proposed by a run, approved by the dpo, then carried out. */
export const destructionLists = sqliteTable('destruction_lists', {
  id: text('id').primaryKey(),
  proposedAt: text('proposed_at').notNull(),
  /** Null when the periodic run proposed it. */
  proposedBy: text('proposed_by').references(() => staff.id),
  status: text('status', { enum: ['voorgesteld', 'uitgevoerd'] }).notNull(),
  approvedBy: text('approved_by').references(() => staff.id),
  approvedAt: text('approved_at'),
});

/**
 * The records on a list: a case's register record ('registratie', its letters and file with it) or
 * only its signed letters ('brieven', when their term ends first). No case foreign key: the item
 * outlives the case it destroyed.
 */
export const destructionListItems = sqliteTable(
  'destruction_list_items',
  {
    listId: text('list_id')
      .notNull()
      .references(() => destructionLists.id),
    caseId: text('case_id').notNull(),
    kind: text('kind', { enum: DESTRUCTION_KINDS }).notNull().default('registratie'),
    reference: text('reference').notNull(),
    requestType: text('request_type', { enum: REQUEST_TYPES }).notNull(),
    closedOn: text('closed_on').notNull(),
    destroyOn: text('destroy_on').notNull(),
    removedBy: text('removed_by').references(() => staff.id),
    removedAt: text('removed_at'),
    removeReason: text('remove_reason'),
  },
  (t) => [primaryKey({ columns: [t.listId, t.caseId, t.kind] }), index('destruction_list_items_case').on(t.caseId)],
);

/** What remains of a destroyed case register record, or of a case's letters: no personal data. */
export const destructionRecords = sqliteTable(
  'destruction_records',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    kind: text('kind', { enum: DESTRUCTION_KINDS }).notNull().default('registratie'),
    reference: text('reference').notNull(),
    requestType: text('request_type', { enum: REQUEST_TYPES }).notNull(),
    receivedOn: text('received_on').notNull(),
    closedOn: text('closed_on').notNull(),
    destroyedOn: text('destroyed_on').notNull(),
    approvedBy: text('approved_by')
      .notNull()
      .references(() => staff.id),
    listId: text('list_id')
      .notNull()
      .references(() => destructionLists.id),
  },
  (t) => [uniqueIndex('destruction_records_case_kind').on(t.caseId, t.kind), index('destruction_records_destroyed').on(t.destroyedOn)],
);

/**
 * Signed letters known from the central database (no PDF, no text): pulled by the dpo's desktop so
 * the letters' own retention term can be proposed there for cases signed on another desktop.
 */
export const centralLetters = sqliteTable(
  'central_letters',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    signedAt: text('signed_at').notNull(),
    sha256: text('sha256').notNull(),
    pulledAt: text('pulled_at').notNull(),
  },
  (t) => [index('central_letters_case').on(t.caseId)],
);
