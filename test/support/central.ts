import pg from 'pg';
import type { z } from 'zod';
import { afterAll, beforeAll } from 'vitest';
import { migrateCentral } from '../../db/central/migrate.js';
import type { caseCreateSchema } from '../../shared/cases/case-schemas.js';
import type { Role } from '../../shared/staff/roles.js';
import { addStaff, initialized, tempDir, value } from './backend.js';
import { PEOPLE } from './insiders.js';
import { createTestDatabase } from './postgres.js';

export const CENTRAL_PASSWORD = 'Centraal-Test-2026!';

/** The people of the central database in the sync tests (made up), with their functions. */
export const CENTRAL_PEOPLE = {
  balie: PEOPLE.ilse,
  hanna: PEOPLE.hanna,
  henk: PEOPLE.henk,
  sanne: { fullName: 'Sanne Ağaoğlu', roles: ['signer'] },
  fg: PEOPLE.fenna,
  aart: PEOPLE.aart,
} as const satisfies Record<string, { fullName: string; roles: readonly Role[] }>;
export type CentralPerson = keyof typeof CENTRAL_PEOPLE;

/**
 * A fresh central database on the test cluster with the schema, roles and policies, and a login
 * per person. `desktopUrl` is what an admin enters on a desktop: no user, no password.
 */
export async function centralDatabase(name: string) {
  const db = await createTestDatabase(name);
  await migrateCentral(db.url);
  const owner = new pg.Client({ connectionString: db.url });
  await owner.connect();
  const logins = {} as Record<CentralPerson, { loginRole: string; id: string }>;
  for (const [userName, person] of Object.entries(CENTRAL_PEOPLE) as [CentralPerson, (typeof CENTRAL_PEOPLE)[CentralPerson]][]) {
    const { rows } = await owner.query<{ id: string }>('SELECT avg_create_login($1, $2, $3::text[], $4) AS id', [
      userName,
      person.fullName,
      person.roles,
      CENTRAL_PASSWORD,
    ]);
    const login = await owner.query<{ login_role: string }>('SELECT login_role FROM staff WHERE id = $1', [rows[0]?.id]);
    logins[userName] = { loginRole: login.rows[0]?.login_role ?? '', id: rows[0]?.id ?? '' };
  }
  const url = new URL(db.url);
  const desktopUrl = `postgres://${url.host}${url.pathname}`;
  /** Connects as a login role with the test password: PostgreSQL applies its roles and row-level security. */
  const connectLogin = async (loginRole: string, password = CENTRAL_PASSWORD) => {
    const client = new pg.Client({ host: url.hostname, port: Number(url.port), database: url.pathname.slice(1), user: loginRole, password });
    await client.connect();
    return client;
  };
  return {
    url: db.url,
    desktopUrl,
    owner,
    logins,
    connectLogin,
    /** Connects as one person's own login. */
    connectAs: (person: CentralPerson) => connectLogin(logins[person].loginRole),
    async close() {
      await owner.end();
      await db.drop();
    },
  };
}

export type Central = Awaited<ReturnType<typeof centralDatabase>>;

/**
 * The central database of one spec file: made before its tests, dropped after them once the
 * desktops they opened are cleaned up (last opened, first cleaned). Inside a test it reads as the
 * `Central` itself; `desktop(people)` opens one that is cleaned up with the file. `dropRoles`: the
 * cluster-wide login roles the file's tests make themselves.
 */
export function centralForFile(name: string, options: { dropRoles?: readonly string[] } = {}) {
  let made: Central | undefined;
  const cleanups: (() => void)[] = [];
  const current = (): Central => {
    if (!made) throw new Error(`de centrale database '${name}' bestaat alleen tijdens de tests van dit bestand`);
    return made;
  };
  beforeAll(async () => {
    made = await centralDatabase(name);
  }, 120_000);
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    if (!made) return;
    for (const role of options.dropRoles ?? []) await made.owner.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
    await made.close();
  });
  const onCleanup = (cleanup: () => void) => void cleanups.push(cleanup);
  const file = {
    get url() {
      return current().url;
    },
    get desktopUrl() {
      return current().desktopUrl;
    },
    get owner() {
      return current().owner;
    },
    get logins() {
      return current().logins;
    },
    connectLogin: (loginRole: string, password?: string) => current().connectLogin(loginRole, password),
    connectAs: (person: CentralPerson) => current().connectAs(person),
    onCleanup,
    desktop: (people: readonly CentralPerson[]) => desktop(file, people, onCleanup),
  };
  return file;
}

/** A desktop (its own data folder) connected to the central database, with local accounts for some people. */
export async function desktop(central: Pick<Central, 'desktopUrl' | 'logins'>, people: readonly CentralPerson[], onCleanup: (cleanup: () => void) => void) {
  const t = tempDir('avg-desk-sync-');
  onCleanup(t.cleanup);
  const init = await initialized(t.dir, { idleTimeoutSeconds: 90 * 86_400 });
  value(await init.call('sync.setSettings', { url: central.desktopUrl, intervalMinutes: 5 }, init.adminToken));
  const staff = {} as Record<CentralPerson, { id: string; token: string }>;
  for (const person of people) {
    const made = await addStaff(init.backend, init.adminToken, person, [...CENTRAL_PEOPLE[person].roles], CENTRAL_PEOPLE[person].fullName);
    value(await init.call('sync.setCredentials', { loginRole: central.logins[person].loginRole, password: CENTRAL_PASSWORD }, made.token));
    // A signer signs only with their function filled in.
    if ((CENTRAL_PEOPLE[person].roles as readonly string[]).includes('signer'))
      value(await init.call('signer.setProfile', { functionTitle: 'Teamleider Privacy' }, made.token));
    staff[person] = made;
  }
  const sync = async (person: CentralPerson) => value(await init.call('sync.run', {}, staff[person].token));
  return { ...init, dir: t.dir, staff, sync };
}

export type Desktop = Awaited<ReturnType<typeof desktop>>;

type CaseRequest = z.input<typeof caseCreateSchema>;

/** The `case.create` input of a tenant's request received by letter on 25 November 2026, written and signed; `more` changes any of it. */
export function caseRequest(type: CaseRequest['type'], requester: Omit<CaseRequest['requester'], 'relation'>, more: Partial<CaseRequest> = {}): CaseRequest {
  return { type, requester: { ...requester, relation: 'huurder' }, channel: 'brief', received: '2026-11-25', writtenAndSigned: true, ...more };
}
