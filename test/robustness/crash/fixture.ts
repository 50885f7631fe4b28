import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, STRONG_PASSWORD, addStaff, initialized, value } from '../../support/backend.js';
import { testPkcs12 } from '../../support/pkcs12.js';
import { openStoreAs } from '../../support/store.js';
import { buildLetters, NAME } from '../../unit/redaction.fixtures.js';

/**
 * The desktop every crash starts from, built once per run through the real backend and copied for
 * each kill: an intake, a handler, a signer and a dpo; a case with a PDF (for redaction) and a
 * text note; and decision letters and acknowledgements waiting for a signature. Only made-up
 * people; their names are what the plaintext scan looks for.
 */
export const PEOPLE = {
  intake: { userName: 'balie', fullName: 'Ilse Ağaoğlu-Intake' },
  handler: { userName: 'hanna', fullName: 'Hanna Weißbach' },
  signer: { userName: 'sanne', fullName: 'Sanne Ødegaard' },
  dpo: { userName: 'fenna', fullName: 'Fenna Ñúñez' },
} as const;
export const PASSWORD = STRONG_PASSWORD;
export const P12_PASSWORD = 'Crash-Zegel-2026!';

/** Requesters and note text in the template; children add their own (REQUESTER_PREFIX + n). */
export const TEMPLATE_REQUESTERS = ['Łukasz Nguyễn-Özdemir', 'Gretchen Weißstraße-Crash', 'Yusuf Çelikkaya'];
export const NOTE_NAME = 'Bartholomeus Quirijnsen';
export const REQUESTER_PREFIX = 'Crashtest Quirijn Verzoeker';
/**
 * Closed cases for the retention run, each with its own requester (a name found nowhere else) and a
 * note naming them: decided ones (a signed decision letter sent), withdrawn ones, one under a
 * legal hold and one closed too recently. Closed on 25 November 2026 (the last one on 25 January
 * 2027); the retention child runs on RETENTION_DAY, past the appeal and grace periods of the rest.
 */
export const RETENTION_CASES = [
  { requester: 'Zoë Ångström-Retentie', due: 'yes', decided: true },
  { requester: 'Matthijs Ŀlobet-Retentie', due: 'yes', decided: false },
  { requester: 'Øystein Ğüneş-Retentie', due: 'yes', decided: true },
  { requester: 'Chloë Ñandú-Retentie', due: 'yes', decided: false },
  { requester: 'Håkon Bewaarplicht-Retentie', due: 'held', decided: true },
  { requester: 'Inès Tejong-Retentie', due: 'later', decided: false },
] as const;
export const RETENTION_DAY = '2027-02-20T10:00:00Z';
const RETENTION_NOTE = (name: string) => `Gespreksnotitie: ${name} vroeg naar het huurcontract.`;

export const SECRETS = [...TEMPLATE_REQUESTERS, NOTE_NAME, REQUESTER_PREFIX, NAME, 'Weißbach', ...RETENTION_CASES.map((c) => c.requester)];

export interface Fixture {
  adminUser: string;
  adminPassword: string;
  password: string;
  handlerId: string;
  caseId: string;
  pdfDocumentId: string;
  /** Letters waiting for the signer, in the order the child signs them. */
  letters: { id: string; caseId: string; decision: boolean }[];
  /** The closed cases of the retention run, with how many case files each holds. */
  retention: { caseId: string; requester: string; due: 'yes' | 'held' | 'later'; files: number }[];
}

export interface Template {
  /** <root>/data: the data directory to copy. */
  dataDir: string;
  fixture: Fixture;
  cleanup(): void;
}

/** A data folder for one kill: `<run>/data`, `<run>/backups`, and the fixture as JSON. */
export function copyTemplate(template: Template | null, runRoot: string): { dataDir: string; backupDir: string; fixtureFile: string } {
  const dataDir = join(runRoot, 'data');
  const backupDir = join(runRoot, 'backups');
  mkdirSync(backupDir, { recursive: true });
  if (template) cpSync(template.dataDir, dataDir, { recursive: true });
  const fixtureFile = join(runRoot, 'fixture.json');
  writeFileSync(fixtureFile, JSON.stringify(template?.fixture ?? null));
  return { dataDir, backupDir, fixtureFile };
}

export function readFixture(file: string): Fixture {
  return JSON.parse(readFileSync(file, 'utf8')) as Fixture;
}

