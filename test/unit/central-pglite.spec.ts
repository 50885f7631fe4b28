/**
 * The embedded central database of `npm run central` (PGlite): it starts, serves pg clients on
 * loopback with the schema and the demo staff, and stops. Inside the process `SET ROLE` applies the
 * same policies as the real server; over the socket every connection is the superuser (the limit
 * the README states), which this test pins down too.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralClientConfig } from '../../main/sync/central/connection.js';
import { DEMO_STAFF, startEmbeddedCentral, type EmbeddedCentral } from '../../main/sync/central/embedded.js';
import { tempDir } from '../support/basics.js';

let central: EmbeddedCentral;

beforeAll(async () => {
  central = await startEmbeddedCentral();
}, 120_000);

afterAll(async () => {
  await central?.stop();
});

describe('npm run central (PGlite)', () => {
  it('serves the schema and the demo staff on loopback', async () => {
    expect(central.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/u);
    expect(central.migration.applied).toContain('0002_roles_rls');
    const client = new pg.Client(centralClientConfig(central.url));
    await client.connect();
    try {
      const staff = await client.query<{ user_name: string; roles: string[]; login_role: string }>(
        'SELECT user_name, roles, login_role FROM staff ORDER BY user_name',
      );
      expect(staff.rows).toEqual(
        [...DEMO_STAFF]
          .sort((a, b) => a.userName.localeCompare(b.userName))
          .map((s) => ({ user_name: s.userName, roles: [...s.roles], login_role: `avg_u_${s.userName}` })),
      );
      expect(new Set(DEMO_STAFF.flatMap((s) => s.roles))).toEqual(new Set(['intake', 'handler', 'signer', 'dpo', 'auditor', 'admin']));
    } finally {
      await client.end();
    }
  });

  it('over the socket every login is the superuser: no per-login rights there (the documented limit)', async () => {
    const u = new URL(central.url);
    const client = new pg.Client({ host: u.hostname, port: Number(u.port), database: 'postgres', user: 'avg_u_auditor', password: 'wat-dan-ook' });
    await client.connect();
    try {
      expect((await client.query('SELECT current_user AS who')).rows).toEqual([{ who: 'postgres' }]);
      // The auditor's login reads the register here, which the real server refuses (central-roles.spec.ts).
      await client.query('SELECT id FROM cases');
    } finally {
      await client.end();
    }
  });

  it('in-process, SET ROLE applies the same policies', async () => {
    const db = central.db;
    const id = (user: string) => central.staff.find((s) => s.userName === user)?.id;
    const mine = randomUUID();
    const other = randomUUID();
    const insert = `INSERT INTO cases (id, reference, type, channel, received_on, due_on, original_due_on, status, handler_id, customer_number, updated_at)
      VALUES ($1, $2, 'inzage', 'brief', '2026-11-02', '2026-12-02', '2026-12-02', 'nieuw', $3, 'K-77', now())`;
    await db.query(insert, [other, 'AVG-2026-0002', null]);
    const as = async <T>(login: string, work: () => Promise<T>): Promise<T> => {
      await db.query(`SET ROLE ${login}`);
      try {
        return await work();
      } finally {
        await db.query('RESET ROLE');
      }
    };
    const code = (work: Promise<unknown>) =>
      work.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );

    await as('avg_u_behandelaar', async () => {
      await db.query(insert, [mine, 'AVG-2026-0001', id('behandelaar')]);
      expect((await db.query('SELECT id FROM cases')).rows).toEqual([{ id: mine }]);
      expect(await code(db.query('UPDATE cases SET handler_id = $2 WHERE id = $1', [mine, id('fg')]))).toBe('42501');
      expect((await db.query(`UPDATE cases SET status = 'afgerond' WHERE id = $1`, [other])).affectedRows).toBe(0);
      expect(await code(db.query('SELECT * FROM audit_events'))).toBe('42501');
    });
    await as('avg_u_intake', async () => {
      expect((await db.query('SELECT reference FROM cases ORDER BY reference')).rows).toHaveLength(2);
      expect(await code(db.query('SELECT customer_number FROM cases'))).toBe('42501');
      expect(await code(db.query('SELECT * FROM case_requesters'))).toBe('42501');
    });
    await as('avg_u_auditor', async () => {
      expect(await code(db.query('SELECT id FROM cases'))).toBe('42501');
      expect((await db.query<{ cases: number }>('SELECT cases FROM case_statistics')).rows.reduce((n, r) => n + r.cases, 0)).toBe(2);
    });
    await as('avg_u_beheer', async () => {
      expect(await code(db.query('SELECT id FROM cases'))).toBe('42501');
      expect(await code(db.query(`UPDATE audit_events SET outcome = 'x'`))).toBe('42501');
    });
    await as('avg_u_fg', async () => {
      expect((await db.query('SELECT id FROM cases')).rows).toHaveLength(2);
      expect((await db.query('DELETE FROM cases WHERE id = ANY($1)', [[mine, other]])).affectedRows).toBe(2);
    });
  });

  it('keeps its data in a folder across restarts', async () => {
    const t = tempDir('avg-central-');
    try {
      const dataDir = join(t.dir, 'data');
      const first = await startEmbeddedCentral({ dataDir });
      await first.db.query(`INSERT INTO reference_data (kind, key, value) VALUES ('setting', 'proef', '1')`);
      await first.stop();
      expect(existsSync(dataDir)).toBe(true);
      const second = await startEmbeddedCentral({ dataDir });
      try {
        expect(second.migration.applied).toEqual([]);
        expect((await second.db.query('SELECT key FROM reference_data')).rows).toEqual([{ key: 'proef' }]);
        expect(second.staff.map((s) => s.id)).toEqual(first.staff.map((s) => s.id));
      } finally {
        await second.stop();
      }
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
