import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { DEFAULT_KDF } from '../../main/platform/keyring.js';
import { ROOT } from '../../scripts/build-stamp.mjs';
import { measure, type Figure } from './lib.js';

const PASSWORD = 'Korenbloem-Vlinder-Tafel-8271';
/**
 * The checkout to measure: this one, or another (AVG_DESK_BENCH_ROOT=/tmp/before, an unpacked older
 * commit with node_modules linked in) for the figures before a change.
 */
const APP = process.env.AVG_DESK_BENCH_ROOT ?? ROOT;

/** Wall time of one process from spawn to exit; fails loudly when the command fails. */
function run(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, { cwd: APP, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
}

/** Starts `command` and resolves with the milliseconds until http://127.0.0.1:PORT/ answers 200; then stops it. */
async function untilAnswered(command: string, args: string[], env: Record<string, string>): Promise<number> {
  const port = 20_000 + (randomBytes(2).readUInt16BE() % 20_000);
  const started = performance.now();
  const child = spawn(command, args, { cwd: APP, env: { ...process.env, ...env, PORT: String(port) }, detached: true, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} stopped (${child.exitCode}).`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).status === 200) return performance.now() - started;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

async function times(runs: number, once: () => Promise<number>): Promise<{ p50: number; p95: number }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(await once());
  all.sort((a, b) => a - b);
  return { p50: all[Math.floor(all.length / 2)] ?? 0, p95: all[Math.min(all.length - 1, Math.floor(all.length * 0.95))] ?? 0 };
}

/** The reference for a start: plain Node serving the built renderer's index.html (what any start must at least do). */
const STATIC_SERVER = `const { createServer } = require('node:http'); const { createReadStream } = require('node:fs');
createServer((q, s) => { s.writeHead(200, { 'content-type': 'text/html' }); createReadStream(process.argv[1]).pipe(s); }).listen(Number(process.env.PORT), '127.0.0.1');`;

/**
 * Start-up costs: the command line (pure arithmetic, its help, one store command) against `node -e 0`
 * and the argon2id derivation every sign-in pays, and a second `npm run start:web` (nothing changed
 * since the first) until its server answers, against plain Node serving the same built page.
 */
export async function startupBenchmark(runs = 15): Promise<Figure[]> {
  const bin = join(APP, 'bin', 'avg-desk.mjs');
  // Built and fresh before measuring: the first call may build (as after `npm ci`).
  run([bin, '--help']);
  const node = await measure(() => run(['-e', '0']), runs, 2);
  const deadline = await measure(() => run([bin, 'deadline', '--type', 'inzage', '--received', '2026-11-25']), runs, 2);
  const help = await measure(() => run([bin, '--help']), runs, 2);
  const nodeRef = { what: '`node -e 0`', p50: node.p50, p95: node.p95 };

  const dir = mkdtempSync(join(tmpdir(), 'avg-bench-cli-'));
  let store: { p50: number; p95: number };
  let argon: { p50: number; p95: number };
  try {
    run([bin, '--data', dir, 'init', '--admin', 'beheer', '--name', 'Bench Beheer'], { AVG_DESK_PASSWORD: PASSWORD });
    const env = { AVG_DESK_USER: 'beheer', AVG_DESK_PASSWORD: PASSWORD };
    store = await measure(() => run([bin, '--data', dir, 'staff', 'list'], env), Math.min(runs, 10), 1);
    const salt = randomBytes(16);
    argon = await measure(
      () =>
        hashRaw(PASSWORD, {
          algorithm: 2 as Algorithm,
          memoryCost: DEFAULT_KDF.memoryCost,
          timeCost: DEFAULT_KDF.timeCost,
          parallelism: DEFAULT_KDF.parallelism,
          outputLen: 32,
          salt,
        }),
      Math.min(runs, 10),
      1,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const budget = argon.p50 + 500;

  const figures: Figure[] = [
    { work: 'avg-desk deadline', size: '1 process', ...deadline, reference: nodeRef, note: 'target ≤ 3×' },
    { work: 'avg-desk --help', size: '1 process', ...help, reference: nodeRef, note: 'target ≤ 3×' },
    {
      work: 'avg-desk staff list (store)',
      size: '1 process, sign-in',
      ...store,
      reference: { what: `argon2id derivation (${DEFAULT_KDF.memoryCost / 1024} MiB, t=${DEFAULT_KDF.timeCost})`, p50: argon.p50, p95: argon.p95 },
      note: `budget argon2id + 500 ms = ${budget.toFixed(0)} ms: ${store.p50 <= budget ? 'within' : 'over'}`,
    },
  ];

  const page = join(APP, 'out', 'renderer', 'index.html');
  const data = mkdtempSync(join(tmpdir(), 'avg-bench-web-'));
  try {
    const env = { AVG_DESK_DATA: data };
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // The first start builds what changed; the figure is the start after it.
    await untilAnswered(npm, ['run', 'start:web'], env);
    if (!existsSync(page)) throw new Error('start:web did not build out/renderer.');
    const second = await times(Math.min(runs, 5), () => untilAnswered(npm, ['run', 'start:web'], env));
    const floor = await times(Math.min(runs, 5), () => untilAnswered(process.execPath, ['-e', STATIC_SERVER, page], {}));
    figures.push({
      work: 'npm run start:web, second start until it answers',
      size: 'nothing changed',
      ...second,
      reference: { what: 'Node serving the built index.html', ...floor },
      note: 'target ≤ 3 s',
    });
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  return figures;
}
