/** `avg-desk central …`: the corporation's central PostgreSQL, from the command line. */
import pg from 'pg';
import { FUNCTION_ROLES, migrateCentral } from '../../../db/central/migrate.js';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/staff/roles.js';
import { CentralConfigError, centralClientConfig, describeCentralError } from '../../sync/central/connection.js';
import { scramSha256Verifier } from '../../sync/central/scram.js';
import { CliError, type CommandContext } from './commands.js';

const MIN_PASSWORD_LENGTH = 12;

function connection(url: string | undefined): pg.ClientConfig {
  if (!url) throw new CliError('Geef --central postgres://gebruiker@server:5432/database?sslmode=verify-full (wachtwoord in het adres of in PGPASSWORD).', 2);
  try {
    return centralClientConfig(url);
  } catch (error) {
    throw new CliError(error instanceof CentralConfigError ? error.message : describeCentralError(error), 2);
  }
}

/** Runs central work; a pg or network error becomes a Dutch CLI error (exit 1). */
async function central<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: unknown }).code;
    // Our own Dutch refusals from avg_create_login (invalid value, own login, a function only the dpo grants).
    if (code === '22023' || (code === '42501' && /eigen aanmelding|Alleen de FG/u.test(String((error as Error).message))))
      throw new CliError(String((error as Error).message), 1);
    throw new CliError(describeCentralError(error), 1);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/u, '');
}

/** `central migrate --central URL`: schema, function roles and policies, as the owner. */
export async function centralMigrate({ options, print }: CommandContext): Promise<number> {
  const config = connection(options.central);
  const result = await central(() => migrateCentral(config));
  const missing = FUNCTION_ROLES.filter((r) => !result.roles.includes(r));
  const done = result.applied.length
    ? `Centrale database bijgewerkt: ${result.applied.length} migratie(s) toegepast (${result.applied.join(', ')}).`
    : `De centrale database was al bijgewerkt (${result.total} migraties).`;
  print(`${done}\nFunctierollen: ${result.roles.join(', ')}.${missing.length ? `\nLet op: deze functierollen ontbreken: ${missing.join(', ')}.` : ''}`, result);
  return missing.length ? 1 : 0;
}

/** `central staff add`: a login of one staff member with exactly the named functions (as admin or owner). */
export async function centralStaffAdd({ options, env, print }: CommandContext): Promise<number> {
  const usage = 'Gebruik: central staff add --central URL --user GEBRUIKER --name "Volledige naam" --roles handler,signer [--password-stdin]';
  if (!options.user || !options.name || !options.roles) throw new CliError(usage, 2);
  const roles = options.roles
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length) throw new CliError(`Onbekende functie "${unknown[0] ?? ''}" voor --roles. Kies uit: ${ROLES.join(', ')}.`, 2);
  const config = connection(options.central);
  const password = options['password-stdin'] ? await readStdin() : env.AVG_DESK_NEW_PASSWORD;
  if (!password) throw new CliError('Geef het wachtwoord via --password-stdin of de omgevingsvariabele AVG_DESK_NEW_PASSWORD.', 2);
  if (password.length < MIN_PASSWORD_LENGTH) throw new CliError(`Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben.`, 2);
  const made = await central(async () => {
    const client = new pg.Client(config);
    await client.connect();
    try {
      // Only the verifier goes to the server: the password itself is in no statement or log there.
      const id = (
        await client.query<{ id: string }>('SELECT avg_create_login($1, $2, $3::text[], $4) AS id', [
          options.user,
          options.name,
          roles,
          scramSha256Verifier(password),
        ])
      ).rows[0]?.id;
      const row = (
        await client.query<{ user_name: string; login_role: string; roles: Role[] }>('SELECT user_name, login_role, roles FROM staff WHERE id = $1', [id])
      ).rows[0];
      if (!id || !row) throw new CliError('De medewerker is niet aangemaakt.', 1);
      return { id, userName: row.user_name, loginRole: row.login_role, roles: row.roles };
    } finally {
      await client.end();
    }
  });
  print(
    `Medewerker ${made.userName} staat in de centrale database (aanmeldnaam ${made.loginRole}; ${made.roles.map((r) => ROLE_LABELS[r]).join(', ')}).`,
    made,
  );
  return 0;
}
