import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, STRONG_PASSWORD, value } from '../support/basics.js';
import { establishIdentity } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';
import { requirePoppler } from '../support/letters.js';
import { plaintextHits } from '../support/scan.js';
import { openStoreAs, storeText } from '../support/store.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
beforeAll(() => requirePoppler());

/** Made-up people and a made-up phrase that exists only in this case's file. */
const REQUESTER = 'Łukasz Nguyễn-Özdemir';
const NEIGHBOUR = 'Gretchen Weißstraße';
const PHRASE = 'Rekening ZEBRAGIRAFFE-4417 van de huurder';
const NOTE = `Gespreksnotitie met ${REQUESTER}. ${PHRASE}. Buurvrouw ${NEIGHBOUR} klaagde over geluid.`;

/**
 * A decided inzage case on 25 November 2026: a note and a third party in the dossier, a signed
 * decision letter sent the same day, the case closed.
 */
async function decidedCase() {
  const t = await letterTeam((c) => (cleanup = c));
  const harm = t.handlerSigner;
  const caseId = await t.register(t.requester, { handlerId: harm.id });
  const call = t.call;
  value(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
  value(await call('case.transition', { id: caseId, to: 'in_behandeling' }, harm.token));
  await establishIdentity(call, caseId, harm.token);
  const imported = value(
    await call('dossier.import', { caseId, fileName: 'notitie.txt', dataBase64: Buffer.from(NOTE).toString('base64'), source: 'klantcontact' }, harm.token),
  );
  const documentId = imported.documents[0]?.id ?? '';
  const party = value(await call('thirdParty.add', { caseId, name: NEIGHBOUR, role: 'buurvrouw', documentIds: [documentId] }, harm.token));
  value(await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'toestemming' }, harm.token));
  value(await call('case.transition', { id: caseId, to: 'besluit_in_concept' }, harm.token));
  const draft = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
  value(await call('letter.submit', { letterId: draft.id }, harm.token));
  const signed = value(await call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, t.signer.token));
  value(await call('letter.markSent', { letterId: draft.id }, harm.token));
  value(await call('case.transition', { id: caseId, to: 'afgesloten' }, harm.token));
  const pdf = Buffer.from(signed.pdfBase64, 'base64');
  /** What the lead's sync does after the central database took the outbox. */
  const syncOutbox = async () => {
    const store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
    try {
      store.sqlite.prepare("UPDATE outbox SET sent_at = '2026-11-26T10:00:00.000Z' WHERE sent_at IS NULL").run();
    } finally {
      store.close();
    }
  };
  const on = (date: string) => t.clock.set(new Date(`${date}T08:00:00Z`));
  return { ...t, harm, caseId, documentId, pdf, syncOutbox, on };
}

/** Every text value of the decrypted store, read as the admin. */
const storeTextOf = (dir: string) => storeText(dir, ADMIN.userName, ADMIN.password);

