import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_PARTS } from '../../db/local/cases/case-parts.js';
import { insertCase } from '../../db/local/cases/repository.js';
import { CaseVault } from '../../main/platform/case-vault.js';
import { confirmHandover } from '../../main/handover/confirm.js';
import { encodePng } from '../../main/dossier/images.js';
import { CaseFileStore } from '../../main/platform/case-files.js';
import type { OpenStore } from '../../main/platform/encrypted-db.js';
import { ADMIN, STRONG_PASSWORD, tempDir, value } from '../support/basics.js';
import { sqlWhere } from '../support/case-parts.js';
import { establishIdentity } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';
import { plaintextHits } from '../support/scan.js';
import { openStoreAs, storeText } from '../support/store.js';
import { team } from '../support/team.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});
const onCleanup = (c: () => void) => cleanups.push(c);

/** Made-up people and a phrase that exists only in this case's file. */
const REQUESTER = 'Łukasz Nguyễn-Özdemir';
const NEIGHBOUR = 'Gretchen Weißstraße';
const PHRASE = 'Rekening ZEBRAGIRAFFE-4417 van de huurder';
const NOTE = `Gespreksnotitie met ${REQUESTER}. ${PHRASE}. Buurvrouw ${NEIGHBOUR} klaagde over geluid.`;
const SECRETS = [REQUESTER, NEIGHBOUR, 'ZEBRAGIRAFFE-4417', 'Weißstraße 12'];
const BUNDLE_PASSWORD = 'Overdracht-Telefoon-2026!';

function idCardPng(width = 120, height = 80): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = (i / 4) % 251;
    data[i + 1] = (i / 8) % 241;
    data[i + 2] = 200;
    data[i + 3] = 255;
  }
  return encodePng({ width, height, data });
}

/**
 * Desktop A: an open case of Harm (handler and signer) with an ID copy, a dossier note, a third
 * party, ticked activities, an extension (a task), a legal hold and a decision letter signed by
 * Sanne but not yet sent to the central database.
 */
async function desktopA() {
  const t = await letterTeam(onCleanup);
  const harm = t.handlerSigner;
  const caseId = await t.register(t.requester, { handlerId: harm.id });
  const call = t.call;
  value(
    await call(
      'identity.record',
      { caseId, subject: 'verzoeker', method: 'balie', outcome: 'meer_informatie', reason: 'Het legitimatiebewijs aan de balie was verlopen.' },
      harm.token,
    ),
  );
  value(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
  value(await call('case.transition', { id: caseId, to: 'in_behandeling' }, harm.token));
  await establishIdentity(call, caseId, harm.token);
  // A copy that came in after the identity was established: it travels with the case until destroyed.
  value(await call('identity.uploadCopy', { caseId, subject: 'verzoeker', fileName: 'scan.png', dataBase64: idCardPng().toString('base64') }, t.intake.token));
  const imported = value(
    await call('dossier.import', { caseId, fileName: 'notitie.txt', dataBase64: Buffer.from(NOTE).toString('base64'), source: 'klantcontact' }, harm.token),
  );
  const documentId = imported.documents[0]?.id ?? '';
  const party = value(await call('thirdParty.add', { caseId, name: NEIGHBOUR, role: 'buurvrouw', documentIds: [documentId] }, harm.token));
  value(await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'toestemming' }, harm.token));
  // Where Harm looked, and an export he took from the rent system: both part of the file.
  value(await call('sources.record', { caseId, activityId: 'huuradministratie', found: true, note: 'Huurcontract en betalingen gevonden.' }, harm.token));
  value(
    await call(
      'dataset.import',
      {
        caseId,
        activityId: 'huuradministratie',
        fileName: 'betalingen.csv',
        dataBase64: Buffer.from(`datum;bedrag;omschrijving\r\n2026-08-01;742;${PHRASE}\r\n`).toString('base64'),
      },
      harm.token,
    ),
  );
  value(await call('case.extend', { id: caseId, months: 1, reason: 'Dossier ligt bij drie afdelingen en een aannemer.' }, harm.token));
  value(await call('retention.placeHold', { caseId, kind: 'klacht', reason: 'Klacht bij de Autoriteit Persoonsgegevens loopt.' }, t.dpo.token));
  value(await call('case.transition', { id: caseId, to: 'besluit_in_concept' }, harm.token));
  const draft = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
  value(await call('letter.submit', { letterId: draft.id }, harm.token));
  value(await call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, t.signer.token));
  return { ...t, harm, caseId, documentId };
}

