import { describe, expect, it } from 'vitest';
import { DomainError } from '../../main/platform/errors.js';
import { LONG, rng, runSeed } from '../robustness/rng.js';
import { STRONG_PASSWORD } from '../support/basics.js';
import { centralForFile } from '../support/central.js';
import { startFaultProxy, type Fault } from '../support/fault-proxy.js';
import { seedDecisions } from '../support/seed-decisions.js';
import { openSyncService } from '../support/sync-service.js';

/**
 * The network fails in the middle of batches: a proxy on loopback drops, delays and resets the
 * connections of many sync runs while new decisions keep coming. Afterwards every decision is in
 * the central database exactly once and the outbox is empty. Replay: AVG_DESK_SYNC_FAULT_SEED=<seed>.
 */
const RUNS = LONG ? 300 : 20;
const SEED = runSeed('AVG_DESK_SYNC_FAULT_SEED');

const central = centralForFile('faults');

describe('sync through a failing network', () => {
  it(`${RUNS} runs with dropped, delayed and reset connections lose and double nothing (seed ${SEED})`, { timeout: LONG ? 900_000 : 180_000 }, async () => {
    const desk = await central.desktop(['hanna', 'sanne']);
    await desk.sync('hanna'); // links the staff members to the central ones

    // A second handle on the same data folder, as the app would have: the sync service with small batches.
    const { vault, sync } = await openSyncService(desk.dir, 'hanna', STRONG_PASSWORD, 5);
    central.onCleanup(() => vault.lock());
    const actor = { staffId: desk.staff.hanna.id, roles: ['handler' as const] };
    const signer = { staffId: desk.staff.sanne.id, roles: ['signer' as const] };

    const random = rng(SEED);
    const target = new URL(central.url);
    const proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port) }, (): Fault => {
      const r = random();
      if (r < 0.15) return { kind: 'pass' };
      if (r < 0.3) return { kind: 'delay', ms: Math.floor(random() * 20) };
      // Within a run's traffic (10–30 KB here), so most faults land: 16–28 of 40 runs break (seeds 1–5).
      const afterBytes = Math.floor(random() * 30_000);
      return r < 0.65 ? { kind: 'drop', afterBytes } : { kind: 'reset', afterBytes };
    });
    const viaProxy = `postgres://127.0.0.1:${proxy.port}${target.pathname}`;
    const seeded: string[] = [];
    let failures = 0;
    try {
      for (let run = 0; run < RUNS; run += 1) {
        seeded.push(
          ...seedDecisions(vault.open.db, {
            count: 1 + Math.floor(random() * 12),
            handlerId: desk.staff.hanna.id,
            signerId: desk.staff.sanne.id,
            at: new Date(),
          }).decisionIds,
        );
        // The handler's run puts the letters before a signer; only the signer's own run records them.
        for (const who of [actor, signer]) {
          try {
            await sync.run(who, { url: viaProxy });
          } catch (error) {
            failures += 1;
            expect(error, `seed ${SEED}, run ${run}`).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('SYNC_FAILED');
          }
        }
      }
    } finally {
      await proxy.close();
    }
    expect(failures, 'the proxy must actually break runs').toBeGreaterThan(RUNS / 4);

    await sync.run(actor, { url: central.desktopUrl });
    await sync.run(signer, { url: central.desktopUrl });
    const rows = await central.owner.query<{ id: string }>('SELECT id FROM decisions');
    expect(rows.rows.map((r) => r.id).sort(), `seed ${SEED}`).toEqual([...seeded].sort());
    const doubled = await central.owner.query('SELECT case_id FROM decisions GROUP BY case_id HAVING count(*) > 1');
    expect(doubled.rows).toEqual([]);
    expect(sync.status(actor.staffId)).toMatchObject({ waiting: 0, lastError: null });
    const localCases = vault.open.sqlite.prepare('SELECT count(*) FROM cases').pluck().get();
    expect((await central.owner.query('SELECT count(*)::int AS n FROM cases')).rows[0]?.n).toBe(localCases);
    // The audit trail arrived whole: every local event once.
    const localEvents = vault.open.sqlite.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    const centralEvents = (await central.owner.query('SELECT count(*)::int AS n FROM audit_events')).rows[0]?.n as number;
    expect(centralEvents).toBeGreaterThanOrEqual(localEvents - 1);
  });
});
