import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatch } from '../../../main/app/dispatcher.js';
import { encodePng } from '../../../main/dossier/images.js';
import { restoreBackup } from '../../../main/settings/backup.js';
import type { OpenStore } from '../../../main/platform/encrypted-db.js';
import type { CaseVault } from '../../../main/platform/case-vault.js';
import { ADMIN } from '../../support/basics.js';
import { openStoreAs } from '../../support/store.js';
import type { Rng } from '../rng.js';
import { NOTE_NAME, PEOPLE, REQUESTER_PREFIX, RETENTION_DAY, type Fixture } from './fixture.js';

/**
 * The write paths the crash harness kills, one object each. A scenario says how to do its work in
 * the child (`run`, reporting each operation the backend confirmed) and what must hold afterwards
 * in the parent (`check`), on top of the checks every kill gets (verify.ts).
 *
 * Adding a write path is one object in CRASH_SCENARIOS. Sync push (issue 7) and the retention run
 * (issue 8) go here: sign in, push/run in a loop reporting each confirmed batch or case, and check
 * that the outbox rows marked sent are exactly those the central side holds (no loss, no double),
 * or that each shredded case has neither its key nor its files while the others read whole.
 */
export interface Operation {
  [key: string]: unknown;
}

export interface ChildEnv {
  dispatch: Dispatch;
  fixture: Fixture;
  dataDir: string;
  backupDir: string;
  rng: Rng;
  /** Signs in (argon2id, then SQLCipher open and migrations): kills land here too. Calls `ready` after. */
  signIn(userName: string, password?: string): Promise<string>;
  /** Marks the start of the work, for a scenario with nobody to sign in (first-run setup). */
  ready(): void;
  /** Reports one operation the backend confirmed; written to stdout before the next one starts. */
  committed(op: Operation): void;
}

export interface CheckEnv {
  store: OpenStore;
  caseVault: CaseVault;
  fixture: Fixture;
  dataDir: string;
  backupDir: string;
  /** What the child reported as committed before it died, in order. */
  ops: Operation[];
}

export interface CrashScenario {
  name: string;
  /**
   * Most kills fall after sign-in and 0 to `opsBeforeKill` confirmed operations, uniformly within
   * `window` ms (about one operation's time); the rest during sign-in (verify.ts killPlan).
   */
  window: number;
  opsBeforeKill: number;
  /** Starts from the template desktop; false for an empty data folder (first-run setup). */
  usesTemplate: boolean;
  /** The child's clock starts here (ISO) and runs on in real time; 25 November 2026 when not given. */
  clockStart?: string;
  run(env: ChildEnv): Promise<void>;
  /** Before the store is opened: bring the data folder to a state a user would reach (setup only). */
  recover?(env: Omit<CheckEnv, 'store' | 'caseVault'>, dispatch: Dispatch): Promise<void>;
  check(env: CheckEnv): void | Promise<void>;
}

export class CrashCheckFailed extends Error {}

export function expectThat(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CrashCheckFailed(message);
}

