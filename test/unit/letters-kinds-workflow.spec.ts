import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/api/contract.js';
import { STRONG_PASSWORD, value } from '../support/basics.js';
import { establishIdentity, toDecision as toGate } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';
import { pdfsig, pdfText, requirePoppler, withBlocks } from '../support/letters.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
beforeAll(() => requirePoppler());

type Draft = ProcedureInput<'letter.draft'>;
type Team = Awaited<ReturnType<typeof letterTeam>>;

/**
 * A case of Harm (handler and signer) of the given type; `toDecision` establishes the requester's
 * identity as a decision needs, and brings it to "besluit in concept". The niet-ontvankelijk
 * decision is the one taken without an established identity.
 */
async function caseOf(t: Team, type: string, extra: Record<string, unknown> = {}) {
  const caseId = await t.register(t.requester, {
    handlerId: t.handlerSigner.id,
    type,
    ...(type === 'correctie' ? { correctionKinds: ['verbetering'] } : {}),
    ...extra,
  });
  const toDecision = async (options: { identified: boolean } = { identified: true }) => {
    if (options.identified) await establishIdentity(t.call, caseId, t.handlerSigner.token);
    await toGate(t.call, caseId, t.handlerSigner.token);
  };
  return { caseId, toDecision };
}

/** Draft → submit → signed by another signer → sent; returns the signed PDF's text and the case's status after sending. */
async function throughTheDispatcher(t: Team, draft: Draft) {
  const letter = value(await t.call('letter.draft', draft, t.handlerSigner.token));
  const view = value(await t.call('letter.get', { letterId: letter.id }, t.handlerSigner.token));
  expect(view.problems).toEqual([]);
  value(await t.call('letter.submit', { letterId: letter.id }, t.handlerSigner.token));
  const signed = value(await t.call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, t.signer.token));
  const pdf = Buffer.from(signed.pdfBase64, 'base64');
  expect(pdfsig(pdf)).toContain('Signature is Valid.');
  value(await t.call('letter.markSent', { letterId: letter.id }, t.handlerSigner.token));
  const status = value(await t.call('case.get', { id: draft.caseId }, t.handlerSigner.token)).status;
  return { text: pdfText(pdf).replace(/\s+/gu, ' '), status, letterId: letter.id };
}

