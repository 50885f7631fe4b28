/**
 * The one table `npm run bench` prints. A bench file returns rows; run.ts collects them from every
 * bench in its list and prints them together. Every row names the work, its size, the app's
 * p50/p95 and/or throughput, and where one exists a reference measured in the same run (raw SQL,
 * `openssl speed`, a raw `pg` INSERT …) with the ratio of the two.
 */
export interface Throughput {
  value: number;
  /** e.g. "MiB/s", "rows/s", "letters/s", "MiB peak RSS". */
  unit: string;
}

export interface Reference {
  what: string;
  p50?: number;
  p95?: number;
  throughput?: Throughput;
}

export interface Row {
  work: string;
  size: string;
  /** Milliseconds. */
  p50?: number;
  p95?: number;
  throughput?: Throughput;
  reference?: Reference;
  /**
   * Cost of the app's way ÷ cost of the reference; worked out from p50 (or from throughput) when
   * not given. Give it where neither fits (memory: peak RSS ÷ the reference's).
   */
  ratio?: number;
  note?: string;
}

/** Per second from a count done in `ms` milliseconds. */
export function perSecond(count: number, ms: number, unit: string): Throughput {
  return { value: (count / Math.max(ms, 1e-6)) * 1000, unit };
}

function ratioOf(row: Row): number | null {
  if (row.ratio !== undefined) return row.ratio;
  const ref = row.reference;
  if (!ref) return null;
  if (row.p50 !== undefined && ref.p50 !== undefined) return row.p50 / Math.max(ref.p50, 1e-6);
  if (row.throughput && ref.throughput && row.throughput.unit === ref.throughput.unit) return ref.throughput.value / Math.max(row.throughput.value, 1e-9);
  return null;
}

const ms = (v: number | undefined) => (v === undefined ? '' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const rate = (t: Throughput | undefined) => (t ? `${t.value >= 100 ? t.value.toFixed(0) : t.value.toFixed(1)} ${t.unit}` : '');

export class BenchTable {
  private readonly rows: Row[] = [];

  add(...rows: Row[]): this {
    this.rows.push(...rows);
    return this;
  }

  /** The table as Markdown, so it can go into a note as it is. */
  format(): string {
    const header = ['work', 'size', 'p50 ms', 'p95 ms', 'throughput', 'reference (same run)', 'ref p50 / p95 ms', 'ref throughput', 'ratio', 'note'];
    const cells = this.rows.map((r) => {
      const ratio = ratioOf(r);
      return [
        r.work,
        r.size,
        ms(r.p50),
        ms(r.p95),
        rate(r.throughput),
        r.reference?.what ?? '',
        r.reference?.p50 !== undefined ? `${ms(r.reference.p50)} / ${ms(r.reference.p95)}` : '',
        rate(r.reference?.throughput),
        ratio === null ? '' : `${ratio.toFixed(1)}×`,
        r.note ?? '',
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
    const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
    return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
  }
}