function must<T>(result: Awaited<ReturnType<Dispatch>>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message} ${(result.error.details ?? []).join(' ')}`);
  return result.value as T;
}

type Row = Record<string, unknown>;
const rows = (store: OpenStore, sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).all(...params) as Row[];
const okEvents = (store: OpenStore, procedure: string) =>
  rows(store, "SELECT record_id FROM audit_events WHERE procedure = ? AND outcome = 'ok'", procedure).map((r) => r.record_id as string);

/**
 * Numbered operations: every reported n is stored once, the stored ones are 1..k without a gap,
 * and at most one more than reported (the one in flight when the kill came, committed but not yet
 * reported).
 */
function checkNumbered(stored: readonly number[], reported: readonly number[], what: string): void {
  const seen = new Set<number>();
  for (const n of stored) {
    expectThat(!seen.has(n), `${what} ${n} is stored twice`);
    seen.add(n);
  }
  for (const n of reported) expectThat(seen.has(n), `${what} ${n} was reported committed but is not stored`);
  const max = Math.max(0, ...stored);
  for (let n = 1; n <= max; n++) expectThat(seen.has(n), `${what} ${n} is missing while ${max} is stored`);
  expectThat(stored.length <= reported.length + 1, `${what}: ${stored.length} stored but only ${reported.length} reported (more than one in flight)`);
}

const caseIntake: CrashScenario = {
  name: 'case intake',
  window: 300,
  opsBeforeKill: 2,
  usesTemplate: true,
  async run({ dispatch, fixture, signIn, committed }) {
    const token = await signIn(PEOPLE.intake.userName);
    for (let n = 1; ; n++) {
      const created = must<{ id: string; reference: string }>(
        await dispatch(
          'case.create',
          {
            type: n % 3 === 0 ? 'correctie' : 'inzage',
            ...(n % 3 === 0 ? { correctionKinds: ['verbetering'] } : {}),
            requester: { name: `${REQUESTER_PREFIX} ${n}`, relation: 'huurder', address: `Quirijnstraat ${n}, 1234 AB Hilversum` },
            channel: 'brief',
            received: '2026-11-24',
            writtenAndSigned: true,
            requestText: `crash-${n}`,
            handlerId: fixture.handlerId,
          },
          token,
        ),
        'case.create',
      );
      committed({ n, id: created.id, reference: created.reference });
    }
  },
  check({ store, ops }) {
    const stored = rows(store, "SELECT id, reference, request_text FROM cases WHERE request_text LIKE 'crash-%'");
    const byId = new Map(stored.map((r) => [r.id as string, r]));
    for (const op of ops)
      expectThat(byId.get(op.id as string)?.reference === op.reference, `case ${String(op.n)} (${String(op.reference)}) lost or renumbered`);
    checkNumbered(
      stored.map((r) => Number(String(r.request_text).slice('crash-'.length))),
      ops.map((o) => o.n as number),
      'case',
    );
    const duplicates = rows(store, 'SELECT reference FROM cases GROUP BY reference HAVING count(*) > 1');
    expectThat(duplicates.length === 0, `references handed out twice: ${duplicates.map((d) => String(d.reference)).join(', ')}`);
    const audited = new Set(okEvents(store, 'case.create'));
    for (const r of stored) expectThat(audited.has(r.id as string), `case ${String(r.reference)} stored without its audit event`);
  },
};

/** A one-page PDF made once per child; each import appends a comment so every file is new. */
const MINI_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

const documentImport: CrashScenario = {
  name: 'document import',
  window: 600,
  opsBeforeKill: 2,
  usesTemplate: true,
  async run({ dispatch, fixture, signIn, committed, rng }) {
    const token = await signIn(PEOPLE.handler.userName);
    for (let n = 1; ; n++) {
      const kind = ['txt', 'png', 'pdf'][Math.floor(rng() * 3)] ?? 'txt';
      const data =
        kind === 'txt'
          ? Buffer.from(`Notitie ${n}: ${NOTE_NAME} belde opnieuw over de lekkage.\n`.repeat(1 + Math.floor(rng() * 200)))
          : kind === 'png'
            ? encodePng({ width: 16, height: 16, data: Buffer.alloc(16 * 16 * 4, n % 251) })
            : Buffer.concat([MINI_PDF, Buffer.from(`%${n}\n`)]);
      const result = must<{ documents: { id: string }[] }>(
        await dispatch(
          'dossier.import',
          { caseId: fixture.caseId, fileName: `stuk-${n}.${kind}`, dataBase64: data.toString('base64'), source: 'klantcontact' },
          token,
        ),
        'dossier.import',
      );
      committed({ n, ids: result.documents.map((d) => d.id) });
    }
  },
  check({ store, fixture, ops }) {
    const docs = rows(store, 'SELECT id, name, file_id, pdf_file_id FROM documents WHERE case_id = ?', fixture.caseId);
    const ids = new Set(docs.map((d) => d.id as string));
    for (const op of ops) for (const id of op.ids as string[]) expectThat(ids.has(id), `document of import ${String(op.n)} lost`);
    const numbered = docs.map((d) => /^stuk-(\d+)\./u.exec(String(d.name))?.[1]).filter((n): n is string => n !== undefined);
    checkNumbered(
      numbered.map(Number),
      ops.map((o) => o.n as number),
      'import',
    );
    const files = new Set(rows(store, 'SELECT id FROM case_files WHERE case_id = ?', fixture.caseId).map((f) => f.id as string));
    for (const d of docs) expectThat(files.has(d.file_id as string) && files.has(d.pdf_file_id as string), `document ${String(d.name)} without its file rows`);
    const imports = okEvents(store, 'dossier.import').filter((id) => id === fixture.caseId).length;
    expectThat(imports === docs.length, `${docs.length} documents but ${imports} import events`);
  },
};

interface JobState {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  result: { redactedVersionId: string } | null;
  error: { message: string } | null;
}

const redactionApply: CrashScenario = {
  name: 'redaction apply',
  window: 2500,
  opsBeforeKill: 1,
  usesTemplate: true,
  async run({ dispatch, fixture, signIn, committed, rng }) {
    const token = await signIn(PEOPLE.handler.userName);
    for (let n = 1; ; n++) {
      const box = { page: Math.floor(rng() * 2), x: 40 + Math.floor(rng() * 300), y: 100 + Math.floor(rng() * 600), width: 80, height: 14 };
      const { jobId } = must<{ jobId: string }>(
        await dispatch('redaction.start', { caseId: fixture.caseId, documentId: fixture.pdfDocumentId, redactions: [box] }, token),
        'redaction.start',
      );
      let job: JobState;
      do {
        await new Promise((resolve) => setTimeout(resolve, 10));
        job = must<JobState>(await dispatch('redaction.status', { jobId }, token), 'redaction.status');
      } while (job.state === 'running');
      if (job.state !== 'done' || !job.result) throw new Error(`redaction job ${job.state}: ${job.error?.message ?? ''}`);
      committed({ n, versionId: job.result.redactedVersionId });
    }
  },
  check({ store, fixture, ops }) {
    const versions = rows(store, 'SELECT id, file_id FROM redacted_versions WHERE document_id = ?', fixture.pdfDocumentId);
    const ids = new Set(versions.map((v) => v.id as string));
    for (const op of ops) expectThat(ids.has(op.versionId as string), `redacted version of run ${String(op.n)} lost`);
    expectThat(versions.length <= ops.length + 1, `${versions.length} redacted versions stored, ${ops.length} reported`);
    const files = new Set(rows(store, "SELECT id FROM case_files WHERE kind = 'redacted'").map((f) => f.id as string));
    for (const v of versions) expectThat(files.has(v.file_id as string), `redacted version ${String(v.id)} without its file row`);
    const applied = okEvents(store, 'redaction.apply').length;
    expectThat(applied === versions.length, `${versions.length} redacted versions but ${applied} audit events`);
  },
};

const letterSigning: CrashScenario = {
  name: 'letter signing',
  window: 800,
  opsBeforeKill: 3,
  usesTemplate: true,
  async run({ dispatch, fixture, signIn, committed }) {
    const token = await signIn(PEOPLE.signer.userName);
    for (const letter of fixture.letters) {
      const signed = must<{ sha256: string }>(await dispatch('letter.sign', { letterId: letter.id, password: fixture.password }, token), 'letter.sign');
      committed({ letterId: letter.id, sha256: signed.sha256 });
    }
  },
  check({ store, caseVault, fixture, ops }) {
    const reported = new Map(ops.map((o) => [o.letterId as string, o.sha256 as string]));
    let signedCount = 0;
    let unreportedSigned = 0;
    for (const letter of fixture.letters) {
      const row = rows(store, 'SELECT status, sha256, file_id, file_key, case_id FROM letters WHERE id = ?', letter.id)[0];
      expectThat(row !== undefined, `letter ${letter.id} lost`);
      const outbox = rows(store, "SELECT id FROM outbox WHERE json_extract(payload, '$.letterId') = ?", letter.id).length;
      const decisions = rows(store, 'SELECT id FROM decisions WHERE letter_id = ?', letter.id).length;
      if (row.status === 'ondertekend') {
        signedCount += 1;
        if (!reported.has(letter.id)) unreportedSigned += 1;
        else expectThat(reported.get(letter.id) === row.sha256, `signed letter ${letter.id} has another hash than reported`);
        expectThat(outbox === 1, `signed letter ${letter.id} has ${outbox} outbox rows`);
        expectThat(decisions === (letter.decision ? 1 : 0), `signed letter ${letter.id} has ${decisions} decisions`);
        const pdf = caseVault.read(store.db, { caseId: row.case_id, id: row.file_id, wrappedKey: row.file_key } as Parameters<CaseVault['read']>[1]);
        expectThat(pdf.subarray(0, 5).toString('latin1') === '%PDF-', `signed letter ${letter.id} file is not a PDF`);
      } else {
        expectThat(!reported.has(letter.id), `letter ${letter.id} was reported signed but is ${String(row.status)}`);
        expectThat(
          row.status === 'ter_ondertekening' && outbox === 0 && decisions === 0 && row.file_id === null,
          `unsigned letter ${letter.id} half signed (${String(row.status)}, outbox ${outbox}, decisions ${decisions})`,
        );
      }
    }
    expectThat(unreportedSigned <= 1, `${unreportedSigned} letters signed without being reported`);
    // Counted on the letters' own cases: the template signed the decisions of its closed cases itself.
    const letterCases = new Set(fixture.letters.map((l) => l.caseId));
    const signEvents = okEvents(store, 'letter.sign').filter((id) => letterCases.has(id)).length;
    expectThat(signEvents === signedCount, `${signedCount} signed letters but ${signEvents} audit events`);
  },
};

const backup: CrashScenario = {
  name: 'backup',
  window: 400,
  opsBeforeKill: 2,
  usesTemplate: true,
  async run({ dispatch, backupDir, signIn, committed }) {
    const token = await signIn(ADMIN.userName, ADMIN.password);
    for (let n = 1; ; n++) {
      const made = must<{ path: string }>(await dispatch('backup.create', { path: join(backupDir, `backup-${n}.zip`) }, token), 'backup.create');
      committed({ n, path: made.path });
    }
  },
  async check({ backupDir, ops }) {
    for (const op of ops) expectThat(existsSync(op.path as string), `backup ${String(op.n)} was reported but is missing`);
    // Every file under its final name is a whole backup: the manifest checks each entry.
    const finals = readdirSync(backupDir).filter((f) => f.endsWith('.zip'));
    expectThat(finals.length <= ops.length + 1, `${finals.length} backups, ${ops.length} reported`);
    for (const [i, name] of finals.entries()) {
      const restoreDir = mkdtempSync(join(tmpdir(), 'avg-desk-crash-restore-'));
      try {
        restoreBackup(join(backupDir, name), join(restoreDir, 'data'));
        // The newest backup also opens with the password, and its store is intact.
        if (i === finals.length - 1) {
          const restored = await openStoreAs(join(restoreDir, 'data'), ADMIN.userName, ADMIN.password);
          try {
            expectThat(restored.sqlite.pragma('integrity_check', { simple: true }) === 'ok', `restored backup ${name} fails the integrity check`);
          } finally {
            restored.close();
          }
        }
      } catch (error) {
        throw new CrashCheckFailed(`backup ${name} is not a whole backup: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        rmSync(restoreDir, { recursive: true, force: true });
      }
    }
  },
};