export async function buildTemplate(lettersToSign: number): Promise<Template> {
  const root = mkdtempSync(join(tmpdir(), 'avg-desk-crash-template-'));
  const dataDir = join(root, 'data');
  const init = await initialized(dataDir);
  const { call, adminToken } = init;
  try {
    const intake = await addStaff(init.backend, adminToken, PEOPLE.intake.userName, ['intake'], PEOPLE.intake.fullName);
    const handler = await addStaff(init.backend, adminToken, PEOPLE.handler.userName, ['handler'], PEOPLE.handler.fullName);
    const signer = await addStaff(init.backend, adminToken, PEOPLE.signer.userName, ['signer'], PEOPLE.signer.fullName);
    const dpo = await addStaff(init.backend, adminToken, PEOPLE.dpo.userName, ['dpo'], PEOPLE.dpo.fullName);
    value(await call('settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, adminToken));
    value(await call('signer.setProfile', { functionTitle: 'Teamleider Privacy' }, signer.token));

    const register = async (name: string) =>
      value(
        await call(
          'case.create',
          {
            type: 'inzage',
            requester: { name, relation: 'huurder', address: 'Weißstraße 12, 1234 AB Hilversum' },
            channel: 'brief',
            received: '2026-11-20',
            writtenAndSigned: true,
            handlerId: handler.id,
          },
          intake.token,
        ),
      ).id;
    const caseId = await register(TEMPLATE_REQUESTERS[0] ?? '');
    const pdf = await buildLetters(2, 3);
    const imported = value(
      await call('dossier.import', { caseId, fileName: 'gespreksverslag.pdf', dataBase64: pdf.toString('base64'), source: 'klantcontact' }, handler.token),
    );
    const pdfDocumentId = imported.documents[0]?.id ?? '';
    value(
      await call(
        'dossier.import',
        {
          caseId,
          fileName: 'notitie.txt',
          dataBase64: Buffer.from(`Telefoonnotitie: ${NOTE_NAME} belde over de reparatie.`).toString('base64'),
          source: 'klantcontact',
        },
        handler.token,
      ),
    );

    // Decision letters (one per case: a case gets one decision) and acknowledgements, all submitted.
    const letters: Fixture['letters'] = [];
    for (let i = 0; i < lettersToSign; i++) {
      const decision = i % 2 === 0;
      const letterCase = decision ? await register(TEMPLATE_REQUESTERS[1 + (i % 2)] ?? '') : caseId;
      if (decision) {
        value(await call('case.selectActivities', { caseId: letterCase, activityIds: ['huuradministratie'] }, handler.token));
        value(await call('case.transition', { id: letterCase, to: 'in_behandeling' }, handler.token));
        value(await call('identity.record', { caseId: letterCase, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, handler.token));
        value(await call('case.transition', { id: letterCase, to: 'besluit_in_concept' }, handler.token));
      }
      const draft = value(await call('letter.draft', { caseId: letterCase, kind: decision ? 'besluit-inzage' : 'ontvangstbevestiging' }, handler.token));
      value(await call('letter.submit', { letterId: draft.id }, handler.token));
      letters.push({ id: draft.id, caseId: letterCase, decision });
    }

    const retention: Fixture['retention'] = [];
    for (const spec of RETENTION_CASES) {
      if (spec.due === 'later') {
        // Closed two months later: its appeal period still runs on RETENTION_DAY. Everyone signs in again.
        init.clock.set(new Date('2027-01-25T09:00:00Z'));
        handler.token = value(await call('session.login', { userName: PEOPLE.handler.userName, password: PASSWORD }, null)).token;
        intake.token = value(await call('session.login', { userName: PEOPLE.intake.userName, password: PASSWORD }, null)).token;
      }
      const id = await register(spec.requester);
      value(
        await call(
          'dossier.import',
          { caseId: id, fileName: 'notitie.txt', dataBase64: Buffer.from(RETENTION_NOTE(spec.requester)).toString('base64'), source: 'klantcontact' },
          handler.token,
        ),
      );
      if (spec.decided) {
        value(await call('case.selectActivities', { caseId: id, activityIds: ['huuradministratie'] }, handler.token));
        value(await call('case.transition', { id, to: 'in_behandeling' }, handler.token));
        value(await call('identity.record', { caseId: id, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, handler.token));
        value(await call('case.transition', { id, to: 'besluit_in_concept' }, handler.token));
        const draft = value(await call('letter.draft', { caseId: id, kind: 'besluit-inzage' }, handler.token));
        value(await call('letter.submit', { letterId: draft.id }, handler.token));
        value(await call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, signer.token));
        value(await call('letter.markSent', { letterId: draft.id }, handler.token));
        value(await call('case.transition', { id, to: 'afgesloten' }, handler.token));
      } else {
        value(await call('case.transition', { id, to: 'ingetrokken' }, handler.token));
      }
      if (spec.due === 'held')
        value(await call('retention.placeHold', { caseId: id, kind: 'bewaarplicht', reason: 'Wettelijke bewaarplicht: lopende huurgeschil.' }, dpo.token));
      retention.push({ caseId: id, requester: spec.requester, due: spec.due, files: 0 });
    }
    init.backend.close();

    // As on a synced desktop: every outbox row that names a retention case has reached the central database.
    const store = await openStoreAs(dataDir, ADMIN.userName, ADMIN.password);
    try {
      const ids = JSON.stringify(retention.map((r) => r.caseId));
      store.sqlite
        .prepare(
          "UPDATE outbox SET sent_at = '2027-01-26T10:00:00.000Z' WHERE sent_at IS NULL AND json_extract(payload, '$.caseId') IN (SELECT value FROM json_each(?))",
        )
        .run(ids);
      for (const r of retention) r.files = (store.sqlite.prepare('SELECT count(*) AS n FROM case_files WHERE case_id = ?').get(r.caseId) as { n: number }).n;
    } finally {
      store.close();
    }
    return {
      dataDir,
      fixture: {
        adminUser: ADMIN.userName,
        adminPassword: ADMIN.password,
        password: PASSWORD,
        handlerId: handler.id,
        caseId,
        pdfDocumentId,
        letters,
        retention,
      },
      cleanup: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (error) {
    init.backend.close();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
