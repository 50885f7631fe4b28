import { performance } from 'node:perf_hooks';
import { STRONG_PASSWORD } from '../support/basics.js';
import { CENTRAL_PASSWORD, centralDatabase, desktop } from '../support/central.js';
import { startTestCluster, TEST_PG_URL_ENV } from '../support/postgres.js';
import { seedDecisions } from '../support/seed-decisions.js';
import type { Figure } from './lib.js';
import { perSecond } from './table.js';
import { openSyncService } from '../support/sync-service.js';

/**
 * Push 10,000 queued decisions (with their case register rows, requesters and audit events) to a
 * local PostgreSQL (a throwaway Debian cluster): the handler's run and then the signer's, next to a raw multi-row INSERT of the same
 * decision rows with `pg` in the same run. Target: within 5× of that reference.
 */
export async function syncBenchmark(count = 10_000): Promise<Figure[]> {
  const cluster = await startTestCluster();
  process.env[TEST_PG_URL_ENV] = cluster.url;
  const cleanups: (() => void)[] = [];
  const central = await centralDatabase('bench');
  try {
    const desk = await desktop(central, ['hanna', 'sanne'], (c) => cleanups.push(c));
    await desk.sync('hanna');
    desk.backend.close();
    const { vault, sync, staffId } = await openSyncService(desk.dir, 'hanna', STRONG_PASSWORD);
    cleanups.unshift(() => vault.lock());
    // Case numbers have four digits: 10,000 decided cases span two years.
    const db = vault.open.db;
    vault.open.sqlite
      .prepare("INSERT INTO reference_blocks (year, first, last, next, source) VALUES (2024, 1, 9999, 1, 'central'), (2025, 1, 9999, 1, 'central')")
      .run();
    const half = Math.floor(count / 2);
    seedDecisions(db, { count: half, handlerId: staffId, signerId: desk.staff.sanne.id, at: new Date('2024-06-03T10:00:00Z') });
    seedDecisions(db, { count: count - half, handlerId: staffId, signerId: desk.staff.sanne.id, at: new Date('2025-06-02T10:00:00Z') });

    // Four eyes centrally: the handler's run sends the cases and puts the letters before a signer,
    // the signer's own run records the decisions. The push is both runs.
    const started = performance.now();
    const handler = await sync.run(
      { staffId: staffId, roles: ['handler'] },
      { url: central.desktopUrl, loginRole: central.logins.hanna.loginRole, password: CENTRAL_PASSWORD },
    );
    const handlerMs = performance.now() - started;
    const signer = await sync.run(
      { staffId: desk.staff.sanne.id, roles: ['signer'] },
      { url: central.desktopUrl, loginRole: central.logins.sanne.loginRole, password: CENTRAL_PASSWORD },
    );
    const pushMs = performance.now() - started;
    const pushed = (await central.owner.query<{ n: number }>('SELECT count(*)::int AS n FROM decisions')).rows[0]?.n ?? 0;
    if (pushed !== count) throw new Error(`pushed ${pushed} of ${count} decisions (${JSON.stringify({ handler, signer })})`);

    // The reference: the same decision rows, one multi-row INSERT per 1,000, in one transaction.
    const rows = (
      await central.owner.query<Record<string, unknown>>(
        'SELECT id, case_id, letter_id, kind, outcome, decided_on, drafted_by, signed_by, signed_at, sha256 FROM decisions',
      )
    ).rows;
    await central.owner.query('CREATE TABLE decisions_raw (LIKE decisions INCLUDING DEFAULTS)');
    const rawStart = performance.now();
    await central.owner.query('BEGIN');
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const params: unknown[] = [];
      const tuples = chunk.map((r) => {
        const cells = [r.id, r.case_id, r.letter_id, r.kind, r.outcome, r.decided_on, r.drafted_by, r.signed_by, r.signed_at, r.sha256].map((v) => {
          params.push(v);
          return `$${params.length}`;
        });
        return `(${cells.join(', ')})`;
      });
      await central.owner.query(
        `INSERT INTO decisions_raw (id, case_id, letter_id, kind, outcome, decided_on, drafted_by, signed_by, signed_at, sha256) VALUES ${tuples.join(', ')}`,
        params,
      );
    }
    await central.owner.query('COMMIT');
    const rawMs = performance.now() - rawStart;
    return [
      {
        work: 'sync push: outbox → central PostgreSQL (RLS on)',
        size: `${count.toLocaleString('en')} decisions + their cases, requesters, audit events`,
        throughput: perSecond(count, pushMs, 'decisions/s'),
        reference: { what: 'raw pg multi-row INSERT, same decision rows', throughput: perSecond(count, rawMs, 'decisions/s') },
        note: `handler's run ${(handlerMs / 1000).toFixed(1)} s + signer's run ${((pushMs - handlerMs) / 1000).toFixed(1)} s (target: within 5× of the reference); ${handler.auditEvents + signer.auditEvents} audit events`,
      },
    ];
  } finally {
    for (const c of cleanups) c();
    await central.close();
    cluster.stop();
  }
}
