import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit.js';
import type { OpenStore } from '../../main/platform/encrypted-db.js';
import { contract, PROCEDURE_NAMES, type ProcedureName } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { ACTIONS } from '../../shared/staff/permissions.js';
import type { Role } from '../../shared/staff/roles.js';
import { ADMIN, addStaff, value } from '../support/backend.js';
import { emptySampleIds, procedureSamples, type SampleIds } from '../support/procedure-samples.js';
import { openStoreAs } from '../support/store.js';
import { team } from '../support/team.js';
import { BAD_DATES, badFiles, bombJpeg, bombPng, expectDutchRefusal, expectUnchanged, manyPagePdf, NASTY_TEXT, snapshot, type BadFile } from './corpus.js';
import { LONG } from './rng.js';

/**
 * Bad input through the API (the real dispatcher and services, in this process): every item gets
 * a Dutch refusal, or is stored and read back exactly; nothing stored before changes; the process
 * stays up and the store stays consistent.
 */
let t: Awaited<ReturnType<typeof team>>;
let store: OpenStore;
let caseId = '';
let cleanup: () => void = () => {};
const files: BadFile[] = await badFiles();

beforeAll(async () => {
  t = await team((c) => (cleanup = c));
  caseId = await t.register({ name: 'Fatma Yılmaz', address: 'Dorpsstraat 3, 1234 AB Hilversum' });
  value(
    await t.call(
      'dossier.import',
      { caseId, fileName: 'bestaand.txt', dataBase64: Buffer.from('Een notitie die er al was.').toString('base64'), source: 'klantcontact' },
      t.h1.token,
    ),
  );
  store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
}, 60_000);
afterAll(() => {
  store.close();
  t.backend.close();
  cleanup();
});

/** Runs a call; a refusal must be Dutch and leave everything as it was, a success may only add. */
async function refusedOrStored<T>(what: string, call: () => Promise<Result<T>>): Promise<Result<T>> {
  const before = snapshot(store);
  const result = await call();
  const after = snapshot(store);
  expectUnchanged(before, after);
  if (!result.ok) {
    expectDutchRefusal(result, what);
    // A refusal adds nothing but its audit event.
    expect(
      [...after.keys()].filter((k) => !before.has(k) && !k.startsWith('audit_events ')),
      what,
    ).toEqual([]);
  }
  return result;
}

describe('bad files through dossier.import', () => {
  it.each(files.map((f) => [f.what, f] as const))('%s', async (_what, file) => {
    const result = await refusedOrStored(file.what, () =>
      t.call('dossier.import', { caseId, fileName: file.name, dataBase64: file.bytes.toString('base64'), source: 'klantcontact' }, t.h1.token),
    );
    if (!result.ok) return;
    // Stored: under the name as given, and a PDF comes back byte for byte.
    const [doc] = result.value.documents;
    expect(doc?.name).toBe(file.name.trim());
    const listed = value(await t.call('dossier.list', { caseId }, t.h1.token));
    expect(listed.find((d) => d.id === doc?.id)?.name).toBe(file.name.trim());
    const pdf = value(await t.call('dossier.pdf', { caseId, documentId: doc?.id ?? '', version: 'original' }, t.h1.token));
    if (doc?.format === 'pdf') expect(Buffer.from(pdf.dataBase64, 'base64').equals(file.bytes)).toBe(true);
    else expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the corpus hits the refusals it was made for', async () => {
    const importOf = (name: string) =>
      t.call(
        'dossier.import',
        { caseId, fileName: name, dataBase64: files.find((f) => f.name === name)?.bytes.toString('base64') ?? '', source: 'klantcontact' },
        t.h1.token,
      );
    expect(await importOf('beveiligd.pdf')).toMatchObject({ ok: false, error: { message: expect.stringContaining('wachtwoord') } });
    expect(await importOf('tienduizend.pdf')).toMatchObject({ ok: false, error: { message: expect.stringContaining('10000 pagina') } });
    expect(await importOf('bom.png')).toMatchObject({ ok: false, error: { message: expect.stringContaining('te groot') } });
    expect(await importOf('bom-echt.png')).toMatchObject({ ok: false, error: { message: expect.stringContaining('te groot') } });
    expect(await importOf('leeg.pdf')).toMatchObject({ ok: false, error: { message: expect.stringContaining('leeg') } });
    expect(await importOf('scan.pdf')).toMatchObject({ ok: false, error: { message: expect.stringContaining('geen PDF') } });
  });
});

