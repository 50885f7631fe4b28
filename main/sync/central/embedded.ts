/**
 * `npm run central`: an embedded central database for trying sync without a server. PGlite (PostgreSQL
 * compiled to WebAssembly) with its data in a folder, served on 127.0.0.1 by pglite-socket, with the
 * central schema, roles and policies applied and demo staff (made-up people).
 *
 * The limit: over this socket every connection runs as the superuser, whatever login it names, so
 * PostgreSQL applies no per-login rights or row-level security here. Inside the process `SET ROLE`
 * does apply them (the PGlite role test uses that). The role tests run on a real PostgreSQL server.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { migrateCentral, type MigrateCentralResult } from '../../../db/central/migrate.js';
import { ROLE_LABELS, type Role } from '../../../shared/staff/roles.js';

/** Demo staff: one per function. Made-up names; the passwords are for demos only. */
export const DEMO_STAFF: readonly { userName: string; fullName: string; roles: readonly Role[]; password: string }[] = [
  { userName: 'intake', fullName: 'Iris de Balie', roles: ['intake'], password: 'Demo-Intake-2026!' },
  { userName: 'behandelaar', fullName: 'Bram Behandel', roles: ['handler'], password: 'Demo-Behandelaar-2026!' },
  { userName: 'tekenaar', fullName: 'Tessa Teken', roles: ['signer'], password: 'Demo-Tekenaar-2026!' },
  { userName: 'fg', fullName: 'Floor Gegevensbescherming', roles: ['dpo'], password: 'Demo-FG-2026!' },
  { userName: 'auditor', fullName: 'Arend Controle', roles: ['auditor'], password: 'Demo-Auditor-2026!' },
  { userName: 'beheer', fullName: 'Bea Beheer', roles: ['admin'], password: 'Demo-Beheer-2026!' },
];

export const EMBEDDED_LIMIT_NOTE =
  'Let op: via deze verbinding past PostgreSQL geen rechten per aanmelding toe (geen rijbeveiliging, RLS): ' +
  'elke verbinding werkt als beheerder. Deze database is alleen voor demonstraties; de rollen en rijbeveiliging ' +
  'worden getest op een echte PostgreSQL-server.';

export interface EmbeddedCentral {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** The PGlite instance itself, for in-process use (`SET ROLE` applies the policies there). */
  db: PGlite;
  migration: MigrateCentralResult;
  /** The demo staff with their central ids and login roles. */
  staff: { userName: string; fullName: string; roles: readonly Role[]; password: string; id: string; loginRole: string }[];
  stop(): Promise<void>;
}

/**
 * Starts PGlite (in memory without `dataDir`), serves it on 127.0.0.1 (`port` 0: any free port),
 * applies the central migrations and seeds the demo staff (again on every start: same passwords).
 */
export async function startEmbeddedCentral(options: { dataDir?: string; port?: number; seed?: boolean } = {}): Promise<EmbeddedCentral> {
  const db = options.dataDir ? await PGlite.create({ dataDir: resolve(options.dataDir) }) : await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 16 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const port = Number(server.getServerConn().split(':').pop());
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    await server.stop();
    if (!db.closed) await db.close();
  };
  try {
    const migration = await migrateCentral({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', ssl: false });
    const staff: EmbeddedCentral['staff'] = [];
    if (options.seed !== false) {
      for (const person of DEMO_STAFF) {
        await db.query('SELECT avg_create_login($1, $2, $3::text[], $4)', [person.userName, person.fullName, [...person.roles], person.password]);
        const row = (await db.query<{ id: string; login_role: string }>('SELECT id, login_role FROM staff WHERE user_name = $1', [person.userName])).rows[0];
        if (!row) throw new Error(`Demomedewerker ${person.userName} is niet aangemaakt.`);
        staff.push({ ...person, id: row.id, loginRole: row.login_role });
      }
    }
    return { url, port, db, migration, staff, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const USAGE = 'Gebruik: npm run central -- [--data MAP] [--port POORT]   (standaard: map .central-data, poort 5433)';

/** The command line of `npm run central` (scripts/central.mjs). Runs until Ctrl+C. */
export async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port ?? 5433);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`Ongeldige poort "${values.port}".\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const dataDir = resolve(values.data ?? '.central-data');
  let central: EmbeddedCentral;
  try {
    central = await startEmbeddedCentral({ dataDir, port });
  } catch (error) {
    const code = (error as { code?: string }).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `Poort ${port} is al in gebruik; kies een andere met --port.\n`
        : `De centrale database kon niet starten: ${(error as Error).message}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const width = Math.max(0, ...central.staff.map((s) => s.userName.length));
  const passwordWidth = Math.max(0, ...central.staff.map((s) => s.password.length));
  process.stdout.write(
    [
      `Centrale database (PGlite) draait: ${central.url}`,
      `Gegevens in ${dataDir}.`,
      central.migration.applied.length ? `Migraties toegepast: ${central.migration.applied.join(', ')}.` : 'Het schema was al bijgewerkt.',
      '',
      'Demomedewerkers (verzonnen; wachtwoorden alleen voor demo):',
      ...central.staff.map(
        (s) =>
          `  ${s.userName.padEnd(width)}  ${s.loginRole.padEnd(width + 6)}  ${s.password.padEnd(passwordWidth)}  ${s.fullName} (${s.roles.map((r) => ROLE_LABELS[r]).join(', ')})`,
      ),
      '',
      EMBEDDED_LIMIT_NOTE,
      '',
      'Stoppen met Ctrl+C.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((done) => {
    const shutdown = () => {
      process.stdout.write('Centrale database wordt gestopt…\n');
      void central.stop().then(done, done);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
}
