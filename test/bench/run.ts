import { printTable, type Figure } from './lib.js';
import { lettersBenchmark } from './letters.bench.js';
import { queueBenchmark } from './queue.bench.js';
import { redactionBenchmark } from './redaction.bench.js';

/** `npm run bench`: every benchmark, one table. Figures, not pass/fail. */
const figures: Figure[] = [];
console.log('AVG Desk benchmarks (this machine, this run)\n');
figures.push(...(await queueBenchmark()));
figures.push(...(await redactionBenchmark()));
figures.push(...(await lettersBenchmark()));
printTable(figures);
const mem = process.memoryUsage();
console.log(`\npeak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (heap used now ${(mem.heapUsed / 1048576).toFixed(0)} MiB)`);