/** The case files of a case on disk (ciphertext; `.part` files included, which must not be there). */
const filesOnDisk = (dataDir: string, caseId: string) => (existsSync(join(dataDir, 'cases', caseId)) ? readdirSync(join(dataDir, 'cases', caseId)) : []);

/**
 * The local retention run (issue 8) as the dpo, on a day past the appeal and grace periods of the
 * template's closed cases. The service shreds every due case in one transaction per run, so an
 * operation is a run with the cases it shredded; later runs find nothing left and report [].
 */
const retentionRun: CrashScenario = {
  name: 'retention run',
  // The first run takes some 60 to 110 ms (four cases in one transaction, their ciphertext, a WAL
  // checkpoint); the later ones find nothing. Kills fall within the first.
  window: 120,
  opsBeforeKill: 0,
  usesTemplate: true,
  clockStart: RETENTION_DAY,
  async run({ dispatch, signIn, committed }) {
    const token = await signIn(PEOPLE.dpo.userName);
    for (let n = 1; n <= 3; n++) {
      const started = Date.now();
      const run = must<{ cases: { caseId: string; shredded: boolean }[] }>(await dispatch('retention.runLocal', {}, token), 'retention.runLocal');
      committed({ n, shredded: run.cases.filter((c) => c.shredded).map((c) => c.caseId), ms: Date.now() - started });
    }
  },
  check({ store, caseVault, fixture, dataDir, ops }) {
    const reported = new Set(ops.flatMap((o) => o.shredded as string[]));
    const shredEvents = okEvents(store, 'retention.shred');
    const due = fixture.retention.filter((c) => c.due === 'yes');
    let shreddedDue = 0;
    for (const c of fixture.retention) {
      const what = `${c.due === 'yes' ? 'due' : c.due === 'held' ? 'held' : 'not yet due'} case ${c.caseId}`;
      const row = rows(
        store,
        `SELECT c.requester_name, r.shredded_at,
                (SELECT count(*) FROM case_keys k WHERE k.case_id = c.id) AS case_keys,
                (SELECT count(*) FROM case_files f WHERE f.case_id = c.id) AS file_rows,
                (SELECT count(*) FROM documents d WHERE d.case_id = c.id) AS documents,
                (SELECT count(*) FROM letters l WHERE l.case_id = c.id AND l.file_key IS NOT NULL) AS letter_keys,
                (SELECT count(*) FROM case_search s WHERE s.case_id = c.id AND s.requester_name <> '') AS indexed
           FROM cases c JOIN case_retention r ON r.case_id = c.id WHERE c.id = ?`,
        c.caseId,
      )[0];
      expectThat(row !== undefined, `${what} lost from the register`);
      const onDisk = filesOnDisk(dataDir, c.caseId);
      const events = shredEvents.filter((id) => id === c.caseId).length;
      if (row.shredded_at !== null) {
        expectThat(c.due === 'yes', `${what} was shredded`);
        shreddedDue += 1;
        // Half shredded: the case key gone while rows still claim readable files, or the other way round.
        expectThat(
          row.case_keys === 0 && row.file_rows === 0 && row.documents === 0 && row.letter_keys === 0,
          `${what} is marked shredded but keeps ${String(row.case_keys)} keys, ${String(row.file_rows)} file rows, ${String(row.documents)} documents, ${String(row.letter_keys)} letter keys`,
        );
        expectThat(row.requester_name === '' && row.indexed === 0, `${what} is shredded but its requester's name remains in the store`);
        expectThat(events === 1, `${what} is shredded with ${events} audit events`);
        // Reported means the run answered: by then the ciphertext is gone too. The plaintext scan after
        // every kill looks for the requester's name (SECRETS) in every file of the data folder.
        if (reported.has(c.caseId)) expectThat(onDisk.length === 0, `${what} was reported shredded but ${onDisk.length} of its files remain on disk`);
      } else {
        expectThat(!reported.has(c.caseId), `${what} was reported shredded but is not`);
        expectThat(
          row.case_keys === 1 && row.file_rows === c.files && row.requester_name === c.requester && row.indexed === 1 && events === 0,
          `${what} is not shredded but not intact (${String(row.case_keys)} keys, ${String(row.file_rows)} of ${c.files} file rows, name ${row.requester_name === c.requester ? 'kept' : 'changed'}, ${events} shred events)`,
        );
        // Its case files read whole against their SHA-256 (verify.ts reads every file row); its signed letters too.
        for (const letter of rows(store, 'SELECT id, sha256, file_id, file_key FROM letters WHERE case_id = ? AND file_id IS NOT NULL', c.caseId)) {
          const pdf = caseVault.read(store.db, { caseId: c.caseId, id: letter.file_id, wrappedKey: letter.file_key } as Parameters<CaseVault['read']>[1]);
          expectThat(createHash('sha256').update(pdf).digest('hex') === letter.sha256, `${what}: letter ${String(letter.id)} does not match its SHA-256`);
        }
        expectThat(
          onDisk.every((f) => f.endsWith('.avgf')),
          `${what} has a partial file on disk: ${onDisk.join(', ')}`,
        );
      }
    }
    // The template's due cases are due indeed: the first run that answered shredded every one of them.
    const first = ops[0]?.shredded as string[] | undefined;
    expectThat(first === undefined || first.length === due.length, `the first run shredded ${String(first?.length)} of ${due.length} due cases`);
    // A run is one transaction: the due cases go together or not at all.
    expectThat(shreddedDue === 0 || shreddedDue === due.length, `${shreddedDue} of ${due.length} due cases shredded`);
    expectThat(reported.size === 0 || reported.size === due.length, `${reported.size} of ${due.length} due cases reported`);
  },
};