describe('every new letter kind drafts, submits, signs and is sent through the dispatcher', () => {
  it('niet-ontvankelijk after the status "niet-ontvankelijk", and on an open case it ends it so', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const closed = await caseOf(t, 'inzage');
    value(
      await t.call(
        'case.transition',
        { id: closed.caseId, to: 'niet_ontvankelijk', reason: 'Identiteit niet vastgesteld binnen de termijn.' },
        t.handlerSigner.token,
      ),
    );
    // Every other kind stays refused on the closed case.
    expect(await t.call('letter.draft', { caseId: closed.caseId, kind: 'besluit-inzage', data: {} }, t.handlerSigner.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const reasons = 'Op 4 november vroegen wij u uw identiteit aan te tonen, uiterlijk op 18 november. Wij hebben niets ontvangen.';
    const after = await throughTheDispatcher(t, { caseId: closed.caseId, kind: 'besluit-niet-ontvankelijk', data: { ground: 'identiteit', reasons } });
    expect(after.text).toContain('Wij nemen uw verzoek niet in behandeling');
    expect(after.text).toContain('verzoekschrift indienen bij de rechtbank');
    expect(after.text).toContain('functionaris gegevensbescherming');
    expect(after.status).toBe('niet_ontvankelijk');
    // One decision per case.
    expect(
      await t.call(
        'letter.draft',
        { caseId: closed.caseId, kind: 'besluit-niet-ontvankelijk', data: { ground: 'identiteit', reasons } },
        t.handlerSigner.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const open = await caseOf(t, 'correctie');
    await open.toDecision({ identified: false });
    const sent = await throughTheDispatcher(t, {
      caseId: open.caseId,
      kind: 'besluit-niet-ontvankelijk',
      data: { ground: 'vormvereiste', reasons: 'Het verzoek is na ons verzoek om aanvulling niet ondertekend.' },
    });
    expect(sent.status).toBe('niet_ontvankelijk');
    const detail = value(await t.call('case.get', { id: open.caseId }, t.handlerSigner.token));
    expect(detail.statusReason).toBe('Het verzoek is na ons verzoek om aanvulling niet ondertekend.');
  });

  it('geen gegevens, gedeeltelijke afwijzing van inzage and verzet tegen direct marketing close the case as sent', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const none = await caseOf(t, 'inzage');
    await none.toDecision();
    expect((await throughTheDispatcher(t, { caseId: none.caseId, kind: 'besluit-geen-gegevens', data: { searched: ['de huuradministratie'] } })).status).toBe(
      'verzonden',
    );

    const partial = await caseOf(t, 'inzage');
    value(await t.call('case.selectActivities', { caseId: partial.caseId, activityIds: ['huuradministratie'] }, t.handlerSigner.token));
    await partial.toDecision();
    const refusal = await throughTheDispatcher(t, {
      caseId: partial.caseId,
      kind: 'besluit-afwijzing-inzage',
      data: {
        outcome: 'deels',
        grounds: ['strafbare_feiten'],
        reasons: 'Een lopend politieonderzoek naar woonfraude zou worden geschaad.',
        withheld: [{ what: 'Het dossier van het woonfraudeonderzoek', why: 'Lopend strafrechtelijk onderzoek.' }],
      },
    });
    expect(refusal.text).toContain('artikel 41, lid 1 onder d UAVG');
    expect(refusal.text).toContain('Huuradministratie');
    expect(refusal.status).toBe('verzonden');

    const marketing = await caseOf(t, 'verzet');
    await marketing.toDecision();
    const granted = await throughTheDispatcher(t, {
      caseId: marketing.caseId,
      kind: 'besluit-verzet-direct-marketing',
      data: { processing: 'aanbiedingen van partners per e-mail' },
    });
    expect(granted.text).toContain('wij wegen daarbij niets af');
    expect(granted.text).not.toContain('van overheidswege');
    expect(granted.status).toBe('verzonden');
  });

  it('kennisgeving aan ontvangers and klacht na de termijn inform without deciding', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const correction = await caseOf(t, 'correctie');
    const notice = await throughTheDispatcher(t, {
      caseId: correction.caseId,
      kind: 'kennisgeving-ontvangers',
      data: { recipient: 'WoningNet', address: 'Postbus 2, 3500 AA Utrecht', changes: [{ item: 'Telefoonnummer', action: 'verbeterd', to: '06 8765 4321' }] },
    });
    expect(notice.text).toContain('Geachte WoningNet');
    expect(notice.text).toContain('artikel 19 AVG');
    expect(notice.status).toBe('ontvangen');

    const complaint = await caseOf(t, 'klacht', { received: '2026-09-01', writtenAndSigned: false });
    const late = await throughTheDispatcher(t, { caseId: complaint.caseId, kind: 'klacht-termijn-verstreken', data: {} });
    expect(late.text).toContain('§16 onder a');
    expect(late.text).not.toContain('artikel 35');
    expect(late.status).toBe('ontvangen');
  });

  it('the kinds list offers every kind with its label', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const kinds = value(await t.call('letter.kinds', {}, t.handlerSigner.token));
    expect(kinds).toEqual(
      expect.arrayContaining([
        {
          kind: 'besluit-niet-ontvankelijk',
          label: expect.stringContaining('niet-ontvankelijk'),
          decision: true,
          caseTypes: ['inzage', 'correctie', 'verzet', 'dataportabiliteit'],
        },
        { kind: 'kennisgeving-ontvangers', label: expect.stringContaining('art. 19'), decision: false, caseTypes: ['correctie'] },
        { kind: 'klacht-termijn-verstreken', label: expect.stringContaining('§16'), decision: false, caseTypes: ['klacht'] },
      ]),
    );
  });

  it('the FG from Beheer reaches the letter, and an edit that removes art. 15(1) content is refused on submit, naming it', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const letterhead = value(await t.call('settings.getLetterhead', {}, t.adminToken));
    value(
      await t.call(
        'settings.setLetterhead',
        { ...letterhead, dpo: { name: 'Mr. Femke de Graaf', email: 'fg@example.nl', phone: '', address: '' } },
        t.adminToken,
      ),
    );
    const { caseId, toDecision } = await caseOf(t, 'inzage');
    value(await t.call('case.selectActivities', { caseId, activityIds: ['huuradministratie', 'onderhoud'] }, t.handlerSigner.token));
    await toDecision();
    const draft = value(await t.call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, t.handlerSigner.token));
    const view = value(await t.call('letter.get', { letterId: draft.id }, t.handlerSigner.token));
    expect(pdfText(Buffer.from(view.pdfBase64, 'base64')).replace(/\s+/gu, ' ')).toContain('Mr. Femke de Graaf, fg@example.nl');
    const { content } = view;
    const stripped = content.blocks.filter((b) => b.part !== 'art15_1' && b.part !== 'art15_3');
    value(await t.call('letter.updateText', withBlocks(draft.id, content, stripped), t.handlerSigner.token));
    expect(await t.call('letter.submit', { letterId: draft.id }, t.handlerSigner.token)).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: expect.arrayContaining([
          expect.stringContaining('artikel 15, lid 1 onder a tot en met d en g'),
          expect.stringContaining('de kopie van de persoonsgegevens (artikel 15, lid 3 AVG)'),
        ]),
      },
    });
    // Rephrasing a required part is fine.
    const rephrased = content.blocks.map((b) =>
      b.part === 'art15_3' && b.type === 'paragraph' ? { ...b, text: 'Bijgaand ontvangt u een afschrift van alle gegevens (artikel 15, lid 3 AVG).' } : b,
    );
    value(await t.call('letter.updateText', withBlocks(draft.id, content, rephrased), t.handlerSigner.token));
    expect(value(await t.call('letter.submit', { letterId: draft.id }, t.handlerSigner.token)).status).toBe('ter_ondertekening');
  });
});
