import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../main/dossier/images.js';
import { DEFAULT_LETTERHEAD } from '../../shared/letters/letterhead.js';
import { DEFAULT_REGISTER } from '../../shared/letters/register.js';
import { DEFAULT_TEMPLATES } from '../../shared/letters/templates.js';
import { value } from '../support/basics.js';
import { letterTeam } from '../support/letter-team.js';
import { pdfText, requirePoppler } from '../support/letters.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
beforeAll(() => requirePoppler());

const PNG = encodePng({ width: 60, height: 20, data: Buffer.alloc(60 * 20 * 4, 0x80) }).toString('base64');

describe('processing register (art. 15 content)', () => {
  it('is seeded from the policy on first use, edited by the admin, and ticked per case by the handler', async () => {
    const { call, adminToken, h1, h2, dpo, register } = await letterTeam((c) => (cleanup = c));
    const seeded = value(await call('register.list', {}, h1.token));
    expect(seeded.map((a) => a.id)).toEqual(DEFAULT_REGISTER.map((a) => a.id));
    expect(seeded.find((a) => a.id === 'woonruimteverdeling')?.recipients).toContainEqual({
      name: 'WoningNet',
      category: 'Derden belast met woonruimteverdeling',
    });
    expect(seeded.every((a) => a.transfersOutsideEea.startsWith('Geen.'))).toBe(true);

    const caseId = await register({ name: 'Fatma Yılmaz', address: 'Dorpsstraat 1, 1234 AB Hilversum' });
    value(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie', 'nieuwsbrief'] }, h1.token));
    expect(value(await call('case.activities', { caseId }, dpo.token))).toEqual({ activityIds: ['huuradministratie', 'nieuwsbrief'] });
    expect(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, h2.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const nieuwsbrief = seeded.find((a) => a.id === 'nieuwsbrief');
    expect(nieuwsbrief).toBeDefined();
    const { active: _active, ...activity } = nieuwsbrief ?? { ...DEFAULT_REGISTER[0], active: true };
    value(await call('register.upsert', { activity: { ...activity, name: 'Digitale nieuwsbrief' } }, dpo.token));
    expect(value(await call('register.remove', { activityId: 'klanttevredenheid' }, dpo.token))).toMatchObject({ id: 'klanttevredenheid', active: false });
    const after = value(await call('register.list', {}, h1.token));
    expect(after.find((a) => a.id === 'nieuwsbrief')?.name).toBe('Digitale nieuwsbrief');
    expect(after.map((a) => a.id)).not.toContain('klanttevredenheid');
    expect(value(await call('register.list', { includeInactive: true }, adminToken)).find((a) => a.id === 'klanttevredenheid')?.active).toBe(false);
    expect(await call('case.selectActivities', { caseId, activityIds: ['klanttevredenheid'] }, h1.token)).toMatchObject({
      ok: false,
      error: { message: 'Kies alleen verwerkingen die in het register staan.' },
    });
    expect(await call('register.upsert', { activity: { ...activity, id: 'nieuw-doel' } }, h1.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The access letter lists what was ticked, with the admin's wording.
    value(await call('case.transition', { id: caseId, to: 'in_behandeling' }, h1.token));
    const draft = value(await call('letter.draft', { caseId, kind: 'besluit-inzage' }, h1.token));
    const letter = value(await call('letter.get', { letterId: draft.id }, h1.token));
    const text = pdfText(Buffer.from(letter.pdfBase64, 'base64'));
    expect(text).toContain('Huuradministratie');
    expect(text).toContain('Digitale nieuwsbrief');
    expect(text).not.toContain('Inkomenstoets');
  });
});

describe('letterhead, templates, signer profile and certificate settings', () => {
  it('the admin sets the letterhead, the privacy officer a template; drafts use them; bad input gets Dutch messages', async () => {
    const { call, adminToken, h1, dpo, signer, register } = await letterTeam((c) => (cleanup = c));
    expect(value(await call('settings.getLetterhead', {}, adminToken))).toEqual(DEFAULT_LETTERHEAD);
    expect(
      await call('settings.setLetterhead', { ...DEFAULT_LETTERHEAD, logoPngBase64: Buffer.from('geen png').toString('base64') }, adminToken),
    ).toMatchObject({ ok: false, error: { message: 'Het logo moet een PNG-afbeelding zijn (hoogstens 4096 × 4096 pixels).' } });
    value(
      await call('settings.setLetterhead', { ...DEFAULT_LETTERHEAD, name: 'Stichting Testwonen Çağlayan', kvk: '12345678', logoPngBase64: PNG }, adminToken),
    );

    const own = {
      ...DEFAULT_TEMPLATES.ontvangstbevestiging,
      blocks: [{ type: 'paragraph' as const, text: 'Wij ontvingen uw {soort_verzoek} op {datum_ontvangst} en beslissen vóór {uiterste_datum}.' }],
    };
    expect(await call('letter.setTemplate', { template: { ...own, salutation: 'Beste {verzoeker.roepnaam},' } }, dpo.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: ['Onbekend veld {verzoeker.roepnaam}. Kies uit de velden in de lijst.'] },
    });
    expect(value(await call('letter.setTemplate', { template: own }, dpo.token))).toMatchObject({ kind: 'ontvangstbevestiging', customised: true });

    const caseId = await register({ name: 'Fatma Yılmaz', address: 'Dorpsstraat 1, 1234 AB Hilversum' });
    const draft = value(await call('letter.draft', { caseId, kind: 'ontvangstbevestiging' }, h1.token));
    const text = pdfText(Buffer.from(value(await call('letter.get', { letterId: draft.id }, h1.token)).pdfBase64, 'base64')).replace(/\s+/gu, ' ');
    expect(text).toContain('Wij ontvingen uw verzoek om inzage op 25 november 2026 en beslissen vóór 23 december 2026.');
    expect(text).toContain('Stichting Testwonen Çağlayan');
    expect(text).toContain('KvK 12345678');

    expect(value(await call('letter.resetTemplate', { kind: 'ontvangstbevestiging' }, dpo.token)).customised).toBe(false);
    expect(value(await call('letter.templates', {}, dpo.token)).every((t) => !t.customised)).toBe(true);

    expect(value(await call('signer.setProfile', { functionTitle: 'Manager Wonen', signaturePngBase64: PNG }, signer.token))).toEqual({
      functionTitle: 'Manager Wonen',
      hasSignatureImage: true,
    });
    expect(value(await call('signer.getProfile', {}, signer.token))).toEqual({ functionTitle: 'Manager Wonen', hasSignatureImage: true });
  });

  it('shows the certificate, never its password', async () => {
    const { call, adminToken } = await letterTeam((c) => (cleanup = c));
    const info = value(await call('settings.getSigning', {}, adminToken));
    expect(info).toMatchObject({
      subject: expect.stringContaining('CN=Stichting Testwonen Zegels'),
      validTo: '2028-01-01T00:00:00.000Z',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/u),
    });
    expect(Object.keys(info ?? {})).not.toContain('password');
  });
});
