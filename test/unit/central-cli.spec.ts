import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/app/cli/run.js';
import { clientConfig, connect, dropFileDatabase } from '../support/insiders.js';
import { createTestDatabase, testClusterUrl, urlAs } from '../support/postgres.js';

const PASSWORD = 'Centrale-Cli-Test-2026!';
const tag = randomBytes(3).toString('hex');
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const made: string[] = [];

async function cli(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { env, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const loginAs = (user: string, password: string) => connect(clientConfig(db.url, user, password));

beforeAll(async () => {
  db = await createTestDatabase('cli');
});

afterAll(() => dropFileDatabase(db, [], made));

describe('avg-desk central', () => {
  it('migrate applies schema, roles and policies, and is safe to run again', async () => {
    const first = await cli(['central', 'migrate', '--central', db.url]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(
      /^Centrale database bijgewerkt: \d+ migratie\(s\) toegepast \(0000_init, 0001_change_xid, 0002_roles_rls.*\)\.\nFunctierollen: avg_admin, avg_auditor, avg_dpo, avg_handler, avg_intake, avg_signer\.\n$/u,
    );
    const again = await cli(['--json', 'central', 'migrate', '--central', db.url]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual({
      applied: [],
      total: expect.any(Number),
      roles: ['avg_admin', 'avg_auditor', 'avg_dpo', 'avg_handler', 'avg_intake', 'avg_signer'],
    });
    expect((await cli(['central', 'migrate', '--central', db.url])).out).toMatch(/^De centrale database was al bijgewerkt \(\d+ migraties\)\./u);
  });

  it('staff add makes a login with exactly the named functions; the password reaches the server only as a SCRAM verifier', async () => {
    const user = `hanna-${tag}`;
    const login = `avg_u_hanna_${tag}`;
    made.push(login);
    const added = await cli(
      ['--json', 'central', 'staff', 'add', '--central', db.url, '--user', user, '--name', 'Hanna Behandelaar', '--roles', 'handler,signer'],
      { AVG_DESK_NEW_PASSWORD: PASSWORD },
    );
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(added.out)).toEqual({ id: expect.any(String), userName: user, loginRole: login, roles: ['handler', 'signer'] });
    const client = await loginAs(login, PASSWORD);
    const who = await client.query(
      `SELECT current_user AS who, pg_has_role('avg_handler', 'member') AS handler, pg_has_role('avg_signer', 'member') AS signer, pg_has_role('avg_dpo', 'member') AS dpo`,
    );
    expect(who.rows).toEqual([{ who: login, handler: true, signer: true, dpo: false }]);
    await client.end();
    await expect(loginAs(login, 'Fout-Wachtwoord-2026!')).rejects.toMatchObject({ code: '28P01' });
    const stored = new pg.Client({ connectionString: testClusterUrl() });
    await stored.connect();
    expect((await stored.query('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [login])).rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/u);
    await stored.end();
  });

  it('staff add as an admin login, with the password on stdin (installed bin)', async () => {
    const admin = `bea-${tag}`;
    made.push(`avg_u_bea_${tag}`, `avg_u_sanne_${tag}`);
    expect(
      (
        await cli(['central', 'staff', 'add', '--central', db.url, '--user', admin, '--name', 'Bea Beheer', '--roles', 'admin'], {
          AVG_DESK_NEW_PASSWORD: PASSWORD,
        })
      ).code,
    ).toBe(0);
    // The admin adds Sanne with these functions.
    const bea = urlAs(db.url, `avg_u_bea_${tag}`, PASSWORD);
    const addSanne = (roles: string) => ['central', 'staff', 'add', '--central', bea, '--user', `sanne-${tag}`, '--name', 'Sanne Tekenaar', '--roles', roles];
    const result = spawnSync(process.execPath, ['bin/avg-desk.mjs', ...addSanne('handler'), '--password-stdin'], {
      input: `${PASSWORD}\n`,
      encoding: 'utf8',
      env: { ...process.env, AVG_DESK_NEW_PASSWORD: '' },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`Medewerker sanne-${tag} staat in de centrale database (aanmeldnaam avg_u_sanne_${tag}; Behandelaar).\n`);
    expect(result.status).toBe(0);
    await (await loginAs(`avg_u_sanne_${tag}`, PASSWORD)).end();
    // Signer, dpo and auditor are the dpo's to grant: the admin hears so in Dutch.
    const signer = await cli(addSanne('handler,signer'), { AVG_DESK_NEW_PASSWORD: PASSWORD });
    expect(signer).toMatchObject({ code: 1, out: '', err: expect.stringMatching(/^Alleen de FG kent de functies tekenbevoegde, FG en auditor toe/u) });
    // A handler is not an admin: PostgreSQL refuses.
    const refused = await cli(
      ['central', 'staff', 'add', '--central', urlAs(db.url, `avg_u_hanna_${tag}`, PASSWORD), '--user', `x-${tag}`, '--name', 'X', '--roles', 'dpo'],
      { AVG_DESK_NEW_PASSWORD: PASSWORD },
    );
    expect(refused).toEqual({ code: 1, out: '', err: 'De centrale database weigert deze handeling: uw functie geeft daar geen recht op.\n' });
  });

  it('refuses in Dutch: usage, unknown functions, short passwords, no TLS, wrong password, no server', async () => {
    expect((await cli(['central', 'migrate'])).code).toBe(2);
    expect(
      await cli(['central', 'staff', 'add', '--central', db.url, '--user', 'x', '--name', 'X', '--roles', 'handler,koning'], {
        AVG_DESK_NEW_PASSWORD: PASSWORD,
      }),
    ).toMatchObject({ code: 2, err: expect.stringMatching(/^Onbekende functie "koning"/u) });
    expect(
      await cli(['central', 'staff', 'add', '--central', db.url, '--user', 'x', '--name', 'X', '--roles', 'handler'], { AVG_DESK_NEW_PASSWORD: 'kort' }),
    ).toMatchObject({ code: 2, err: 'Het wachtwoord moet minstens 12 tekens hebben.\n' });
    expect(
      await cli(['central', 'staff', 'add', '--central', db.url, '--user', 'x y', '--name', 'X', '--roles', 'handler'], { AVG_DESK_NEW_PASSWORD: PASSWORD }),
    ).toMatchObject({ code: 1, err: expect.stringMatching(/^Ongeldige gebruikersnaam "x y"/u) });
    expect(await cli(['central', 'migrate', '--central', 'postgres://eigenaar@db.corporatie.nl/avg'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/sslmode=verify-full/u),
    });
    expect(await cli(['central', 'migrate', '--central', urlAs(db.url, 'postgres', 'fout-wachtwoord')])).toEqual({
      code: 1,
      out: '',
      err: 'Aanmelden bij de centrale database is mislukt: gebruikersnaam of wachtwoord is onjuist.\n',
    });
    expect(await cli(['central', 'migrate', '--central', 'postgres://postgres@127.0.0.1:1/postgres'])).toEqual({
      code: 1,
      out: '',
      err: 'De centrale database is niet bereikbaar: de server weigert de verbinding.\n',
    });
  });
});
