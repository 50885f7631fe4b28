import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { cases, staff } from '../schema.js';

/**
 * Where the handler looked for the requester's data: per case, one row per search of a source
 * system (an activity of the processing register), with who, when and whether anything was found.
 * The system's name is kept as it was at the time, so the record stays true when the register changes.
 */
export const sourceSearches = sqliteTable(
  'source_searches',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    activityId: text('activity_id').notNull(),
    system: text('system').notNull(),
    found: integer('found', { mode: 'boolean' }).notNull(),
    note: text('note').notNull().default(''),
    searchedBy: text('searched_by')
      .notNull()
      .references(() => staff.id),
    searchedAt: text('searched_at').notNull(),
  },
  (t) => [index('source_searches_case').on(t.caseId)],
);

/**
 * A structured export a handler took from a source system (CSV, JSON or XLSX): the original is an
 * encrypted case file; the package reads, redacts and converts it when it is built.
 */
export const datasets = sqliteTable(
  'datasets',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    fileId: text('file_id').notNull(),
    name: text('name').notNull(),
    format: text('format', { enum: ['csv', 'json', 'xlsx'] }).notNull(),
    activityId: text('activity_id'),
    system: text('system').notNull(),
    columns: integer('columns').notNull(),
    rows: integer('rows').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('datasets_case').on(t.caseId)],
);
