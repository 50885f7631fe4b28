/**
 * The central database's rights, enforced by PostgreSQL itself: a real server (the run's throwaway
 * cluster), one login per function, and every forbidden read and write attempted as that login.
 * A refusal is error 42501 (no privilege, or a row-level security check) or, where RLS filters,
 * no rows; each allowed action is tried too, so the test fails both ways.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_ROLES, migrateCentral } from '../../db/central/migrate.js';
import type { Role } from '../../shared/staff/roles.js';
import { clientConfig, connect, dropFileDatabase, PEOPLE as INSIDERS, makeLogins, refused, rows } from '../support/insiders.js';
import { createTestDatabase } from '../support/postgres.js';

const PASSWORD = 'Rollen-Test-Wachtwoord-2026!';
// Login roles are cluster-wide: names of this file only.
const tag = randomBytes(3).toString('hex');

const PEOPLE = { ...INSIDERS, ivo: { fullName: 'Ivo Intake-Behandelaar', roles: ['intake', 'handler'] } } as const satisfies Record<
  string,
  { fullName: string; roles: readonly Role[] }
>;
type Person = keyof typeof PEOPLE;
const NON_DPO: Person[] = ['ilse', 'hanna', 'henk', 'sanne', 'aart', 'bea', 'ivo'];
const EVERYONE: Person[] = [...NON_DPO, 'fenna'];

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let owner: pg.Client;
let migrated: Awaited<ReturnType<typeof migrateCentral>>;
const ids = {} as Record<Person, string>;
const logins = {} as Record<Person, string>;
const as = {} as Record<Person, pg.Client>;
const caseA = randomUUID(); // hanna's, signer sanne
const caseB = randomUUID(); // henk's
const decisionA = randomUUID();
const decisionB = randomUUID();
const letterA = randomUUID();
const letterB = randomUUID();

async function count(client: pg.Client, text: string, values: unknown[] = []): Promise<number | null> {
  return (await client.query(text, values)).rowCount;
}

const caseValues = (id: string, reference: string, handler: string | null, extra: { customer?: string; createdBy?: string } = {}) => [
  id,
  reference,
  handler,
  extra.customer ?? null,
  extra.createdBy ?? null,
];
// No signer, outcome or decision date: those follow from a decision (central migration 0010).
const INSERT_CASE = `INSERT INTO cases (id, reference, type, channel, received_on, due_on, original_due_on, status, handler_id, customer_number, created_by, updated_at)
  VALUES ($1, $2, 'inzage', 'brief', '2026-11-02', '2026-12-02', '2026-12-02', 'nieuw', $3, $4, $5, now())`;
const INSERT_REQUESTER = `INSERT INTO case_requesters (case_id, name, relation, written_and_signed) VALUES ($1, $2, 'huurder', true)`;
const INSERT_DECISION = `INSERT INTO decisions (id, case_id, letter_id, kind, outcome, decided_on, signed_by, signed_at, sha256)
  VALUES ($1, $2, $3, 'besluit', 'toegewezen', '2026-11-20', $4, now(), 'ab')`;
const INSERT_LETTER = `INSERT INTO letters (id, case_id, kind, signed_by, signed_at, sha256, pdf) VALUES ($1, $2, 'besluit', $3, now(), 'ab', '\\x25504446')`;
const INSERT_AUDIT = `INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, roles, procedure, outcome, prev_hash, hash)
  VALUES ($1, $2, $3, now(), $4, '{handler}', 'case.update', 'ok', '0', 'h')`;

beforeAll(async () => {
  db = await createTestDatabase('roles');
  migrated = await migrateCentral(db.url);
  expect(migrated.applied.slice(0, 3)).toEqual(['0000_init', '0001_change_xid', '0002_roles_rls']);
  expect(migrated.applied).toHaveLength(migrated.total);
  owner = await connect(clientConfig(db.url));
  const made = await makeLogins(owner, PEOPLE, tag, PASSWORD);
  Object.assign(ids, made.ids);
  Object.assign(logins, made.loginRoles);
  await owner.query(INSERT_CASE, caseValues(caseA, 'AVG-2026-0001', ids.hanna, { customer: 'K-1001' }));
  await owner.query(INSERT_CASE, caseValues(caseB, 'AVG-2026-0002', ids.henk, { customer: 'K-2002' }));
  await owner.query(INSERT_REQUESTER, [caseA, 'Fatma Yılmaz']);
  await owner.query(INSERT_REQUESTER, [caseB, 'Jan de Vries']);
  await owner.query(INSERT_DECISION, [decisionA, caseA, letterA, ids.sanne]);
  await owner.query(INSERT_DECISION, [decisionB, caseB, letterB, ids.fenna]);
  await owner.query(INSERT_LETTER, [letterA, caseA, ids.sanne]);
  await owner.query(INSERT_LETTER, [letterB, caseB, ids.fenna]);
  await owner.query(INSERT_AUDIT, [randomUUID(), 'desk-1', 1, ids.hanna]);
  await owner.query(`INSERT INTO destruction_records (id, reference, request_type, destroyed_on) VALUES ($1, 'AVG-2019-0001', 'inzage', '2026-10-01')`, [
    randomUUID(),
  ]);
  await owner.query(`INSERT INTO reference_data (kind, key, value) VALUES ('setting', 'bewaartermijn', '{"jaren": 7}')`);
  await owner.query(`INSERT INTO handovers (id, case_id, from_staff, to_staff, bundle_sha256) VALUES ($1, $2, $3, $4, 'cd')`, [
    randomUUID(),
    caseB,
    ids.hanna,
    ids.henk,
  ]);
  for (const person of EVERYONE) as[person] = await connect(clientConfig(db.url, logins[person], PASSWORD));
});

afterAll(() => dropFileDatabase(db, [...Object.values(as), owner], Object.values(logins)));

describe('central database: migration and logins', () => {
  it('is safe to run again, and in a second database of the same cluster (also at the same time)', async () => {
    expect(await migrateCentral(db.url)).toEqual({ applied: [], total: migrated.total, roles: [...FUNCTION_ROLES].sort() });
    const [second, third] = await Promise.all([createTestDatabase('second'), createTestDatabase('third')]);
    try {
      const results = await Promise.all([migrateCentral(second.url), migrateCentral(third.url)]);
      for (const r of results) expect(r.applied).toEqual(migrated.applied);
      // The same person in two databases at once: one login role, changed concurrently.
      const user = `dubbel-${tag}`;
      const [c2, c3] = await Promise.all([connect(clientConfig(second.url)), connect(clientConfig(third.url))]);
      try {
        for (let i = 0; i < 4; i++) {
          await Promise.all(
            [c2, c3].map((c, n) =>
              c.query('SELECT avg_create_login($1, $2, $3::text[], $4)', [user, 'Dubbel Persoon', n === 0 ? ['handler'] : ['handler', 'signer'], PASSWORD]),
            ),
          );
        }
        const login = await connect(clientConfig(second.url, `avg_u_dubbel_${tag}`, PASSWORD));
        expect((await rows(login, 'SELECT count(*)::int AS n FROM staff'))[0]).toEqual({ n: 1 });
        await login.end();
      } finally {
        await c2.end();
        await c3.end();
      }
    } finally {
      await Promise.all([second.drop(), third.drop()]);
      await owner.query(`DROP ROLE IF EXISTS "avg_u_dubbel_${tag}"`);
    }
  });

  it('gives each login exactly the named functions', async () => {
    const member = await rows<{ login: string; fn: string }>(
      owner,
      `SELECT u.rolname AS login, g.rolname AS fn FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
       WHERE u.rolname = ANY($1) ORDER BY 1, 2`,
      [Object.values(logins)],
    );
    expect(member.filter((m) => m.login === logins.ivo).map((m) => m.fn)).toEqual(['avg_handler', 'avg_intake']);
    expect(member.filter((m) => m.login === logins.hanna).map((m) => m.fn)).toEqual(['avg_handler']);
    const staffRow = await rows(owner, 'SELECT user_name, roles, login_role, active FROM staff WHERE id = $1', [ids.ivo]);
    expect(staffRow).toEqual([{ user_name: `ivo-${tag}`, roles: ['intake', 'handler'], login_role: logins.ivo, active: true }]);
    for (const person of EVERYONE) expect((await rows(as[person], 'SELECT avg_current_staff_id() AS id'))[0]).toEqual({ id: ids[person] });
  });

  it('lets only the admin (and for signer, dpo and auditor the dpo) make logins; functions are checked; nobody changes their own', async () => {
    const user = `nieuw-${tag}`;
    try {
      for (const person of NON_DPO.filter((p) => p !== 'bea')) {
        await refused(as[person], 'SELECT avg_create_login($1, $2, $3::text[], $4)', [user, 'Nieuw Persoon', ['handler'], PASSWORD]);
      }
      const made = await rows<{ id: string }>(as.bea, 'SELECT avg_create_login($1, $2, $3::text[], $4) AS id', [user, 'Nieuw Persoon', ['handler'], PASSWORD]);
      expect(made[0]?.id).toMatch(/^[0-9a-f-]{36}$/u);
      expect(await rows(as.fenna, 'SELECT avg_create_login($1, $2, $3::text[], $4) AS id', [user, 'Nieuw Persoon', ['handler', 'signer'], PASSWORD])).toEqual(
        made,
      );
      // Again with fewer functions: the other is revoked, the staff row updated, the id kept.
      expect(await rows(as.fenna, 'SELECT avg_create_login($1, $2, $3::text[], $4) AS id', [user, 'Nieuw Persoon', ['signer'], PASSWORD])).toEqual(made);
      const fns = await rows<{ fn: string }>(
        owner,
        `SELECT g.rolname AS fn FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1`,
        [`avg_u_nieuw_${tag}`],
      );
      expect(fns.map((f) => f.fn)).toEqual(['avg_signer']);
      await expect(as.bea.query('SELECT avg_create_login($1, $2, $3::text[], $4)', [user, 'Nieuw Persoon', ['koning'], PASSWORD])).rejects.toMatchObject({
        code: '22023',
        message: expect.stringMatching(/Onbekende functie "koning"/u),
      });
      await expect(
        as.bea.query('SELECT avg_create_login($1, $2, $3::text[], $4)', ['x; DROP ROLE postgres', 'X', ['handler'], PASSWORD]),
      ).rejects.toMatchObject({ code: '22023' });
      await expect(
        as.bea.query('SELECT avg_create_login($1, $2, $3::text[], $4)', [`bea-${tag}`, 'Bea Beheer', ['admin', 'dpo'], PASSWORD]),
      ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/eigen aanmelding/u) });
    } finally {
      await owner.query(`DELETE FROM staff WHERE user_name = $1`, [user]);
      await owner.query(`DROP ROLE IF EXISTS "avg_u_nieuw_${tag}"`);
    }
  });
});

describe('central database: intake', () => {
  it('reads status and due date of every request, nothing else', async () => {
    expect(await rows(as.ilse, 'SELECT reference, status, due_on::text AS due FROM cases ORDER BY reference')).toEqual([
      { reference: 'AVG-2026-0001', status: 'nieuw', due: '2026-12-02' },
      { reference: 'AVG-2026-0002', status: 'nieuw', due: '2026-12-02' },
    ]);
    for (const column of ['customer_number', 'outcome', 'decided_on', 'signer_id', 'legal_hold_reason', '*'])
      await refused(as.ilse, `SELECT ${column} FROM cases`);
    for (const table of ['case_requesters', 'decisions', 'letters', 'audit_events', 'handovers', 'reference_blocks', 'destruction_records', 'case_statistics'])
      await refused(as.ilse, `SELECT * FROM ${table}`);
  });

  it('registers a request with its requester, but changes nothing afterwards', async () => {
    const id = randomUUID();
    await as.ilse.query(INSERT_CASE, caseValues(id, 'AVG-2026-0101', ids.henk, { createdBy: ids.ilse, customer: 'K-3003' }));
    try {
      await as.ilse.query(INSERT_REQUESTER, [id, 'Pieter Bakker']);
      await refused(as.ilse, `UPDATE cases SET status = 'afgerond' WHERE id = $1`, [id]);
      await refused(as.ilse, 'UPDATE case_requesters SET name = $2 WHERE case_id = $1', [id, 'Ander']);
      await refused(as.ilse, 'DELETE FROM cases WHERE id = $1', [id]);
      await refused(as.ilse, `INSERT INTO staff (id, user_name, full_name, roles, login_role) VALUES ($1, 'x', 'X', '{dpo}', 'x')`, [randomUUID()]);
      // Henk, its handler, sees it at once.
      expect(await rows(as.henk, 'SELECT c.reference, r.name FROM cases c JOIN case_requesters r ON r.case_id = c.id WHERE c.id = $1', [id])).toEqual([
        { reference: 'AVG-2026-0101', name: 'Pieter Bakker' },
      ]);
    } finally {
      await owner.query('DELETE FROM cases WHERE id = $1', [id]);
    }
  });

  it('someone who is intake and handler reads only their own cases (column rights add up)', async () => {
    expect(await rows(as.ivo, 'SELECT id FROM cases')).toEqual([]);
    expect(await rows(as.ivo, 'SELECT customer_number FROM cases')).toEqual([]);
    expect(await rows(as.ivo, 'SELECT * FROM case_requesters')).toEqual([]);
  });
});

describe('central database: handler', () => {
  it('reads only the cases assigned to them, their requesters, decisions and letters', async () => {
    expect(await rows(as.hanna, 'SELECT id, customer_number FROM cases')).toEqual([{ id: caseA, customer_number: 'K-1001' }]);
    expect(await rows(as.hanna, 'SELECT name FROM case_requesters')).toEqual([{ name: 'Fatma Yılmaz' }]);
    expect(await rows(as.hanna, 'SELECT id FROM decisions')).toEqual([{ id: decisionA }]);
    expect(await rows(as.hanna, 'SELECT id FROM letters')).toEqual([{ id: letterA }]);
    expect(await rows(as.hanna, 'SELECT * FROM cases WHERE id = $1', [caseB])).toEqual([]);
    expect(await rows(as.hanna, 'SELECT * FROM case_requesters WHERE case_id = $1', [caseB])).toEqual([]);
    for (const table of ['audit_events', 'reference_blocks', 'destruction_records', 'case_statistics']) await refused(as.hanna, `SELECT * FROM ${table}`);
  });

  it("cannot change another handler's case or requester, nor give a case away", async () => {
    expect(await count(as.hanna, `UPDATE cases SET status = 'afgerond' WHERE id = $1`, [caseB])).toBe(0);
    expect(await count(as.hanna, `UPDATE case_requesters SET name = 'Gewijzigd' WHERE case_id = $1`, [caseB])).toBe(0);
    await refused(as.hanna, 'UPDATE cases SET handler_id = $2 WHERE id = $1', [caseA, ids.henk]);
    await refused(as.hanna, 'UPDATE cases SET handler_id = NULL WHERE id = $1', [caseA]);
    await refused(as.hanna, INSERT_CASE, caseValues(randomUUID(), 'AVG-2026-0102', ids.henk));
    await refused(as.hanna, INSERT_REQUESTER, [caseB, 'Iemand']);
    await refused(as.hanna, INSERT_DECISION, [randomUUID(), caseB, randomUUID(), ids.hanna]);
    await refused(as.hanna, INSERT_LETTER, [randomUUID(), caseB, ids.hanna]);
    await refused(as.hanna, `INSERT INTO handovers (id, case_id, from_staff, to_staff, bundle_sha256) VALUES ($1, $2, $3, $4, 'x')`, [
      randomUUID(),
      caseA,
      ids.hanna,
      ids.henk,
    ]);
    expect(await rows(owner, 'SELECT handler_id, status FROM cases WHERE id = $1', [caseB])).toEqual([{ handler_id: ids.henk, status: 'nieuw' }]);
    expect(await rows(owner, 'SELECT name FROM case_requesters WHERE case_id = $1', [caseB])).toEqual([{ name: 'Jan de Vries' }]);
  });

  it('works on their own case and registers cases for themselves', async () => {
    expect(await count(as.hanna, `UPDATE cases SET status = 'in_behandeling', updated_at = now() WHERE id = $1`, [caseA])).toBe(1);
    expect(await count(as.hanna, `UPDATE case_requesters SET phone = '0201234567' WHERE case_id = $1`, [caseA])).toBe(1);
    const own = randomUUID();
    await as.hanna.query(INSERT_CASE, caseValues(own, 'AVG-2026-0103', ids.hanna));
    try {
      await as.hanna.query(INSERT_REQUESTER, [own, 'Noor Jansen']);
      // Her decision is recorded by the signer (central-insiders.spec.ts); she puts the letter before one.
      const letter = randomUUID();
      await as.hanna.query(`INSERT INTO signing_requests (letter_id, case_id, kind) VALUES ($1, $2, 'besluit-inzage') ON CONFLICT (letter_id) DO NOTHING`, [
        letter,
        own,
      ]);
      await as.hanna.query(`INSERT INTO signing_requests (letter_id, case_id, kind) VALUES ($1, $2, 'besluit-inzage') ON CONFLICT (letter_id) DO NOTHING`, [
        letter,
        own,
      ]);
      const decision = randomUUID();
      await as.sanne.query(INSERT_DECISION, [decision, own, letter, null]);
      // A resend is harmless, also without the right to read (ON CONFLICT DO NOTHING).
      await as.sanne.query(`${INSERT_DECISION} ON CONFLICT (id) DO NOTHING`, [decision, own, letter, null]);
      expect(await rows(as.hanna, 'SELECT signed_by FROM decisions WHERE id = $1', [decision])).toEqual([{ signed_by: ids.sanne }]);
      // Audit events she may not read back are resent through avg_append_audit_events (migration 0010).
      const event = {
        id: randomUUID(),
        seq: 1,
        at: new Date().toISOString(),
        actor_id: ids.hanna,
        staff_id: ids.hanna,
        roles: ['handler'],
        procedure: 'case.update',
        outcome: 'ok',
        prev_hash: '0',
        hash: 'h',
      };
      const appended = [];
      const secret = 'geheim-van-de-computer-van-hanna-2026';
      for (let i = 0; i < 2; i++)
        appended.push((await rows(as.hanna, 'SELECT avg_append_audit_events($1, $2, $3::jsonb) AS n', ['desk-hanna', secret, JSON.stringify([event])]))[0]);
      expect(appended).toEqual([{ n: 1 }, { n: 0 }]);
      await as.hanna.query(`INSERT INTO handovers (id, case_id, from_staff, to_staff, bundle_sha256) VALUES ($1, $2, $3, $4, 'x')`, [
        randomUUID(),
        own,
        ids.henk,
        ids.hanna,
      ]);
      expect(await rows(as.hanna, 'SELECT count(*)::int AS n FROM handovers')).toEqual([{ n: 2 }]);
      expect(await rows(as.henk, 'SELECT count(*)::int AS n FROM handovers')).toEqual([{ n: 2 }]);
      await refused(as.hanna, `UPDATE decisions SET outcome = 'afgewezen' WHERE id = $1`, [decision]);
      await refused(as.hanna, 'DELETE FROM decisions WHERE id = $1', [decision]);
      await refused(as.hanna, 'DELETE FROM letters WHERE case_id = $1', [own]);
      await refused(as.hanna, 'DELETE FROM case_requesters WHERE case_id = $1', [own]);
    } finally {
      await owner.query('DELETE FROM cases WHERE id = $1', [own]);
    }
  });
});

describe('central database: signer', () => {
  it('reads the cases to sign, and records the decision on them only', async () => {
    expect(await rows(as.sanne, 'SELECT id FROM cases')).toEqual([{ id: caseA }]);
    expect(await rows(as.sanne, 'SELECT id FROM decisions')).toEqual([{ id: decisionA }]);
    expect(await rows(as.sanne, 'SELECT id FROM letters')).toEqual([{ id: letterA }]);
    // Signer, outcome and decision date follow from her decision; she changes nothing on the case itself.
    for (const set of [
      "status = 'besloten'",
      "outcome = 'toegewezen'",
      'handler_id = NULL',
      "customer_number = 'K-9'",
      "due_on = '2027-01-01'",
      "reference = 'AVG-2026-0999'",
    ]) {
      await refused(as.sanne, `UPDATE cases SET ${set} WHERE id = $1`, [caseA]);
    }
    await refused(as.sanne, 'UPDATE cases SET signer_id = $2 WHERE id = $1', [caseA, ids.fenna]);
    await refused(as.sanne, INSERT_CASE, caseValues(randomUUID(), 'AVG-2026-0104', null));
    await refused(as.sanne, 'SELECT * FROM case_requesters');
    await refused(as.sanne, INSERT_DECISION, [randomUUID(), caseA, randomUUID(), ids.fenna]);
    await refused(as.sanne, INSERT_LETTER, [randomUUID(), caseA, ids.sanne]);
    expect(await rows(owner, 'SELECT handler_id, signer_id, status FROM cases WHERE id = $1', [caseA])).toEqual([
      { handler_id: ids.hanna, signer_id: ids.sanne, status: 'in_behandeling' },
    ]);
  });
});

describe('central database: auditor and admin', () => {
  it('the auditor reads audit events and aggregates without names or references, no case content', async () => {
    for (const table of ['cases', 'case_requesters', 'decisions', 'letters', 'handovers', 'reference_blocks']) await refused(as.aart, `SELECT * FROM ${table}`);
    expect((await rows(as.aart, 'SELECT count(*)::int AS n FROM audit_events'))[0]?.n).toBeGreaterThan(0);
    expect(await rows(as.aart, 'SELECT request_type FROM destruction_records')).toEqual([{ request_type: 'inzage' }]);
    const stats = await as.aart.query('SELECT * FROM case_statistics ORDER BY status');
    expect(stats.fields.map((f) => f.name)).toEqual(['month', 'type', 'channel', 'status', 'outcome', 'cases', 'decided_on_time', 'decided_late', 'extended']);
    expect(stats.rows.reduce((n, r: { cases: number }) => n + r.cases, 0)).toBe(2);
    const text = JSON.stringify(stats.rows) + JSON.stringify(await rows(as.aart, 'SELECT * FROM destruction_statistics'));
    for (const secret of ['AVG-', 'K-1001', 'Fatma', 'Hanna', ids.hanna]) expect(text).not.toContain(secret);
    await refused(as.aart, INSERT_CASE, caseValues(randomUUID(), 'AVG-2026-0105', null));
  });

  it('the admin manages staff and reference data and reads no case content', async () => {
    for (const table of [
      'cases',
      'case_requesters',
      'decisions',
      'letters',
      'audit_events',
      'handovers',
      'destruction_records',
      'case_statistics',
      'reference_blocks',
    ])
      await refused(as.bea, `SELECT * FROM ${table}`);
    await refused(as.bea, 'SELECT id FROM cases');
    await refused(as.bea, INSERT_CASE, caseValues(randomUUID(), 'AVG-2026-0106', null));
    expect(await count(as.bea, `UPDATE staff SET full_name = 'Hanna de Behandelaar' WHERE id = $1`, [ids.hanna])).toBe(1);
    await refused(as.bea, `UPDATE staff SET login_role = 'postgres' WHERE id = $1`, [ids.hanna]);
    await refused(as.bea, `UPDATE staff SET roles = '{dpo}' WHERE id = $1`, [ids.bea]);
    await refused(as.bea, 'DELETE FROM staff WHERE id = $1', [ids.hanna]);
    // Functioneel beheer keeps the letterhead; templates and terms are the privacy officer's.
    await refused(as.bea, `INSERT INTO reference_data (kind, key, value, updated_by) VALUES ('template', 'ontvangst', '{"tekst": "Geachte"}', $1)`, [ids.bea]);
    await as.fenna.query(`INSERT INTO reference_data (kind, key, value, updated_by) VALUES ('template', 'ontvangst', '{"tekst": "Geachte"}', $1)`, [ids.fenna]);
    await as.bea.query(`INSERT INTO reference_data (kind, key, value, updated_by) VALUES ('setting', 'letterhead', '{"naam": "Woonstichting"}', $1)`, [
      ids.bea,
    ]);
    expect(await count(as.bea, `UPDATE reference_data SET value = '{"naam": "De Woonstichting"}' WHERE kind = 'setting'`)).toBe(1);
    expect(await count(as.bea, `UPDATE reference_data SET value = '{}' WHERE kind = 'template'`)).toBe(0);
    await refused(as.bea, `DELETE FROM reference_data WHERE kind = 'setting'`);
    for (const person of ['ilse', 'hanna', 'aart'] as const) {
      expect(await rows(as[person], `SELECT key FROM reference_data ORDER BY key`)).toEqual([
        { key: 'bewaartermijn' },
        { key: 'letterhead' },
        { key: 'ontvangst' },
      ]);
      await refused(as[person], `UPDATE reference_data SET value = '{}'`);
    }
  });

  it('a deactivated member can no longer log in', async () => {
    const user = `weg-${tag}`;
    const made = await rows<{ id: string }>(owner, 'SELECT avg_create_login($1, $2, $3::text[], $4) AS id', [user, 'Wim Weg', ['handler'], PASSWORD]);
    const config = clientConfig(db.url, `avg_u_weg_${tag}`, PASSWORD);
    await (await connect(config)).end();
    try {
      expect(await count(as.bea, 'UPDATE staff SET active = false WHERE id = $1', [made[0]?.id])).toBe(1);
      await expect(connect(config)).rejects.toMatchObject({ code: '28000' });
    } finally {
      await owner.query('DELETE FROM staff WHERE user_name = $1', [user]);
      await owner.query(`DROP ROLE IF EXISTS "avg_u_weg_${tag}"`);
    }
  });
});

describe('central database: audit events and deletion', () => {
  it("audit events are insert-only for every login; the owner's changes are refused while the triggers are on", async () => {
    for (const person of EVERYONE) {
      const event = {
        id: randomUUID(),
        seq: 1,
        at: new Date().toISOString(),
        actor_id: ids[person],
        staff_id: ids[person],
        roles: ['handler'],
        procedure: 'case.update',
        outcome: 'ok',
        prev_hash: '0',
        hash: 'h',
      };
      const append = [
        'SELECT avg_append_audit_events($1, $2, $3::jsonb)',
        [`audit-${person}`, `geheim-van-computer-${person}-${tag}-2026`, JSON.stringify([event])],
      ] as const;
      // The auditor only reads them (central-insiders.spec.ts).
      if (person === 'aart') await refused(as[person], append[0], [...append[1]]);
      else await as[person].query(append[0], [...append[1]]);
      await refused(as[person], `UPDATE audit_events SET outcome = 'vervalst'`);
      await refused(as[person], 'DELETE FROM audit_events');
      await refused(as[person], 'TRUNCATE audit_events');
    }
    for (const statement of [`UPDATE audit_events SET outcome = 'vervalst'`, 'DELETE FROM audit_events', 'TRUNCATE audit_events']) {
      await expect(owner.query(statement), statement).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/^Auditgebeurtenissen kunnen niet worden gewijzigd of verwijderd/u),
      });
    }
    expect((await rows(as.fenna, 'SELECT count(*)::int AS n FROM audit_events'))[0]?.n).toBeGreaterThanOrEqual(EVERYONE.length + 1);
  });

  it('only the dpo deletes a case (retention), with everything that hangs on it', async () => {
    for (const person of NON_DPO) await refused(as[person], 'DELETE FROM cases WHERE id = $1', [caseB]);
    expect(await rows(as.fenna, 'SELECT count(*)::int AS n FROM cases')).toEqual([{ n: 2 }]);
    expect((await rows(as.fenna, 'SELECT name FROM case_requesters ORDER BY name')).map((r) => r.name)).toEqual(['Fatma Yılmaz', 'Jan de Vries']);
    // The dpo reassigns: Henk's case to Hanna, who sees it at once.
    expect(await count(as.fenna, 'UPDATE cases SET handler_id = $2 WHERE id = $1', [caseB, ids.hanna])).toBe(1);
    expect(await rows(as.hanna, 'SELECT name FROM case_requesters WHERE case_id = $1', [caseB])).toEqual([{ name: 'Jan de Vries' }]);
    expect(await rows(as.henk, 'SELECT id FROM cases WHERE id = $1', [caseB])).toEqual([]);
    await refused(as.fenna, `UPDATE decisions SET outcome = 'x'`);
    await refused(as.fenna, 'DELETE FROM decisions');
    await as.fenna.query(
      `INSERT INTO destruction_records (id, reference, request_type, destroyed_on, approved_by) VALUES ($1, 'AVG-2026-0002', 'inzage', '2026-11-25', $2)`,
      [randomUUID(), ids.fenna],
    );
    expect(await count(as.fenna, 'DELETE FROM cases WHERE id = $1', [caseB])).toBe(1);
    for (const table of ['case_requesters', 'decisions', 'letters', 'handovers'])
      expect(await rows(owner, `SELECT 1 FROM ${table} WHERE case_id = $1`, [caseB]), table).toEqual([]);
  });
});

describe('central database: reference blocks', () => {
  it('hands out blocks above every block and every number in use; no direct access', async () => {
    const allocate = (c: pg.Client, size: number, desk = 'desk-1') =>
      rows<{ first: number; last: number }>(c, 'SELECT * FROM avg_allocate_reference_block(2026, $1, $2)', [desk, size]);
    expect(await allocate(as.ilse, 10)).toEqual([{ first: 2, last: 11 }]);
    await owner.query(INSERT_CASE, caseValues(randomUUID(), 'AVG-2026-0050', ids.hanna));
    expect(await allocate(as.hanna, 5)).toEqual([{ first: 51, last: 55 }]);
    const parallel = await Promise.all([allocate(as.fenna, 3, 'desk-2'), allocate(as.ilse, 3, 'desk-3'), allocate(as.hanna, 3, 'desk-4')]);
    expect(parallel.flat().sort((a, b) => a.first - b.first)).toEqual([
      { first: 56, last: 58 },
      { first: 59, last: 61 },
      { first: 62, last: 64 },
    ]);
    expect(await rows(owner, 'SELECT allocated_by FROM reference_blocks WHERE first = 2')).toEqual([{ allocated_by: ids.ilse }]);
    for (const person of ['sanne', 'aart', 'bea'] as const) await refused(as[person], 'SELECT * FROM avg_allocate_reference_block(2026, $1, 1)', ['desk-x']);
    await expect(allocate(as.ilse, 0)).rejects.toMatchObject({ code: '22023' });
    await refused(as.ilse, `INSERT INTO reference_blocks (year, first, last, desktop_id) VALUES (2026, 900, 999, 'eigen')`);
    await refused(as.fenna, 'SELECT * FROM reference_blocks');
  });
});
