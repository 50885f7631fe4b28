/**
 * The sync process the SIGKILL test kills: signs in as a handler on a data folder, then forever
 * records a few decisions and syncs them, printing what it committed. Usage:
 *   node --import tsx test/support/sync-child.ts DATA_DIR USER PASSWORD CENTRAL_URL SIGNER_ID
 * The test bundles it first (esbuild, packages external) so a start costs little beyond argon2id.
 */
import { join } from 'node:path';
import { systemClock } from '../../main/clock.js';
import { silentLogger } from '../../main/log.js';
import { CaseVault } from '../../main/services/case-vault.js';
import { SyncService } from '../../main/services/sync/sync-service.js';
import { CaseFileStore } from '../../main/store/case-files.js';
import { noProtection } from '../../main/store/key-protector.js';
import { Vault } from '../../main/store/vault.js';
import { seedDecisions } from './seed-decisions.js';

const [dataDir, userName, password, url, signerId] = process.argv.slice(2);
if (!dataDir || !userName || !password || !url || !signerId) throw new Error('usage: sync-child DATA_DIR USER PASSWORD CENTRAL_URL SIGNER_ID');
const vault = new Vault(dataDir, noProtection, join(process.cwd(), 'db', 'local', 'migrations'));
const unlocked = await vault.loadKeyring().unlock(userName, password);
if (!unlocked) throw new Error('wrong password');
vault.unlockWith(unlocked.dbKey);
const sync = new SyncService(vault, new CaseVault(new CaseFileStore(dataDir)), systemClock, silentLogger, 3);
const actor = { staffId: unlocked.staffId, roles: ['handler' as const] };
process.stdout.write('ready\n');
for (let round = 0; ; round += 1) {
  const { decisionIds } = seedDecisions(vault.open.db, { count: 1 + (round % 4), handlerId: unlocked.staffId, signerId, at: new Date() });
  process.stdout.write(`seeded ${decisionIds.join(' ')}\n`);
  await sync.run(actor, { url });
  process.stdout.write('synced\n');
}
