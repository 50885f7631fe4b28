import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/app/cli/run.js';
import { dutchToday } from '../../shared/cases/cases.js';
import { STRONG_PASSWORD, value } from '../support/basics.js';
import { establishIdentity } from '../support/gates.js';
import { CENTRAL_PASSWORD, caseRequest, centralForFile, type Desktop } from '../support/central.js';
import { P12_PASSWORD } from '../support/letters.js';
import { testPkcs12 } from '../support/pkcs12.js';
import { plaintextHits } from '../support/scan.js';

/**
 * Done-when of issue 7, against a real PostgreSQL (the test cluster): intake registers a case on
 * the customer desk's desktop, the handler's desktop pulls it, handles it offline, has it signed
 * and syncs; the dpo's desktop sees it; the auditor sees the audit events but no names.
 */
const REQUESTER = {
  name: 'Łukasz Nguyễn-Özdemir',
  birthDate: '1985-04-12',
  address: 'Weißstraße 12, 1234 AB Hilversum',
  customerNumber: 'K-104233',
  relation: 'huurder' as const,
};

const central = centralForFile('sync');

/** Hanna, on her connected desktop, registers a case of her own (not yet pushed). */
async function hannasOwnCase(work: Desktop, type: 'inzage' | 'verzet', name: string) {
  await work.sync('hanna');
  return value(await work.call('case.create', caseRequest(type, { name }, { handlerId: work.staff.hanna.id }), work.staff.hanna.token));
}

/** The dpo, on her own desktop, gives the case to Henk in the central register. */
async function dpoGivesToHenk(office: Desktop, caseId: string) {
  await office.sync('fg');
  value(await office.call('case.assign', { id: caseId, handlerId: central.logins.henk.id }, office.staff.fg.token));
  await office.sync('fg');
}

