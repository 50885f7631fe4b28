import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shredCaseRows } from '../../../db/local/retention/repository.js';
import { appendAuditEvent } from '../../../main/audit/audit.js';
import { ADMIN, makeBackend, value } from '../../support/backend.js';
import { openStoreAs } from '../../support/store.js';
import { buildTemplate, copyTemplate, NOTE_NAME, PASSWORD, PEOPLE, RETENTION_DAY, type Template } from './fixture.js';
import { scenarioNamed } from './scenarios.js';
import { checkAfterKill } from './verify.js';

/**
 * Controls for the crash harness: the checks after a kill must be able to fail. Each test damages
 * a copy of the template the way a bad crash would, and expects the check to say so.
 */
let template: Template;
let runRoot = '';
const intake = scenarioNamed('case intake');

beforeAll(async () => {
  template = await buildTemplate(0);
}, 120_000);
afterAll(() => template.cleanup());
afterEach(() => rmSync(runRoot, { recursive: true, force: true }));

function fresh(): string {
  runRoot = mkdtempSync(join(tmpdir(), 'avg-desk-crash-control-'));
  copyTemplate(template, runRoot);
  return runRoot;
}

function aCaseFile(root: string): string {
  const caseDir = join(root, 'data', 'cases', template.fixture.caseId);
  const file = readdirSync(caseDir).find((f) => f.endsWith('.avgf'));
  if (!file) throw new Error('the template has no case files');
  return join(caseDir, file);
}

describe('the checks after a kill can fail', () => {
  it('an undamaged copy passes', async () => {
    await expect(checkAfterKill(intake, fresh(), [], 1)).resolves.toBeUndefined();
  });

  it('a plaintext temp file is found', async () => {
    const root = fresh();
    writeFileSync(`${aCaseFile(root)}.part`, `notitie over ${NOTE_NAME}`);
    await expect(checkAfterKill(intake, root, [], 1)).rejects.toThrow(/plaintext on disk: .*\.avgf\.part holds "Bartholomeus Quirijnsen"/u);
  });

  it('a case file cut short under its real name is refused, not taken for whole', async () => {
    const root = fresh();
    const file = aCaseFile(root);
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    await expect(checkAfterKill(intake, root, [], 1)).rejects.toThrow(/committed case file .* does not read whole: Dit bestand is beschadigd of ontbreekt/u);
  });

  it('a case reported as committed but not stored is lost', async () => {
    await expect(checkAfterKill(intake, fresh(), [{ n: 1, id: randomUUID(), reference: 'AVG-2026-0999' }], 1)).rejects.toThrow(
      /case 1 \(AVG-2026-0999\) lost/u,
    );
  });

  it('a case stored twice is a duplicate', async () => {
    const root = fresh();
    const { backend, call } = makeBackend(join(root, 'data'));
    const token = value(await call('session.login', { userName: PEOPLE.intake.userName, password: PASSWORD }, null)).token;
    const create = {
      type: 'inzage',
      requester: { name: 'Dubbel Verzoeker', relation: 'huurder' },
      channel: 'brief',
      received: '2026-11-24',
      writtenAndSigned: true,
      requestText: 'crash-1',
    } as const;
    const first = value(await call('case.create', create, token));
    value(await call('case.create', create, token));
    backend.close();
    await expect(checkAfterKill(intake, root, [{ n: 1, id: first.id, reference: first.reference }], 1)).rejects.toThrow(/case 1 is stored twice/u);
  });

  it('a data folder whose keyring is gone does not open', async () => {
    const root = fresh();
    rmSync(join(root, 'data', 'keyring.json'));
    await expect(checkAfterKill(intake, root, [], 1)).rejects.toThrow(/does not open with the right password/u);
  });
});

describe('a retention run killed between its commit and the removal of the ciphertext', () => {
  it('leaves files without a key that the next run removes', async () => {
    const root = fresh();
    const dataDir = join(root, 'data');
    const [first, ...others] = template.fixture.retention.filter((c) => c.due === 'yes');
    if (!first) throw new Error('the template has no due retention case');
    // What the kill leaves: the run's transaction committed (key and rows gone), the files still there.
    const store = await openStoreAs(dataDir, ADMIN.userName, ADMIN.password);
    store.sqlite.transaction(() => {
      shredCaseRows(store.db, first.caseId, RETENTION_DAY);
      appendAuditEvent(store.db, new Date(RETENTION_DAY), {
        actorId: null,
        roles: [],
        procedure: 'retention.shred',
        recordType: 'case',
        recordId: first.caseId,
        outcome: 'ok',
      });
    })();
    store.close();
    expect(readdirSync(join(dataDir, 'cases', first.caseId)).length).toBeGreaterThan(0);
    await expect(checkAfterKill(scenarioNamed('retention run'), root, [], 1)).rejects.toThrow(/1 of 4 due cases shredded/u);

    const { backend, call } = makeBackend(dataDir, new Date(RETENTION_DAY));
    try {
      const token = value(await call('session.login', { userName: PEOPLE.dpo.userName, password: PASSWORD }, null)).token;
      const run = value(await call('retention.runLocal', {}, token));
      expect(run.cases.map((c) => c.caseId).sort()).toEqual(others.map((c) => c.caseId).sort());
    } finally {
      backend.close();
    }
    expect(existsSync(join(dataDir, 'cases', first.caseId))).toBe(false);
    await expect(checkAfterKill(scenarioNamed('retention run'), root, [], 1)).resolves.toBeUndefined();
  }, 60_000);
});
