import type { Figure } from './lib.js';
import { caseFilesBenchmark } from './case-files.bench.js';
import { lettersBenchmark } from './letters.bench.js';
import { memoryBenchmark } from './memory.bench.js';
import { ocrBenchmark } from './ocr.bench.js';
import { queueBenchmark, removeSeededStores } from './queue.bench.js';
import { queueRenderBenchmark } from './queue-render.bench.js';
import { redactionJobBenchmark } from './redaction-job.bench.js';
import { redactionBenchmark } from './redaction.bench.js';
import { startupBenchmark } from './startup.bench.js';
import { syncBenchmark } from './sync.bench.js';
import { BenchTable } from './table.js';

/**
 * `npm run bench`: every benchmark, one table. Figures, not pass/fail.
 * `npm run bench -- letters queue` runs only the benches whose name contains one of the words.
 * A new bench is one line here: a name and a function returning rows (see table.ts).
 */
const BENCHES: { name: string; run: () => Promise<Figure[]> }[] = [
  { name: 'queue', run: () => queueBenchmark() },
  { name: 'queue render', run: () => queueRenderBenchmark() },
  { name: 'memory', run: () => memoryBenchmark() },
  { name: 'case files', run: caseFilesBenchmark },
  { name: 'redaction', run: redactionBenchmark },
  { name: 'redaction job', run: () => redactionJobBenchmark() },
  { name: 'ocr', run: ocrBenchmark },
  { name: 'letters', run: () => lettersBenchmark() },
  { name: 'sync', run: () => syncBenchmark() },
  { name: 'startup', run: () => startupBenchmark() },
];

const only = process.argv.slice(2);
const table = new BenchTable();
console.log('AVG Desk benchmarks (this machine, this run)\n');
try {
  for (const bench of BENCHES.filter((b) => only.length === 0 || only.some((word) => b.name.includes(word)))) {
    const started = performance.now();
    table.add(...(await bench.run()));
    console.log(`  ${bench.name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  await removeSeededStores();
}
console.log(`\n${table.format()}`);
console.log('`npm test` has no row: the whole suite runs for minutes; it prints the time of each of its steps itself (scripts/test.mjs).');
console.log("\nratio = the app's cost ÷ the reference's (time at p50, or throughput, or memory); 1.0× is as cheap as the raw way.");
