import { describe, expect, it } from 'vitest';
import { addStaff, initialized } from '../support/backend.js';
import { testDir } from '../support/test-dir.js';

async function auditorCalls() {
  const temp = testDir();
  const made = await initialized(temp.dir);
  const auditor = await addStaff(made.backend, made.adminToken, 'audit', ['auditor'], 'Anouk Auditor');
  return { call: made.call, backend: made.backend, adminToken: made.adminToken, token: auditor.token };
}

/**
 * A field name means different things in different procedures ('to' is a new status in
 * case.transition and an end date in report.get): the Dutch label comes from the procedure first,
 * and each detail says which field and which rule in a form code can read (path, code).
 */
describe('validation details name the field as the procedure means it', () => {
  it('a bad end date in report.get is "Tot en met", not the case status', async () => {
    const { call, token } = await auditorCalls();
    const bad = await call('report.get', { from: '2026-01-01', to: '31-12-2026' }, token);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    expect(bad.error.details).toEqual(['Tot en met: moet een datum zijn als JJJJ-MM-DD.', 'Tot en met: is geen bestaande datum.']);
    expect(bad.error.issues).toEqual([
      { path: 'to', code: 'invalid_format', label: 'Tot en met', message: 'moet een datum zijn als JJJJ-MM-DD' },
      { path: 'to', code: 'custom', label: 'Tot en met', message: 'is geen bestaande datum' },
    ]);
  });

  it('an end before the start in report.get is reported at the end date', async () => {
    const { call, token } = await auditorCalls();
    const bad = await call('report.get', { from: '2026-12-31', to: '2026-01-01' }, token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: ['Tot en met: De begindatum ligt na de einddatum.'] } });
    expect(bad.ok ? [] : bad.error.issues).toEqual([{ path: 'to', code: 'custom', label: 'Tot en met', message: 'De begindatum ligt na de einddatum.' }]);
  });

  it("the audit filter's dates are Vanaf and Tot en met, nested under filter", async () => {
    const { call, token } = await auditorCalls();
    const bad = await call('audit.search', { filter: { from: 'gisteren', to: '2026-02-30' } }, token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(bad.ok ? [] : bad.error.details).toEqual([
      'Vanaf: moet een datum zijn als JJJJ-MM-DD.',
      'Vanaf: is geen bestaande datum.',
      'Tot en met: is geen bestaande datum.',
    ]);
    expect(bad.ok ? [] : bad.error.issues?.map((i) => [i.path, i.code])).toEqual([
      ['filter.from', 'invalid_format'],
      ['filter.from', 'custom'],
      ['filter.to', 'custom'],
    ]);
  });

  it('case.transition keeps "Nieuwe status" for its to', async () => {
    const { call, backend, adminToken } = await auditorCalls();
    const handler = await addStaff(backend, adminToken, 'hanna', ['handler'], 'Hanna Behandelaar');
    const bad = await call('case.transition', { id: '00000000-0000-4000-8000-000000000000', to: 'verzonnen' }, handler.token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: ['Nieuwe status: heeft een onbekende waarde.'] } });
    expect(bad.ok ? [] : bad.error.issues?.map((i) => [i.path, i.code, i.label])).toEqual([['to', 'invalid_value', 'Nieuwe status']]);
  });
});
