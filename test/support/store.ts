import { join } from 'node:path';
import { openEncryptedStore, type OpenStore } from '../../main/store/encrypted-db.js';
import { noProtection } from '../../main/store/key-protector.js';
import { Keyring } from '../../main/store/keyring.js';

/** Opens a data directory's store directly, as someone holding a staff password could. */
export async function openStoreAs(dataDir: string, userName: string, password: string): Promise<OpenStore> {
  const keyring = Keyring.load(join(dataDir, 'keyring.json'), noProtection);
  const unlocked = await keyring.unlock(userName, password);
  if (!unlocked) throw new Error('wrong test credentials');
  return openEncryptedStore(join(dataDir, 'store.db'), unlocked.dbKey);
}
