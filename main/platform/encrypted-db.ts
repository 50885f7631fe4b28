import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LocalDb } from '../../db/local/database.js';
import { DomainError } from './errors.js';
import { drizzleOverCiphers, migrateLocal } from './drizzle-ciphers.js';

export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('../../db/local/migrations', import.meta.url));

export interface OpenStore {
  sqlite: Database.Database;
  db: LocalDb;
  close(): void;
}

/**
 * Opens (or creates) the encrypted local store with a raw 256-bit key.
 * SQLCipher 4 format via SQLite3 Multiple Ciphers; the key is given raw (hexkey), so no slow
 * passphrase KDF runs here: the password KDF (argon2id) already ran when the key was unwrapped.
 */
export function openEncryptedStore(file: string, key: Buffer, migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): OpenStore {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  const sqlite = new Database(file);
  // Owner only (SQLite's WAL and shared-memory files take the same mode); ACLs do this on Windows.
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  try {
    sqlite.pragma("cipher='sqlcipher'");
    sqlite.pragma('legacy=4');
    sqlite.pragma(`hexkey='${key.toString('hex')}'`);
    // A wrong key only shows at the first read: read at once.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    throw new DomainError('STORE_UNREADABLE', undefined, { cause: error });
  }
  // Temp tables and sorts stay in memory: SQLite's temp files would not be encrypted.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzleOverCiphers(sqlite);
  migrateLocal(db, migrationsFolder);
  return {
    sqlite,
    db,
    close: () => {
      if (sqlite.open) {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        sqlite.close();
      }
    },
  };
}
