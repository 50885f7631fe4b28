import { performance } from 'node:perf_hooks';
import type { Row } from './table.js';

/** A row of the benchmark table (test/bench/table.ts). */
export type Figure = Row;

/** Runs `fn` `warmup` times unmeasured, then `runs` times; milliseconds. */
export async function measure(fn: () => unknown | Promise<unknown>, runs = 50, warmup = 5): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}
