import type Database from 'better-sqlite3-multiple-ciphers';
import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { BaseSQLiteDatabase, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { LocalDb } from '../../db/local/database.js';
import * as schema from '../../db/local/schema.js';

/**
 * drizzle over the SQLite3 Multiple Ciphers connection. drizzle's own `drizzle()` for
 * better-sqlite3 accepts this client, but its module imports the plain `better-sqlite3` package at
 * load time (for opening by path), which we do not install: one native SQLite, the encrypted one.
 * This is that function's client branch, on drizzle's exported building blocks.
 */
export function drizzleOverCiphers(client: Database.Database): LocalDb {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  // The client is API-compatible with better-sqlite3's Database, which the session's types name.
  const session = new BetterSQLiteSession(client as never, dialect, relational, {});
  return new BaseSQLiteDatabase('sync', dialect, session, relational) as unknown as BetterSQLite3Database<typeof schema>;
}

/** drizzle-kit's migrations, applied in order inside drizzle's migration transaction. */
export function migrateLocal(db: LocalDb, migrationsFolder: string): void {
  const migrations = readMigrationFiles({ migrationsFolder });
  const internals = db as unknown as { dialect: SQLiteSyncDialect; session: BetterSQLiteSession<typeof schema, never> };
  internals.dialect.migrate(migrations, internals.session, { migrationsFolder });
}
