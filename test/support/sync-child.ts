/**
 * The sync process the SIGKILL test kills: signs in as a handler on a data folder, then forever
 * records a few decisions and syncs them (as the handler, then as the signer), printing what it committed. Usage:
 *   node --import tsx test/support/sync-child.ts DATA_DIR USER PASSWORD CENTRAL_URL SIGNER_ID
 * The test bundles it first (esbuild, packages external) so a start costs little beyond argon2id.
 */
import { seedDecisions } from './seed-decisions.js';
import { openSyncService } from './sync-service.js';

const [dataDir, userName, password, url, signerId] = process.argv.slice(2);
if (!dataDir || !userName || !password || !url || !signerId) throw new Error('usage: sync-child DATA_DIR USER PASSWORD CENTRAL_URL SIGNER_ID');
const { vault, sync, staffId } = await openSyncService(dataDir, userName, password, 3);
const actor = { staffId, roles: ['handler' as const] };
process.stdout.write('ready\n');
for (let round = 0; ; round += 1) {
  const { decisionIds } = seedDecisions(vault.open.db, { count: 1 + (round % 4), handlerId: staffId, signerId, at: new Date() });
  process.stdout.write(`seeded ${decisionIds.join(' ')}\n`);
  await sync.run(actor, { url });
  process.stdout.write('synced\n');
  // Only the signer's own login records a decision centrally: her sync (her stored login) follows.
  await sync.run({ staffId: signerId, roles: ['signer'] }, { url });
  process.stdout.write('synced\n');
}
