import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from '../schema.js';

/**
 * Handover bundles this desktop wrote: a case file that moves to a handler on
 * another desktop. When the central database reports the import of a bundle with this SHA-256,
 * this desktop shreds its copy and stamps `confirmed_at` (main/handover/confirm.ts).
 * No case foreign key: the row outlives the local copy of the case.
 */
export const handoverExports = sqliteTable(
  'handover_exports',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    bundleSha256: text('bundle_sha256').notNull().unique(),
    exportedBy: text('exported_by')
      .notNull()
      .references(() => staff.id),
    exportedAt: text('exported_at').notNull(),
    confirmedAt: text('confirmed_at'),
  },
  (t) => [index('handover_exports_case').on(t.caseId)],
);