describe('local retention: crypto-shredding a closed case file', () => {
  it('shreds exactly when synced, the appeal period and the grace period have passed and no hold is active', async () => {
    const { call, dir, dpo, harm, caseId, documentId, pdf, syncOutbox, on } = await decidedCase();
    const due = async () => value(await call('retention.runLocal', { dryRun: true }, dpo.token)).cases.map((c) => c.caseId);
    expect(value(await call('retention.forCase', { caseId }, harm.token))).toMatchObject({
      closedOn: '2026-11-25',
      local: { state: 'bezwaartermijn', appealEndsOn: '2027-01-06', graceEndsOn: '2027-02-05', shredOn: '2027-02-06', shreddedOn: null, synced: false },
      register: { destroyOn: '2028-11-25', held: false },
      mayPlaceHold: true,
      mayLiftHold: false,
    });
    expect(existsSync(join(dir, 'cases', caseId))).toBe(true);

    on('2027-01-06');
    expect(await due()).toEqual([]);
    on('2027-02-05');
    expect(await due()).toEqual([]);
    on('2027-02-06');
    // Past every period, but the decision has not reached the central database yet.
    expect(value(await call('retention.forCase', { caseId }, dpo.token)).local.state).toBe('wacht_op_synchronisatie');
    expect(await due()).toEqual([]);
    await syncOutbox();
    expect(await due()).toEqual([caseId]);

    // The handler stops it (an open complaint about the handling); only the dpo can lift it.
    const held = value(await call('retention.placeHold', { caseId, kind: 'klacht', reason: 'De verzoeker klaagt over de afhandeling.' }, harm.token));
    expect(held.local.state).toBe('bewaarplicht');
    expect(await due()).toEqual([]);
    expect(value(await call('retention.runLocal', {}, dpo.token)).cases).toEqual([]);
    const holdId = held.holds[0]?.id ?? '';
    expect(await call('retention.liftHold', { caseId, holdId, reason: 'De klacht is afgehandeld.' }, harm.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const lifted = value(await call('retention.liftHold', { caseId, holdId, reason: 'De klacht is afgehandeld.' }, dpo.token));
    expect(lifted.holds[0]).toMatchObject({ active: false, liftedBy: 'Fenna FG', liftReason: 'De klacht is afgehandeld.' });

    const run = value(await call('retention.runLocal', {}, dpo.token));
    expect(run).toEqual({ today: '2027-02-06', dryRun: false, cases: [{ caseId, reference: 'AVG-2026-0001', shredOn: '2027-02-06', shredded: true }] });
    expect(value(await call('retention.runLocal', {}, dpo.token)).cases).toEqual([]);

    // The register row stays without the requester; the file is gone.
    const after = value(await call('case.get', { id: caseId }, harm.token));
    expect(after).toMatchObject({
      reference: 'AVG-2026-0001',
      status: 'afgesloten',
      receivedOn: '2026-11-25',
      requester: { name: '', address: null, customerNumber: null, birthDate: null },
    });
    expect(value(await call('dossier.list', { caseId }, harm.token))).toEqual([]);
    expect(value(await call('thirdParty.list', { caseId }, harm.token))).toEqual([]);
    expect(await call('dossier.pdf', { caseId, documentId }, harm.token)).toMatchObject({ ok: false });
    expect(value(await call('retention.forCase', { caseId }, harm.token)).local).toMatchObject({ state: 'vernietigd', shreddedOn: '2027-02-06' });
    const timeline = value(await call('case.timeline', { id: caseId }, dpo.token));
    expect(timeline.find((e) => e.procedure === 'retention.shred')).toMatchObject({ actorId: dpo.id, outcome: 'ok' });
    expect(value(await call('audit.verify', {}, dpo.token))).toMatchObject({ ok: true, central: null });

    // Nothing of it anywhere under the data directory: not the file bytes, not the names or text.
    expect(existsSync(join(dir, 'cases', caseId))).toBe(false);
    const secrets = [REQUESTER, 'Nguyễn', NEIGHBOUR, PHRASE, 'ZEBRAGIRAFFE', 'K-104233', 'Weißstraße 12'];
    expect(plaintextHits(dir, [...secrets, pdf.subarray(1000, 1064).toString('latin1')])).toEqual([]);
    const text = await storeTextOf(dir);
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(text).not.toContain(pdf.subarray(2000, 2064).toString('latin1'));
    expect(text).toContain('AVG-2026-0001');
  }, 60_000);
});

describe('central retention: the destruction list', () => {
  it('proposes the register records past two years, needs the dpo to approve, and leaves a record without personal data', async () => {
    const { call, dir, dpo, harm, h1, caseId, syncOutbox, on, register, intake } = await decidedCase();
    await syncOutbox();
    // A second closed case with a legal hold: never on the list.
    const keptId = await register({ name: 'Fatma Yılmaz-Ağaoğlu' }, { type: 'klacht', writtenAndSigned: false });
    value(await call('case.transition', { id: keptId, to: 'ingetrokken' }, h1.token));
    value(await call('retention.placeHold', { caseId: keptId, kind: 'rechtszaak', reason: 'Procedure bij de rechtbank Midden-Nederland.' }, dpo.token));

    on('2028-11-24');
    // Two years on, everyone signs in again.
    const login = async (userName: string) => value(await call('session.login', { userName, password: STRONG_PASSWORD }, null)).token;
    dpo.token = await login('fg');
    harm.token = await login('harm');
    intake.token = await login('balie');
    expect(value(await call('retention.propose', {}, dpo.token))).toBeNull();
    on('2028-11-25');
    const overview = value(await call('retention.overview', {}, dpo.token));
    expect(overview.upcoming).toContainEqual(expect.objectContaining({ caseId, what: 'registratie', on: '2028-11-25', state: 'te_vernietigen' }));
    expect(overview.upcoming.some((u) => u.caseId === keptId)).toBe(false);
    const list = value(await call('retention.propose', {}, dpo.token));
    expect(list?.items).toEqual([
      expect.objectContaining({ caseId, reference: 'AVG-2026-0001', requestType: 'inzage', closedOn: '2026-11-25', destroyOn: '2028-11-25', removed: false }),
    ]);
    const listId = list?.id ?? '';

    // Only the dpo approves; removing needs a reason.
    expect(await call('retention.approve', { listId }, harm.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('retention.approve', { listId }, intake.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('retention.removeItem', { listId, caseId, reason: '' }, dpo.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(value(await call('case.get', { id: caseId }, dpo.token)).reference).toBe('AVG-2026-0001');

    const approved = value(await call('retention.approve', { listId }, dpo.token));
    expect(approved).toMatchObject({ status: 'uitgevoerd', approvedBy: 'Fenna FG', items: [expect.objectContaining({ caseId, destroyedOn: '2028-11-25' })] });
    expect(await call('case.get', { id: caseId }, dpo.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(value(await call('case.get', { id: keptId }, dpo.token)).requester.name).toBe('Fatma Yılmaz-Ağaoğlu');
    // Who looked at it stays answerable after the record is gone.
    expect(value(await call('audit.caseReads', { caseReference: 'AVG-2026-0001' }, dpo.token)).byStaff.length).toBeGreaterThan(0);

    const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
    try {
      const record = store.sqlite.prepare('SELECT * FROM destruction_records').get() as Record<string, unknown>;
      expect(record).toMatchObject({
        case_id: caseId,
        reference: 'AVG-2026-0001',
        request_type: 'inzage',
        received_on: '2026-11-25',
        closed_on: '2026-11-25',
        destroyed_on: '2028-11-25',
        approved_by: dpo.id,
        list_id: listId,
      });
      const outbox = store.sqlite.prepare("SELECT payload, sent_at FROM outbox WHERE kind = 'destruction'").all() as {
        payload: string;
        sent_at: string | null;
      }[];
      expect(outbox).toHaveLength(1);
      expect(JSON.parse(outbox[0]?.payload ?? '')).toEqual({
        id: record.id,
        reference: 'AVG-2026-0001',
        requestType: 'inzage',
        receivedOn: '2026-11-25',
        closedOn: '2026-11-25',
        destroyedOn: '2028-11-25',
        approvedBy: dpo.id,
        listId,
        recordType: 'case',
      });
      expect(outbox[0]?.sent_at).toBeNull();
      for (const table of ['cases', 'letters', 'decisions', 'case_tasks', 'documents', 'third_parties', 'case_keys', 'case_files']) {
        expect(
          store.sqlite
            .prepare(`SELECT count(*) FROM ${table} WHERE ${table === 'cases' ? 'id' : 'case_id'} = ?`)
            .pluck()
            .get(caseId),
          table,
        ).toBe(0);
      }
    } finally {
      store.close();
    }
    const text = await storeTextOf(dir);
    expect(text).not.toContain(REQUESTER);
    expect(text).not.toContain(PHRASE);
    expect(existsSync(join(dir, 'cases', caseId))).toBe(false);
  }, 60_000);

  it('a hold placed after the list was made keeps the case when the list is approved', async () => {
    const { call, dpo, caseId, syncOutbox, on } = await decidedCase();
    await syncOutbox();
    on('2028-11-25');
    dpo.token = value(await call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null)).token;
    const list = value(await call('retention.propose', {}, dpo.token));
    value(await call('retention.placeHold', { caseId, kind: 'bewaarplicht', reason: 'Fiscale bewaarplicht: zeven jaar.' }, dpo.token));
    const approved = value(await call('retention.approve', { listId: list?.id ?? '' }, dpo.token));
    expect(approved.items).toEqual([
      expect.objectContaining({ caseId, removed: true, removeReason: 'Niet vernietigd: er rust een blokkade op de zaak.', destroyedOn: null }),
    ]);
    expect(value(await call('case.get', { id: caseId }, dpo.token)).requester.name).toBe(REQUESTER);
    expect(await call('retention.approve', { listId: list?.id ?? '' }, dpo.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  }, 60_000);

  it('the daily run (the backend sweep) shreds what is due and proposes a list as the system, once a day', async () => {
    const { backend, call, dir, caseId, syncOutbox, on } = await decidedCase();
    await syncOutbox();
    on('2028-11-25');
    backend.sweep();
    expect(existsSync(join(dir, 'cases', caseId))).toBe(false);
    const token = value(await call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null)).token;
    const overview = value(await call('retention.overview', {}, token));
    expect(overview.openList).toMatchObject({ proposedBy: null, items: [expect.objectContaining({ caseId, removed: false })] });
    backend.sweep();
    const runs = value(await call('audit.search', { filter: { procedure: 'retention.scheduled' } }, token));
    expect(runs).toEqual([expect.objectContaining({ actorId: null, category: 'gewijzigd', outcome: 'ok' })]);
    expect(value(await call('audit.search', { filter: { procedure: 'retention.shred' } }, token))).toEqual([
      expect.objectContaining({ actorId: null, caseReference: 'AVG-2026-0001' }),
    ]);
  }, 60_000);

  it('letters on a shorter term of their own: proposed as letters, destroyed on approval, the register record stays until its own term', async () => {
    const { call, dir, dpo, harm, caseId, syncOutbox, on } = await decidedCase();
    await syncOutbox();
    expect(value(await call('retention.setPolicy', { graceDays: 30, registerYears: 2, letterYears: 1 }, dpo.token))).toEqual({
      graceDays: 30,
      registerYears: 2,
      letterYears: 1,
    });
    const login = async (userName: string) => value(await call('session.login', { userName, password: STRONG_PASSWORD }, null)).token;
    const storeRows = async <T>(query: string, ...params: unknown[]) => {
      const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
      try {
        return store.sqlite.prepare(query).all(...params) as T[];
      } finally {
        store.close();
      }
    };
    const [letter] = await storeRows<{ id: string; file_id: string }>('SELECT id, file_id FROM letters WHERE case_id = ?', caseId);
    const letterFile = join(dir, 'cases', caseId, `${letter?.file_id ?? ''}.avgf`);
    expect(existsSync(letterFile)).toBe(true);

    on('2027-11-24');
    dpo.token = await login('fg');
    expect(value(await call('retention.propose', {}, dpo.token))).toBeNull();
    on('2027-11-25');
    dpo.token = await login('fg');
    harm.token = await login('harm');
    const overview = value(await call('retention.overview', {}, dpo.token));
    expect(overview.upcoming.filter((u) => u.caseId === caseId && u.what !== 'dossier')).toEqual([
      expect.objectContaining({ what: 'brieven', on: '2027-11-25', state: 'te_vernietigen' }),
    ]);
    const list = value(await call('retention.propose', {}, dpo.token));
    expect(list?.items).toEqual([expect.objectContaining({ caseId, kind: 'brieven', closedOn: '2026-11-25', destroyOn: '2027-11-25', removed: false })]);
    const listId = list?.id ?? '';
    const approved = value(await call('retention.approve', { listId }, dpo.token));
    expect(approved.items).toEqual([expect.objectContaining({ caseId, kind: 'brieven', destroyedOn: '2027-11-25' })]);

    // The letter's PDF and text are gone; the register record and the dossier are not.
    expect(existsSync(letterFile)).toBe(false);
    expect(value(await call('case.get', { id: caseId }, harm.token)).requester.name).toBe(REQUESTER);
    expect(value(await call('dossier.list', { caseId }, harm.token))).toHaveLength(1);
    const [blank] = await storeRows<{ file_key: string | null; content: string }>('SELECT file_key, content FROM letters WHERE id = ?', letter?.id);
    expect(blank?.file_key).toBeNull();
    expect(blank?.content).not.toContain(REQUESTER);
    const [record] = await storeRows<Record<string, unknown>>("SELECT * FROM destruction_records WHERE kind = 'brieven'");
    expect(record).toMatchObject({ case_id: caseId, reference: 'AVG-2026-0001', destroyed_on: '2027-11-25', approved_by: dpo.id, list_id: listId });
    const outbox = await storeRows<{ payload: string }>("SELECT payload FROM outbox WHERE kind = 'destruction'");
    expect(outbox.map((o) => JSON.parse(o.payload) as unknown)).toEqual([
      {
        id: record?.id,
        reference: 'AVG-2026-0001',
        requestType: 'inzage',
        receivedOn: '2026-11-25',
        closedOn: '2026-11-25',
        destroyedOn: '2027-11-25',
        approvedBy: dpo.id,
        listId,
        recordType: 'letters',
      },
    ]);
    const timeline = value(await call('case.timeline', { id: caseId }, dpo.token));
    expect(timeline.filter((e) => e.procedure === 'retention.destroyLetters')).toEqual([expect.objectContaining({ actorId: dpo.id, outcome: 'ok' })]);
    // Destroyed once: not proposed again.
    expect(value(await call('retention.propose', {}, dpo.token))).toBeNull();

    // The register record on its own term, a year later.
    on('2028-11-25');
    dpo.token = await login('fg');
    const later = value(await call('retention.propose', {}, dpo.token));
    expect(later?.items).toEqual([expect.objectContaining({ caseId, kind: 'registratie', destroyOn: '2028-11-25' })]);
    value(await call('retention.approve', { listId: later?.id ?? '' }, dpo.token));
    expect(await call('case.get', { id: caseId }, dpo.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const kinds = await storeRows<{ kind: string; type: string | null }>(
      "SELECT d.kind, json_extract(o.payload, '$.recordType') AS type FROM destruction_records d JOIN outbox o ON json_extract(o.payload, '$.id') = d.id ORDER BY d.destroyed_on",
    );
    expect(kinds).toEqual([
      { kind: 'brieven', type: 'letters' },
      { kind: 'registratie', type: 'case' },
    ]);
  }, 60_000);

  it('letters kept longer than the register record: the register record waits for them', async () => {
    const { call, dpo, caseId, syncOutbox, on } = await decidedCase();
    await syncOutbox();
    value(await call('retention.setPolicy', { graceDays: 30, registerYears: 2, letterYears: 3 }, dpo.token));
    on('2028-11-25');
    dpo.token = value(await call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null)).token;
    expect(value(await call('retention.forCase', { caseId }, dpo.token)).register.destroyOn).toBe('2029-11-25');
    expect(value(await call('retention.propose', {}, dpo.token))).toBeNull();
    on('2029-11-25');
    dpo.token = value(await call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null)).token;
    expect(value(await call('retention.propose', {}, dpo.token))?.items).toEqual([
      expect.objectContaining({ caseId, kind: 'registratie', destroyOn: '2029-11-25' }),
    ]);
  }, 60_000);
});
