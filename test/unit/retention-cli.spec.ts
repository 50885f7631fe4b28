import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/app/cli/run.js';
import { fixedClock } from '../../main/platform/clock.js';
import { ADMIN, addStaff, STRONG_PASSWORD, value } from '../support/backend.js';
import { openStoreAs } from '../support/store.js';
import { team } from '../support/team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function cli(userName: string, on: string) {
  return async (...argv: string[]) => {
    let out = '';
    let err = '';
    const env = { AVG_DESK_USER: userName, AVG_DESK_PASSWORD: STRONG_PASSWORD };
    const code = await runCli(argv, { env, out: (t) => (out += t), err: (t) => (err += t), clock: fixedClock(new Date(`${on}T08:00:00Z`)) });
    return { code, out, err };
  };
}

/** A withdrawn case with a note in its dossier, closed 25 November 2026 and synced; the desktop closed. */
async function withdrawnCase() {
  const t = await team((c) => (cleanup = c));
  await addStaff(t.backend, t.adminToken, 'audit', ['auditor'], 'Anouk Auditor');
  const caseId = await t.register({ name: 'Łukasz Nguyễn-Özdemir' });
  value(
    await t.call(
      'dossier.import',
      { caseId, fileName: 'notitie.txt', dataBase64: Buffer.from('Notitie over de verzoeker.').toString('base64'), source: 'klantcontact' },
      t.h1.token,
    ),
  );
  value(await t.call('case.transition', { id: caseId, to: 'ingetrokken' }, t.h1.token));
  t.backend.close();
  const store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
  store.sqlite.prepare("UPDATE outbox SET sent_at = '2026-11-25T12:00:00.000Z' WHERE sent_at IS NULL").run();
  store.close();
  return { ...t, caseId };
}

describe('avg-desk retention run and report', () => {
  it('lists the due destructions with --dry-run and carries them out without', async () => {
    const { dir, caseId } = await withdrawnCase();
    const d = ['--data', dir];
    // Withdrawn without a letter: six weeks from closure (6 January) and 30 days of grace.
    expect(JSON.parse((await cli('fg', '2027-02-05')(...d, 'retention', 'run', '--dry-run', '--json')).out)).toEqual({
      today: '2027-02-05',
      dryRun: true,
      cases: [],
    });
    const dry = await cli('fg', '2027-02-06')(...d, 'retention', 'run', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toEqual({
      today: '2027-02-06',
      dryRun: true,
      cases: [{ caseId, reference: 'AVG-2026-0001', shredOn: '2027-02-06', shredded: false }],
    });
    expect(existsSync(join(dir, 'cases', caseId))).toBe(true);

    const run = await cli('fg', '2027-02-06')(...d, 'retention', 'run');
    expect(run).toMatchObject({ code: 0, out: 'Ronde 2027-02-06: 1 dossier(s) vernietigd.\nAVG-2026-0001\t2027-02-06\tvernietigd\n' });
    expect(existsSync(join(dir, 'cases', caseId))).toBe(false);
    expect(JSON.parse((await cli('fg', '2027-02-07')(...d, 'retention', 'run', '--json')).out).cases).toEqual([]);
    // Only the dpo runs it.
    expect(await cli('hanna', '2027-02-07')(...d, 'retention', 'run')).toMatchObject({ code: 1, err: 'U heeft geen toestemming voor deze handeling.\n' });
  });

  it('reports a period as JSON: the dpo with the cases, the auditor without references', async () => {
    const { dir } = await withdrawnCase();
    const d = ['--data', dir];
    const dpo = await cli('fg', '2026-12-01')(...d, 'report', '--from', '2026-11-01', '--to', '2026-11-30', '--json');
    expect(dpo.code).toBe(0);
    const report = JSON.parse(dpo.out) as {
      received: { total: number };
      completed: { total: number; byOutcome: unknown[] };
      cases: { reference: string }[] | null;
    };
    expect(report.received.total).toBe(1);
    expect(report.completed).toMatchObject({ total: 1, byOutcome: [{ outcome: 'ingetrokken', label: 'Ingetrokken', count: 1 }] });
    expect(report.cases?.map((c) => c.reference)).toEqual(['AVG-2026-0001']);
    const auditor = await cli('audit', '2026-12-01')(...d, 'report', '--from', '2026-11-01', '--to', '2026-11-30', '--json');
    expect(JSON.parse(auditor.out)).toMatchObject({ received: { total: 1 }, cases: null });
    expect(auditor.out).not.toMatch(/AVG-2026|Łukasz|Hanna/u);
    const human = await cli('audit', '2026-12-01')(...d, 'report', '--from', '2026-11-01', '--to', '2026-11-30');
    expect(human.out).toContain('Ontvangen: 1 (verlengd: 0, nu over de termijn: 0)');
    expect(await cli('audit', '2026-12-01')(...d, 'report', '--from', '2026-11-01')).toMatchObject({ code: 2, err: 'Geef --to als JJJJ-MM-DD.\n' });
    expect(await cli('audit', '2026-12-01')(...d, 'report', '--from', '2026-12-01', '--to', '2026-11-01')).toMatchObject({ code: 2 });
  });
});
