import { afterEach, describe, expect, it } from 'vitest';
import { startOfDutchDay } from '../../main/audit/audit-search.js';
import { addStaff, value } from '../support/backend.js';
import { team } from '../support/team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const REQUESTER = 'Łukasz Nguyễn-Özdemir';

/** A case read by the dpo and its handler over two days; an auditor to look at it. */
async function readCase() {
  const t = await team((c) => (cleanup = c));
  const auditor = await addStaff(t.backend, t.adminToken, 'audit', ['auditor'], 'Anouk Auditor');
  const caseId = await t.register({ name: REQUESTER, birthDate: '1985-04-12' });
  const other = await t.register({ name: 'Fatma Yılmaz' });
  value(await t.call('case.get', { id: caseId }, t.dpo.token));
  t.clock.set(new Date('2026-11-26T09:00:00Z'));
  value(await t.call('case.get', { id: caseId }, t.h1.token));
  value(await t.call('identity.get', { caseId }, t.h1.token));
  value(await t.call('case.get', { id: other }, t.h1.token));
  // Henk is not assigned: refused, and shown as such, not as a read.
  expect(await t.call('case.get', { id: caseId }, t.h2.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  return { ...t, auditor, caseId, other };
}

describe('the audit view', () => {
  it('"wie heeft dit dossier ingezien": reads of personal data per case, with staff names, for the auditor', async () => {
    const { call, auditor, caseId, dpo, h1, h2 } = await readCase();
    const reads = value(await call('audit.caseReads', { caseReference: 'avg-2026-0001' }, auditor.token));
    expect(reads.caseReference).toBe('AVG-2026-0001');
    expect(reads.byStaff).toEqual([
      { actorId: h1.id, actorName: 'Hanna Behandelaar', count: 2, firstAt: '2026-11-26T09:00:00.000Z', lastAt: '2026-11-26T09:00:00.000Z' },
      { actorId: dpo.id, actorName: 'Fenna FG', count: 1, firstAt: '2026-11-25T09:00:00.000Z', lastAt: '2026-11-25T09:00:00.000Z' },
    ]);
    expect(reads.reads.map((r) => [r.procedure, r.category, r.caseReference])).toEqual([
      ['identity.get', 'ingezien', 'AVG-2026-0001'],
      ['case.get', 'ingezien', 'AVG-2026-0001'],
      ['case.get', 'ingezien', 'AVG-2026-0001'],
    ]);
    const denied = value(await call('audit.search', { filter: { caseReference: 'AVG-2026-0001', category: 'geweigerd' } }, auditor.token));
    expect(denied).toEqual([expect.objectContaining({ actorId: h2.id, procedure: 'case.get', recordId: caseId, outcome: 'denied' })]);
    expect(await call('audit.caseReads', { caseReference: 'AVG-2026-0999' }, auditor.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('the staff filter offers everyone on this computer, also who has no event in the page loaded and who left', async () => {
    const { call, auditor, adminToken, backend, h1 } = await readCase();
    const quiet = await addStaff(backend, adminToken, 'stil', ['handler'], 'Stijn Stil');
    value(await call('staff.setActive', { staffId: quiet.id, active: false }, adminToken));
    const staff = value(await call('audit.staff', {}, auditor.token));
    expect(staff).toContainEqual({ id: quiet.id, fullName: 'Stijn Stil', active: false });
    expect(staff.map((s) => s.fullName)).toEqual(expect.arrayContaining(['Anouk Auditor', 'Hanna Behandelaar', 'Fenna FG']));
    // Only for those who may read the audit log.
    expect(await call('audit.staff', {}, h1.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('filters by staff member, case, procedure and period, and pages', async () => {
    const { call, auditor, dpo, h1, other } = await readCase();
    const byHanna = value(await call('audit.search', { filter: { staffId: h1.id, category: 'ingezien' } }, auditor.token));
    expect(byHanna.map((e) => e.caseReference)).toEqual(['AVG-2026-0002', 'AVG-2026-0001', 'AVG-2026-0001']);
    const creates = value(await call('audit.search', { filter: { procedure: 'case.create' } }, auditor.token));
    expect(creates.map((e) => [e.category, e.actorName])).toEqual([
      ['gewijzigd', 'Ilse Intake'],
      ['gewijzigd', 'Ilse Intake'],
    ]);
    const firstDay = value(await call('audit.search', { filter: { from: '2026-11-25', to: '2026-11-25', category: 'ingezien' } }, auditor.token));
    expect(firstDay.map((e) => e.actorId)).toEqual([dpo.id]);
    const secondDay = value(await call('audit.search', { filter: { from: '2026-11-26', caseReference: 'AVG-2026-0002' } }, auditor.token));
    expect(secondDay.map((e) => [e.procedure, e.recordId])).toEqual([['case.get', other]]);
    const page = value(await call('audit.search', { filter: {}, limit: 2 }, auditor.token));
    const next = value(await call('audit.search', { filter: {}, limit: 2, beforeSeq: page[1]?.seq }, auditor.token));
    expect(next[0]?.seq).toBe((page[1]?.seq ?? 0) - 1);
    expect(value(await call('audit.search', { filter: { caseReference: 'AVG-2030-0001' } }, auditor.token))).toEqual([]);
    expect(await call('audit.search', { filter: { caseReference: 'Jansen' } }, auditor.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it("exports CSV and verifies the chain, with a place for the central chain; the auditor's output holds no requester names", async () => {
    const { call, auditor } = await readCase();
    const exported = value(await call('audit.export', { filter: { category: 'ingezien' } }, auditor.token));
    expect(exported.count).toBe(4);
    expect(exported.csv.startsWith('\uFEFFVolgnummer;Tijdstip;Medewerker;Functies;Handeling;Soort;Zaaknummer;Record;Uitkomst\r\n')).toBe(true);
    expect(exported.csv).toContain(';2026-11-26 10:00:00;Hanna Behandelaar;Behandelaar;Identiteit: ingezien;Ingezien;AVG-2026-0001;;Gelukt\r\n');
    expect(value(await call('audit.verify', {}, auditor.token))).toEqual({
      ok: true,
      count: expect.any(Number),
      firstBroken: null,
      unsigned: 0,
      central: null,
      anchor: expect.objectContaining({ state: 'none' }),
    });

    const everything = JSON.stringify([
      value(await call('audit.search', { filter: {}, limit: 500 }, auditor.token)),
      value(await call('audit.caseReads', { caseReference: 'AVG-2026-0001' }, auditor.token)),
      value(await call('audit.export', { filter: {} }, auditor.token)),
      value(await call('report.get', { from: '2026-01-01', to: '2026-12-31' }, auditor.token)),
    ]);
    for (const name of [REQUESTER, 'Nguyễn', 'Yılmaz']) expect(everything).not.toContain(name);
  });

  it('reports: the dpo sees the cases behind the figures, the auditor only the figures', async () => {
    const { call, auditor, dpo } = await readCase();
    const forDpo = value(await call('report.get', { from: '2026-11-01', to: '2026-11-30' }, dpo.token));
    expect(forDpo.received).toMatchObject({ total: 2, byType: { inzage: 2 }, byChannel: { brief: 2 } });
    expect(forDpo.cases?.map((c) => c.reference)).toEqual(['AVG-2026-0001', 'AVG-2026-0002']);
    const forAuditor = value(await call('report.get', { from: '2026-11-01', to: '2026-11-30' }, auditor.token));
    expect(forAuditor.cases).toBeNull();
    expect(forAuditor.received).toEqual(forDpo.received);
    expect(JSON.stringify(forAuditor)).not.toMatch(/AVG-\d{4}-\d{4}|Hanna|Łukasz/u);
    expect(await call('report.get', { from: '2026-12-01', to: '2026-11-01' }, dpo.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('a Dutch day starts at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(startOfDutchDay('2026-11-25')).toBe('2026-11-24T23:00:00.000Z');
    expect(startOfDutchDay('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfDutchDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
  });
});
