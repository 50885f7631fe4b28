import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenStore } from '../../main/platform/encrypted-db.js';
import { contract, PROCEDURE_NAMES, type ProcedureName } from '../../shared/api/contract.js';
import { DEFAULT_MESSAGES, type ErrorCode, type Result } from '../../shared/api/result.js';
import { ACTIONS, isAllowed, isPublicAction } from '../../shared/staff/permissions.js';
import { ROLES, type Role } from '../../shared/staff/roles.js';
import { ADMIN, STRONG_PASSWORD, addStaff, initialized, tempDir, value } from '../support/backend.js';
import { emptySampleIds, NEW_CASE, procedureSamples, type SampleIds } from '../support/procedure-samples.js';
import { openStoreAs } from '../support/store.js';
import { buildLetters } from '../unit/redaction.fixtures.js';

/**
 * Wrong people: every procedure, called by someone who may not, is refused with the right Dutch
 * error and audited as "denied". Generated from the contract and the matrix, so procedures added
 * later are covered without a change here (their sample input lives in test/support/procedure-samples.ts).
 * The single-role × procedure grid is test/unit/permission-matrix.spec.ts; this suite adds no session,
 * expired and locked sessions, role combinations, and handlers on someone else's case.
 */
const IDLE_SECONDS = 600;
const guarded = PROCEDURE_NAMES.filter((p) => !isPublicAction(contract[p].action));
/** Signing out or locking with a dead session is refused like any call, but they end sessions themselves. */
const SESSION_ENDING = new Set<string>(['session.logout', 'session.lock']);

type Desk = Awaited<ReturnType<typeof initialized>> & { cleanup: () => void; store: OpenStore };

async function desk(): Promise<Desk> {
  const t = tempDir();
  const init = await initialized(t.dir, { idleTimeoutSeconds: IDLE_SECONDS });
  // A second, independent reader of the audit trail, so checking it adds no events.
  const store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
  return { ...init, store, cleanup: () => (store.close(), init.backend.close(), t.cleanup()) };
}

interface AuditRow {
  seq: number;
  procedure: string;
  outcome: string;
  actor_id: string | null;
  roles: string;
  record_id: string | null;
}

const lastSeq = (store: OpenStore) => (store.sqlite.prepare('SELECT max(seq) AS seq FROM audit_events').get() as { seq: number | null }).seq ?? 0;
const eventsSince = (store: OpenStore, seq: number) =>
  store.sqlite.prepare('SELECT seq, procedure, outcome, actor_id, roles, record_id FROM audit_events WHERE seq > ? ORDER BY seq').all(seq) as AuditRow[];

/** The call is refused with `code` and its Dutch message, and exactly one "denied" event names the procedure. */
async function expectRefused(
  d: Desk,
  procedure: string,
  run: () => Promise<Result<unknown>>,
  code: ErrorCode,
  actorId: string | null,
  message: string | RegExp = DEFAULT_MESSAGES[code],
) {
  const before = lastSeq(d.store);
  const result = await run();
  expect(result, procedure).toMatchObject({ ok: false, error: { code } });
  if (!result.ok) expect(result.error.message, procedure).toMatch(message);
  const events = eventsSince(d.store, before).filter((e) => e.procedure === procedure);
  expect(
    events.map((e) => ({ outcome: e.outcome, actor: e.actor_id })),
    `${procedure}: audited as refused`,
  ).toEqual([{ outcome: 'denied', actor: actorId }]);
  return result;
}