describe('bad files as an ID copy', () => {
  const copies: [string, string, Buffer][] = [
    ['PNG bomb', 'bom.png', bombPng(100_000, 100_000, false)],
    ['PNG bomb with real pixels', 'bom-echt.png', bombPng(12_000, 12_000, true)],
    ['JPEG bomb', 'bom.jpg', bombJpeg()],
    ['0-byte PNG', 'leeg.png', Buffer.alloc(0)],
    ['PDF named .jpg', 'id.jpg', manyPagePdf(1)],
  ];
  it.each(copies)('%s gets a Dutch refusal', async (what, fileName, bytes) => {
    const result = await refusedOrStored(what, () =>
      t.call('identity.uploadCopy', { caseId, subject: 'verzoeker', fileName, dataBase64: bytes.toString('base64') }, t.h1.token),
    );
    expect(result.ok).toBe(false);
  });

  it('a PDF with 10,000 pages is taken as its first two pages (front and back), nothing more', async () => {
    const result = await refusedOrStored('10,000 pages', () =>
      t.call('identity.uploadCopy', { caseId, subject: 'verzoeker', fileName: 'id.pdf', dataBase64: manyPagePdf(10_000).toString('base64') }, t.h1.token),
    );
    expect(result).toMatchObject({ ok: true });
  });
});

