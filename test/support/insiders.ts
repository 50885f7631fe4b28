/**
 * The central database of the insider tests (real PostgreSQL, the run's cluster): a tagged login per
 * function, so spec files running at the same time never share a cluster-wide role, and the helpers
 * that attack as one of them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { migrateCentral } from '../../db/central/migrate.js';
import type { Role } from '../../shared/staff/roles.js';
import { createTestDatabase, testClusterUrl } from './postgres.js';
export const PASSWORD = 'Insider-Test-Wachtwoord-2026!';
export const tag = randomBytes(3).toString('hex');

export const PEOPLE = {
  ilse: { fullName: 'Ilse Intake', roles: ['intake'] },
  hanna: { fullName: 'Hanna Behandelaar', roles: ['handler'] },
  henk: { fullName: 'Henk Behandelaar', roles: ['handler'] },
  sanne: { fullName: 'Sanne Tekenaar', roles: ['signer'] },
  fenna: { fullName: 'Fenna FG', roles: ['dpo'] },
  aart: { fullName: 'Aart Auditor', roles: ['auditor'] },
  bea: { fullName: 'Bea Beheer', roles: ['admin'] },
} as const satisfies Record<string, { fullName: string; roles: readonly Role[] }>;
export type Person = keyof typeof PEOPLE;
export const EVERYONE = Object.keys(PEOPLE) as Person[];

export let db: Awaited<ReturnType<typeof createTestDatabase>>;
export let owner: pg.Client;
export const ids = {} as Record<Person, string>;
export const logins = {} as Record<Person, string>;
export const as = {} as Record<Person, pg.Client>;
export const extraLogins: string[] = [];
export const caseA = randomUUID(); // hanna's
export const caseB = randomUUID(); // henk's

export function clientConfig(url: string, user?: string, password?: string): pg.ClientConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port),
    database: u.pathname.slice(1),
    user: user ?? decodeURIComponent(u.username),
    password: password ?? decodeURIComponent(u.password),
  };
}

export async function connect(config: pg.ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(config);
  await client.connect();
  return client;
}

export async function refused(client: pg.Client, text: string, values: unknown[] = [], message?: RegExp): Promise<void> {
  await expect(client.query(text, values), text).rejects.toMatchObject({ code: '42501', ...(message ? { message: expect.stringMatching(message) } : {}) });
}

export async function rows<T extends pg.QueryResultRow = Record<string, unknown>>(client: pg.Client, text: string, values: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(text, values)).rows;
}

export const CREATE_LOGIN = 'SELECT avg_create_login($1, $2, $3::text[], $4) AS id';
export const INSERT_CASE = `INSERT INTO cases (id, reference, type, channel, received_on, due_on, original_due_on, status, handler_id, updated_at)
  VALUES ($1, $2, 'inzage', 'brief', '2026-11-02', '2026-12-02', '2026-12-02', 'ter_ondertekening', $3, now())`;
export const INSERT_DECISION = `INSERT INTO decisions (id, case_id, letter_id, kind, outcome, decided_on, signed_by, signed_at, sha256)
  VALUES ($1, $2, $3, 'besluit-inzage', 'toegewezen', '2026-11-20', $4, now(), 'ab')`;
export const INSERT_LETTER = `INSERT INTO letters (id, case_id, kind, signed_by, signed_at, sha256, pdf) VALUES ($1, $2, 'besluit-inzage', $3, now(), 'ab', '\\x25504446')`;
export const APPEND = 'SELECT avg_append_audit_events($1, $2, $3::jsonb) AS n';

export function functionsOf(login: string): Promise<string[]> {
  return rows<{ fn: string }>(
    owner,
    `SELECT g.rolname AS fn FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1 ORDER BY 1`,
    [login],
  ).then((r) => r.map((x) => x.fn));
}

export function event(seq: number, staffId: string | null, extra: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    seq,
    at: new Date().toISOString(),
    actor_id: randomUUID(),
    staff_id: staffId,
    roles: ['handler'],
    procedure: 'case.get',
    record_type: 'case',
    record_id: caseA,
    outcome: 'ok',
    prev_hash: '0'.repeat(64),
    hash: randomBytes(32).toString('hex'),
    ...extra,
  };
}

/**
 * Makes a login per person, named `<person>-<fileTag>` (login roles are cluster-wide: each file
 * its own tag), in the central database the `owner` client migrated; their staff ids and login roles.
 */
export async function makeLogins<P extends string>(
  ownerClient: pg.Client,
  people: Record<P, { fullName: string; roles: readonly Role[] }>,
  fileTag: string,
  password: string,
): Promise<{ ids: Record<P, string>; loginRoles: Record<P, string> }> {
  const made = { ids: {} as Record<P, string>, loginRoles: {} as Record<P, string> };
  for (const [name, person] of Object.entries(people) as [P, (typeof people)[P]][]) {
    made.ids[name] = (await rows<{ id: string }>(ownerClient, CREATE_LOGIN, [`${name}-${fileTag}`, person.fullName, person.roles, password]))[0]?.id ?? '';
    made.loginRoles[name] = `avg_u_${name}_${fileTag}`;
  }
  return made;
}

/** After a spec file: ends its connections, drops its database and the cluster-wide login roles it made. */
export async function dropFileDatabase(database: { drop(): Promise<void> } | undefined, clients: (pg.Client | undefined)[], loginRoles: readonly string[]) {
  await Promise.all(clients.map((c) => c?.end()));
  await database?.drop();
  const admin = await connect(clientConfig(testClusterUrl()));
  for (const login of loginRoles) await admin.query(`DROP ROLE IF EXISTS "${login}"`);
  await admin.end();
}

/** One database with a tagged login per person and two cases, for the whole spec file. */
export function useInsiderDatabase(): void {
  beforeAll(async () => {
    db = await createTestDatabase('insiders');
    await migrateCentral(db.url);
    owner = await connect(clientConfig(db.url));
    const made = await makeLogins(owner, PEOPLE, tag, PASSWORD);
    Object.assign(ids, made.ids);
    Object.assign(logins, made.loginRoles);
    await owner.query(INSERT_CASE, [caseA, 'AVG-2026-0001', ids.hanna]);
    await owner.query(INSERT_CASE, [caseB, 'AVG-2026-0002', ids.henk]);
    for (const person of EVERYONE) as[person] = await connect(clientConfig(db.url, logins[person], PASSWORD));
  });

  afterAll(() => dropFileDatabase(db, [...Object.values(as), owner], [...Object.values(logins), ...extraLogins]));
}
