import { writeSync } from 'node:fs';
import { createBackend } from '../../main/app/backend.js';
import { silentLogger } from '../../main/platform/log.js';

/**
 * Measured in its own process by memory.bench.ts: `memory-child.ts <dataDir> <user> <password> [baseline]`.
 * With "baseline" it only loads the app's code (the reference); otherwise it signs in, lists every
 * case in the queue, searches, and opens 200 cases, then reports the peak RSS.
 */
const [dataDir = '', userName = '', password = '', mode = ''] = process.argv.slice(2);
const mib = (kib: number) => kib / 1024;

if (mode !== 'baseline') {
  const backend = createBackend({ dataDir, logger: silentLogger });
  const must = async (name: string, input: unknown, token: string | null) => {
    const result = await backend.dispatch(name, input, token);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  const { token } = (await must('session.login', { userName, password }, null)) as { token: string };
  const queue = (await must('case.queue', { limit: 20_000 }, token)) as { rows: { id: string }[] };
  await must('case.queue', { search: 'ozdemir', limit: 20_000 }, token);
  for (const row of queue.rows.slice(0, 200)) await must('case.get', { id: row.id }, token);
  backend.close();
}
writeSync(1, `${JSON.stringify({ peakRssMiB: mib(process.resourceUsage().maxRSS) })}\n`);
