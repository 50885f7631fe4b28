import { execFileSync, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, cliAs, cliDataFolder } from '../support/cli-run.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('avg-desk CLI', () => {
  it('sets up, adds staff, registers and lists cases', async () => {
    const { d, init, admin } = await cliDataFolder((c) => (cleanup = c));
    expect(init.code).toBe(0);
    expect(init.out).toMatch(
      /^AVG Desk is ingericht\. Beheerder: beheer\.\n\nHerstelsleutel \(eenmalig getoond; bewaar hem in de kluis van IT\):\n {2}[0-9A-Z-]{47}\n/u,
    );
    expect((await admin(...d, 'staff', 'add', 'ilse', '--name', 'Ilse Intake', '--role', 'intake')).code).toBe(0);
    expect((await admin(...d, 'staff', 'add', 'hanna', '--name', 'Hanna Behandelaar', '--role', 'handler', '--role', 'signer')).out).toBe(
      'Medewerker hanna toegevoegd (Behandelaar, Tekenbevoegde).\n',
    );
    const list = JSON.parse((await admin(...d, 'staff', 'list', '--json')).out) as { userName: string; roles: string[] }[];
    expect(list.map((s) => [s.userName, s.roles])).toEqual([
      ['beheer', ['admin']],
      ['hanna', ['handler', 'signer']],
      ['ilse', ['intake']],
    ]);

    const intake = cliAs('ilse');
    const created = await intake(
      ...d,
      ...['case', 'create', '--type', 'inzage'],
      ...['--requester', 'Fatma Yılmaz', '--birthdate', '1980-05-01', '--received', '2026-11-02'],
      ...['--relation', 'huurder', '--channel', 'brief', '--handler', 'hanna'],
      '--json',
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^AVG-\d{4}-0001$/u),
      due: '2026-11-30',
      duplicates: [],
      possibleDuplicate: false,
    });
    const handler = cliAs('hanna');
    const rows = JSON.parse((await handler(...d, 'case', 'list', '--json')).out) as { requesterName: string; handlerName: string }[];
    expect(rows).toEqual([expect.objectContaining({ requesterName: 'Fatma Yılmaz', handlerName: 'Hanna Behandelaar' })]);
    const intakeRows = JSON.parse((await intake(...d, 'case', 'list', '--json')).out) as { requesterName: string | null }[];
    expect(intakeRows[0]?.requesterName).toBeNull();
  });

  it('refuses with a Dutch message and a non-zero exit', async () => {
    const { d, admin } = await cliDataFolder((c) => (cleanup = c));
    expect(await admin(...d, 'audit', 'verify')).toMatchObject({ code: 1, err: 'U heeft geen toestemming voor deze handeling.\n' });
    expect(await admin(...d, 'case', 'create', '--type', 'inzage', '--requester', 'X', '--received', '2026-11-02')).toMatchObject({ code: 1 });
    expect(await cli({ AVG_DESK_USER: 'beheer', AVG_DESK_PASSWORD: 'fout' })(...d, 'staff', 'list')).toMatchObject({
      code: 1,
      err: 'Gebruikersnaam of wachtwoord is onjuist.\n',
    });
    expect(await admin(...d, 'staff', 'add', 'x', '--name', 'X', '--role', 'koning')).toMatchObject({ code: 2 });
    expect((await admin(...d, 'vlieg', 'weg')).code).toBe(2);
    expect(await cli()(...d, 'staff', 'list')).toMatchObject({ code: 2 });
  });

  it('computes a deadline without a data directory', async () => {
    expect(await cli()('deadline', '--type', 'inzage', '--received', '2026-01-31')).toMatchObject({ code: 0, out: '2026-03-02\n' });
    expect(await cli()('deadline', '--type', 'inzage', '--received', '2026-11-25', '--extend-months', '2')).toMatchObject({ code: 0, out: '2027-02-25\n' });
    expect(await cli()('deadline', '--type', 'inzage', '--received', '2026-11-25', '--extend-months', '3')).toMatchObject({ code: 2 });
    expect(await cli()('deadline', '--type', 'klacht', '--received', '2026-11-25', '--extend-months', '1')).toMatchObject({ code: 2 });
  });

  it('runs as the installed bin (npx avg-desk)', () => {
    expect(execFileSync(process.execPath, ['bin/avg-desk.mjs', 'deadline', '--type', 'klacht', '--received', '2026-11-25'], { encoding: 'utf8' })).toBe(
      '2027-01-06\n',
    );
    const bad = spawnSync(process.execPath, ['bin/avg-desk.mjs', 'deadline', '--type', 'inzage', '--received', '31-02-2026'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/geen bestaande datum/u);
  });
});
