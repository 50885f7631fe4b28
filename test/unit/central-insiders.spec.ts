/**
 * Hostile insiders against the central database (real PostgreSQL, the run's cluster): each attack
 * is made as the staff login that would make it, and PostgreSQL itself must refuse it, while the
 * legitimate path next to it still works. Only the owner (the login that migrates) and superusers
 * stand above these rules; the README says what they can still do.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_ROLES, migrateCentral } from '../../db/central/migrate.js';
import type { Role } from '../../shared/roles.js';
import { createTestDatabase, testClusterUrl } from '../support/postgres.js';

const PASSWORD = 'Insider-Test-Wachtwoord-2026!';
const tag = randomBytes(3).toString('hex');

const PEOPLE = {
  ilse: { fullName: 'Ilse Intake', roles: ['intake'] },
  hanna: { fullName: 'Hanna Behandelaar', roles: ['handler'] },
  henk: { fullName: 'Henk Behandelaar', roles: ['handler'] },
  sanne: { fullName: 'Sanne Tekenaar', roles: ['signer'] },
  fenna: { fullName: 'Fenna FG', roles: ['dpo'] },
  aart: { fullName: 'Aart Auditor', roles: ['auditor'] },
  bea: { fullName: 'Bea Beheer', roles: ['admin'] },
} as const satisfies Record<string, { fullName: string; roles: readonly Role[] }>;
type Person = keyof typeof PEOPLE;
const EVERYONE = Object.keys(PEOPLE) as Person[];

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let owner: pg.Client;
const ids = {} as Record<Person, string>;
const logins = {} as Record<Person, string>;
const as = {} as Record<Person, pg.Client>;
const extraLogins: string[] = [];
const caseA = randomUUID(); // hanna's
const caseB = randomUUID(); // henk's

function clientConfig(url: string, user?: string, password?: string): pg.ClientConfig {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: user ?? decodeURIComponent(u.username), password: password ?? decodeURIComponent(u.password) };
}

async function connect(config: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(config);
  await client.connect();
  return client;
}

async function refused(client: pg.Client, text: string, values: unknown[] = [], message?: RegExp): Promise<void> {
  await expect(client.query(text, values), text).rejects.toMatchObject({ code: '42501', ...(message ? { message: expect.stringMatching(message) } : {}) });
}

async function rows<T extends pg.QueryResultRow = Record<string, unknown>>(client: pg.Client, text: string, values: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(text, values)).rows;
}

const CREATE_LOGIN = 'SELECT avg_create_login($1, $2, $3::text[], $4) AS id';
const INSERT_CASE = `INSERT INTO cases (id, reference, type, channel, received_on, due_on, original_due_on, status, handler_id, updated_at)
  VALUES ($1, $2, 'inzage', 'brief', '2026-11-02', '2026-12-02', '2026-12-02', 'ter_ondertekening', $3, now())`;
const INSERT_DECISION = `INSERT INTO decisions (id, case_id, letter_id, kind, outcome, decided_on, signed_by, signed_at, sha256)
  VALUES ($1, $2, $3, 'besluit-inzage', 'toegewezen', '2026-11-20', $4, now(), 'ab')`;
const INSERT_LETTER = `INSERT INTO letters (id, case_id, kind, signed_by, signed_at, sha256, pdf) VALUES ($1, $2, 'besluit-inzage', $3, now(), 'ab', '\\x25504446')`;
const APPEND = 'SELECT avg_append_audit_events($1, $2, $3::jsonb) AS n';

function functionsOf(login: string): Promise<string[]> {
  return rows<{ fn: string }>(
    owner,
    `SELECT g.rolname AS fn FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1 ORDER BY 1`,
    [login],
  ).then((r) => r.map((x) => x.fn));
}

function event(seq: number, staffId: string | null, extra: Record<string, unknown> = {}) {
  return { id: randomUUID(), seq, at: new Date().toISOString(), actor_id: randomUUID(), staff_id: staffId, roles: ['handler'], procedure: 'case.get', record_type: 'case', record_id: caseA, outcome: 'ok', prev_hash: '0'.repeat(64), hash: randomBytes(32).toString('hex'), ...extra };
}

beforeAll(async () => {
  db = await createTestDatabase('insiders');
  await migrateCentral(db.url);
  owner = await connect(clientConfig(db.url));
  for (const [name, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    ids[name] = (await rows<{ id: string }>(owner, CREATE_LOGIN, [`${name}-${tag}`, person.fullName, person.roles, PASSWORD]))[0]?.id ?? '';
    logins[name] = `avg_u_${name}_${tag}`;
  }
  await owner.query(INSERT_CASE, [caseA, 'AVG-2026-0001', ids.hanna]);
  await owner.query(INSERT_CASE, [caseB, 'AVG-2026-0002', ids.henk]);
  for (const person of EVERYONE) as[person] = await connect(clientConfig(db.url, logins[person], PASSWORD));
});

afterAll(async () => {
  await Promise.all(Object.values(as).map((c) => c.end()));
  await owner?.end();
  await db.drop();
  const admin = await connect(clientConfig(testClusterUrl()));
  for (const login of [...Object.values(logins), ...extraLogins]) await admin.query(`DROP ROLE IF EXISTS "${login}"`);
  await admin.end();
});

describe('logins: nobody grants a function they may not hold', () => {
  it('the admin cannot make itself dpo, not even after SET ROLE avg_admin', async () => {
    await as.bea.query('SET ROLE avg_admin');
    try {
      await refused(as.bea, CREATE_LOGIN, [`bea-${tag}`, 'Bea Beheer', ['admin', 'dpo'], PASSWORD]);
    } finally {
      await as.bea.query('RESET ROLE');
    }
    await refused(as.bea, CREATE_LOGIN, [`bea-${tag}`, 'Bea Beheer', ['admin', 'dpo'], PASSWORD]);
    expect(await functionsOf(logins.bea)).toEqual(['avg_admin']);
    expect(await rows(owner, 'SELECT roles FROM staff WHERE id = $1', [ids.bea])).toEqual([{ roles: ['admin'] }]);
  });

  it("the admin cannot reset the dpo's password, nor make a login with dpo, signer or auditor; the dpo can, and every grant is logged", async () => {
    await refused(as.bea, CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['dpo'], 'Overgenomen-Wachtwoord-1!'], /Alleen de FG/u);
    await (await connect(clientConfig(db.url, logins.fenna, PASSWORD))).end();
    await refused(as.bea, CREATE_LOGIN, [`sanne-${tag}`, 'Sanne Tekenaar', ['handler'], 'Overgenomen-Wachtwoord-1!']);
    const second = `tweede-${tag}`;
    extraLogins.push(`avg_u_tweede_${tag}`);
    for (const fn of ['dpo', 'signer', 'auditor']) await refused(as.bea, CREATE_LOGIN, [second, 'Tweede Login', [fn], PASSWORD]);
    await refused(as.bea, `INSERT INTO staff (id, user_name, full_name, roles, login_role) VALUES ($1, $2, 'Tweede Login', '{dpo}', $3)`, [randomUUID(), second, `avg_u_tweede_${tag}`]);
    expect(await rows(owner, 'SELECT 1 FROM pg_roles WHERE rolname = $1', [`avg_u_tweede_${tag}`])).toEqual([]);

    // The legitimate path: the admin adds a handler, the dpo makes them signer too.
    const nina = `nina-${tag}`;
    extraLogins.push(`avg_u_nina_${tag}`);
    await as.bea.query(CREATE_LOGIN, [nina, 'Nina Nieuw', ['handler'], PASSWORD]);
    await as.fenna.query(CREATE_LOGIN, [nina, 'Nina Nieuw', ['handler', 'signer'], PASSWORD]);
    expect(await functionsOf(`avg_u_nina_${tag}`)).toEqual(['avg_handler', 'avg_signer']);
    await refused(as.bea, CREATE_LOGIN, [nina, 'Nina Nieuw', ['handler'], PASSWORD]);
    const log = await rows(as.aart, 'SELECT granted_by, user_name, functions_before, functions_after, new_login FROM staff_grants WHERE user_name = $1 ORDER BY id', [nina]);
    expect(log).toEqual([
      { granted_by: ids.bea, user_name: nina, functions_before: [], functions_after: ['handler'], new_login: true },
      { granted_by: ids.fenna, user_name: nina, functions_before: ['handler'], functions_after: ['handler', 'signer'], new_login: false },
    ]);
    await refused(as.fenna, 'DELETE FROM staff_grants');
    await expect(owner.query('DELETE FROM staff_grants')).rejects.toMatchObject({ code: '42501' });
  });

  it('no login the app uses is superuser, bypasses row-level security, owns a table or can switch the audit triggers off', async () => {
    const attrs = await rows<{ rolname: string; bad: boolean }>(
      owner,
      `SELECT rolname, (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb OR rolreplication) AS bad FROM pg_roles WHERE rolname = ANY($1) ORDER BY 1`,
      [[...FUNCTION_ROLES, ...Object.values(logins)]],
    );
    expect(attrs).toHaveLength(FUNCTION_ROLES.length + EVERYONE.length);
    expect(attrs.filter((r) => r.bad)).toEqual([]);
    const owned = await rows(owner, `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relnamespace = 'public'::regnamespace AND r.rolname = ANY($1)`, [[...FUNCTION_ROLES, ...Object.values(logins)]]);
    expect(owned).toEqual([]);
    for (const person of EVERYONE) {
      for (const table of ['audit_events', 'audit_anchors', 'staff_grants', 'decisions']) {
        await refused(as[person], `ALTER TABLE ${table} DISABLE TRIGGER USER`);
      }
    }
  });

  it('the schema belongs to avg_owner, a role nobody logs in as and no app login is a member of', async () => {
    expect(await rows(owner, `SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'avg_owner'`)).toEqual([{ rolcanlogin: false, rolsuper: false, rolbypassrls: false }]);
    const tableOwners = await rows(owner, `SELECT DISTINCT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'S')`);
    expect(tableOwners).toEqual([{ rolname: 'avg_owner' }]);
    const functionOwners = await rows(owner, `SELECT DISTINCT r.rolname FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE p.pronamespace = 'public'::regnamespace`);
    expect(functionOwners).toEqual([{ rolname: 'avg_owner' }]);
    const members = await rows(owner, `SELECT rolname FROM pg_roles WHERE rolname = ANY($1) AND pg_has_role(rolname, 'avg_owner', 'member')`, [[...FUNCTION_ROLES, ...Object.values(logins)]]);
    expect(members).toEqual([]);
    // The app still works under the new owner: a login made and changed by the functions it owns.
    const olga = `olga-${tag}`;
    extraLogins.push(`avg_u_olga_${tag}`);
    await as.bea.query(CREATE_LOGIN, [olga, 'Olga Overdracht', ['intake'], PASSWORD]);
    await as.bea.query(CREATE_LOGIN, [olga, 'Olga Overdracht', ['intake', 'handler'], PASSWORD]);
    expect(await functionsOf(`avg_u_olga_${tag}`)).toEqual(['avg_handler', 'avg_intake']);
  });

  it('every app login is refused when it switches off, drops, replaces or bypasses what keeps audit events insert-only', async () => {
    const before = await rows(owner, 'SELECT count(*)::int AS n FROM audit_events');
    const attacks = [
      'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change',
      'ALTER TABLE audit_events DISABLE TRIGGER ALL',
      'DROP TRIGGER audit_events_no_change ON audit_events',
      'DELETE FROM audit_events',
      'UPDATE audit_events SET outcome = outcome',
      'TRUNCATE audit_events',
      'DROP TABLE audit_events',
      'ALTER TABLE audit_events OWNER TO CURRENT_USER',
      'DROP FUNCTION avg_audit_events_insert_only() CASCADE',
      `CREATE OR REPLACE FUNCTION avg_audit_events_insert_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN OLD; END'`,
      'CREATE OR REPLACE FUNCTION public.avg_caller_is_owner() RETURNS boolean LANGUAGE sql AS $$ SELECT true $$',
      'SET session_replication_role = replica',
      'GRANT avg_owner TO CURRENT_USER',
      'SET ROLE avg_owner',
    ];
    for (const person of EVERYONE) {
      for (const attack of attacks) await refused(as[person], attack);
    }
    expect(await rows(owner, 'SELECT count(*)::int AS n FROM audit_events')).toEqual(before);
    expect(await rows(owner, `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal ORDER BY 1`)).toEqual([
      { tgname: 'audit_events_no_change', tgenabled: 'O' },
      { tgname: 'audit_events_no_truncate', tgenabled: 'O' },
    ]);
  });
});

describe('a DBA who migrates without being superuser', () => {
  it('migrates as a CREATEROLE login that becomes a member of avg_owner; the schema is still avg_owner\'s and the app works', async () => {
    const cluster = await connect(clientConfig(testClusterUrl()));
    const dba = `dba_${tag}`;
    const database = `t_dba_${tag}`;
    const worker = `avg_u_wim_${tag}`;
    extraLogins.push(worker);
    try {
      await cluster.query(`CREATE ROLE ${dba} LOGIN CREATEROLE PASSWORD '${PASSWORD}'`);
      await cluster.query(`CREATE DATABASE ${database} OWNER ${dba}`);
      const url = new URL(db.url);
      url.pathname = `/${database}`;
      const config = clientConfig(url.toString(), dba, PASSWORD);
      await migrateCentral(config);
      const asDba = await connect(config);
      try {
        expect(await rows(asDba, `SELECT pg_has_role(current_user, 'avg_owner', 'member') AS member, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`)).toEqual([{ member: true, superuser: false }]);
        expect(await rows(asDba, `SELECT DISTINCT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v')`)).toEqual([{ rolname: 'avg_owner' }]);
        await asDba.query(CREATE_LOGIN, [`wim-${tag}`, 'Wim Werkplek', ['handler', 'signer'], PASSWORD]);
        expect(await functionsOf(worker)).toEqual(['avg_handler', 'avg_signer']);
      } finally {
        await asDba.end();
      }
      const wim = await connect(clientConfig(url.toString(), worker, PASSWORD));
      try {
        await refused(wim, 'ALTER TABLE audit_events DISABLE TRIGGER USER');
        await refused(wim, 'TRUNCATE audit_events');
      } finally {
        await wim.end();
      }
    } finally {
      await cluster.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cluster.query(`DROP ROLE IF EXISTS ${dba}`);
      await cluster.end();
    }
  });
});

describe('public keys: each member sets only their own', () => {
  it('a login sets its own Ed25519 public key; nobody sets or changes another member\'s', async () => {
    const key = randomBytes(32).toString('base64');
    await as.hanna.query('SELECT avg_set_public_key($1)', [key]);
    expect(await rows(owner, 'SELECT public_key FROM staff WHERE id = $1', [ids.hanna])).toEqual([{ public_key: key }]);
    await expect(as.hanna.query('SELECT avg_set_public_key($1)', ['geen-sleutel'])).rejects.toMatchObject({ code: '22023' });
    await refused(as.bea, 'UPDATE staff SET public_key = $2 WHERE id = $1', [ids.fenna, key]);
    await refused(as.hanna, 'UPDATE staff SET public_key = $2 WHERE id = $1', [ids.fenna, key]);
    expect(await rows(owner, 'SELECT public_key FROM staff WHERE id = $1', [ids.fenna])).toEqual([{ public_key: null }]);
  });
});

describe('decisions and signed letters: only the signer, only for a letter put before her', () => {
  it('a handler cannot record a decision signed by someone else, nor set signer and outcome on her own case', async () => {
    await refused(as.hanna, INSERT_DECISION, [randomUUID(), caseA, randomUUID(), ids.sanne]);
    await refused(as.hanna, INSERT_LETTER, [randomUUID(), caseA, ids.sanne]);
    await refused(as.hanna, `UPDATE cases SET signer_id = $2, outcome = 'toegewezen', decided_on = '2026-11-20' WHERE id = $1`, [caseA, ids.sanne]);
    await refused(as.hanna, `UPDATE cases SET outcome = 'toegewezen' WHERE id = $1`, [caseA]);
    await refused(as.fenna, INSERT_DECISION, [randomUUID(), caseB, randomUUID(), ids.sanne]);
    expect(await rows(owner, 'SELECT signer_id, outcome FROM cases WHERE id = $1', [caseA])).toEqual([{ signer_id: null, outcome: null }]);
    // Her own work on the case still goes.
    expect((await as.hanna.query(`UPDATE cases SET status = 'ter_ondertekening', updated_at = now() WHERE id = $1`, [caseA])).rowCount).toBe(1);
  });

  it('a signer cannot record a decision or letter on a case never put before her; for one that was, the signer is her session', async () => {
    const letter = randomUUID();
    await refused(as.sanne, INSERT_DECISION, [randomUUID(), caseB, randomUUID(), ids.sanne]);
    await refused(as.sanne, INSERT_LETTER, [randomUUID(), caseB, ids.sanne]);
    await refused(as.sanne, INSERT_DECISION, [randomUUID(), caseA, letter, ids.sanne]);
    // Henk cannot put a letter of Hanna's case before a signer; Hanna can.
    await refused(as.henk, `INSERT INTO signing_requests (letter_id, case_id, kind) VALUES ($1, $2, 'besluit-inzage')`, [letter, caseA]);
    await as.hanna.query(`INSERT INTO signing_requests (letter_id, case_id, kind, requested_by) VALUES ($1, $2, 'besluit-inzage', $3)`, [letter, caseA, ids.fenna]);
    expect(await rows(owner, 'SELECT requested_by FROM signing_requests WHERE letter_id = $1', [letter])).toEqual([{ requested_by: ids.hanna }]);
    // The row names the dpo as signer; the session says Sanne.
    const decision = randomUUID();
    await as.sanne.query(`${INSERT_DECISION} ON CONFLICT (id) DO NOTHING`, [decision, caseA, letter, ids.fenna]);
    await as.sanne.query(`${INSERT_DECISION} ON CONFLICT (id) DO NOTHING`, [decision, caseA, letter, ids.fenna]);
    await as.sanne.query(`${INSERT_LETTER} ON CONFLICT (id) DO NOTHING`, [letter, caseA, ids.fenna]);
    expect(await rows(owner, 'SELECT signed_by FROM decisions WHERE case_id = $1', [caseA])).toEqual([{ signed_by: ids.sanne }]);
    expect(await rows(owner, 'SELECT signed_by FROM letters WHERE id = $1', [letter])).toEqual([{ signed_by: ids.sanne }]);
    expect(await rows(owner, `SELECT signer_id, outcome, decided_on::text AS decided FROM cases WHERE id = $1`, [caseA])).toEqual([{ signer_id: ids.sanne, outcome: 'toegewezen', decided: '2026-11-20' }]);
    expect(await rows(as.sanne, 'SELECT id FROM cases')).toEqual([{ id: caseA }]);
  });
});

describe('audit events: only through the function, in the sender’s own name, on the sender’s own chain', () => {
  const desk = `desk-hanna-${tag}`;
  const secret = randomBytes(32).toString('base64url');

  it('no login inserts audit events directly', async () => {
    for (const person of EVERYONE) {
      await refused(as[person], `INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, roles, procedure, outcome, prev_hash, hash) VALUES ($1, $2, 1, now(), $3, '{dpo}', 'case.get', 'ok', '0', 'h')`, [randomUUID(), `direct-${person}`, ids.fenna]);
    }
  });

  it("a handler cannot send events in the dpo's name; her own are stamped with her login", async () => {
    await refused(as.hanna, APPEND, [desk, secret, JSON.stringify([event(1, ids.fenna)])], /op naam van een andere medewerker/u);
    const own = event(1, ids.hanna);
    const colleague = event(2, null, { roles: ['signer'] });
    expect(await rows(as.hanna, APPEND, [desk, secret, JSON.stringify([own, colleague])])).toEqual([{ n: 2 }]);
    expect(await rows(as.hanna, APPEND, [desk, secret, JSON.stringify([own, colleague])])).toEqual([{ n: 0 }]);
    expect(await rows(owner, 'SELECT seq::int, staff_id, pushed_by FROM audit_events WHERE desktop_id = $1 ORDER BY seq', [desk])).toEqual([
      { seq: 1, staff_id: ids.hanna, pushed_by: ids.hanna },
      { seq: 2, staff_id: null, pushed_by: ids.hanna },
    ]);
  });

  it("the auditor cannot append events to a real desktop's chain, nor anchor it", async () => {
    const forged = Array.from({ length: 20 }, (_, i) => event(3 + i, null));
    await refused(as.aart, APPEND, [desk, randomBytes(32).toString('base64url'), JSON.stringify(forged)], /auditor leest/u);
    await refused(as.aart, 'SELECT avg_anchor_audit_chain($1, $2, 99, $3)', [desk, randomBytes(32).toString('base64url'), 'a'.repeat(64)]);
    await refused(as.aart, APPEND, [desk, secret, JSON.stringify([event(3, ids.fenna)])]);
    expect(await rows(owner, 'SELECT count(*)::int AS n FROM audit_events WHERE desktop_id = $1', [desk])).toEqual([{ n: 2 }]);
  });

  it('an event forged on the central side by the owner keeps the desktop going: its own event is kept beside it', async () => {
    const forged = event(3, ids.fenna);
    await owner.query(
      `INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, staff_id, roles, procedure, outcome, prev_hash, hash) VALUES ($1, $2, 3, now(), $3, $3, '{dpo}', 'case.get', 'ok', $4, $5)`,
      [forged.id, desk, ids.fenna, forged.prev_hash, forged.hash],
    );
    const genuine = [event(3, ids.hanna), event(4, ids.hanna)];
    expect(await rows(as.hanna, APPEND, [desk, secret, JSON.stringify(genuine)])).toEqual([{ n: 1 }]);
    expect(await rows(as.fenna, 'SELECT seq::int, event_id, pushed_by FROM audit_event_conflicts WHERE desktop_id = $1', [desk])).toEqual([{ seq: 3, event_id: genuine[0]?.id, pushed_by: ids.hanna }]);
    await as.hanna.query('SELECT avg_anchor_audit_chain($1, $2, 4, $3)', [desk, secret, genuine[1]?.hash]);
    await as.hanna.query('SELECT avg_anchor_audit_chain($1, $2, 4, $3)', [desk, secret, genuine[1]?.hash]);
    expect(await rows(as.ilse, 'SELECT seq::int, hash FROM avg_audit_anchors($1)', [desk])).toEqual([{ seq: 4, hash: genuine[1]?.hash }]);
    await refused(as.fenna, 'DELETE FROM audit_anchors');
    await expect(owner.query('DELETE FROM audit_anchors')).rejects.toMatchObject({ code: '42501' });
  });
});

describe('the dpo: the admin cannot switch her off, and nobody removes the last one', () => {
  const DEACTIVATE = 'UPDATE staff SET active = false, updated_at = now() WHERE id = $1';

  it('the admin cannot deactivate, rename, reset or strip the dpo, a signer or the auditor; the dpo can, and the admin still manages the rest', async () => {
    for (const person of ['fenna', 'sanne', 'aart'] as const) {
      await refused(as.bea, DEACTIVATE, [ids[person]], /Alleen de FG/u);
      await refused(as.bea, `UPDATE staff SET full_name = 'Iemand Anders' WHERE id = $1`, [ids[person]], /Alleen de FG/u);
    }
    await refused(as.bea, CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['intake'], PASSWORD]);
    await refused(as.bea, CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['dpo'], 'Overgenomen-Wachtwoord-2!']);
    expect(await rows(owner, 'SELECT active, full_name, roles FROM staff WHERE id = $1', [ids.fenna])).toEqual([{ active: true, full_name: 'Fenna FG', roles: ['dpo'] }]);
    await (await connect(clientConfig(db.url, logins.fenna, PASSWORD))).end();

    // The dpo manages dpo-level grants: a second dpo, switched off and on again by her, never by the admin.
    const frank = `frank-${tag}`;
    extraLogins.push(`avg_u_frank_${tag}`);
    const frankId = (await rows<{ id: string }>(as.fenna, CREATE_LOGIN, [frank, 'Frank FG', ['dpo'], PASSWORD]))[0]?.id;
    await refused(as.bea, DEACTIVATE, [frankId], /Alleen de FG/u);
    expect((await as.fenna.query(DEACTIVATE, [frankId])).rowCount).toBe(1);
    await expect(connect(clientConfig(db.url, `avg_u_frank_${tag}`, PASSWORD))).rejects.toMatchObject({ code: '28000' });
    expect((await as.fenna.query('UPDATE staff SET active = true, updated_at = now() WHERE id = $1', [frankId])).rowCount).toBe(1);
    await (await connect(clientConfig(db.url, `avg_u_frank_${tag}`, PASSWORD))).end();
    // The admin still switches off and renames a handler.
    const kees = (await rows<{ id: string }>(as.bea, CREATE_LOGIN, [`kees-${tag}`, 'Kees Tijdelijk', ['handler'], PASSWORD]))[0]?.id;
    extraLogins.push(`avg_u_kees_${tag}`);
    expect((await as.bea.query(`UPDATE staff SET full_name = 'Kees Tijdelijk-Jansen' WHERE id = $1`, [kees])).rowCount).toBe(1);
    expect((await as.bea.query(DEACTIVATE, [kees])).rowCount).toBe(1);
  });

  it('nobody removes the last active dpo: not by switching her off, nor by taking the function away', async () => {
    const frankId = (await rows<{ id: string }>(owner, 'SELECT id FROM staff WHERE user_name = $1', [`frank-${tag}`]))[0]?.id;
    // With two dpos one may go: Frank takes the function from Fenna and gives it back.
    await as.fenna.query(DEACTIVATE, [frankId]);
    await refused(as.fenna, DEACTIVATE, [ids.fenna], /laatste actieve FG/u);
    await refused(owner, DEACTIVATE, [ids.fenna], /laatste actieve FG/u);
    expect(await rows(owner, 'SELECT active FROM staff WHERE id = $1', [ids.fenna])).toEqual([{ active: true }]);
    await as.fenna.query('UPDATE staff SET active = true, updated_at = now() WHERE id = $1', [frankId]);
    const frank = await connect(clientConfig(db.url, `avg_u_frank_${tag}`, PASSWORD));
    try {
      await frank.query(CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['handler'], PASSWORD]);
      expect(await functionsOf(logins.fenna)).toEqual(['avg_handler']);
      await refused(frank, DEACTIVATE, [frankId], /laatste actieve FG/u);
      await refused(owner, CREATE_LOGIN, [`frank-${tag}`, 'Frank FG', ['admin'], PASSWORD], /laatste actieve FG/u);
      expect(await functionsOf(`avg_u_frank_${tag}`)).toEqual(['avg_dpo']);
      await frank.query(CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['dpo'], PASSWORD]);
      expect(await functionsOf(logins.fenna)).toEqual(['avg_dpo']);
    } finally {
      await frank.end();
    }
  });
});

describe('the auditor reads, never writes, the audit trail', () => {
  it('the auditor appends no events, not on its own chain and not in its own name, and anchors nothing; it still reads them', async () => {
    const own = `desk-aart-${tag}`;
    const secret = randomBytes(32).toString('base64url');
    await refused(as.aart, APPEND, [own, secret, JSON.stringify([event(1, ids.aart, { roles: ['auditor'] })])], /auditor/u);
    await refused(as.aart, APPEND, [own, secret, JSON.stringify([event(1, null, { roles: ['auditor'] })])], /auditor/u);
    await refused(as.aart, 'SELECT avg_anchor_audit_chain($1, $2, 1, $3)', [own, secret, 'a'.repeat(64)], /auditor/u);
    expect(await rows(owner, 'SELECT count(*)::int AS n FROM audit_events WHERE desktop_id = $1', [own])).toEqual([{ n: 0 }]);
    expect(await rows(owner, 'SELECT count(*)::int AS n FROM audit_desktops WHERE desktop_id = $1', [own])).toEqual([{ n: 0 }]);
    expect((await rows<{ n: number }>(as.aart, 'SELECT count(*)::int AS n FROM audit_events'))[0]?.n).toBeGreaterThan(0);
    // Someone who is auditor and also works cases still sends the events of their desktop.
    const both = `hetty-${tag}`;
    extraLogins.push(`avg_u_hetty_${tag}`);
    const hettyId = (await rows<{ id: string }>(as.fenna, CREATE_LOGIN, [both, 'Hetty Beide', ['handler', 'auditor'], PASSWORD]))[0]?.id ?? null;
    const hetty = await connect(clientConfig(db.url, `avg_u_hetty_${tag}`, PASSWORD));
    try {
      expect(await rows(hetty, APPEND, [`desk-hetty-${tag}`, secret, JSON.stringify([event(1, hettyId)])])).toEqual([{ n: 1 }]);
    } finally {
      await hetty.end();
    }
  });
});

describe('case numbers: a ceiling per desktop, per login and per year', () => {
  it('one handler cannot take every number of a year; a desktop gets a block, and a clear refusal after its share', async () => {
    const allocate = (c: pg.Client, desktop: string, size: number) => rows<{ first: number; last: number }>(c, 'SELECT * FROM avg_allocate_reference_block(2027, $1, $2)', [desktop, size]);
    await expect(allocate(as.hanna, 'desk-grab', 1000)).rejects.toMatchObject({ code: '22023' });
    expect(await allocate(as.hanna, 'desk-1', 500)).toEqual([{ first: 1, last: 500 }]);
    expect(await allocate(as.hanna, 'desk-1', 500)).toEqual([{ first: 501, last: 1000 }]);
    await expect(allocate(as.hanna, 'desk-1', 500)).rejects.toMatchObject({ code: '54000', message: expect.stringMatching(/afgelopen uur al twee nummerblokken/u) });
    let taken = 1000;
    for (let i = 0; i < 10; i++) {
      const got = await allocate(as.hanna, `desk-grab-${i}`, 500).then(
        () => 500,
        (e: { code?: string }) => (e.code === '54000' ? 0 : Promise.reject(e)),
      );
      taken += got;
    }
    expect(taken).toBe(4000);
    await expect(allocate(as.hanna, 'desk-grab-x', 1)).rejects.toMatchObject({ code: '54000', message: expect.stringMatching(/het maximum aan zaaknummers/u) });
    // Others still get numbers of that year.
    expect(await allocate(as.henk, 'desk-henk', 500)).toEqual([{ first: 4001, last: 4500 }]);
  });
});
