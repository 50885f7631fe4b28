import { parseArgs } from 'node:util';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/roles.js';
import { createBackend, type Backend } from '../backend.js';
import { silentLogger } from '../log.js';
import { defaultDataDir } from '../paths.js';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Gebruik: avg-desk [--data MAP] [--json] OPDRACHT

Opdrachten:
  init --admin GEBRUIKER --name "Volledige naam"      eerste beheerder (wachtwoord uit AVG_DESK_PASSWORD)
  staff add GEBRUIKER --name "Naam" --role FUNCTIE…   medewerker toevoegen (wachtwoord uit AVG_DESK_NEW_PASSWORD)
  staff list                                          medewerkers tonen
  audit verify                                        de auditketen controleren

Het handelende account komt uit AVG_DESK_USER en AVG_DESK_PASSWORD.
Functies: ${ROLES.join(', ')}.`;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

type Call = <P extends ProcedureName>(name: P, input: ProcedureInput<P>) => Promise<ProcedureOutput<P>>;

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const details = result.error.details?.length ? `\n  ${result.error.details.join('\n  ')}` : '';
  throw new CliError(`${result.error.message}${details}`, 1);
}

function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new CliError(`Zet de omgevingsvariabele ${name}.`, 2);
  return value;
}

/** Signs in as the acting account (AVG_DESK_USER / AVG_DESK_PASSWORD) and returns a typed caller. */
async function signIn(backend: Backend, env: NodeJS.ProcessEnv): Promise<{ call: Call; logout: () => Promise<void> }> {
  const userName = requireEnv(env, 'AVG_DESK_USER');
  const password = requireEnv(env, 'AVG_DESK_PASSWORD');
  const session = unwrap(await backend.dispatch('session.login', { userName, password }, null)) as ProcedureOutput<'session.login'>;
  const call: Call = async (name, input) => unwrap(await backend.dispatch(name, input, session.token)) as ProcedureOutput<typeof name>;
  return { call, logout: async () => void (await backend.dispatch('session.logout', {}, session.token)) };
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Runs one CLI command; returns the process exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        admin: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? io.out : io.err)(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const json = values.json;
  const print = (human: string, machine: unknown) => io.out(json ? `${JSON.stringify(machine, null, 2)}\n` : `${human}\n`);
  const backend = createBackend({ dataDir: values.data ?? defaultDataDir(io.env), logger: silentLogger });
  try {
    const command = positionals.join(' ');
    switch (command) {
      case 'init': {
        if (!values.admin || !values.name) throw new CliError('Geef --admin GEBRUIKER en --name "Volledige naam".', 2);
        const password = requireEnv(io.env, 'AVG_DESK_PASSWORD');
        const session = unwrap(await backend.dispatch('setup.createAdmin', { userName: values.admin, fullName: values.name, password }, null)) as ProcedureOutput<'setup.createAdmin'>;
        await backend.dispatch('session.logout', {}, session.token);
        print(`AVG Desk is ingericht. Beheerder: ${session.staff.userName}.`, session.staff);
        return 0;
      }
      case 'staff list': {
        const { call, logout } = await signIn(backend, io.env);
        const staff = await call('staff.list', {});
        await logout();
        const lines = staff.map((s) => `${s.userName}\t${s.fullName}\t${s.roles.map((r) => ROLE_LABELS[r]).join(', ')}\t${s.active ? 'actief' : 'inactief'}`);
        print(lines.join('\n'), staff);
        return 0;
      }
      case 'audit verify': {
        const { call, logout } = await signIn(backend, io.env);
        const result = await call('audit.verify', {});
        await logout();
        if (json) print('', result);
        if (!result.ok) {
          if (!json) io.err(`Auditketen verbroken bij gebeurtenis ${result.firstBroken?.seq}: ${result.firstBroken?.reason}\n`);
          return 1;
        }
        if (!json) io.out(`ok ${result.count} events\n`);
        return 0;
      }
      default: {
        if (positionals[0] === 'staff' && positionals[1] === 'add' && positionals.length === 3) {
          const userName = positionals[2] ?? '';
          const roles = values.role ?? [];
          const unknown = roles.filter((r) => !isRole(r));
          if (!values.name || roles.length === 0) throw new CliError('Geef --name "Naam" en minstens één --role.', 2);
          if (unknown.length > 0) throw new CliError(`Onbekende functie: ${unknown.join(', ')}. Kies uit: ${ROLES.join(', ')}.`, 2);
          const password = requireEnv(io.env, 'AVG_DESK_NEW_PASSWORD');
          const { call, logout } = await signIn(backend, io.env);
          const staff = await call('staff.add', { userName, fullName: values.name, roles: roles.filter(isRole), password });
          await logout();
          print(`Medewerker ${staff.userName} toegevoegd (${staff.roles.map((r) => ROLE_LABELS[r]).join(', ')}).`, staff);
          return 0;
        }
        throw new CliError(`Onbekende opdracht: ${command}\n\n${USAGE}`, 2);
      }
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    io.err(`Er ging onverwacht iets mis (${error instanceof Error ? error.name : 'onbekend'}).\n`);
    return 1;
  } finally {
    backend.close();
  }
}
