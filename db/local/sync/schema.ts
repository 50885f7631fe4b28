import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from '../schema.js';

/** The sync's own tables: the outbox to the central database, the staff's central logins and the runs. */
/**
 * Changes for the central database, written in the same transaction as the change that made them.
 * The sync (main/sync) sends rows with `sent_at` null and stamps them; the client's UUID is the key
 * centrally, so a resend is harmless.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    /**
     * Why the central database refused the entry at the last run (Dutch, no personal data), or null.
     * A refused entry is kept and tried again; the status bar names its case.
     */
    refusedReason: text('refused_reason'),
  },
  (t) => [index('outbox_unsent').on(t.sentAt, t.createdAt)],
);

/**
 * A staff member's own login to the central database (a PostgreSQL login role that is a member of
 * their functions). Inside the encrypted store, like everything else; never in a log.
 */
export const centralCredentials = sqliteTable('central_credentials', {
  staffId: text('staff_id')
    .primaryKey()
    .references(() => staff.id),
  loginRole: text('login_role').notNull(),
  password: text('password').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** One line per sync run: what the status bar and the Beheer screen show. */
export const syncRuns = sqliteTable(
  'sync_runs',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').references(() => staff.id),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    outcome: text('outcome', { enum: ['ok', 'error'] }),
    pushed: integer('pushed').notNull().default(0),
    pulled: integer('pulled').notNull().default(0),
    /** The Dutch message shown to the user; never personal data. */
    error: text('error'),
  },
  (t) => [index('sync_runs_started').on(t.startedAt)],
);
