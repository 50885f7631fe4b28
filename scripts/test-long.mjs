// `npm run test:long`: the long versions of the robustness suites (test/robustness): more than 200
// crash kills, 5,000 fuzzed imports, every hostile text on its own. They read AVG_DESK_LONG=1.
// Replays: AVG_DESK_CRASH_REPLAY='<scenario>:<seed>', AVG_DESK_CRASH_SEED, AVG_DESK_FUZZ_SEED.
import { spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const result = spawnSync(npx, ['vitest', 'run', '--project', 'unit', 'test/robustness', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, AVG_DESK_LONG: '1' },
});
process.exit(result.status ?? 1);
