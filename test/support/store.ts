import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openEncryptedStore, type OpenStore } from '../../main/platform/encrypted-db.js';
import { noProtection } from '../../main/platform/key-protector.js';
import { Keyring } from '../../main/platform/keyring.js';
import { tempDir } from './basics.js';
import { TEST_KDF } from './kdf.js';

/**
 * For a spec file: opens a new, empty store (every migration applied) under a random key in its own
 * temporary folder; each is closed and removed after its test.
 */
export function freshStores(): () => OpenStore {
  const opened: (() => void)[] = [];
  afterEach(() => {
    for (const close of opened.splice(0)) close();
  });
  return () => {
    const t = tempDir();
    const store = openEncryptedStore(join(t.dir, 'store.db'), randomBytes(32));
    opened.push(() => {
      store.close();
      t.cleanup();
    });
    return store;
  };
}

/** Opens a data directory's store directly, as someone holding a staff password could. */
export async function openStoreAs(dataDir: string, userName: string, password: string): Promise<OpenStore> {
  const keyring = Keyring.load(join(dataDir, 'keyring.json'), noProtection, TEST_KDF);
  const unlocked = await keyring.unlock(userName, password);
  if (!unlocked) throw new Error('wrong test credentials');
  return openEncryptedStore(join(dataDir, 'store.db'), unlocked.dbKey);
}

/** Every value of every table of a decrypted store as text, for looking for what should be gone. */
export async function storeText(dataDir: string, userName: string, password: string): Promise<string> {
  const store = await openStoreAs(dataDir, userName, password);
  try {
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    return tables
      .map((table) =>
        JSON.stringify(store.sqlite.prepare(`SELECT * FROM "${table}"`).all(), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)),
      )
      .join('\n');
  } finally {
    store.close();
  }
}
