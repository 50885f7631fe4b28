import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG, rng, runSeed } from '../robustness/rng.js';
import { STRONG_PASSWORD } from '../support/basics.js';
import { CENTRAL_PASSWORD, centralDatabase, desktop, type Central } from '../support/central.js';
import { openSyncService } from '../support/sync-service.js';

/**
 * The sync process is killed (SIGKILL) at random points of its runs — while signing in, recording
 * decisions, in the middle of a batch, between the central commit and the local "sent" mark.
 * Afterwards one clean run: every decision is in the central database exactly once and the outbox
 * is empty. Replay: AVG_DESK_SYNC_KILL_SEED=<seed>.
 */
const KILLS = LONG ? 300 : 20;
const SEED = runSeed('AVG_DESK_SYNC_KILL_SEED');

let central: Central;
let childScript = '';
const cleanups: (() => void)[] = [];
beforeAll(async () => {
  central = await centralDatabase('kill');
  // One bundle of the child: starting it then costs node and argon2id, not a TypeScript compile.
  // Inside the project, so the bundle finds the packages in node_modules.
  mkdirSync(join('node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(join('node_modules', '.cache', 'avg-desk-sync-child-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  childScript = join(dir, 'sync-child.mjs');
  await build({
    entryPoints: ['test/support/sync-child.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: childScript,
    logLevel: 'silent',
  });
}, 120_000);
afterAll(async () => {
  for (const c of cleanups) c();
  await central?.close();
});

/**
 * Runs the child until it is ready and has finished `afterSynced` sync runs, then kills it after
 * `delayMs`; returns the decision ids it reported committed. Waiting for finished runs lets a short
 * series still kill later rounds, with a backlog and half-sent batches.
 */
function killedRun(args: string[], delayMs: number, afterSynced: number): Promise<{ seeded: string[]; synced: number; midRound: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const seeded: string[] = [];
    let synced = 0;
    // A round: seeded, then the handler's and the signer's sync; 2 when it is done (or none began).
    let roundSyncs = 2;
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('seeded ')) {
          seeded.push(...line.slice(7).split(' '));
          roundSyncs = 0;
        } else if (line === 'synced') {
          synced += 1;
          roundSyncs += 1;
        }
        if ((line === 'ready' || line === 'synced') && synced === afterSynced && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the sync child ended by itself (${code}): ${stderr}`));
      else resolve({ seeded, synced, midRound: roundSyncs < 2, stderr });
    });
  });
}

describe('sync killed at random points', () => {
  it(
    `${KILLS} SIGKILLs, then every decision is central exactly once and the outbox is empty (seed ${SEED})`,
    { timeout: LONG ? 1_800_000 : 300_000 },
    async () => {
      const desk = await desktop(central, ['hanna', 'sanne'], (c) => cleanups.push(c));
      await desk.sync('hanna');
      desk.backend.close();
      const url = central.desktopUrl.replace('://', `://${central.logins.hanna.loginRole}:${CENTRAL_PASSWORD}@`);
      const random = rng(SEED);
      const seeded: string[] = [];
      let synced = 0;
      let midRound = 0;
      for (let k = 0; k < KILLS; k += 1) {
        const run = await killedRun([desk.dir, 'hanna', STRONG_PASSWORD, url, desk.staff.sanne.id], Math.floor(random() * 250), k % 3);
        seeded.push(...run.seeded);
        synced += run.synced;
        if (run.midRound) midRound += 1;
      }
      expect(synced, 'some runs must finish before a kill, or the kills never reach a backlog of sent decisions').toBeGreaterThan(0);
      expect(midRound, 'some kills must fall between recording decisions and the end of their sync').toBeGreaterThan(0);

      const { vault, sync, staffId } = await openSyncService(desk.dir, 'hanna', STRONG_PASSWORD);
      try {
        expect(vault.open.sqlite.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
        await sync.run(
          { staffId: staffId, roles: ['handler'] },
          { url: central.desktopUrl, loginRole: central.logins.hanna.loginRole, password: CENTRAL_PASSWORD },
        );
        await sync.run(
          { staffId: desk.staff.sanne.id, roles: ['signer'] },
          { url: central.desktopUrl, loginRole: central.logins.sanne.loginRole, password: CENTRAL_PASSWORD },
        );
        const local = (vault.open.sqlite.prepare('SELECT id FROM decisions').pluck().all() as string[]).sort();
        for (const id of seeded) expect(local, `seed ${SEED}: a decision reported committed is lost`).toContain(id);
        const remote = (await central.owner.query<{ id: string }>('SELECT id FROM decisions')).rows.map((r) => r.id).sort();
        expect(remote, `seed ${SEED}`).toEqual(local);
        expect(sync.status(staffId)).toMatchObject({ waiting: 0 });
        expect(vault.open.sqlite.prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL').pluck().get()).toBe(0);
      } finally {
        vault.lock();
      }
    },
  );
});
