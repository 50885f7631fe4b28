import { performance } from 'node:perf_hooks';

export interface Figure {
  work: string;
  size: string;
  p50: number;
  p95: number;
  /** The same work done the most direct way (raw SQL …), measured in the same run. */
  reference?: { what: string; p50: number; p95: number };
  note?: string;
}

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

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.work,
    f.size,
    f.p50.toFixed(1),
    f.p95.toFixed(1),
    f.reference ? `${f.reference.what}: ${f.reference.p50.toFixed(1)} / ${f.reference.p95.toFixed(1)}` : '',
    f.reference ? `${(f.p95 / Math.max(f.reference.p95, 0.001)).toFixed(1)}×` : '',
    f.note ?? '',
  ]);
  const header = ['work', 'size', 'p50 ms', 'p95 ms', 'reference p50 / p95 ms', 'p95 ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
