import pg from 'pg';
import { migrateCentral } from '../../db/central/migrate.js';
import type { Role } from '../../shared/staff/roles.js';
import { addStaff, initialized, tempDir, value } from './backend.js';
import { createTestDatabase } from './postgres.js';

export const CENTRAL_PASSWORD = 'Centraal-Test-2026!';

/** The people of the central database in the sync tests (made up), with their functions. */
export const CENTRAL_PEOPLE = {
  balie: { fullName: 'Ilse Intake', roles: ['intake'] },
  hanna: { fullName: 'Hanna Behandelaar', roles: ['handler'] },
  henk: { fullName: 'Henk Behandelaar', roles: ['handler'] },
  sanne: { fullName: 'Sanne Ağaoğlu', roles: ['signer'] },
  fg: { fullName: 'Fenna FG', roles: ['dpo'] },
  aart: { fullName: 'Aart Auditor', roles: ['auditor'] },
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
  /** Connects as one person's own login: PostgreSQL applies their roles and row-level security. */
  const connectAs = async (person: CentralPerson) => {
    const client = new pg.Client({
      host: url.hostname,
      port: Number(url.port),
      database: url.pathname.slice(1),
      user: logins[person].loginRole,
      password: CENTRAL_PASSWORD,
    });
    await client.connect();
    return client;
  };
  return {
    url: db.url,
    desktopUrl,
    owner,
    logins,
    connectAs,
    async close() {
      await owner.end();
      await db.drop();
    },
  };
}

export type Central = Awaited<ReturnType<typeof centralDatabase>>;

/** A desktop (its own data folder) connected to the central database, with local accounts for some people. */
export async function desktop(central: Central, people: readonly CentralPerson[], onCleanup: (cleanup: () => void) => void) {
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