/** First run: the key is made, argon2id wraps it twice (password, recovery key), the keyring is written last. */
const firstRunSetup: CrashScenario = {
  name: 'first-run setup',
  window: 700,
  opsBeforeKill: 0,
  usesTemplate: false,
  async run({ dispatch, committed, ready }) {
    ready();
    must(await dispatch('setup.createAdmin', ADMIN, null), 'setup.createAdmin');
    committed({ admin: ADMIN.userName });
  },
  async recover({ ops }, dispatch) {
    const status = must<{ initialized: boolean }>(await dispatch('setup.status', {}, null), 'setup.status');
    if (status.initialized) return;
    expectThat(ops.length === 0, 'setup was reported done but the desktop counts as not set up');
    // A first run that died halfway: the user simply sets up again, and that must work.
    must(await dispatch('setup.createAdmin', ADMIN, null), 'setup again after a killed first run');
  },
  check({ store }) {
    const admins = rows(store, 'SELECT user_name FROM staff');
    expectThat(admins.length === 1 && admins[0]?.user_name === ADMIN.userName, `after setup the store holds ${admins.length} staff`);
  },
};

export const CRASH_SCENARIOS: readonly CrashScenario[] = [caseIntake, documentImport, redactionApply, letterSigning, retentionRun, backup, firstRunSetup];

export function scenarioNamed(name: string): CrashScenario {
  const found = CRASH_SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`no crash scenario "${name}"; there are: ${CRASH_SCENARIOS.map((s) => s.name).join(', ')}`);
  return found;
}
