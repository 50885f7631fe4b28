import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_POLICY } from '../../shared/deadlines/deadlines.js';
import { DEFAULT_RETENTION_POLICY } from '../../shared/retention/retention.js';
import { deadlinePolicyProblems, retentionPolicyProblems } from '../../shared/deadlines/terms.js';
import { value } from '../support/basics.js';
import { team as makeTeam } from '../support/team.js';

/**
 * The privacy officer owns the terms (deadline and retention terms, templates, the processing
 * register), within the bounds of the policy; functioneel beheer keeps the technical settings.
 */
let cleanup: () => void = () => {};
afterEach(() => cleanup());
const team = () => makeTeam((c) => (cleanup = c));

describe('the terms are the privacy officer’s', () => {
  it('the admin can neither read nor set deadline or retention terms, nor edit the register or templates', async () => {
    const { call, adminToken } = await team();
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await call('settings.getDeadlinePolicy', {}, adminToken)).toMatchObject(forbidden);
    expect(await call('settings.setDeadlinePolicy', DEFAULT_DEADLINE_POLICY, adminToken)).toMatchObject(forbidden);
    expect(await call('retention.getPolicy', {}, adminToken)).toMatchObject(forbidden);
    expect(await call('retention.setPolicy', { ...DEFAULT_RETENTION_POLICY, registerYears: 10 }, adminToken)).toMatchObject(forbidden);
    expect(await call('register.remove', { activityId: 'nieuwsbrief' }, adminToken)).toMatchObject(forbidden);
    expect(await call('letter.resetTemplate', { kind: 'ontvangstbevestiging' }, adminToken)).toMatchObject(forbidden);
    // What stays with functioneel beheer.
    value(await call('settings.getLetterhead', {}, adminToken));
    value(await call('settings.setAutoLock', { minutes: 15 }, adminToken));
  });

  it('the privacy officer reads and sets both within the policy', async () => {
    const { call, dpo } = await team();
    expect(value(await call('retention.getPolicy', {}, dpo.token))).toEqual(DEFAULT_RETENTION_POLICY);
    expect(value(await call('retention.setPolicy', { graceDays: 14, registerYears: 2, letterYears: 5 }, dpo.token))).toEqual({
      graceDays: 14,
      registerYears: 2,
      letterYears: 5,
    });
    expect(value(await call('retention.getPolicy', {}, dpo.token))).toEqual({ graceDays: 14, registerYears: 2, letterYears: 5 });
    const shorter = { ...DEFAULT_DEADLINE_POLICY, terms: { ...DEFAULT_DEADLINE_POLICY.terms, inzage: { weeks: 3 }, dataportabiliteit: { months: 1 } } };
    expect(value(await call('settings.setDeadlinePolicy', shorter, dpo.token))).toEqual(shorter);
    expect(value(await call('settings.getDeadlinePolicy', {}, dpo.token))).toEqual(shorter);
  });

  it('refuses ten years of retention in Dutch, and keeps the old setting', async () => {
    const { call, dpo } = await team();
    expect(await call('retention.setPolicy', { graceDays: 30, registerYears: 10, letterYears: 10 }, dpo.token)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Deze termijnen vallen buiten het privacyreglement:',
        details: [
          'De zaakregistratie wordt hoogstens 2 jaar na het afsluiten van de zaak bewaard (§4 van het privacyreglement); u koos 10 jaar. Moet een zaak langer blijven, leg dan een blokkering op die zaak.',
          'Ondertekende brieven worden hoogstens 5 jaar na het afsluiten van de zaak bewaard (§4 van het privacyreglement); u koos 10 jaar. Moet een zaak langer blijven, leg dan een blokkering op die zaak.',
        ],
      },
    });
    expect(await call('retention.setPolicy', { graceDays: 30, registerYears: 3, letterYears: 2 }, dpo.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call('retention.setPolicy', { graceDays: 30, registerYears: 2, letterYears: 6 }, dpo.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(value(await call('retention.getPolicy', {}, dpo.token))).toEqual(DEFAULT_RETENTION_POLICY);
  });

  it('refuses a deadline beyond the policy’s four weeks or the one-month ceiling, in Dutch', async () => {
    const { call, dpo } = await team();
    const terms = DEFAULT_DEADLINE_POLICY.terms;
    expect(await call('settings.setDeadlinePolicy', { ...DEFAULT_DEADLINE_POLICY, terms: { ...terms, inzage: { weeks: 6 } } }, dpo.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'De termijn voor inzage is hoogstens vier weken (§13 van het privacyreglement); u koos zes weken.' },
    });
    expect(await call('settings.setDeadlinePolicy', { ...DEFAULT_DEADLINE_POLICY, terms: { ...terms, correctie: { months: 1 } } }, dpo.token)).toMatchObject({
      ok: false,
      error: { message: 'De termijn voor correctie is hoogstens vier weken (§14 van het privacyreglement); u koos één maand.' },
    });
    expect(
      await call('settings.setDeadlinePolicy', { ...DEFAULT_DEADLINE_POLICY, terms: { ...terms, dataportabiliteit: { weeks: 5 } } }, dpo.token),
    ).toMatchObject({ ok: false, error: { message: 'De termijn voor dataportabiliteit is hoogstens één maand (artikel 12, lid 3 AVG); u koos vijf weken.' } });
    expect(value(await call('settings.getDeadlinePolicy', {}, dpo.token))).toEqual(DEFAULT_DEADLINE_POLICY);
  });

  it('the defaults lie within the bounds', () => {
    expect(deadlinePolicyProblems(DEFAULT_DEADLINE_POLICY)).toEqual([]);
    expect(retentionPolicyProblems(DEFAULT_RETENTION_POLICY)).toEqual([]);
  });
});
