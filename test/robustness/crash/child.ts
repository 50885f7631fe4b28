import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../../main/app/backend.js';
import { silentLogger } from '../../../main/platform/log.js';
import { rng } from '../rng.js';
import { readFixture } from './fixture.js';
import { scenarioNamed, type Operation } from './scenarios.js';
import { TEST_KDF } from '../../support/kdf.js';

/**
 * The process the crash harness kills: `node --import tsx child.ts <scenario> <runRoot> <seed>`.
 * It reports on stdout, one JSON line each, synchronously: "loaded" once the app's code is in,
 * "ready" after signing in, and every operation the backend confirmed, before the next one starts.
 */
const [name = '', runRoot = '', seedText = '0'] = process.argv.slice(2);
const emit = (line: Record<string, unknown>) => writeSync(1, `${JSON.stringify(line)}\n`);

const scenario = scenarioNamed(name);
const started = Date.now();
const base = Date.parse(scenario.clockStart ?? '2026-11-25T10:00:00Z');
const backend = createBackend({
  kdfCost: TEST_KDF,
  dataDir: join(runRoot, 'data'),
  logger: silentLogger,
  clock: { now: () => new Date(base + (Date.now() - started)) },
});
emit({ t: 'loaded' });

try {
  await scenario.run({
    dispatch: backend.dispatch,
    fixture: scenario.usesTemplate ? readFixture(join(runRoot, 'fixture.json')) : (null as never),
    dataDir: join(runRoot, 'data'),
    backupDir: join(runRoot, 'backups'),
    rng: rng(Number(seedText)),
    ready: () => emit({ t: 'ready' }),
    async signIn(userName, password) {
      const fixture = readFixture(join(runRoot, 'fixture.json'));
      const result = await backend.dispatch('session.login', { userName, password: password ?? fixture.password }, null);
      if (!result.ok) throw new Error(`sign-in: ${result.error.message}`);
      emit({ t: 'ready' });
      return (result.value as { token: string }).token;
    },
    committed: (op: Operation) => emit({ t: 'op', ...op }),
  });
  emit({ t: 'finished' });
  backend.close();
} catch (error) {
  emit({ t: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
}
