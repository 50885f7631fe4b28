import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit.js';
import { ADMIN, addStaff, initialized, value } from '../support/backend.js';
import { openStoreAs } from '../support/store.js';
import { testDir } from '../support/test-dir.js';

/** A data directory with some history: setup, staff added, a refused call, reads. */
async function withHistory() {
  const t = testDir();
  const init = await initialized(t.dir);
  const auditor = await addStaff(init.backend, init.adminToken, 'auditor', ['auditor']);
  const handler = await addStaff(init.backend, init.adminToken, 'behandelaar', ['handler']);
  await init.call('staff.list', {}, handler.token); // refused
  value(await init.call('staff.list', {}, init.adminToken)); // a read of personal data
  return { ...init, dir: t.dir, auditor, handler };
}

describe('audit trail', () => {
  it('records changes, reads and refusals with who, role, procedure, record and outcome', async () => {
    const { call, auditor, handler, adminId } = await withHistory();
    const events = value(await call('audit.list', { limit: 100 }, auditor.token)).reverse();
    const summary = events.map((e) => `${e.procedure}:${e.outcome}`);
    expect(summary.slice(0, 2)).toEqual(['setup.createAdmin:ok', 'staff.add:ok']);
    expect(events.find((e) => e.procedure === 'staff.list' && e.outcome === 'denied')).toMatchObject({
      actorId: handler.id,
      roles: ['handler'],
      recordType: 'staff',
    });
    expect(events.find((e) => e.procedure === 'staff.list' && e.outcome === 'ok')).toMatchObject({
      actorId: adminId,
      actorName: ADMIN.fullName,
      roles: ['admin'],
    });
    expect(events.filter((e) => e.procedure === 'session.login' && e.outcome === 'ok')).toHaveLength(2);
    expect(value(await call('audit.verify', {}, auditor.token))).toEqual({
      ok: true,
      count: events.length + 1,
      firstBroken: null,
      unsigned: 0,
      central: null,
      anchor: {
        state: 'none',
        anchoredSeq: null,
        unanchored: events.length + 1,
        source: 'none',
        message: 'Er is geen centrale database ingesteld: deze auditketen wordt nergens buiten deze computer vastgelegd.',
      },
    });
  });

  it('refuses UPDATE and DELETE in the store itself', async () => {
    const { dir, backend } = await withHistory();
    backend.close();
    const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
    expect(() => store.sqlite.prepare("UPDATE audit_events SET outcome = 'ok' WHERE seq = 3").run()).toThrow(/append-only/u);
    expect(() => store.sqlite.prepare('DELETE FROM audit_events WHERE seq = 3').run()).toThrow(/append-only/u);
    store.close();
  });

  describe('finds the first broken event', () => {
    async function tampered(sql: string[]) {
      const { dir, backend } = await withHistory();
      backend.close();
      const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
      expect(verifyAuditChain(store.db).ok).toBe(true);
      // Someone with the key who also drops the triggers:
      store.sqlite.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
      for (const statement of sql) store.sqlite.exec(statement);
      const result = verifyAuditChain(store.db);
      store.close();
      return result;
    }

    it('an altered event', async () => {
      const result = await tampered(["UPDATE audit_events SET outcome = 'error' WHERE seq = 5"]);
      expect(result).toMatchObject({ ok: false, count: 4, firstBroken: { seq: 5, reason: 'De inhoud van deze gebeurtenis is gewijzigd.' } });
    });

    it('an altered event whose hash was recomputed is caught at that event: its signature no longer fits (and the next link breaks)', async () => {
      const { auditEventHash } = await import('../../main/audit/audit.js');
      const { dir, backend } = await withHistory();
      backend.close();
      const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
      store.sqlite.exec('DROP TRIGGER audit_events_no_update;');
      const row = store.sqlite.prepare('SELECT * FROM audit_events WHERE seq = 4').get() as Record<string, unknown>;
      const forged = {
        seq: 4,
        id: row.id as string,
        at: row.at as string,
        actorId: null,
        roles: [],
        procedure: 'session.login',
        recordType: null,
        recordId: null,
        outcome: 'ok' as const,
        prevHash: row.prev_hash as string,
      };
      store.sqlite
        .prepare(
          "UPDATE audit_events SET actor_id = NULL, roles = '[]', procedure = 'session.login', record_type = NULL, record_id = NULL, outcome = 'ok', hash = ? WHERE seq = 4",
        )
        .run(auditEventHash(forged));
      const result = verifyAuditChain(store.db);
      store.close();
      expect(result).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
      expect(result.firstBroken?.reason).toMatch(/Gebeurtenis 4: handtekening ontbreekt of klopt niet/u);
    });

    it('a deleted event', async () => {
      const result = await tampered(['DELETE FROM audit_events WHERE seq = 3']);
      expect(result).toMatchObject({ ok: false, count: 2, firstBroken: { seq: 4 } });
      expect(result.firstBroken?.reason).toMatch(/Gebeurtenis 3 tot en met 3 ontbreekt/u);
    });

    it('two events swapped', async () => {
      const result = await tampered([
        'UPDATE audit_events SET seq = -1 WHERE seq = 3',
        'UPDATE audit_events SET seq = 3 WHERE seq = 4',
        'UPDATE audit_events SET seq = 4 WHERE seq = -1',
      ]);
      expect(result).toMatchObject({ ok: false, count: 2, firstBroken: { seq: 3 } });
    });
  });

  it('the CLI prints ok N events, and exits 1 naming the broken event', async () => {
    const { runCli } = await import('../../main/app/cli/run.js');
    const { dir, backend } = await withHistory();
    backend.close();
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      env: { AVG_DESK_USER: 'auditor', AVG_DESK_PASSWORD: 'Tulpen-Bollen-Streek-77' },
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
    };
    expect(await runCli(['--data', dir, 'audit', 'verify'], io)).toBe(0);
    expect(out.join('')).toMatch(/^ok \d+ events\nEr is geen centrale database ingesteld: deze auditketen wordt nergens buiten deze computer vastgelegd\.\n$/u);
    const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
    store.sqlite.exec("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET outcome = 'error' WHERE seq = 2;");
    store.close();
    expect(await runCli(['--data', dir, 'audit', 'verify'], io)).toBe(1);
    expect(err.join('')).toMatch(/Auditketen verbroken bij gebeurtenis 2: De inhoud van deze gebeurtenis is gewijzigd/u);
  });
});
