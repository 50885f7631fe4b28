import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../../main/app/backend.js';
import { silentLogger } from '../../../main/platform/log.js';
import { verifyAuditChain } from '../../../main/audit/audit.js';
import { CaseVault } from '../../../main/platform/case-vault.js';
import { DomainError } from '../../../main/platform/errors.js';
import { CaseFileStore } from '../../../main/platform/case-files.js';
import type { CaseFileRow } from '../../../db/local/cases/case-files.js';
import { ADMIN } from '../../support/basics.js';
import { plaintextHits } from '../../support/scan.js';
import { openStoreAs } from '../../support/store.js';
import { rng } from '../rng.js';
import { copyTemplate, readFixture, SECRETS, type Template } from './fixture.js';
import { CrashCheckFailed, expectThat, type CrashScenario, type Operation } from './scenarios.js';
import { TEST_KDF } from '../../support/kdf.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/** How a kill's child starts: through tsx, or (after bundleChild) as a bundle that loads in half the time. */
let childArgs = (scenario: string, runRoot: string, seed: number) => ['--import', 'tsx', CHILD, scenario, runRoot, String(seed)];

/**
 * Bundles the child (and the redaction worker next to it, where the engine looks for worker.js)
 * into a folder two levels below the repository, so the sources' relative paths (db/local/migrations)
 * still resolve; each start then costs node and the packages, not a TypeScript compile. Returns the cleanup.
 */
export async function bundleChild(): Promise<() => void> {
  const { build } = await import('esbuild');
  mkdirSync(join(REPO_ROOT, 'out'), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, 'out', 'crash-child-'));
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { child: CHILD, worker: join(REPO_ROOT, 'main', 'redaction', 'worker.ts') },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  const script = join(dir, 'child.js');
  childArgs = (scenario, runRoot, seed) => [script, scenario, runRoot, String(seed)];
  return () => {
    childArgs = (scenario, runRoot, seed) => ['--import', 'tsx', CHILD, scenario, runRoot, String(seed)];
    rmSync(dir, { recursive: true, force: true });
  };
}

export interface KillOutcome {
  scenario: string;
  seed: number;
  /** Where the kill fell: while loading, signing in, during the operations, or after the child finished. */
  phase: 'loading' | 'sign-in' | 'operations' | 'finished';
  ops: number;
}

/** How to run exactly this kill again. */
export function replayHint(scenario: string, seed: number): string {
  return `replay: AVG_DESK_CRASH_REPLAY='${scenario}:${seed}' npx vitest run --project unit test/robustness/crash`;
}

/**
 * When the kill falls: a quarter of the kills in the first SIGN_IN_WINDOW ms after the app has
 * loaded (argon2id, SQLCipher open, migrations), the rest while it works: after sign-in and 0 to
 * `opsBeforeKill` confirmed operations, within the scenario's window (about one operation).
 * Counting from the child's own reports keeps the spread the same on a busy machine.
 */
const SIGN_IN_WINDOW = 400;
export interface KillPlan {
  after: 'loaded' | 'ready';
  /** With 'ready': how many confirmed operations to wait for first (0 to `scenario.opsBeforeKill`). */
  ops: number;
  delay: number;
}

export function killPlan(scenario: CrashScenario, seed: number, at?: KillPlan['after']): KillPlan {
  const r = rng(seed);
  const early = r() < 0.25;
  if (at === 'loaded' || (at === undefined && early)) return { after: 'loaded', ops: 0, delay: Math.floor(r() * SIGN_IN_WINDOW) };
  return { after: 'ready', ops: Math.floor(r() * (scenario.opsBeforeKill + 1)), delay: Math.floor(r() * scenario.window) };
}

/** Runs the child, kills it with SIGKILL as planned, and returns what it reported. */
function runChild(
  scenario: CrashScenario,
  runRoot: string,
  seed: number,
  kill: KillPlan,
): Promise<{ lines: Record<string, unknown>[]; phase: KillOutcome['phase']; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childArgs(scenario.name, runRoot, seed), { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Record<string, unknown>[] = [];
    let buffer = '';
    let stderr = '';
    let phase: KillOutcome['phase'] = 'loading';
    let phaseAtKill: KillOutcome['phase'] | null = null;
    let opsSeen = 0;
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>;
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        if (line.t === 'loaded') phase = 'sign-in';
        else if (line.t === 'ready') phase = 'operations';
        else if (line.t === 'finished') phase = 'finished';
        if (line.t === 'op') opsSeen += 1;
        const armed = kill.after === 'loaded' ? line.t === 'loaded' : (line.t === 'ready' || line.t === 'op') && opsSeen === kill.ops;
        if (armed) {
          setTimeout(() => {
            phaseAtKill = phase;
            child.kill('SIGKILL');
          }, kill.delay);
        }
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL' && phaseAtKill) return resolve({ lines, phase: phaseAtKill, stderr });
      if (code === 0) return resolve({ lines, phase: 'finished', stderr });
      const failed = lines.find((l) => l.t === 'failed');
      reject(
        new CrashCheckFailed(
          `the child stopped by itself (code ${String(code)}, signal ${String(signal)}): ${String(failed?.message ?? '')}\n${stderr.slice(-2000)}`,
        ),
      );
    });
  });
}

