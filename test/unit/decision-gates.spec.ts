import { afterEach, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, value } from '../support/basics.js';
import { establishIdentity, toDecision } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';

/**
 * The premises of a decision, enforced in the main process (letter.submit and letter.sign) on the
 * real store through the dispatcher: identity, representation, the form of the request, open
 * tasks, §9 and the addressee. Each refusal names in Dutch what is missing.
 */
let cleanup: () => void = () => {};
afterEach(() => cleanup());

const IBAN_CHANGE = {
  outcome: 'toegewezen',
  changes: [{ item: 'IBAN', from: 'NL91 ABNA 0417 1643 00', to: 'NL20 INGB 0001 2345 67', decision: 'doorgevoerd' }],
  notInformed: { ground: 'niet_verstrekt', explanation: 'Het rekeningnummer is aan niemand verstrekt.' },
} as const;

async function setup() {
  const t = await letterTeam((c) => (cleanup = c));
  return { ...t, harm: t.handlerSigner };
}

describe('a decision letter needs an established identity', () => {
  it('besluit-inzage: submit and sign refused without an identity check, with the Dutch reason', async () => {
    const { call, harm, signer, register, requester } = await setup();
    const caseId = await register(requester, { handlerId: harm.id });
    value(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
    const letter = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
    await toDecision(call, caseId, harm.token);

    const refused = await call('letter.submit', { letterId: letter.id }, harm.token);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('de identiteit van de verzoeker is nog niet vastgesteld') },
    });
    expect(value(await call('case.get', { id: caseId }, harm.token)).status).toBe('besluit_in_concept');
    const readiness = value(await call('case.readiness', { caseId }, harm.token));
    expect(readiness.ready).toBe(false);
    expect(readiness.items.find((i) => i.id === 'identiteit')).toMatchObject({ ok: false, tab: 'identity' });

    await establishIdentity(call, caseId, harm.token);
    expect(value(await call('case.readiness', { caseId }, harm.token)).ready).toBe(true);
    value(await call('letter.submit', { letterId: letter.id }, harm.token));

    // Identity withdrawn while the letter waits for signing: the signer is refused too.
    value(
      await call(
        'identity.record',
        { caseId, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'meer_informatie', reason: 'Het account is op een ander e-mailadres aangemaakt.' },
        harm.token,
      ),
    );
    expect(await call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, signer.token)).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/^Dit besluit kan nog niet worden ondertekend: de identiteit van de verzoeker is nog niet vastgesteld/u),
      },
    });
    await establishIdentity(call, caseId, harm.token);
    expect(value(await call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, signer.token)).sha256).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('besluit-correctie: submit refused without an identity check', async () => {
    const { call, harm, signer, register, requester } = await setup();
    const caseId = await register(requester, { handlerId: harm.id, type: 'correctie', correctionKinds: ['verbetering'] });
    const letter = value(await call('letter.draft', { caseId, kind: 'besluit-correctie', data: IBAN_CHANGE }, harm.token));
    await toDecision(call, caseId, harm.token);
    expect(await call('letter.submit', { letterId: letter.id }, harm.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('de identiteit van de verzoeker is nog niet vastgesteld (§13, §14)') },
    });
    await establishIdentity(call, caseId, harm.token);
    value(await call('letter.submit', { letterId: letter.id }, harm.token));
    value(await call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, signer.token));
  });
});