describe('two desktops and one central database', () => {
  it('intake → handler (offline work, four-eyes signing) → dpo, auditor without names, exactly once', async () => {
    // The customer desk: intake registers the request and assigns it to Hanna, known from the central staff list.
    const desk = await central.desktop(['balie']);
    expect(await desk.sync('balie')).toMatchObject({ pushed: 0 });
    const handlers = value(await desk.call('staff.handlers', {}, desk.staff.balie.token));
    const hannaHere = handlers.find((h) => h.fullName === 'Hanna Behandelaar');
    expect(hannaHere?.id).toBe(central.logins.hanna.id);
    const created = value(
      await desk.call(
        'case.create',
        { type: 'inzage', requester: REQUESTER, channel: 'balie', received: '2026-11-25', writtenAndSigned: true, handlerId: hannaHere?.id },
        desk.staff.balie.token,
      ),
    );
    const pushedByIntake = await desk.sync('balie');
    expect(pushedByIntake.pushed).toBeGreaterThanOrEqual(1);
    const registered = await central.owner.query('SELECT reference, handler_id, status FROM cases WHERE id = $1', [created.id]);
    expect(registered.rows).toEqual([{ reference: created.reference, handler_id: central.logins.hanna.id, status: 'ontvangen' }]);

    // The handler's desktop pulls it into Hanna's queue.
    const work = await central.desktop(['hanna', 'sanne']);
    value(await work.call('settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, work.adminToken));
    const pulled = await work.sync('hanna');
    expect(pulled.pulled).toBeGreaterThanOrEqual(1);
    const queue = value(await work.call('case.queue', {}, work.staff.hanna.token));
    expect(queue.rows.map((r) => r.reference)).toEqual([created.reference]);
    const caseId = created.id;
    expect(value(await work.call('case.get', { id: caseId }, work.staff.hanna.token))).toMatchObject({
      requester: { name: REQUESTER.name, customerNumber: 'K-104233' },
    });

    // Offline work: nothing reaches the central database until the next sync.
    value(await work.call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, work.staff.hanna.token));
    value(await work.call('case.transition', { id: caseId, to: 'in_behandeling' }, work.staff.hanna.token));
    await establishIdentity(work.call, caseId, work.staff.hanna.token);
    value(await work.call('case.transition', { id: caseId, to: 'besluit_in_concept' }, work.staff.hanna.token));
    const draft = value(await work.call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, work.staff.hanna.token));
    value(await work.call('letter.submit', { letterId: draft.id }, work.staff.hanna.token));
    const signed = value(await work.call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, work.staff.sanne.token));
    expect((await central.owner.query('SELECT count(*)::int AS n FROM decisions')).rows[0]).toEqual({ n: 0 });

    // Hanna's sync sends the case and vouches that the letter was put before a signer; the decision
    // and the signed letter are recorded by Sanne's own login only.
    const pushed = await work.sync('hanna');
    expect(pushed.pushed).toBeGreaterThanOrEqual(1);
    expect(pushed.waiting).toBe(1);
    expect((await central.owner.query('SELECT count(*)::int AS n FROM decisions')).rows[0]).toEqual({ n: 0 });
    expect((await central.owner.query('SELECT requested_by FROM signing_requests WHERE letter_id = $1', [draft.id])).rows).toEqual([
      { requested_by: central.logins.hanna.id },
    ]);
    const bySigner = await work.sync('sanne');
    expect(bySigner).toMatchObject({ pushed: 1, waiting: 0 });
    const decisions = await central.owner.query('SELECT case_id, outcome, signed_by, sha256 FROM decisions');
    expect(decisions.rows).toEqual([{ case_id: caseId, outcome: 'toegewezen', signed_by: central.logins.sanne.id, sha256: signed.sha256 }]);
    const letter = await central.owner.query<{ pdf: Buffer; sha256: string }>('SELECT pdf, sha256 FROM letters WHERE case_id = $1', [caseId]);
    expect(
      createHash('sha256')
        .update(letter.rows[0]?.pdf ?? Buffer.alloc(0))
        .digest('hex'),
    ).toBe(signed.sha256);
    const register = await central.owner.query('SELECT status, outcome, decided_on IS NOT NULL AS decided, signer_id FROM cases WHERE id = $1', [caseId]);
    expect(register.rows[0]).toMatchObject({ status: 'ter_ondertekening', outcome: 'toegewezen', decided: true, signer_id: central.logins.sanne.id });

    // Again: nothing new, nothing doubled; the local outbox is empty.
    const again = await work.sync('hanna');
    expect(again).toMatchObject({ pushed: 0, waiting: 0 });
    expect((await central.owner.query('SELECT count(*)::int AS n FROM decisions')).rows[0]).toEqual({ n: 1 });
    expect(value(await work.call('sync.status', {}, work.staff.hanna.token))).toMatchObject({
      waiting: 0,
      lastError: null,
      configured: true,
      hasCredentials: true,
      loginRole: central.logins.hanna.loginRole,
    });

    // The dpo's desktop sees the case with its decision.
    const office = await central.desktop(['fg']);
    await office.sync('fg');
    const dpoQueue = value(await office.call('case.queue', { includeClosed: true }, office.staff.fg.token));
    expect(dpoQueue.rows).toEqual([expect.objectContaining({ reference: created.reference })]);
    // The dpo verifies every desktop's hash chain as the central database holds it.
    await work.sync('hanna');
    await desk.sync('balie');
    const verified = value(await office.call('audit.verify', {}, office.staff.fg.token));
    expect(verified.central).toMatchObject({ ok: true, firstBroken: null });
    expect(verified.central?.count).toBeGreaterThan(20);
    const fg = await central.connectAs('fg');
    try {
      expect((await fg.query('SELECT outcome FROM decisions WHERE case_id = $1', [caseId])).rows).toEqual([{ outcome: 'toegewezen' }]);
    } finally {
      await fg.end();
    }

    // The auditor: every desktop's audit events, no case content, no names.
    const aart = await central.connectAs('aart');
    try {
      const events = await aart.query('SELECT * FROM audit_events');
      expect(events.rows.length).toBeGreaterThan(10);
      expect(new Set(events.rows.map((e: { desktop_id: string }) => e.desktop_id)).size).toBe(3);
      expect(events.rows.some((e: { procedure: string; record_id: string | null }) => e.procedure === 'letter.sign' && e.record_id === caseId)).toBe(true);
      const everything = JSON.stringify(events.rows);
      for (const name of [REQUESTER.name, 'Nguy', 'Weißstraße', 'K-104233']) expect(everything).not.toContain(name);
      await expect(aart.query('SELECT * FROM cases')).rejects.toMatchObject({ code: '42501' });
      await expect(aart.query('SELECT * FROM case_requesters')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await aart.end();
    }
  });

  it('a changed audit event in the central database is found, with its desktop and place in the chain', async () => {
    const desk = await central.desktop(['fg']);
    await desk.sync('fg');
    await desk.sync('fg');
    expect(value(await desk.call('audit.verify', {}, desk.staff.fg.token)).central).toMatchObject({ ok: true });
    // Only someone who can switch the owner's triggers off can change an event; the chain still tells.
    const desktopId =
      (await central.owner.query<{ desktop_id: string }>("SELECT desktop_id FROM audit_events WHERE procedure = 'sync.run' ORDER BY received_at DESC LIMIT 1"))
        .rows[0]?.desktop_id ?? '';
    await central.owner.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await central.owner.query("UPDATE audit_events SET outcome = 'denied' WHERE desktop_id = $1 AND seq = 3", [desktopId]);
    await central.owner.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    const broken = value(await desk.call('audit.verify', {}, desk.staff.fg.token));
    expect(broken.ok).toBe(true);
    expect(broken.central).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: `Computer ${desktopId.slice(0, 8)}: De inhoud van deze gebeurtenis is gewijzigd.` },
    });
  });

  it("the dpo's approved destruction list removes the central record too, and leaves a destruction record", async () => {
    const desk = await central.desktop(['balie']);
    const work = await central.desktop(['henk']);
    const office = await central.desktop(['fg']);
    await desk.sync('balie');
    const request = caseRequest(
      'klacht',
      { name: 'Tjitske de Vries-Ångström' },
      { channel: 'telefoon', writtenAndSigned: false, handlerId: central.logins.henk.id },
    );
    const created = value(await desk.call('case.create', request, desk.staff.balie.token));
    await desk.sync('balie');
    await office.sync('fg');
    await work.sync('henk');
    value(await work.call('case.transition', { id: created.id, to: 'ingetrokken' }, work.staff.henk.token));
    await work.sync('henk');
    await office.sync('fg');
    expect(value(await office.call('case.get', { id: created.id }, office.staff.fg.token)).status).toBe('ingetrokken');

    // Two years after closure (and a bit): the dpo proposes and approves the list.
    office.clock.advance(3 * 365 * 86_400_000);
    const fg = value(await office.call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null)).token;
    const list = value(await office.call('retention.propose', {}, fg));
    expect(list?.items.map((i) => i.reference)).toContain(created.reference);
    value(await office.call('retention.approve', { listId: list?.id ?? '' }, fg));
    expect((await central.owner.query('SELECT count(*)::int AS n FROM cases WHERE id = $1', [created.id])).rows[0]).toEqual({ n: 1 });
    const pushed = value(await office.call('sync.run', {}, fg));
    expect(pushed.waiting).toBe(0);
    expect((await central.owner.query('SELECT count(*)::int AS n FROM cases WHERE id = $1', [created.id])).rows[0]).toEqual({ n: 0 });
    expect((await central.owner.query('SELECT count(*)::int AS n FROM case_requesters WHERE case_id = $1', [created.id])).rows[0]).toEqual({ n: 0 });
    const record = await central.owner.query('SELECT reference, request_type, approved_by FROM destruction_records WHERE reference = $1', [created.reference]);
    expect(record.rows).toEqual([{ reference: created.reference, request_type: 'klacht', approved_by: central.logins.fg.id }]);
    expect(JSON.stringify((await central.owner.query('SELECT * FROM destruction_records')).rows)).not.toContain('Vries');
  });

  it("letters on a shorter term than the register: the dpo's own desktop proposes them, only the central letters go, the case register stays", async () => {
    const work = await central.desktop(['hanna', 'sanne']);
    const office = await central.desktop(['fg']);
    value(await work.call('settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, work.adminToken));
    value(await office.call('retention.setPolicy', { graceDays: 30, registerYears: 2, letterYears: 1 }, office.staff.fg.token));
    await work.sync('hanna');
    const hanna = work.staff.hanna.token;
    const requester = { name: 'Gerlof Brinkhuis', address: 'Zuiderweg 4, 1234 AB Hilversum' };
    const created = value(await work.call('case.create', caseRequest('inzage', requester, { channel: 'email', handlerId: work.staff.hanna.id }), hanna));
    value(await work.call('case.selectActivities', { caseId: created.id, activityIds: ['huuradministratie'] }, hanna));
    value(await work.call('case.transition', { id: created.id, to: 'in_behandeling' }, hanna));
    await establishIdentity(work.call, created.id, hanna);
    value(await work.call('case.transition', { id: created.id, to: 'besluit_in_concept' }, hanna));
    const draft = value(await work.call('letter.draft', { caseId: created.id, kind: 'besluit-inzage', data: {} }, hanna));
    value(await work.call('letter.submit', { letterId: draft.id }, hanna));
    value(await work.call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, work.staff.sanne.token));
    value(await work.call('letter.markSent', { letterId: draft.id }, hanna));
    if (value(await work.call('case.get', { id: created.id }, hanna)).status !== 'afgesloten')
      value(await work.call('case.transition', { id: created.id, to: 'afgesloten' }, hanna));
    await work.sync('hanna');
    await work.sync('sanne');
    expect((await central.owner.query('SELECT count(*)::int AS n FROM letters WHERE case_id = $1', [created.id])).rows[0]).toEqual({ n: 1 });

    // The dpo's desktop never held the letter: it learns of it (not its PDF or text) from the central register.
    await office.sync('fg');
    const { upcoming } = value(await office.call('retention.overview', { days: 366 }, office.staff.fg.token));
    expect(upcoming.filter((u) => u.reference === created.reference && u.what === 'brieven')).toEqual([
      expect.objectContaining({ on: '2027-11-25', state: 'gepland' }),
    ]);
    expect(plaintextHits(office.dir, ['Brinkhuis', 'Zuiderweg'])).toEqual([]);

    // A year and a bit later: the letters' term has passed, the register's has not.
    office.clock.advance(400 * 86_400_000);
    const fg = value(await office.call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null)).token;
    const list = value(await office.call('retention.propose', {}, fg));
    const item = list?.items.find((i) => i.reference === created.reference);
    expect(item).toMatchObject({ kind: 'brieven' });
    value(await office.call('retention.approve', { listId: list?.id ?? '' }, fg));
    expect(value(await office.call('sync.run', {}, fg)).waiting).toBe(0);
    expect((await central.owner.query('SELECT count(*)::int AS n FROM letters WHERE case_id = $1', [created.id])).rows[0]).toEqual({ n: 0 });
    expect((await central.owner.query('SELECT outcome FROM cases WHERE id = $1', [created.id])).rows).toEqual([{ outcome: 'toegewezen' }]);
    const records = await central.owner.query('SELECT record_type FROM destruction_records WHERE reference = $1', [created.reference]);
    expect(records.rows).toEqual([{ record_type: 'letters' }]);
    // Once destroyed, the letters are not proposed again.
    expect(value(await office.call('retention.propose', {}, fg))?.items.some((i) => i.reference === created.reference) ?? false).toBe(false);
  });

  it('a new year: connected desktops fetch its case numbers in December, so two registering offline on 2 January never clash', async () => {
    const desk = await central.desktop(['balie']);
    const work = await central.desktop(['henk']);
    const both = [
      { d: desk, token: desk.staff.balie.token, sync: () => desk.sync('balie') },
      // A handler registers a case for themselves (the central database takes no case of theirs without a handler).
      { d: work, token: work.staff.henk.token, sync: () => work.sync('henk'), extra: { handlerId: work.staff.henk.id } },
    ];
    const register = (d: typeof desk, token: string, name: string, extra = {}) =>
      d.call('case.create', caseRequest('verzet', { name }, { received: dutchToday(d.clock.now()), ...extra }), token);
    const setDate = (iso: string) => both.forEach(({ d }) => d.clock.set(new Date(iso)));

    // A handler on a connected desktop takes their own registration: the central database would refuse it unassigned.
    expect(await register(work, work.staff.henk.token, 'Zonder Behandelaar')).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          'Wijs de zaak aan uzelf toe: de centrale database neemt van een behandelaar alleen eigen zaken aan. Een zaak zonder behandelaar registreert de balie of de FG.',
      },
    });

    // November: a sync brings numbers for this year only. A desktop that then skips December is
    // refused in Dutch on 2 January (nothing stored) rather than hand out numbers another desktop may use.
    await desk.sync('balie');
    setDate('2027-01-02T09:00:00Z');
    expect(await register(desk, desk.staff.balie.token, 'Jorien Aaltink')).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Deze computer heeft geen vrije zaaknummers voor 2027. Synchroniseer met de centrale database om nieuwe te krijgen; er is niets opgeslagen.',
      },
    });

    // A sync in December also brings next year's numbers; then both register offline in the new year.
    setDate('2026-12-15T09:00:00Z');
    for (const one of both) await one.sync();
    setDate('2027-01-02T09:00:00Z');
    const references: string[] = [];
    for (const [i, { d, token, extra }] of both.entries()) references.push(value(await register(d, token, `Nieuwjaar Verzoeker ${i}`, extra)).reference);
    expect(references.every((r) => r.startsWith('AVG-2027-'))).toBe(true);
    expect(new Set(references).size).toBe(2);
    for (const one of both) expect((await one.sync()).waiting).toBe(0);
    const registered = await central.owner.query<{ reference: string }>("SELECT reference FROM cases WHERE reference LIKE 'AVG-2027-%' ORDER BY reference");
    expect(registered.rows.map((r) => r.reference)).toEqual([...references].sort());
  });

  it('a change the central database refuses (the dpo gave the case to someone else meanwhile) is named in the status and kept', async () => {
    const work = await central.desktop(['hanna']);
    const office = await central.desktop(['fg']);
    const hanna = work.staff.hanna.token;
    const created = await hannasOwnCase(work, 'inzage', 'Sieuwke Tjalsma');
    await work.sync('hanna');
    await dpoGivesToHenk(office, created.id);

    // Hanna, offline, works on the case an hour later.
    work.clock.advance(3_600_000);
    value(await work.call('case.transition', { id: created.id, to: 'in_behandeling' }, hanna));
    expect(value(await work.call('sync.status', {}, hanna)).refused).toEqual([]);
    expect((await work.sync('hanna')).waiting).toBe(1);
    const status = value(await work.call('sync.status', {}, hanna));
    expect(status.refused).toEqual([
      {
        reference: created.reference,
        reason: expect.stringMatching(/^De centrale database weigert deze wijziging: u heeft daar geen rechten \(meer\) op deze zaak/u),
      },
    ]);
    expect(JSON.stringify(status)).not.toContain('Tjalsma');
    // The register there is unchanged; here the case stays until its handover (the dpo asks Hanna to export it).
    expect((await central.owner.query('SELECT status, handler_id FROM cases WHERE id = $1', [created.id])).rows).toEqual([
      { status: 'ontvangen', handler_id: central.logins.henk.id },
    ]);
    // Tried again at every run, still refused, still named.
    expect((await work.sync('hanna')).waiting).toBe(1);
    expect(value(await work.call('sync.status', {}, hanna)).refused).toHaveLength(1);
  });

  it('handover: the dpo reassigns, the new handler imports the bundle, the old desktop shreds its copy after the sync', async () => {
    const first = await central.desktop(['hanna']);
    const second = await central.desktop(['henk']);
    const office = await central.desktop(['fg']);
    const hanna = first.staff.hanna.token;
    const created = await hannasOwnCase(first, 'verzet', 'Wubbe Zwartkruis-Ñúñez');
    const note = 'Notitie: Wubbe Zwartkruis-Ñúñez belde over de buren.';
    value(
      await first.call(
        'dossier.import',
        { caseId: created.id, fileName: 'notitie.txt', dataBase64: Buffer.from(note).toString('base64'), source: 'klantcontact' },
        hanna,
      ),
    );
    await first.sync('hanna');
    const bundle = join(first.dir, '..', `overdracht-${created.reference}.avgo`);
    central.onCleanup(() => rmSync(bundle, { force: true }));
    const exported = value(await first.call('handover.export', { caseId: created.id, path: bundle, password: 'Kievit-Polder-Zeilboot-83' }, hanna));

    // The dpo gives the case to Henk, on his own desktop.
    await dpoGivesToHenk(office, created.id);
    await second.sync('henk');
    value(await second.call('handover.import', { path: bundle, password: 'Kievit-Polder-Zeilboot-83' }, second.staff.henk.token));
    const docs = value(await second.call('dossier.list', { caseId: created.id }, second.staff.henk.token));
    expect(docs.map((d) => d.name)).toEqual(['notitie.txt']);
    await second.sync('henk');
    expect((await central.owner.query('SELECT bundle_sha256, to_staff FROM handovers WHERE case_id = $1', [created.id])).rows).toEqual([
      { bundle_sha256: exported.bundleSha256, to_staff: central.logins.henk.id },
    ]);

    // Hanna's desktop sees the confirmation and shreds its copy.
    expect(plaintextHits(first.dir, ['Zwartkruis'])).toEqual([]);
    await first.sync('hanna');
    expect(await first.call('case.get', { id: created.id }, hanna)).toMatchObject({ ok: false });
    expect(existsSync(join(first.dir, 'cases', created.id))).toBe(false);
    expect(value(await first.call('sync.status', {}, hanna)).waiting).toBe(0);
  });

  it('a failed run keeps everything, says why in Dutch, and backs off', async () => {
    const desk = await central.desktop(['henk']);
    value(await desk.call('sync.setCredentials', { loginRole: central.logins.henk.loginRole, password: 'verkeerd-wachtwoord' }, desk.staff.henk.token));
    const failed = await desk.call('sync.run', {}, desk.staff.henk.token);
    expect(failed).toMatchObject({ ok: false, error: { code: 'SYNC_FAILED' } });
    const status = value(await desk.call('sync.status', {}, desk.staff.henk.token));
    expect(status.lastError).toMatch(/wachtwoord|inlog/iu);
    expect(status.nextAttemptAt).not.toBeNull();
    // A non-loopback host without verify-full is refused before any connection is made.
    expect(await desk.call('sync.setSettings', { url: 'postgres://db.corporatie.example:5432/avg', intervalMinutes: 5 }, desk.adminToken)).toMatchObject({
      ok: false,
    });
  });

  it('avg-desk sync: one run as the signed-in account, counts in Dutch or as JSON', async () => {
    const desk = await central.desktop(['henk']);
    desk.backend.close();
    const env = { AVG_DESK_USER: 'henk', AVG_DESK_PASSWORD: STRONG_PASSWORD, AVG_DESK_CENTRAL_PASSWORD: CENTRAL_PASSWORD };
    const run = async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(['--data', desk.dir, ...argv], { env, out: (t) => (out += t), err: (t) => (err += t) });
      return { code, out, err };
    };
    const url = central.desktopUrl.replace('://', `://${central.logins.henk.loginRole}@`);
    const human = await run('sync', '--central', url);
    expect(human).toMatchObject({ code: 0, err: '' });
    expect(human.out).toMatch(/^Gesynchroniseerd: \d+ wijziging\(en\) en \d+ auditgebeurtenis\(sen\) verstuurd, \d+ opgehaald\.\n$/u);
    const machine = await run('sync', '--central', url, '--json');
    expect(JSON.parse(machine.out)).toMatchObject({ pushed: 0, waiting: 0 });
    const refused = await run('sync', '--central', central.desktopUrl.replace('://', '://avg_u_henk:fout@'));
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/wachtwoord|inlog/iu);
  });
});
