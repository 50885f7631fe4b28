import { afterEach, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD, value } from '../support/basics.js';
import { establishIdentity, toDecision } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('notifications (the bell)', () => {
  it('tells the signer a letter was submitted, the handler it was returned, signed, and a case assigned, and a term within 5 working days', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const kinds = async (token: string) => value(await t.call('notifications.mine', {}, token)).map((n) => [n.kind, n.caseReference]);
    // Registered unassigned, then assigned to Hanna by the dpo.
    const caseId = await t.register(t.requester, { handlerId: undefined });
    expect(await kinds(t.h1.token)).toEqual([]);
    value(await t.call('case.assign', { id: caseId, handlerId: t.h1.id }, t.dpo.token));
    expect(await kinds(t.h1.token)).toEqual([['toegewezen', 'AVG-2026-0001']]);
    // A handler taking a case themselves is told nothing.
    const own = await t.register({ name: 'Zoë Testpersoon' }, { handlerId: undefined });
    value(await t.call('case.assign', { id: own, handlerId: t.h2.id }, t.h2.token));
    expect(await kinds(t.h2.token)).toEqual([]);

    await establishIdentity(t.call, caseId, t.h1.token);
    value(await t.call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, t.h1.token));
    const letter = value(await t.call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, t.h1.token));
    await toDecision(t.call, caseId, t.h1.token);
    value(await t.call('letter.submit', { letterId: letter.id }, t.h1.token));
    expect(await kinds(t.signer.token)).toEqual([['ter_ondertekening', 'AVG-2026-0001']]);
    expect(value(await t.call('notifications.mine', {}, t.signer.token))[0]?.text).toBe(
      'Besluit inzage (art. 15 AVG) (AVG-2026-0001) wacht op uw handtekening.',
    );

    t.clock.advance(60_000);
    value(await t.call('letter.return', { letterId: letter.id, comment: 'Graag de bijlagen noemen.' }, t.signer.token));
    expect(await kinds(t.signer.token)).toEqual([]);
    expect((await kinds(t.h1.token))[0]).toEqual(['teruggestuurd', 'AVG-2026-0001']);

    t.clock.advance(60_000);
    value(await t.call('letter.submit', { letterId: letter.id }, t.h1.token));
    value(await t.call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, t.signer.token));
    expect(await kinds(t.h1.token)).toEqual([
      ['ondertekend', 'AVG-2026-0001'],
      ['toegewezen', 'AVG-2026-0001'],
    ]);

    // Someone else's work never shows: not to the other handler, not to intake.
    expect(await kinds(t.h2.token)).toEqual([]);
    expect(await kinds(t.intake.token)).toEqual([]);
  });

  it('announces a term that ends within 5 working days, and not one further away', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    // Received 25 November: due 23 December, more than 5 working days away.
    await t.register(t.requester);
    expect(value(await t.call('notifications.mine', {}, t.h1.token)).filter((n) => n.kind === 'termijn')).toEqual([]);
    // Received long enough ago that its term ends within the week.
    await t.register({ name: 'Pieter Laat' }, { received: '2026-10-30' });
    const due = value(await t.call('notifications.mine', {}, t.h1.token)).filter((n) => n.kind === 'termijn');
    expect(due).toEqual([
      expect.objectContaining({
        caseReference: 'AVG-2026-0002',
        text: expect.stringMatching(/^De termijn van AVG-2026-0002 loopt (vandaag|binnen \d werkdag(en)?) af \(\d+ (november|december) 2026\)\.$/u),
      }),
    ]);
  });
});
