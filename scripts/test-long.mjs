// `npm run test:long`: the long versions of the randomized suites: more than 200 crash kills, 300
// sync kills, 300 sync runs through a failing network, 5,000 fuzzed imports, every hostile text on
// its own. They read AVG_DESK_LONG=1; `npm test` runs the same scenarios, fewer times each.
// Replays: AVG_DESK_CRASH_REPLAY='<scenario>:<seed>', AVG_DESK_CRASH_SEED, AVG_DESK_FUZZ_SEED,
// AVG_DESK_SYNC_KILL_SEED, AVG_DESK_SYNC_FAULT_SEED.
import { spawnSync } from 'node:child_process';

const SUITES = ['test/robustness', 'test/unit/sync-kill.spec.ts', 'test/unit/sync-faults.spec.ts'];
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const result = spawnSync(npx, ['vitest', 'run', '--project', 'unit', ...SUITES, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, AVG_DESK_LONG: '1' },
});
process.exit(result.status ?? 1);