/** Desktop B: another data folder with its own staff (Henk takes the case over). */
async function desktopB() {
  return team(onCleanup);
}

async function withStore<T>(dir: string, run: (store: OpenStore) => T | Promise<T>): Promise<T> {
  const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
  try {
    return await run(store);
  } finally {
    store.close();
  }
}

/** What a bundle carries, as the registry says (the case row, every carried part; the outbox only its travelling entries). */
const CASE_TABLES: Record<string, string> = Object.fromEntries(
  CASE_PARTS.flatMap((p) => (p.handover.carried ? [[p.name, p.handover.only ? `${sqlWhere(p)} AND ${p.handover.only}` : sqlWhere(p)]] : [])),
);
/** Keys differ by design: each desktop wraps the files under its own case key. */
const KEY_COLUMNS = new Set(['wrapped_key', 'file_key']);

/**
 * Every row of the case, read straight from the store with SQL, staff ids replaced by user names
 * (each desktop has its own ids for the same people) and keys left out; plus every file decrypted.
 */
async function snapshot(dir: string, caseId: string) {
  return withStore(dir, (store) => {
    const names = new Map(
      (store.sqlite.prepare('SELECT id, user_name FROM staff').all() as { id: string; user_name: string }[]).map((s) => [s.id, s.user_name]),
    );
    const norm = (v: unknown): unknown =>
      typeof v === 'string'
        ? v.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gu, (id) => (names.has(id) ? `staff:${names.get(id)}` : id))
        : v;
    const rows: Record<string, Record<string, unknown>[]> = {};
    for (const [table, where] of Object.entries(CASE_TABLES)) {
      rows[table] = (store.sqlite.prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY 1, 2`).all(caseId) as Record<string, unknown>[]).map((r) =>
        Object.fromEntries(
          Object.entries(r)
            .filter(([k]) => !KEY_COLUMNS.has(k))
            .map(([k, v]) => [k, norm(v)]),
        ),
      );
    }
    const vault = new CaseVault(new CaseFileStore(dir));
    const files = new Map<string, string>();
    const fileRows = store.sqlite
      .prepare(
        'SELECT id, wrapped_key AS key FROM case_files WHERE case_id = ? UNION ALL SELECT file_id, file_key FROM letters WHERE case_id = ? AND file_id IS NOT NULL',
      )
      .all(caseId, caseId) as { id: string; key: Buffer }[];
    for (const f of fileRows) {
      const plain = vault.read(store.db, { id: f.id, caseId, wrappedKey: f.key } as Parameters<CaseVault['read']>[1]);
      files.set(f.id, plain.toString('base64'));
    }
    return { rows, files };
  });
}

describe('handover of a case file to another desktop', () => {
  it('moves every row and every file byte for byte, encrypted, and the old desktop shreds its copy once confirmed', async () => {
    const a = await desktopA();
    const b = await desktopB();
    const out = tempDir('avg-desk-handover-');
    onCleanup(out.cleanup);
    const bundlePath = join(out.dir, 'AVG-overdracht.avgh');

    // Who may export: the dpo or the handler it is assigned to here; a strong password; a full path.
    expect(await a.call('handover.export', { caseId: a.caseId, path: bundlePath, password: BUNDLE_PASSWORD }, a.h2.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await a.call('handover.export', { caseId: a.caseId, path: bundlePath, password: 'kort' }, a.harm.token)).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', details: expect.arrayContaining(['Het wachtwoord moet minstens 12 tekens lang zijn.']) },
    });
    expect(await a.call('handover.export', { caseId: a.caseId, path: 'overdracht.avgh', password: BUNDLE_PASSWORD }, a.harm.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await a.call('handover.export', { caseId: a.caseId, path: join(a.dir, 'x.avgh'), password: BUNDLE_PASSWORD }, a.harm.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await b.call('handover.export', { caseId: a.caseId, path: bundlePath, password: BUNDLE_PASSWORD }, b.dpo.token)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(existsSync(bundlePath)).toBe(false);

    const before = await snapshot(a.dir, a.caseId);
    const exported = value(await a.call('handover.export', { caseId: a.caseId, path: bundlePath, password: BUNDLE_PASSWORD }, a.harm.token));
    expect(exported).toMatchObject({ caseId: a.caseId, path: bundlePath, files: before.files.size });
    // The ID copy, the note (with its PDF rendition) and the signed letter.
    expect(before.rows.case_files?.map((f) => f.kind).sort()).toEqual(expect.arrayContaining(['document', 'id_copy']));
    expect(before.files.size).toBe((before.rows.case_files?.length ?? 0) + 1);
    const bundle = readFileSync(bundlePath);
    expect(exported.bytes).toBe(bundle.length);
    expect(existsSync(`${bundlePath}.part`)).toBe(false);
    expect(plaintextHits(out.dir, SECRETS)).toEqual([]);

    // A wrong password, a changed byte, a cut file: a Dutch refusal and nothing imported.
    const wrong = await b.call('handover.import', { path: bundlePath, password: 'Verkeerd-Wachtwoord-99' }, b.h2.token);
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS', message: expect.stringMatching(/^Het wachtwoord van het overdrachtsbestand klopt niet/u) },
    });
    expect(bundle.length).toBeGreaterThan(46 + 12 + 65_536 + 16); // more than one chunk, so the file can be cut after a whole one
    const flipped = (at: number, bit: number) => {
      const copy = Buffer.from(bundle);
      copy.writeUInt8((copy.readUInt8(at) ^ bit) & 0xff, at);
      return copy;
    };
    const variants: [string, Buffer][] = [
      ['body', flipped(bundle.length - 300, 0x01)],
      ['salt', flipped(20, 0x80)],
      ['cut', bundle.subarray(0, bundle.length - 100)],
      ['cut at a chunk', bundle.subarray(0, 46 + 12 + 65_536 + 16)],
    ];
    for (const [name, bytes] of variants) {
      const file = join(out.dir, `${name}.avgh`);
      writeFileSync(file, bytes);
      const result = await b.call('handover.import', { path: file, password: BUNDLE_PASSWORD }, b.h2.token);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error.message, name).toMatch(/^Het (overdrachtsbestand is beschadigd|wachtwoord van het overdrachtsbestand klopt niet)/u);
    }
    writeFileSync(join(out.dir, 'geen.avgh'), 'Dit is een tekstbestand.');
    expect(await b.call('handover.import', { path: join(out.dir, 'geen.avgh'), password: BUNDLE_PASSWORD }, b.h2.token)).toMatchObject({
      ok: false,
      error: { message: 'Dit is geen overdrachtsbestand van AVG Desk. Er is niets ingelezen.' },
    });
    expect(await b.call('case.get', { id: a.caseId }, b.dpo.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(existsSync(join(b.dir, 'cases', a.caseId))).toBe(false);
    // Only a handler imports; the exporting desktop does not import its own bundle.
    expect(await b.call('handover.import', { path: bundlePath, password: BUNDLE_PASSWORD }, b.dpo.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await a.call('handover.import', { path: bundlePath, password: BUNDLE_PASSWORD }, a.h2.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // Henk imports on desktop B: the case is his, with every row and file as on A.
    const imported = value(await b.call('handover.import', { path: bundlePath, password: BUNDLE_PASSWORD }, b.h2.token));
    expect(imported).toEqual({ caseId: a.caseId, reference: before.rows.cases?.[0]?.reference, files: before.files.size });
    const after = await snapshot(b.dir, a.caseId);
    expect(after.files).toEqual(before.files);
    const { cases: casesA, ...restA } = before.rows;
    const { cases: casesB, ...restB } = after.rows;
    expect(restB).toEqual(restA);
    const strip = (row: Record<string, unknown> | undefined) => ({ ...row, handler_id: undefined, updated_at: undefined });
    expect(strip(casesB?.[0])).toEqual(strip(casesA?.[0]));
    expect(casesA?.[0]?.handler_id).toBe('staff:harm');
    expect(casesB?.[0]?.handler_id).toBe('staff:henk');
    for (const table of [
      'case_files',
      'documents',
      'third_parties',
      'source_searches',
      'datasets',
      'letters',
      'decisions',
      'case_tasks',
      'legal_holds',
      'identity_checks',
      'case_activities',
      'outbox',
    ]) {
      expect(restA[table]?.length, table).toBeGreaterThan(0);
    }
    // Henk works on it through the API; Harm and Sanne are known on B by name (no password here).
    expect(value(await b.call('case.get', { id: a.caseId }, b.h2.token))).toMatchObject({ requester: { name: REQUESTER } });
    const pdf = value(await b.call('dossier.pdf', { caseId: a.caseId, documentId: a.documentId }, b.h2.token));
    expect(pdf.dataBase64.length).toBeGreaterThan(0);
    expect(await b.call('case.get', { id: a.caseId }, b.h1.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The central database learns of it through the outbox, in the same transaction.
    const handover = await withStore(b.dir, (s) => s.sqlite.prepare("SELECT payload FROM outbox WHERE kind = 'handover'").all() as { payload: string }[]);
    expect(handover).toHaveLength(1);
    const payload = JSON.parse(handover[0]?.payload ?? '{}') as Record<string, unknown>;
    const harmOnB = await withStore(
      b.dir,
      (s) => s.sqlite.prepare("SELECT id, active FROM staff WHERE user_name = 'harm'").get() as { id: string; active: number },
    );
    expect(payload).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/u),
      caseId: a.caseId,
      fromStaffId: harmOnB.id,
      toStaffId: b.h2.id,
      bundleSha256: exported.bundleSha256,
    });
    expect(harmOnB.active).toBe(0);
    const events = value(await b.call('audit.list', { limit: 5 }, b.dpo.token));
    expect(events.find((e) => e.procedure === 'handover.import')).toMatchObject({ outcome: 'ok', recordId: a.caseId, actorId: b.h2.id });

    // Importing again is refused, on B as on any desktop that holds the file.
    expect(await b.call('handover.import', { path: bundlePath, password: BUNDLE_PASSWORD }, b.h2.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('staat met haar dossier al op deze computer') },
    });

    // No made-up name in plaintext: not in the bundle, not in either data folder.
    expect(plaintextHits(out.dir, SECRETS)).toEqual([]);
    expect(plaintextHits(a.dir, SECRETS)).toEqual([]);
    expect(plaintextHits(b.dir, SECRETS)).toEqual([]);

    // The central database reports the import: A shreds its copy (the lead's sync calls this).
    a.backend.close();
    const store = await openStoreAs(a.dir, ADMIN.userName, ADMIN.password);
    const vault = new CaseVault(new CaseFileStore(a.dir));
    try {
      expect(confirmHandover(store.db, vault, 'f'.repeat(64), new Date('2026-11-27T10:00:00Z'))).toBeNull();
      expect(confirmHandover(store.db, vault, exported.bundleSha256, new Date('2026-11-27T10:00:00Z'))).toBe(a.caseId);
      expect(confirmHandover(store.db, vault, exported.bundleSha256, new Date('2026-11-27T10:05:00Z'))).toBeNull();
      expect(store.sqlite.prepare('SELECT confirmed_at FROM handover_exports').all()).toEqual([{ confirmed_at: '2026-11-27T10:00:00.000Z' }]);
      expect(store.sqlite.prepare('SELECT count(*) AS n FROM case_keys WHERE case_id = ?').get(a.caseId)).toEqual({ n: 0 });
      expect(store.sqlite.prepare('SELECT count(*) AS n FROM cases WHERE id = ?').get(a.caseId)).toEqual({ n: 0 });
      expect(store.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL AND json_extract(payload, '$.caseId') = ?").get(a.caseId)).toEqual({
        n: 0,
      });
      expect(store.sqlite.prepare('SELECT procedure, actor_id FROM audit_events WHERE record_id = ? ORDER BY seq DESC LIMIT 1').get(a.caseId)).toEqual({
        procedure: 'handover.confirm',
        actor_id: null,
      });
    } finally {
      store.close();
    }
    expect(existsSync(join(a.dir, 'cases', a.caseId))).toBe(false);
    const textA = await storeText(a.dir, ADMIN.userName, ADMIN.password);
    for (const secret of SECRETS) expect(textA, secret).not.toContain(secret);
    expect(plaintextHits(a.dir, SECRETS)).toEqual([]);
    // B keeps its copy.
    expect((await snapshot(b.dir, a.caseId)).files).toEqual(before.files);
  });

  it('fills in a case that came from the central database without its file, and assigns it to the importer', async () => {
    const a = await team(onCleanup);
    const b = await desktopB();
    const caseId = await a.register({ name: REQUESTER, birthDate: '1985-04-12' });
    value(
      await a.call('dossier.import', { caseId, fileName: 'notitie.txt', dataBase64: Buffer.from(NOTE).toString('base64'), source: 'klantcontact' }, a.h1.token),
    );
    // What a pull brings to B: the register row with the requester, assigned to Hanna there, no file.
    const row = await withStore(a.dir, (s) => s.db.query.cases.findFirst({ where: (c, { eq }) => eq(c.id, caseId) }));
    if (!row) throw new Error('case missing');
    await withStore(b.dir, (s) => insertCase(s.db, { ...row, handlerId: b.h1.id, createdBy: b.intake.id, requesterName: REQUESTER }, 'central'));
    expect(value(await b.call('case.get', { id: caseId }, b.h1.token))).toMatchObject({ requester: { name: REQUESTER } });

    const out = tempDir('avg-desk-handover-');
    onCleanup(out.cleanup);
    const path = join(out.dir, 'zaak.avgh');
    // The dpo of A exports (the case is Hanna's there).
    value(await a.call('handover.export', { caseId, path, password: BUNDLE_PASSWORD }, a.dpo.token));
    const imported = value(await b.call('handover.import', { path, password: BUNDLE_PASSWORD }, b.h2.token));
    expect(imported).toMatchObject({ caseId, files: 2 });
    expect(value(await b.call('case.get', { id: caseId }, b.h2.token))).toMatchObject({ handlerId: b.h2.id, requester: { name: REQUESTER } });
    const docs = value(await b.call('dossier.list', { caseId }, b.h2.token));
    expect(docs.map((d) => d.name)).toEqual(['notitie.txt']);
    expect(await b.call('handover.import', { path, password: BUNDLE_PASSWORD }, b.h2.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(plaintextHits(b.dir, SECRETS)).toEqual([]);
  });

  it('refuses to export a closed case', async () => {
    const a = await team(onCleanup);
    const caseId = await a.register({ name: REQUESTER });
    value(await a.call('case.transition', { id: caseId, to: 'ingetrokken', reason: 'Verzoeker trekt het verzoek in.' }, a.h1.token));
    const out = tempDir('avg-desk-handover-');
    onCleanup(out.cleanup);
    expect(await a.call('handover.export', { caseId, path: join(out.dir, 'x.avgh'), password: BUNDLE_PASSWORD }, a.h1.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
