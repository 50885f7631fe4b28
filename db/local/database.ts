import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.js';

/** The local store as the repositories see it: drizzle over the encrypted SQLite connection. */
export type LocalDb = BetterSQLite3Database<typeof schema>;
