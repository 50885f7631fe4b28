import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { LetterData } from '../../../shared/letters/data.js';
import type { Recipient } from '../../../shared/letters/register.js';
import type { LetterTemplate } from '../../../shared/letters/template-types.js';
import { LETTER_KINDS, type LetterContent } from '../../../shared/letters/types.js';
import { cases, staff } from '../schema.js';

/**
 * Letters, their four-eyes approval and signature, and the processing register. In a schema file of
 * its own, next to schema.ts, in the same store.
 */
export const LETTER_STATUSES = ['concept', 'ter_ondertekening', 'ondertekend', 'verzonden'] as const;

export const letters = sqliteTable(
  'letters',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: LETTER_KINDS }).notNull(),
    status: text('status', { enum: LETTER_STATUSES }).notNull(),
    /** What the handler entered for this kind (the decision, the reasons …). */
    data: text('data', { mode: 'json' }).$type<LetterData>().notNull(),
    /** The letter as content; the handler may edit it until it is submitted. */
    content: text('content', { mode: 'json' }).$type<LetterContent>().notNull(),
    /** Decision letters: the outcome recorded when signed. */
    outcome: text('outcome'),
    /** Everyone who wrote or edited the text: none of them may sign it (four-eyes). */
    authorIds: text('author_ids', { mode: 'json' }).$type<string[]>().notNull(),
    draftedBy: text('drafted_by')
      .notNull()
      .references(() => staff.id),
    draftedAt: text('drafted_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    submittedAt: text('submitted_at'),
    returnedBy: text('returned_by').references(() => staff.id),
    returnComment: text('return_comment'),
    signedBy: text('signed_by').references(() => staff.id),
    signedAt: text('signed_at'),
    /** SHA-256 of the signed PDF: the letter is locked from here on. */
    sha256: text('sha256'),
    /** The signed PDF, encrypted with the case key like every case file (main/platform/case-vault.ts). */
    fileId: text('file_id'),
    fileKey: blob('file_key', { mode: 'buffer' }),
    fileSize: integer('file_size'),
    sentOn: text('sent_on'),
    sentBy: text('sent_by').references(() => staff.id),
  },
  (t) => [index('letters_case').on(t.caseId), index('letters_status').on(t.status)],
);

/** A decision, recorded when its letter is signed; the central register receives it via the outbox. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    letterId: text('letter_id')
      .notNull()
      .references(() => letters.id),
    kind: text('kind', { enum: LETTER_KINDS }).notNull(),
    outcome: text('outcome').notNull(),
    decidedOn: text('decided_on').notNull(),
    signedBy: text('signed_by')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('decisions_letter').on(t.letterId), index('decisions_case').on(t.caseId)],
);

/** Templates an admin changed; kinds without a row use the default from shared/. */
export const letterTemplates = sqliteTable('letter_templates', {
  kind: text('kind', { enum: LETTER_KINDS }).primaryKey(),
  template: text('template', { mode: 'json' }).$type<LetterTemplate>().notNull(),
  updatedBy: text('updated_by')
    .notNull()
    .references(() => staff.id),
  updatedAt: text('updated_at').notNull(),
});

/** The register of processing activities (reference data, seeded from the policy on first use). */
export const processingActivities = sqliteTable('processing_activities', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  legalBasis: text('legal_basis').notNull(),
  dataCategories: text('data_categories', { mode: 'json' }).$type<string[]>().notNull(),
  recipients: text('recipients', { mode: 'json' }).$type<Recipient[]>().notNull(),
  transfersOutsideEea: text('transfers_outside_eea').notNull(),
  retention: text('retention').notNull(),
  source: text('source').notNull(),
  policyReference: text('policy_reference').notNull(),
  sortOrder: integer('sort_order').notNull(),
  /** Art. 22 automated decision-making with its logic, for art. 15(1)(h); null when the activity has none. */
  automatedDecision: text('automated_decision'),
  /** Removed activities stay (inactive) so cases that ticked them keep their meaning. */
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

/** The activities a handler ticked for a case's requester. */
export const caseActivities = sqliteTable(
  'case_activities',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    activityId: text('activity_id')
      .notNull()
      .references(() => processingActivities.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.activityId] })],
);

/**
 * The organisation's signing certificate (PKCS#12). The store is encrypted as a whole; the
 * password is encrypted once more with a key derived from the store key, so it never appears in
 * a settings dump, a log or the sync.
 */
export const signingIdentity = sqliteTable('signing_identity', {
  id: text('id').primaryKey(),
  p12: blob('p12', { mode: 'buffer' }).notNull(),
  passwordSealed: blob('password_sealed', { mode: 'buffer' }).notNull(),
  subject: text('subject').notNull(),
  issuer: text('issuer').notNull(),
  serialNumber: text('serial_number').notNull(),
  validFrom: text('valid_from').notNull(),
  validTo: text('valid_to').notNull(),
  fingerprint: text('fingerprint').notNull(),
  configuredBy: text('configured_by')
    .notNull()
    .references(() => staff.id),
  configuredAt: text('configured_at').notNull(),
});

/** What a signer's signature block shows: function, and optionally a scanned signature. */
export const signerProfiles = sqliteTable('signer_profiles', {
  staffId: text('staff_id')
    .primaryKey()
    .references(() => staff.id),
  functionTitle: text('function_title').notNull(),
  signaturePng: blob('signature_png', { mode: 'buffer' }),
  updatedAt: text('updated_at').notNull(),
});
