import { join } from 'node:path';
import { openEncryptedStore, type OpenStore } from '../../main/platform/encrypted-db.js';
import { noProtection } from '../../main/platform/key-protector.js';
import { Keyring } from '../../main/platform/keyring.js';
import { TEST_KDF } from './kdf.js';

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
