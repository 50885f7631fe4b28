import { afterEach, describe, expect, it } from 'vitest';
import { value } from '../support/basics.js';
import { team as makeTeam } from '../support/team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const team = () => makeTeam((c) => (cleanup = c));

const MINOR_REQUEST = {
  type: 'inzage',
  requester: {
    name: 'Łukasz Nguyễn-Özdemir',
    birthDate: '2011-03-14',
    relation: 'bewoner',
    customerNumber: 'K-104233',
    address: 'Dorpsstraat 1, 1234 AB Hilversum',
  },
  channel: 'brief',
  received: '2026-11-25',
  writtenAndSigned: true,
  requestText: 'Graag inzage in alle gegevens over mij.',
  representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Marta Nguyễn', basis: 'moeder, ouderlijk gezag' },
} as const;

describe('intake', () => {
  it('registers an inzage request of a 15-year-old with a parent, with reference and due date', async () => {
    const { call, intake, h1 } = await team();
    const created = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    expect(created).toEqual({ id: expect.any(String), reference: 'AVG-2026-0001', due: '2026-12-23', duplicates: [], possibleDuplicate: false });
    const detail = value(await call('case.get', { id: created.id }, h1.token));
    expect(detail).toMatchObject({
      reference: 'AVG-2026-0001',
      status: 'ontvangen',
      requester: { name: 'Łukasz Nguyễn-Özdemir', ageOnReceipt: 15 },
      representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Marta Nguyễn' },
      representationRequired: true,
      dueOn: '2026-12-23',
      workingDaysLeft: 20,
      urgency: 'ok',
      handlerName: 'Hanna Behandelaar',
    });
  });

  it('numbers cases sequentially per year and warns about an open duplicate', async () => {
    const { call, intake, dpo } = await team();
    const first = value(await call('case.create', MINOR_REQUEST, dpo.token));
    const second = value(await call('case.create', { ...MINOR_REQUEST, requester: { ...MINOR_REQUEST.requester, name: 'lukasz nguyen-ozdemir' } }, dpo.token));
    expect(second.reference).toBe('AVG-2026-0002');
    expect(second).toMatchObject({ duplicates: [first.reference], possibleDuplicate: true });
    expect(value(await call('case.duplicates', { type: 'inzage', name: 'Łukasz Nguyễn-Özdemir' }, dpo.token))).toEqual({
      references: ['AVG-2026-0001', 'AVG-2026-0002'],
      possibleDuplicate: true,
    });
    expect(value(await call('case.duplicates', { type: 'verzet', name: 'Łukasz Nguyễn-Özdemir' }, intake.token))).toEqual({
      references: [],
      possibleDuplicate: false,
    });
  });

  it('tells intake only that a duplicate may exist, never which case: a name is no way to find case references', async () => {
    const { call, intake, h1 } = await team();
    const first = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    const again = value(await call('case.create', MINOR_REQUEST, intake.token));
    expect(again).toMatchObject({ duplicates: [], possibleDuplicate: true });
    const probe = value(await call('case.duplicates', { type: 'inzage', name: 'Łukasz Nguyễn-Özdemir' }, intake.token));
    expect(probe).toEqual({ references: [], possibleDuplicate: true });
    expect(JSON.stringify(probe)).not.toContain(first.reference);
    // The handler keeps the references.
    expect(value(await call('case.duplicates', { type: 'inzage', name: 'Łukasz Nguyễn-Özdemir' }, h1.token)).references).toContain(first.reference);
  });

  it('suggests the handler with the fewest open cases: closed cases do not count, equal load goes by name', async () => {
    const { call, intake, h1, h2, register } = await team();
    expect(value(await call('case.suggestHandler', {}, intake.token))).toEqual({ handlerId: h1.id, openCases: 0 });
    const first = await register({ name: 'Zoë Þórsdóttir' });
    expect(value(await call('case.suggestHandler', {}, intake.token))).toEqual({ handlerId: h2.id, openCases: 0 });
    await register({ name: 'Łukasz Nguyễn' }, { handlerId: h2.id });
    await register({ name: 'Ağaoğlu Demir' }, { handlerId: h2.id });
    expect(value(await call('case.suggestHandler', {}, intake.token))).toEqual({ handlerId: h1.id, openCases: 1 });
    value(await call('case.transition', { id: first, to: 'ingetrokken', reason: 'Verzoeker trekt het verzoek in.' }, h1.token));
    expect(value(await call('case.suggestHandler', {}, intake.token))).toEqual({ handlerId: h1.id, openCases: 0 });
  });

  it('records an unsigned request and gives it the follow-up task', async () => {
    const { call, intake, h1 } = await team();
    const created = value(await call('case.create', { ...MINOR_REQUEST, channel: 'telefoon', writtenAndSigned: false, handlerId: h1.id }, intake.token));
    const detail = value(await call('case.get', { id: created.id }, h1.token));
    expect(detail.writtenAndSigned).toBe(false);
    expect(detail.tasks).toEqual([expect.objectContaining({ kind: 'verzoek_om_aanvulling', status: 'open' })]);
  });

  it('refuses impossible input with Dutch messages', async () => {
    const { call, intake, h1, h2 } = await team();
    expect(await call('case.create', { ...MINOR_REQUEST, received: '2026-02-31' }, intake.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: ['Datum ontvangst: is geen bestaande datum.'] },
    });
    expect(await call('case.create', { ...MINOR_REQUEST, received: '2026-11-26' }, intake.token)).toMatchObject({
      ok: false,
      error: { message: 'De datum van ontvangst ligt in de toekomst.' },
    });
    expect(await call('case.create', { ...MINOR_REQUEST, type: 'correctie' }, intake.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('case.create', { ...MINOR_REQUEST, handlerId: h2.id }, h1.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('case.create', { ...MINOR_REQUEST, handlerId: intake.id }, intake.token)).toMatchObject({
      ok: false,
      error: { message: 'Kies een actieve medewerker met de functie behandelaar.' },
    });
  });
});

describe('who sees what', () => {
  it('intake sees status and due date but no content, and cannot open a case', async () => {
    const { call, intake, h1 } = await team();
    const created = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    const queue = value(await call('case.queue', {}, intake.token));
    expect(queue.showsContent).toBe(false);
    expect(queue.rows).toEqual([
      expect.objectContaining({ reference: 'AVG-2026-0001', dueOn: '2026-12-23', status: 'ontvangen', requesterName: null, customerNumber: null }),
    ]);
    expect(await call('case.get', { id: created.id }, intake.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Intake finds a case by reference or customer number, never by name.
    expect(value(await call('case.queue', { search: 'K-104233' }, intake.token)).total).toBe(1);
    expect(value(await call('case.queue', { search: '2026-0001' }, intake.token)).total).toBe(1);
    expect(value(await call('case.queue', { search: 'ozdemir' }, intake.token)).total).toBe(0);
  });

  it('a handler sees their own cases with content, unassigned ones without, and not another handler’s', async () => {
    const { call, intake, h1, h2 } = await team();
    const mine = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    value(await call('case.create', { ...MINOR_REQUEST, requester: { ...MINOR_REQUEST.requester, name: 'Fatma Yılmaz' }, handlerId: h2.id }, intake.token));
    value(await call('case.create', { ...MINOR_REQUEST, requester: { ...MINOR_REQUEST.requester, name: 'Pieter Post' } }, intake.token));
    const queue = value(await call('case.queue', { sort: 'reference' }, h1.token));
    expect(queue.rows.map((r) => [r.reference, r.requesterName])).toEqual([
      ['AVG-2026-0001', 'Łukasz Nguyễn-Özdemir'],
      ['AVG-2026-0003', null],
    ]);
    expect(value(await call('case.queue', { search: 'yilmaz' }, h1.token)).total).toBe(0);
    expect(value(await call('case.queue', { search: 'post' }, h1.token)).total).toBe(0);
    expect(value(await call('case.queue', { search: 'ozdemir' }, h1.token)).rows.map((r) => r.id)).toEqual([mine.id]);
    expect(value(await call('case.queue', { search: 'lukasz nguy' }, h1.token)).total).toBe(1);
    const theirs = value(await call('case.queue', { search: 'yilmaz' }, intake.token));
    expect(theirs.total).toBe(0);
  });

  it('the dpo sees everything, searches accent-insensitively and reassigns', async () => {
    const { call, intake, h1, h2, dpo } = await team();
    const created = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    expect(value(await call('case.queue', { search: 'OZDEMIR' }, dpo.token)).rows[0]?.requesterName).toBe('Łukasz Nguyễn-Özdemir');
    value(await call('case.assign', { id: created.id, handlerId: h2.id }, dpo.token));
    expect(await call('case.get', { id: created.id }, h1.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Deze zaak is niet aan u toegewezen.' },
    });
    expect(value(await call('case.get', { id: created.id }, h2.token)).handlerName).toBe('Henk Behandelaar');
    // A handler cannot take a case that is someone else's.
    expect(await call('case.assign', { id: created.id, handlerId: h1.id }, h1.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a handler picks up an unassigned case', async () => {
    const { call, intake, h1 } = await team();
    const created = value(await call('case.create', MINOR_REQUEST, intake.token));
    expect(value(await call('case.queue', { handler: 'none' }, h1.token)).total).toBe(1);
    value(await call('case.assign', { id: created.id, handlerId: h1.id }, h1.token));
    expect(value(await call('case.get', { id: created.id }, h1.token)).handlerId).toBe(h1.id);
  });
});

describe('lifecycle and deadline', () => {
  it('moves only along allowed transitions and needs a reason for art. 12(5)', async () => {
    const { call, intake, h1 } = await team();
    const { id } = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    expect(await call('case.transition', { id, to: 'verzonden' }, h1.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Een zaak met status "Ontvangen" kan niet naar "Verzonden".' },
    });
    expect(value(await call('case.transition', { id, to: 'identificatie' }, h1.token)).status).toBe('identificatie');
    expect(await call('case.transition', { id, to: 'kennelijk_ongegrond' }, h1.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const closed = value(await call('case.transition', { id, to: 'kennelijk_ongegrond', reason: 'Zelfde verzoek voor de vijfde keer deze maand.' }, h1.token));
    expect(closed).toMatchObject({ status: 'kennelijk_ongegrond', statusReason: 'Zelfde verzoek voor de vijfde keer deze maand.', allowedTransitions: [] });
    expect(value(await call('case.queue', {}, h1.token)).total).toBe(0);
    expect(value(await call('case.queue', { includeClosed: true }, h1.token)).total).toBe(1);
  });

  it('extends with a reason before the original term, adds the letter task, and not after', async () => {
    const { call, intake, h1, dpo, clock } = await team();
    const { id } = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    expect(await call('case.extend', { id, months: 2, reason: 'kort' }, h1.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(value(await call('case.extend', { id, months: 2, reason: 'Dossier ligt bij drie afdelingen en een aannemer.' }, h1.token))).toEqual({
      dueOn: '2027-02-25',
      originalDueOn: '2026-12-23',
    });
    const detail = value(await call('case.get', { id }, h1.token));
    expect(detail).toMatchObject({ dueBasis: 'verlenging', extensionMonths: 2, extendedOn: '2026-11-25' });
    expect(detail.tasks).toEqual([expect.objectContaining({ kind: 'verlengingsbericht', dueOn: '2026-12-23', status: 'open' })]);
    expect(await call('case.extend', { id, months: 2, reason: 'Nog een keer verlengen?' }, dpo.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const late = value(
      await call('case.create', { ...MINOR_REQUEST, requester: { ...MINOR_REQUEST.requester, name: 'Ander Persoon' }, handlerId: h1.id }, intake.token),
    );
    clock.set(new Date('2026-12-24T09:00:00Z'));
    const refused = await call('case.extend', { id: late.id, months: 1, reason: 'Te laat bedacht dat het veel werk is.' }, h1.token);
    expect(refused).toMatchObject({ ok: false, error: { message: 'Verlengen kan alleen vóór het einde van de oorspronkelijke termijn (23 december 2026).' } });
    expect(value(await call('case.queue', { due: 'overdue' }, dpo.token)).rows.map((r) => r.id)).toEqual([late.id]);
  });

  it('counts open, due this week and overdue cases', async () => {
    const { call, intake, dpo, clock } = await team();
    value(await call('case.create', { ...MINOR_REQUEST, received: '2026-10-26' }, intake.token)); // due 23 Nov: overdue
    value(await call('case.create', { ...MINOR_REQUEST, received: '2026-11-02' }, intake.token)); // due 30 Nov: next week
    value(await call('case.create', { ...MINOR_REQUEST, received: '2026-10-30' }, intake.token)); // due 27 Nov: this week
    clock.set(new Date('2026-11-25T12:00:00Z'));
    const queue = value(await call('case.queue', {}, dpo.token));
    expect(queue.counts).toEqual({ open: 3, dueThisWeek: 1, overdue: 1 });
    expect(queue.rows.map((r) => [r.dueOn, r.urgency])).toEqual([
      ['2026-11-23', 'overdue'],
      ['2026-11-27', 'warning'],
      ['2026-11-30', 'warning'],
    ]);
    expect(value(await call('case.queue', { due: 'thisWeek' }, dpo.token)).total).toBe(1);
  });

  it('the timeline shows who changed and who read the case', async () => {
    const { call, intake, h1, dpo } = await team();
    const { id } = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    value(await call('case.get', { id }, h1.token));
    value(await call('case.extend', { id, months: 1, reason: 'Omvangrijk verzoek, veel bronnen.' }, h1.token));
    await call('case.get', { id }, intake.token); // refused, and visible as such
    const timeline = value(await call('case.timeline', { id }, dpo.token));
    expect(timeline.map((e) => [e.procedure, e.actorName, e.outcome])).toEqual([
      ['case.create', 'Ilse Intake', 'ok'],
      ['case.get', 'Hanna Behandelaar', 'ok'],
      ['case.extend', 'Hanna Behandelaar', 'ok'],
      ['case.get', 'Ilse Intake', 'denied'],
    ]);
  });
});

describe('deadline policy setting', () => {
  it('the privacy officer changes the term per type; new cases follow it; suspension needs the setting', async () => {
    const { call, dpo, intake, h1 } = await team();
    const policy = value(await call('settings.getDeadlinePolicy', {}, dpo.token));
    expect(policy.terms.inzage).toEqual({ weeks: 4 });
    const { id } = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    expect(await call('case.suspendForId', { id, on: '2026-11-25' }, h1.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    value(await call('settings.setDeadlinePolicy', { terms: { ...policy.terms, klacht: { weeks: 8 } }, suspendWhileAwaitingId: true }, dpo.token));
    expect(value(await call('deadline.preview', { type: 'klacht', received: '2026-11-25' }, intake.token)).due).toBe('2027-01-20');
    value(await call('case.suspendForId', { id, on: '2026-11-25' }, h1.token));
    const suspended = value(await call('case.get', { id }, h1.token));
    expect(suspended).toMatchObject({ suspendedSince: '2026-11-25', urgency: 'none' });
    expect(
      await call('settings.setDeadlinePolicy', { terms: { ...policy.terms, inzage: { weeks: 0 } }, suspendWhileAwaitingId: true }, dpo.token),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('resuming moves the due date by the days the clock stood still', async () => {
    const { call, dpo, intake, h1, clock } = await team();
    const policy = value(await call('settings.getDeadlinePolicy', {}, dpo.token));
    value(await call('settings.setDeadlinePolicy', { ...policy, suspendWhileAwaitingId: true }, dpo.token));
    const { id } = value(await call('case.create', { ...MINOR_REQUEST, handlerId: h1.id }, intake.token));
    value(await call('case.suspendForId', { id, on: '2026-11-25' }, h1.token));
    clock.set(new Date('2026-12-02T10:00:00Z'));
    expect(value(await call('case.resumeAfterId', { id, on: '2026-12-02' }, h1.token))).toEqual({ dueOn: '2026-12-30', suspendedDays: 7 });
  });
});