describe('no session, a forged token, an expired session', () => {
  let d: Desk;
  let samples: ReturnType<typeof procedureSamples>;
  let expired: Map<string, string>;

  beforeAll(async () => {
    d = await desk();
    const ids = emptySampleIds();
    samples = procedureSamples(ids);
    ids.caseId = ids.unassignedCaseId = ids.targetId = '00000000-0000-4000-8000-000000000001';
    // One session per procedure (an expired token is forgotten at its first use), all of a dpo + admin.
    value(await d.call('staff.add', { userName: 'verloopt', fullName: 'Vera Verloop', roles: ['dpo', 'admin'], password: STRONG_PASSWORD }, d.adminToken));
    const tokens = await Promise.all(
      guarded.map(async (p) => [p, value(await d.call('session.login', { userName: 'verloopt', password: STRONG_PASSWORD }, null)).token] as const),
    );
    expired = new Map(tokens);
    // The admin's own session must stay alive for the store to stay open: keep it fresh after the jump.
    d.clock.advance((IDLE_SECONDS + 1) * 1000);
    value(await d.call('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null));
  }, 120_000);
  afterAll(() => d.cleanup());

  it.each(guarded)('%s without a session is refused and audited', async (procedure) => {
    await expectRefused(d, procedure, () => d.backend.dispatch(procedure, samples[procedure]('intake'), null), 'UNAUTHENTICATED', null);
  });

  it.each(guarded)('%s with a forged token is refused and audited', async (procedure) => {
    await expectRefused(d, procedure, () => d.backend.dispatch(procedure, samples[procedure]('intake'), 'bmVwLXRva2Vu-nep-token'), 'UNAUTHENTICATED', null);
  });

  it.each(guarded)('%s with an expired session is refused and audited', async (procedure) => {
    await expectRefused(d, procedure, () => d.backend.dispatch(procedure, samples[procedure]('dpo'), expired.get(procedure) ?? ''), 'SESSION_EXPIRED', null);
  });

  it('an expired session stays expired: signing in again is the only way back', async () => {
    const token = expired.get('session.me') ?? '';
    expect(await d.backend.dispatch('session.me', {}, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('a locked session', () => {
  let d: Desk;
  let samples: ReturnType<typeof procedureSamples>;
  let locked = '';

  beforeAll(async () => {
    d = await desk();
    const ids = emptySampleIds();
    samples = procedureSamples(ids);
    ids.caseId = ids.unassignedCaseId = ids.targetId = '00000000-0000-4000-8000-000000000001';
    const staff = await addStaff(d.backend, d.adminToken, 'slot', ['handler', 'dpo']);
    locked = staff.token;
    value(await d.call('session.lock', {}, locked));
  }, 60_000);
  afterAll(() => d.cleanup());

  it.each(guarded.filter((p) => !SESSION_ENDING.has(p)))('%s with a locked session is refused and audited (store still open for others)', async (procedure) => {
    await expectRefused(d, procedure, () => d.backend.dispatch(procedure, samples[procedure]('handler'), locked), 'SESSION_LOCKED', null);
  });

  it('refusals while the whole store is locked are audited once someone signs in again', async () => {
    const before = lastSeq(d.store);
    value(await d.call('session.lock', {}, d.adminToken));
    const tried = guarded.filter((p) => !SESSION_ENDING.has(p)).slice(0, 10);
    for (const procedure of tried) {
      expect(await d.backend.dispatch(procedure, samples[procedure]('handler'), locked)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    }
    value(await d.call('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null));
    const denied = eventsSince(d.store, before).filter((e) => e.outcome === 'denied' && tried.includes(e.procedure as ProcedureName));
    expect(denied.map((e) => e.procedure)).toEqual(tried);
  });
});

describe('roles that may not: every forbidden role at once', () => {
  let d: Desk;
  let samples: ReturnType<typeof procedureSamples>;
  /** Per set of forbidden roles (as a key), a staff member holding exactly those. */
  const holders = new Map<string, { id: string; token: string }>();
  const forbiddenRoles = (p: ProcedureName): Role[] => ROLES.filter((r) => !isAllowed([r], contract[p].action));
  const refusable = PROCEDURE_NAMES.filter((p) => forbiddenRoles(p).length > 0);

  beforeAll(async () => {
    d = await desk();
    const ids: SampleIds = emptySampleIds();
    samples = procedureSamples(ids);
    ids.targetId = (await addStaff(d.backend, d.adminToken, 'doelwit', ['intake'])).id;
    ids.staffIds.handler = (await addStaff(d.backend, d.adminToken, 'behandelaar', ['handler'])).id;
    const dpo = await addStaff(d.backend, d.adminToken, 'fg', ['dpo']);
    ids.caseId = value(await d.call('case.create', { ...NEW_CASE, handlerId: ids.staffIds.handler }, dpo.token)).id;
    ids.unassignedCaseId = value(await d.call('case.create', NEW_CASE, dpo.token)).id;
    let n = 0;
    for (const p of refusable) {
      const roles = forbiddenRoles(p);
      const key = roles.join('+');
      if (!holders.has(key)) holders.set(key, await addStaff(d.backend, d.adminToken, `combi${n++}`, roles));
    }
  }, 120_000);
  afterAll(() => d.cleanup());

  it('the matrix has actions no role combination can reach by accident', () => {
    expect(Object.keys(ACTIONS).length).toBeGreaterThan(10);
    expect(refusable.length).toBeGreaterThan(20);
  });

  it.each(refusable)('%s: a staff member holding every role that may not call it is still refused', async (procedure) => {
    const roles = forbiddenRoles(procedure);
    const holder = holders.get(roles.join('+'));
    if (!holder) throw new Error('no holder');
    await expectRefused(d, procedure, () => d.backend.dispatch(procedure, samples[procedure](roles[0] ?? 'intake'), holder.token), 'FORBIDDEN', holder.id);
  });
});

/** Case-scoped: the sample input names the case or something inside it (found with stand-in ids). */
const STAND_IN: SampleIds = {
  ...emptySampleIds(),
  caseId: '00000000-0000-4000-8000-0000000000c1',
  unassignedCaseId: '00000000-0000-4000-8000-0000000000c1',
  documentId: '00000000-0000-4000-8000-0000000000d1',
  thirdPartyId: '00000000-0000-4000-8000-0000000000e1',
  copyId: '00000000-0000-4000-8000-0000000000f1',
  letterId: '00000000-0000-4000-8000-0000000000a1',
  jobId: '00000000-0000-4000-8000-0000000000b1',
  readJobId: '00000000-0000-4000-8000-0000000000b2',
};
const standInSamples = procedureSamples(STAND_IN);
const caseScoped = PROCEDURE_NAMES.filter((p) => {
  if (!isAllowed(['handler'], contract[p].action) || isPublicAction(contract[p].action)) return false;
  const text = JSON.stringify(standInSamples[p]('handler'));
  return [STAND_IN.caseId, STAND_IN.documentId, STAND_IN.thirdPartyId, STAND_IN.copyId, STAND_IN.letterId, STAND_IN.jobId, STAND_IN.readJobId].some(
    (id) => id && text.includes(id),
  );
});

describe("a handler on someone else's case", () => {
  let d: Desk;
  let other: SampleIds;
  let samples: ReturnType<typeof procedureSamples>;
  let intruder = { id: '', token: '' };
  const REQUESTER = 'Wilhelmina Ağaoğlu-Vreemd';

  beforeAll(async () => {
    d = await desk();
    const owner = await addStaff(d.backend, d.adminToken, 'eigenaar', ['handler']);
    intruder = await addStaff(d.backend, d.adminToken, 'indringer', ['handler']);
    const dpo = await addStaff(d.backend, d.adminToken, 'fg', ['dpo']);
    other = emptySampleIds();
    other.staffIds.handler = intruder.id;
    other.targetId = owner.id;
    const caseId = value(
      await d.call(
        'case.create',
        { ...NEW_CASE, requester: { name: REQUESTER, relation: 'huurder', address: 'Vreemdelaan 3, 1234 AB Hilversum' }, handlerId: owner.id },
        dpo.token,
      ),
    ).id;
    other.caseId = other.unassignedCaseId = caseId;
    // Everything inside the case that procedures can name: a document, a third party, an ID copy, a letter, a redaction job.
    const pdf = await buildLetters(1, 1);
    other.documentId =
      value(await d.call('dossier.import', { caseId, fileName: 'verslag.pdf', dataBase64: pdf.toString('base64'), source: 'klantcontact' }, owner.token))
        .documents[0]?.id ?? '';
    other.thirdPartyId = value(await d.call('thirdParty.add', { caseId, name: 'Buurman Vreemd', role: 'buurman' }, owner.token)).id;
    other.copyId = value(
      await d.call(
        'identity.uploadCopy',
        { caseId, subject: 'verzoeker', fileName: 'id.png', dataBase64: procedureSamples(other)['identity.uploadCopy']('handler').dataBase64 },
        owner.token,
      ),
    ).copyId;
    other.letterId = value(await d.call('letter.draft', { caseId, kind: 'ontvangstbevestiging' }, owner.token)).id;
    other.jobId = value(
      await d.call(
        'redaction.start',
        { caseId, documentId: other.documentId ?? '', redactions: [{ page: 0, x: 10, y: 10, width: 20, height: 20 }] },
        owner.token,
      ),
    ).jobId;
    other.readJobId = value(await d.call('redaction.read', { caseId, documentId: other.documentId ?? '' }, owner.token)).jobId;
    samples = procedureSamples(other);
  }, 120_000);
  afterAll(() => d.cleanup());

  it('covers the case-scoped procedures a handler may call', () => {
    expect(caseScoped.length).toBeGreaterThan(25);
  });

  it.each(caseScoped)("%s on the other handler's case is refused and audited", async (procedure) => {
    const result = await expectRefused(
      d,
      procedure,
      () => d.backend.dispatch(procedure, samples[procedure]('handler'), intruder.token),
      'FORBIDDEN',
      intruder.id,
      /toegewezen|behandelaar|toestemming|voorgelegd|andere medewerker/u,
    );
    expect(JSON.stringify(result)).not.toContain(REQUESTER);
  });
});
