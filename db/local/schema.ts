import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../shared/roles.js';

/** Local staff accounts of this desktop. Passwords are not here: see main/store/keyring.ts. */
export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  userName: text('user_name').notNull().unique(),
  fullName: text('full_name').notNull(),
  roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
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
  },
  (t) => [index('audit_events_actor').on(t.actorId), index('audit_events_record').on(t.recordType, t.recordId)],
);

/** Key/value settings of this desktop (policy settings arrive with later issues). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