describe('a 13-year-old: the legal representative decides who receives the decision (§13)', () => {
  it('refused until a representative with identity and authority is recorded, then addressed to the representative', async () => {
    const { call, harm, signer, register } = await setup();
    const child = { name: 'Noah Peters', birthDate: '2013-06-01', address: 'Lindelaan 4, 3581 AB Utrecht' };
    const caseId = await register(child, { handlerId: harm.id });
    value(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
    // The child's own identity cannot stand in for the representative.
    expect(await call('identity.record', { caseId, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, harm.token)).toMatchObject({
      ok: false,
    });
    const toChild = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
    await toDecision(call, caseId, harm.token);

    const refused = await call('letter.submit', { letterId: toChild.id }, harm.token);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: expect.arrayContaining([expect.stringContaining('Leg de wettelijk vertegenwoordiger vast')]) },
    });

    value(
      await call(
        'case.setRepresentative',
        { id: caseId, representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Eva Peters', basis: 'moeder met gezag' } },
        harm.token,
      ),
    );
    expect(await call('letter.submit', { letterId: toChild.id }, harm.token)).toMatchObject({
      ok: false,
      error: {
        details: expect.arrayContaining(['De identiteit en de bevoegdheid van de vertegenwoordiger zijn nog niet vastgesteld. Leg ze vast onder Identiteit.']),
      },
    });

    // Identity without the authority is refused by the identity step itself.
    expect(
      await call('identity.record', { caseId, subject: 'vertegenwoordiger', method: 'mijn_alliantie', outcome: 'geverifieerd' }, harm.token),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    value(
      await call(
        'identity.record',
        { caseId, subject: 'vertegenwoordiger', method: 'mijn_alliantie', outcome: 'geverifieerd', authority: 'ouderlijk_gezag', authorityChecked: true },
        harm.token,
      ),
    );

    // The draft still greets the child: refused, and it says to whom it must go.
    expect(await call('letter.submit', { letterId: toChild.id }, harm.token)).toMatchObject({
      ok: false,
      error: {
        details: [
          'De brief is gericht aan Noah Peters, maar moet naar de wettelijk vertegenwoordiger, Eva Peters. Verwijder het concept en stel de brief opnieuw op.',
        ],
      },
    });
    value(await call('letter.discard', { letterId: toChild.id }, harm.token));
    const toParent = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
    const content = value(await call('letter.get', { letterId: toParent.id }, harm.token)).content;
    expect(content.addressee).toEqual({ name: 'Eva Peters', lines: ['Lindelaan 4', '3581 AB Utrecht'] });
    expect(value(await call('case.readiness', { caseId }, harm.token))).toMatchObject({ ready: true, letterKind: 'besluit-inzage' });
    value(await call('letter.submit', { letterId: toParent.id }, harm.token));
    value(await call('letter.sign', { letterId: toParent.id, password: STRONG_PASSWORD }, signer.token));
  });
});

describe('§9: a change asked through Mijn Alliantie is verified through a second channel first', () => {
  it('an IBAN correction is not carried out on the login alone', async () => {
    const { call, harm, signer, register, requester, dpo } = await setup();
    const caseId = await register(requester, { handlerId: harm.id, type: 'correctie', correctionKinds: ['verbetering'], channel: 'mijn_alliantie' });
    await establishIdentity(call, caseId, harm.token);
    const letter = value(await call('letter.draft', { caseId, kind: 'besluit-correctie', data: IBAN_CHANGE }, harm.token));
    await toDecision(call, caseId, harm.token);
    const detail = value(await call('case.get', { id: caseId }, harm.token));
    expect(detail.changeVerification).toEqual({ required: true, recorded: null });

    expect(await call('letter.submit', { letterId: letter.id }, harm.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('pas doorgevoerd na verificatie via een tweede kanaal') },
    });

    // Not confirmed: still refused, and the reason says so.
    value(await call('case.verifyChange', { caseId, method: 'terugbellen', outcome: 'niet_bevestigd' }, harm.token));
    expect(await call('letter.submit', { letterId: letter.id }, harm.token)).toMatchObject({
      ok: false,
      error: { details: [expect.stringContaining('niet bevestigd: voer haar niet door (§9)')] },
    });

    // Who verified, how and when is recorded; then the change may be carried out.
    const verified = value(await call('case.verifyChange', { caseId, method: 'terugbellen', outcome: 'bevestigd' }, harm.token));
    expect(verified).toMatchObject({ method: 'terugbellen', outcome: 'bevestigd', verifiedByName: 'Harm Weißbach', verifiedAt: '2026-11-25T09:00:00.000Z' });
    expect(value(await call('case.get', { id: caseId }, dpo.token)).changeVerification.recorded).toMatchObject({
      outcome: 'bevestigd',
      verifiedByName: 'Harm Weißbach',
    });
    value(await call('letter.submit', { letterId: letter.id }, harm.token));
    value(await call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, signer.token));
  });

  it('a refused correction needs no second channel; a channel the admin marks does', async () => {
    const { call, harm, adminToken, register, requester } = await setup();
    const refusal = { outcome: 'afgewezen', changes: [{ item: 'IBAN', decision: 'afgewezen' }], reasons: 'Het rekeningnummer is juist.' };
    const viaApp = await register(requester, { handlerId: harm.id, type: 'correctie', correctionKinds: ['verbetering'], channel: 'mijn_alliantie' });
    await establishIdentity(call, viaApp, harm.token);
    const refused = value(await call('letter.draft', { caseId: viaApp, kind: 'besluit-correctie', data: refusal }, harm.token));
    await toDecision(call, viaApp, harm.token);
    value(await call('letter.submit', { letterId: refused.id }, harm.token));

    expect(value(await call('settings.setSecondChannel', { channels: ['mijn_alliantie', 'email'] }, adminToken)).channels).toEqual(['mijn_alliantie', 'email']);
    const viaMail = await register(requester, { handlerId: harm.id, type: 'correctie', correctionKinds: ['verbetering'], channel: 'email' });
    await establishIdentity(call, viaMail, harm.token);
    const carried = value(await call('letter.draft', { caseId: viaMail, kind: 'besluit-correctie', data: IBAN_CHANGE }, harm.token));
    await toDecision(call, viaMail, harm.token);
    expect(await call('letter.submit', { letterId: carried.id }, harm.token)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('tweede kanaal') },
    });
  });
});