describe('hostile text in a new case', () => {
  const values = Object.entries(NASTY_TEXT);
  const fields: [string, (v: string) => Record<string, unknown>, (c: Record<string, unknown>) => unknown][] = [
    ['requester name', (v) => ({ requester: { name: v, relation: 'huurder' } }), (c) => (c.requester as Record<string, unknown>).name],
    [
      'requester address',
      (v) => ({ requester: { name: 'Adres Test', relation: 'huurder', address: v } }),
      (c) => (c.requester as Record<string, unknown>).address,
    ],
    [
      'customer number',
      (v) => ({ requester: { name: 'Klant Test', relation: 'huurder', customerNumber: v } }),
      (c) => (c.requester as Record<string, unknown>).customerNumber,
    ],
    ['phone', (v) => ({ requester: { name: 'Telefoon Test', relation: 'huurder', phone: v } }), (c) => (c.requester as Record<string, unknown>).phone],
    ['e-mail', (v) => ({ requester: { name: 'Mail Test', relation: 'huurder', email: v } }), (c) => (c.requester as Record<string, unknown>).email],
    ['request text', (v) => ({ requester: { name: 'Tekst Test', relation: 'huurder' }, requestText: v }), (c) => c.requestText],
    [
      'representative',
      (v) => ({ requester: { name: 'Kind Test', relation: 'huurder' }, representative: { kind: 'gemachtigde', name: v, basis: v } }),
      (c) => (c.representative as Record<string, unknown> | null)?.name,
    ],
  ];
  const grid = fields.flatMap(([field, input, read]) => values.map(([kind, text]) => [field, kind, text, input, read] as const));

  it.each(grid)('%s with %s text: stored exactly or refused in Dutch', async (field, kind, text, input, read) => {
    const result = await refusedOrStored(`${field} ${kind}`, () =>
      t.call(
        'case.create',
        { type: 'inzage', channel: 'brief', received: '2026-11-24', writtenAndSigned: true, handlerId: t.h1.id, ...input(text) },
        t.intake.token,
      ),
    );
    if (!result.ok) return;
    const stored = value(await t.call('case.get', { id: result.value.id }, t.h1.token)) as unknown as Record<string, unknown>;
    expect(read(stored)).toBe(text.trim());
  });

  it('names and addresses with emoji, combining accents, markup and SQL are accepted as written', async () => {
    for (const text of [NASTY_TEXT.emoji, NASTY_TEXT.combining, NASTY_TEXT.html, NASTY_TEXT.sql, NASTY_TEXT.rtl]) {
      const created = value(
        await t.call(
          'case.create',
          {
            type: 'inzage',
            channel: 'brief',
            received: '2026-11-24',
            writtenAndSigned: true,
            handlerId: t.h1.id,
            requester: { name: text, address: text, relation: 'huurder' },
          },
          t.intake.token,
        ),
      );
      const stored = value(await t.call('case.get', { id: created.id }, t.h1.token));
      expect([stored.requester.name, stored.requester.address]).toEqual([text, text]);
    }
  });

  it('a name of 10,000 characters is refused in Dutch with the limit', async () => {
    const result = await t.call(
      'case.create',
      { type: 'inzage', channel: 'brief', received: '2026-11-24', writtenAndSigned: true, requester: { name: NASTY_TEXT.long, relation: 'huurder' } },
      t.intake.token,
    );
    expectDutchRefusal(result, 'long name');
    expect(JSON.stringify(result)).toMatch(/200/u);
  });

  it.each(values)('searching the queue and duplicates for %s text is answered, never an internal error', async (_kind, text) => {
    for (const search of [text.slice(0, 200), `"${text.slice(0, 50)}`, `${text.slice(0, 50)}*`, 'NEAR(a b)', 'name:x OR y', '"', '*']) {
      const queue = await t.call('case.queue', { search: search.slice(0, 200) }, t.dpo.token);
      if (!queue.ok) expectDutchRefusal(queue, `queue search ${search}`);
      const duplicates = await t.call('case.duplicates', { type: 'inzage', name: search.slice(0, 200) || 'x' }, t.intake.token);
      if (!duplicates.ok) expectDutchRefusal(duplicates, `duplicates ${search}`);
    }
  });
});

describe('dates that do not exist', () => {
  it.each(BAD_DATES)('"%s" is refused in Dutch wherever a date goes', async (date) => {
    const base = { type: 'inzage', channel: 'brief', writtenAndSigned: true, requester: { name: 'Datum Test', relation: 'huurder' } };
    for (const [what, call] of [
      ['received', () => t.call('case.create', { ...base, received: date }, t.intake.token)],
      ['birth date', () => t.call('case.create', { ...base, received: '2026-11-24', requester: { ...base.requester, birthDate: date } }, t.intake.token)],
      ['deadline preview', () => t.call('deadline.preview', { type: 'inzage', received: date }, t.intake.token)],
      ['suspension', () => t.call('case.suspendForId', { id: caseId, on: date }, t.h1.token)],
      [
        'document date',
        () =>
          t.call(
            'dossier.import',
            { caseId, fileName: 'datum.txt', dataBase64: Buffer.from(`datum ${date}`).toString('base64'), source: 'klantcontact', documentDate: date },
            t.h1.token,
          ),
      ],
    ] as const) {
      const result = await refusedOrStored(`${what} ${date}`, call as () => Promise<Result<unknown>>);
      expect(result.ok, `${what} "${date}"`).toBe(false);
    }
  });
});

