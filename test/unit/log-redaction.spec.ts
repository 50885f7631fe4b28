import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../main/app/backend.js';
import { fileLogger } from '../../main/platform/log.js';
import { STRONG_PASSWORD, tempDir, typed, value } from '../support/backend.js';
import { establishIdentity } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';
import { withBlocks } from '../support/letters.js';
import { filesUnder, plaintextHits } from '../support/scan.js';
import { TEST_KDF } from '../support/kdf.js';

/**
 * The logs hold no personal data. A full scenario runs through the backend with the file logger at
 * debug level (small files, so it rotates): cases for made-up people with distinctive names, an
 * identity check, a dossier import, a third party, a letter drafted, submitted and signed, and
 * failing calls (bad input, a wrong password, a refusal, an unknown procedure named like a person).
 * Then every log file is searched for the names, BSN, e-mail addresses, customer numbers, addresses
 * and document text: zero hits. The logs must not be empty, so the search means something.
 */
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const REQUESTER = { name: 'Łukasz Nguyễn-Özdemir', address: 'Weißstraße 12, 1234 AB Hilversum', customerNumber: 'K-104233', birthDate: '1985-04-12' };
const SECOND = { name: 'Wubbo Zandstra-Oukes', email: 'wubbo.zandstra@voorbeeld.nl', phone: '06-12345678', birthDate: '1972-09-30' };
const THIRD_PARTY = 'Zwaantje Oosterhuis-Bakkenes';
const BSN = '123456782';
const DOCUMENT_TEXT = 'Klacht over geluidsoverlast van de buren op de derde verdieping';
const CARD_NUMBER = 'IRS1K92X5';

const SECRETS = [
  REQUESTER.name,
  'Nguyễn',
  'Özdemir',
  'Weißstraße',
  REQUESTER.customerNumber,
  SECOND.name,
  'Zandstra',
  SECOND.email,
  SECOND.phone,
  THIRD_PARTY,
  'Oosterhuis',
  BSN,
  DOCUMENT_TEXT,
  'geluidsoverlast',
  CARD_NUMBER,
  'Wij hebben uw dossier met zorg doorgenomen',
];

