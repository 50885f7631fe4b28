import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { value } from '../support/basics.js';
import { establishIdentity, toDecision } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

async function pdf(text: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 11, font });
  return Buffer.from(await doc.save()).toString('base64');
}

describe('Mijn werk', () => {
  it("gives the handler each case's next step, the same as the case's Overzicht, from identity to sending", async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const caseId = await t.register(t.requester);
    const stepOf = async () => {
      const mine = value(await t.call('work.mine', {}, t.h1.token));
      const row = mine.handler?.cases.find((c) => c.id === caseId);
      const overview = value(await t.call('case.readiness', { caseId }, t.h1.token)).nextStep;
      expect(row?.nextStep).toEqual(overview);
      return row?.nextStep ?? null;
    };
    expect(await stepOf()).toMatchObject({ id: 'identiteit', label: 'Identiteit vaststellen', tab: 'identity' });
    await establishIdentity(t.call, caseId, t.h1.token);
    expect(await stepOf()).toMatchObject({ id: 'dossier', tab: 'dossier' });
    value(
      await t.call('dossier.import', { caseId, fileName: 'melding.pdf', dataBase64: await pdf('Melding over de woning'), source: 'klantcontact' }, t.h1.token),
    );
    expect(await stepOf()).toMatchObject({ id: 'brief', label: 'Besluitbrief opstellen', tab: 'letters' });
    value(await t.call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, t.h1.token));
    const letter = value(await t.call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, t.h1.token));
    expect(await stepOf()).toMatchObject({ id: 'brief', label: 'Besluitbrief afmaken en aanbieden' });
    await toDecision(t.call, caseId, t.h1.token);
    value(await t.call('letter.submit', { letterId: letter.id }, t.h1.token));
    expect(await stepOf()).toMatchObject({ id: 'ondertekening', tab: 'letters' });

    // The signer sees it waiting; the handler who is also a signer sees it in both sections.
    const signer = value(await t.call('work.mine', {}, t.signer.token));
    expect(signer).toMatchObject({ handler: null, dpo: null, intake: null });
    expect(signer.signer?.letters).toEqual([expect.objectContaining({ id: letter.id, caseReference: 'AVG-2026-0001', maySign: true })]);
  });

  it('shows each function only its own section: intake the unassigned cases without names, the dpo what is overdue', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const mine = await t.register(t.requester);
    const unassigned = await t.register({ name: 'Zoë Testpersoon' }, { handlerId: undefined });
    // Received in September: its term has run out by 25 November.
    const late = await t.register({ name: 'Pieter Laat' }, { received: '2026-09-01' });

    const intake = value(await t.call('work.mine', {}, t.intake.token));
    expect(intake).toMatchObject({ handler: null, signer: null, dpo: null });
    expect(intake.intake?.unassigned.map((c) => c.id)).toEqual([unassigned]);
    expect(JSON.stringify(intake)).not.toContain('Zoë');

    const handler = value(await t.call('work.mine', {}, t.h1.token));
    expect(handler).toMatchObject({ signer: null, dpo: null, intake: null });
    expect(handler.handler?.cases.map((c) => c.id).sort()).toEqual([mine, late].sort());
    expect(handler.handler?.cases.find((c) => c.id === late)).toMatchObject({ overdue: true, dueThisWeek: false });
    expect(value(await t.call('work.mine', {}, t.h2.token)).handler?.cases).toEqual([]);

    const dpo = value(await t.call('work.mine', {}, t.dpo.token));
    expect(dpo).toMatchObject({ handler: null, signer: null, intake: null });
    expect(dpo.dpo?.overdue.map((c) => c.id)).toEqual([late]);
    expect(dpo.dpo?.overdue[0]).toMatchObject({ handlerName: 'Hanna Behandelaar' });
    expect(dpo.dpo).toMatchObject({ refusedSync: [], destructionList: null, holds: [] });

    // The auditor and functioneel beheer have no such page; the refusal is audited.
    expect(await t.call('work.mine', {}, t.adminToken)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const events = value(await t.call('audit.list', { limit: 20 }, t.dpo.token));
    expect(events.filter((e) => e.procedure === 'work.mine').map((e) => e.outcome)).toEqual(expect.arrayContaining(['ok', 'denied']));
  });
});