describe('the form of the request and open tasks', () => {
  it('a verzet that is written and reasoned needs no signature; its letter goes without one', async () => {
    const { call, harm, signer, register, requester } = await setup();
    const caseId = await register(requester, { handlerId: harm.id, type: 'verzet', writtenAndSigned: true });
    await establishIdentity(call, caseId, harm.token);
    const gates = value(await call('case.readiness', { caseId }, harm.token)).items;
    expect(gates.find((g) => g.id === 'vormvereisten')).toMatchObject({ ok: true, label: 'Verzoek schriftelijk en gemotiveerd ontvangen (§15)' });
    expect(JSON.stringify(gates)).not.toContain('ondertekend');
    const letter = value(
      await call(
        'letter.draft',
        { caseId, kind: 'besluit-verzet', data: { outcome: 'toegewezen', processing: 'het delen van mijn telefoonnummer met de aannemer' } },
        harm.token,
      ),
    );
    await toDecision(call, caseId, harm.token);
    value(await call('letter.submit', { letterId: letter.id }, harm.token));
    value(await call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, signer.token));
  });

  it('an open aanvulling blocks the decision until the aanvulling is in; sending the request for it does not close it', async () => {
    const { call, harm, signer, register, requester } = await setup();
    const caseId = await register(requester, { handlerId: harm.id, writtenAndSigned: false });
    value(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
    await establishIdentity(call, caseId, harm.token);
    const ask = value(await call('letter.draft', { caseId, kind: 'verzoek-om-aanvulling', data: {} }, harm.token));
    value(await call('letter.submit', { letterId: ask.id }, harm.token));
    value(await call('letter.sign', { letterId: ask.id, password: STRONG_PASSWORD }, signer.token));
    value(await call('letter.markSent', { letterId: ask.id }, harm.token));
    const task = value(await call('case.get', { id: caseId }, harm.token)).tasks.find((t) => t.kind === 'verzoek_om_aanvulling');
    expect(task?.status).toBe('open');

    const letter = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
    await toDecision(call, caseId, harm.token);
    const refused = await call('letter.submit', { letterId: letter.id }, harm.token);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        details: [
          'Het verzoek is nog niet schriftelijk en ondertekend ontvangen (§13). Rond de taak "aanvulling" onder Overzicht af zodra de aanvulling binnen is.',
          expect.stringMatching(/^Er staat nog een open taak: Aanvulling nodig/u),
        ],
      },
    });

    // The signed request came in: closing the task records the form.
    value(await call('case.completeTask', { id: caseId, taskId: task?.id ?? '' }, harm.token));
    expect(value(await call('case.get', { id: caseId }, harm.token)).writtenAndSigned).toBe(true);
    value(await call('letter.submit', { letterId: letter.id }, harm.token));
    value(await call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, signer.token));
    value(await call('letter.markSent', { letterId: letter.id }, harm.token));
    const after = value(await call('case.get', { id: caseId }, harm.token));
    expect(after.status).toBe('verzonden');
    expect(after.tasks.filter((t) => t.status === 'open')).toEqual([]);
  });

  it('an open identification task blocks too', async () => {
    const { call, harm, register, requester } = await setup();
    const caseId = await register(requester, { handlerId: harm.id });
    value(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
    value(
      await call(
        'identity.record',
        { caseId, subject: 'verzoeker', method: 'kopie', outcome: 'meer_informatie', reason: 'De kopie is onleesbaar.' },
        harm.token,
      ),
    );
    const letter = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
    await toDecision(call, caseId, harm.token);
    expect(await call('letter.submit', { letterId: letter.id }, harm.token)).toMatchObject({
      ok: false,
      error: { details: expect.arrayContaining(['Er staat nog een open taak: Verzoek om identificatie versturen.']) },
    });
  });
});