describe('log redaction over a full scenario', () => {
  it('leaves no names, BSN, e-mail addresses or document text in any log file', async () => {
    const logs = tempDir('avg-desk-logs-');
    cleanups.push(logs.cleanup);
    const logger = fileLogger({ dir: logs.dir, level: 'debug', maxBytes: 4 * 1024, keep: 50 });
    const t = await letterTeam((c) => cleanups.push(c), { logger });
    const { call, handlerSigner: harm } = t;

    // Cases, one with a BSN and e-mail address in the request text.
    const caseId = await t.register(
      { ...REQUESTER, email: 'lukasz@voorbeeld.nl' },
      { handlerId: harm.id, requestText: `Graag inzage. Mijn BSN is ${BSN}, mail naar lukasz@voorbeeld.nl of bel ${SECOND.phone}.` },
    );
    const second = await t.register(SECOND);
    value(await call('case.get', { id: second }, t.h1.token));
    value(await call('case.queue', { search: 'Zandstra' }, t.dpo.token));

    // Identity: the document check against the case.
    const CARD = {
      documentType: 'identiteitskaart',
      issuingCountry: 'NLD',
      documentNumber: CARD_NUMBER,
      expiry: '2031-06-30',
      surname: 'Nguyễn-Özdemir',
      birthDate: REQUESTER.birthDate,
    } as const;
    value(await call('identity.check', { caseId, subject: 'verzoeker', document: CARD }, harm.token));
    value(await call('identity.record', { caseId, subject: 'verzoeker', method: 'balie', outcome: 'geverifieerd', document: CARD }, harm.token));

    // Dossier: a text document about a third party, who goes into the register.
    const text = `${DOCUMENT_TEXT}. Gemeld door ${THIRD_PARTY}, ${SECOND.email}.`;
    const doc = value(
      await call(
        'dossier.import',
        { caseId, fileName: `${THIRD_PARTY}.txt`, dataBase64: Buffer.from(text).toString('base64'), source: 'klantcontact' },
        harm.token,
      ),
    );
    const documentId = doc.documents[0]?.id ?? '';
    const party = value(await call('thirdParty.add', { caseId, name: THIRD_PARTY, role: 'buurvrouw', documentIds: [documentId] }, harm.token));
    value(await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'toestemming', note: `${THIRD_PARTY} belde terug` }, harm.token));
    value(await call('redaction.searchAll', { caseId, terms: [THIRD_PARTY, BSN] }, harm.token));
    value(await call('redaction.suggest', { caseId, documentId, terms: [THIRD_PARTY], patterns: ['bsn', 'email'] }, harm.token));

    // A letter: drafted, edited, submitted and signed by another signer.
    value(await call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
    const draft = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
    const preview = value(await call('letter.get', { letterId: draft.id }, harm.token));
    const blocks = [{ type: 'paragraph' as const, text: `Wij hebben uw dossier met zorg doorgenomen, ${REQUESTER.name}.` }, ...preview.content.blocks];
    value(await call('letter.updateText', withBlocks(draft.id, preview.content, blocks), harm.token));
    await establishIdentity(call, caseId, harm.token);
    value(await call('case.transition', { id: caseId, to: 'besluit_in_concept' }, harm.token));
    value(await call('letter.submit', { letterId: draft.id }, harm.token));
    value(await call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, t.signer.token));

    // Failing calls: bad input, a wrong password, a refusal, an unknown procedure named like a person.
    expect(
      await call(
        'case.create',
        { type: 'inzage', requester: { name: SECOND.name, email: `${SECOND.name}@`, relation: 'huurder' }, channel: 'brief', received: 'gisteren' },
        t.intake.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('session.login', { userName: 'hanna', password: `${THIRD_PARTY}-${BSN}` }, null)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    expect(await call('case.get', { id: caseId }, t.h2.token)).toMatchObject({ ok: false });
    expect(
      await call(
        'dossier.import',
        { caseId, fileName: `${REQUESTER.name}.pdf`, dataBase64: Buffer.from(`%PDF-1.7 ${DOCUMENT_TEXT}`).toString('base64'), source: 'klantcontact' },
        harm.token,
      ),
    ).toMatchObject({ ok: false });
    expect(await t.backend.dispatch('WubboZandstra', { name: SECOND.name }, harm.token)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    expect(await call('account.changePassword', { currentPassword: BSN, newPassword: STRONG_PASSWORD }, harm.token)).toMatchObject({ ok: false });

    // An unexpected failure (the case's folder on disk has become a file): the Dutch message shows
    // a correlation number, and the log line with that number is what IT looks for.
    rmSync(join(t.dir, 'cases', caseId), { recursive: true });
    writeFileSync(join(t.dir, 'cases', caseId), 'geen map');
    const broken = await call(
      'dossier.import',
      { caseId, fileName: 'tweede.txt', dataBase64: Buffer.from(`Tweede brief van ${THIRD_PARTY}`).toString('base64'), source: 'klantcontact' },
      harm.token,
    );
    expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const correlationId = broken.ok ? '' : (broken.error.correlationId ?? '');
    expect(correlationId).toMatch(/^[0-9A-F]{8}$/u);
    expect(broken.ok ? '' : broken.error.message).toContain(`Foutnummer: ${correlationId}.`);

    const files = filesUnder(logs.dir);
    const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean));
    // Non-empty and rotated, with one line per call and the refusals at warn level.
    expect(files.length).toBeGreaterThan(1);
    expect(lines.length).toBeGreaterThan(30);
    expect(lines.some((l) => l.includes('"event":"call"') && l.includes('"procedure":"letter.sign"'))).toBe(true);
    expect(lines.some((l) => l.includes('"level":"warn"') && l.includes('"code":"WRONG_CREDENTIALS"'))).toBe(true);
    expect(lines.some((l) => l.includes('"procedure":"(onbekend)"'))).toBe(true);
    expect(lines.filter((l) => l.includes(`"correlationId":"${correlationId}"`)).map((l) => JSON.parse(l) as unknown)).toEqual([
      expect.objectContaining({ level: 'error', event: 'unexpected-error', procedure: 'dossier.import' }),
    ]);
    expect(plaintextHits(logs.dir, SECRETS)).toEqual([]);
    // Case-insensitive, too (a name lower-cased in some message would slip past the byte search).
    const all = lines.join('\n').toLowerCase();
    expect(SECRETS.filter((s) => all.includes(s.toLowerCase()))).toEqual([]);
    // A whole team, a signed letter and redaction: under a loaded machine this takes far longer than the default 30 s.
  }, 180_000);
});

describe('the log level', () => {
  it('is an admin setting, applied to the file log at once and again after the next start’s first sign-in', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const logs = tempDir('avg-desk-logs-');
    cleanups.push(logs.cleanup);
    const read = () => filesUnder(logs.dir).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean));
    const start = () => createBackend({ kdfCost: TEST_KDF, dataDir: t.dir, logger: fileLogger({ dir: logs.dir, level: 'info' }) });
    const backend = start();
    const call = typed(backend);
    const admin = value(await call('setup.createAdmin', { userName: 'beheer', fullName: 'Bea Beheer', password: STRONG_PASSWORD }, null));
    value(await call('staff.list', {}, admin.token));
    expect(read().filter((l) => l.includes('"level":"debug"'))).toEqual([]);
    expect(value(await call('settings.getLogLevel', {}, admin.token))).toEqual({ level: 'info' });

    value(await call('settings.setLogLevel', { level: 'debug' }, admin.token));
    value(await call('staff.list', {}, admin.token));
    expect(read().filter((l) => l.includes('"level":"debug"') && l.includes('"procedure":"staff.list"'))).toHaveLength(1);
    expect(await call('settings.setLogLevel', { level: 'alles' as 'debug' }, admin.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    backend.close();

    // A new start begins at the level it was given; the first sign-in applies the stored one.
    const again = start();
    const call2 = typed(again);
    const session = value(await call2('session.login', { userName: 'beheer', password: STRONG_PASSWORD }, null));
    const before = read().length;
    value(await call2('staff.list', {}, session.token));
    expect(read().length).toBe(before + 1);
    again.close();
  });
});