describe('markup and SQL in every text field of every procedure', () => {
  const texts = LONG ? Object.values(NASTY_TEXT) : [`${NASTY_TEXT.html} ${NASTY_TEXT.sql}`, `${NASTY_TEXT.emoji} ${NASTY_TEXT.combining} ${NASTY_TEXT.rtl}`];
  /** Ending or locking one's own session would end the sweep, not test an input. */
  const skipped = new Set(['session.logout', 'session.lock']);
  const tokens = {} as Record<Role, string>;
  const ids: SampleIds = emptySampleIds();
  const samples = procedureSamples(ids);
  let bystander = '';

  /** Every path to a string in a sample input. */
  function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (typeof value === 'string') return [path];
    if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
    return [];
  }
  function replaced(input: unknown, path: (string | number)[], text: string): unknown {
    const copy = structuredClone(input) as Record<string | number, unknown>;
    let at = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1] ?? ''] = text;
    return copy;
  }

  beforeAll(async () => {
    const signer = await addStaff(t.backend, t.adminToken, 'ondertekenaar', ['signer']);
    const auditor = await addStaff(t.backend, t.adminToken, 'controleur', ['auditor']);
    Object.assign(tokens, { admin: t.adminToken, intake: t.intake.token, handler: t.h1.token, dpo: t.dpo.token, signer: signer.token, auditor: auditor.token });
    ids.caseId = await t.register({ name: 'Sweep Verzoeker', address: 'Veegstraat 1, 1234 AB Hilversum' });
    ids.unassignedCaseId = await t.register({ name: 'Sweep Vrij' }, { handlerId: undefined });
    ids.targetId = t.intake.id;
    ids.staffIds.handler = t.h1.id;
    // Someone else's case that no sample names: none of its rows may change.
    bystander = await t.register({ name: 'Omstander Veilig' }, { handlerId: t.h2.id });
    value(
      await t.call(
        'dossier.import',
        { caseId: bystander, fileName: 'omstander.txt', dataBase64: Buffer.from('Omstander notitie').toString('base64'), source: 'klantcontact' },
        t.h2.token,
      ),
    );
  }, 60_000);

  const callerFor = (p: ProcedureName): string | null => {
    const rule: 'public' | 'authenticated' | readonly Role[] = ACTIONS[contract[p].action];
    if (rule === 'public') return null;
    if (rule === 'authenticated') return tokens.admin;
    const role = (['handler', 'dpo', 'intake', 'signer', 'admin', 'auditor'] as const).find((r) => rule.includes(r));
    return role ? tokens[role] : null;
  };

  it.each(PROCEDURE_NAMES.filter((p) => !skipped.has(p)))('%s', async (procedure) => {
    const touchesBystander = (_table: string, row: Record<string, unknown>) => Object.values(row).includes(bystander);
    const before = snapshot(store, touchesBystander);
    const sample = samples[procedure]('handler');
    for (const path of stringPaths(sample)) {
      for (const text of texts) {
        const result = await t.backend.dispatch(procedure, replaced(sample, path, text), callerFor(procedure));
        if (!result.ok) expectDutchRefusal(result, `${procedure} ${path.join('.')}`);
      }
    }
    expectUnchanged(before, snapshot(store, touchesBystander));
  });
});

describe('controls: the checks above can fail', () => {
  it('a changed row is seen by the snapshot', async () => {
    const before = snapshot(store);
    value(await t.call('case.transition', { id: caseId, to: 'in_behandeling' }, t.h1.token));
    expect(() => expectUnchanged(before, snapshot(store))).toThrow();
  });

  it('an English or internal error is not a Dutch refusal', () => {
    expect(() => expectDutchRefusal({ ok: false, error: { code: 'VALIDATION', message: 'Invalid input: expected string' } }, 'control')).toThrow();
    expect(() => expectDutchRefusal({ ok: false, error: { code: 'INTERNAL', message: 'Er ging iets mis.' } }, 'control')).toThrow();
    expect(() => expectDutchRefusal({ ok: true, value: 1 }, 'control')).toThrow();
  });
});

describe('afterwards', () => {
  it('the process is up, the store is whole and the audit chain verifies', async () => {
    expect(value(await t.call('session.me', {}, t.dpo.token)).roles).toEqual(['dpo']);
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true });
  });
});