/** The real reader must refuse every cut of a whole file: a file cut short is never taken for whole. */
function readEveryFile(caseVault: CaseVault, store: Awaited<ReturnType<typeof openStoreAs>>, dataDir: string, seed: number): void {
  const files = store.sqlite.prepare('SELECT id, case_id AS caseId, wrapped_key AS wrappedKey, sha256 FROM case_files').all() as (Pick<
    CaseFileRow,
    'id' | 'caseId' | 'wrappedKey'
  > & { sha256: string })[];
  const cuts = rng(seed ^ 0x5eed);
  const paths = new CaseFileStore(dataDir);
  for (const file of files) {
    const row = file as unknown as CaseFileRow;
    let plain: Buffer;
    try {
      plain = caseVault.read(store.db, row);
    } catch (error) {
      throw new CrashCheckFailed(
        `committed case file ${file.id} does not read whole: ${error instanceof DomainError ? (error.dutchMessage ?? error.code) : String(error)}`,
      );
    }
    expectThat(createHash('sha256').update(plain).digest('hex') === file.sha256, `case file ${file.id} does not match its recorded SHA-256`);
    const path = paths.path(file.caseId, file.id);
    const whole = readFileSync(path);
    const cut = Math.floor(cuts() * whole.length);
    writeFileSync(path, whole.subarray(0, cut));
    try {
      caseVault.read(store.db, row);
      throw new CrashCheckFailed(`case file ${file.id} cut to ${cut} of ${whole.length} bytes was read as whole`);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'STORE_UNREADABLE')) throw error;
    } finally {
      writeFileSync(path, whole);
    }
  }
}

/** One kill: copy the template, run the child, SIGKILL it `delay` ms after loading, check the data folder. */
export async function killAndCheck(scenario: CrashScenario, template: Template | null, seed: number, at?: KillPlan['after']): Promise<KillOutcome> {
  const runRoot = mkdtempSync(join(tmpdir(), 'avg-desk-crash-'));
  const kill = killPlan(scenario, seed, at);
  try {
    copyTemplate(scenario.usesTemplate ? template : null, runRoot);
    const { lines, phase } = await runChild(scenario, runRoot, seed, kill);
    const ops = lines.filter((l) => l.t === 'op') as Operation[];
    await checkAfterKill(scenario, runRoot, ops, seed);
    return { scenario: scenario.name, seed, phase, ops: ops.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`crash "${scenario.name}" seed ${seed} (kill ${kill.delay} ms after "${kill.after}"): ${message}\n${replayHint(scenario.name, seed)}`, {
      cause: error,
    });
  } finally {
    rmSync(runRoot, { recursive: true, force: true });
  }
}

/**
 * Everything checked after a kill: the store opens with the password, integrity_check and foreign
 * keys hold, the audit chain verifies, every case file reads whole (and cut short, is refused),
 * nothing personal lies in plaintext anywhere in the data or backup folder, and the scenario's own
 * check (nothing lost, nothing twice).
 */
export async function checkAfterKill(scenario: CrashScenario, runRoot: string, ops: Operation[], seed: number): Promise<void> {
  const dataDir = join(runRoot, 'data');
  const backupDir = join(runRoot, 'backups');
  const fixture = scenario.usesTemplate ? readFixture(join(runRoot, 'fixture.json')) : (null as never);
  if (scenario.recover) {
    const backend = createBackend({ kdfCost: TEST_KDF, dataDir, logger: silentLogger });
    try {
      await scenario.recover({ fixture, dataDir, backupDir, ops }, backend.dispatch);
    } finally {
      backend.close();
    }
  }
  const store = await openStoreAs(dataDir, ADMIN.userName, ADMIN.password).catch((error: unknown) => {
    throw new CrashCheckFailed(`the store does not open with the right password: ${error instanceof Error ? error.message : String(error)}`);
  });
  try {
    expectThat(store.sqlite.pragma('integrity_check', { simple: true }) === 'ok', 'PRAGMA integrity_check is not ok');
    expectThat((store.sqlite.pragma('foreign_key_check') as unknown[]).length === 0, 'PRAGMA foreign_key_check reports rows');
    const chain = verifyAuditChain(store.db);
    expectThat(chain.ok, `the audit chain breaks at ${String(chain.firstBroken?.seq)}: ${chain.firstBroken?.reason ?? ''}`);
    const caseVault = new CaseVault(new CaseFileStore(dataDir));
    readEveryFile(caseVault, store, dataDir, seed);
    await scenario.check({ store, caseVault, fixture, dataDir, backupDir, ops });
  } finally {
    store.close();
  }
  const hits = plaintextHits(runRoot, SECRETS).filter((h) => !h.file.endsWith('fixture.json'));
  expectThat(hits.length === 0, `plaintext on disk: ${hits.map((h) => `${h.file.slice(runRoot.length)} holds "${h.secret}"`).join('; ')}`);
}
