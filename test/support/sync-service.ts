import { join } from 'node:path';
import { systemClock } from '../../main/platform/clock.js';
import { silentLogger } from '../../main/platform/log.js';
import { CaseVault } from '../../main/platform/case-vault.js';
import { SyncService } from '../../main/sync/sync-service.js';
import { CaseFileStore } from '../../main/platform/case-files.js';
import { noProtection } from '../../main/platform/key-protector.js';
import { Vault } from '../../main/platform/vault.js';
import { TEST_KDF } from './kdf.js';

/**
 * A handle on a desktop's data folder with the sync service, as the app has it, signed in as one
 * staff member: for the fault tests, the SIGKILL child and the benchmark. Lock the vault when done.
 */
export async function openSyncService(dataDir: string, userName: string, password: string, batchSize?: number) {
  // Explicit, so a bundled copy of this code (the SIGKILL child) finds the migrations too.
  const vault = new Vault(dataDir, noProtection, join(process.cwd(), 'db', 'local', 'migrations'), TEST_KDF);
  const unlocked = await vault.loadKeyring().unlock(userName, password);
  if (!unlocked) throw new Error(`${userName} cannot sign in`);
  vault.unlockWith(unlocked.dbKey);
  const sync = new SyncService(vault, new CaseVault(new CaseFileStore(dataDir)), systemClock, silentLogger, batchSize);
  return { vault, sync, staffId: unlocked.staffId };
}
