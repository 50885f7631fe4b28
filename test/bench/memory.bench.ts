import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Figure } from './lib.js';
import { SEED_DPO, SEED_PASSWORD, seedCaseStore } from './queue.bench.js';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function peakRss(args: string[]): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop() ?? '{}') as { peakRssMiB: number }).peakRssMiB;
}

/**
 * Memory: the peak RSS of a backend process with 10,000 cases loaded (signed in, whole queue
 * listed, searched, 200 cases opened), measured in a child process of its own; the reference is
 * the same process that only loads the app's code.
 */
export async function memoryBenchmark(caseCount = 10_000): Promise<Figure[]> {
  const { dir } = await seedCaseStore(caseCount);
  const loaded = peakRss([dir, SEED_DPO, SEED_PASSWORD]);
  const baseline = peakRss([dir, SEED_DPO, SEED_PASSWORD, 'baseline']);
  return [
    {
      work: 'memory: backend with the store loaded (peak RSS)',
      size: `${caseCount.toLocaleString('en')} cases, queue listed, 200 opened`,
      throughput: { value: loaded, unit: 'MiB peak RSS' },
      reference: { what: 'same process, app code only', throughput: { value: baseline, unit: 'MiB peak RSS' } },
      ratio: loaded / baseline,
      note: `${(loaded - baseline).toFixed(0)} MiB for the store and its data`,
    },
  ];
}
