import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dutchToday } from '../../shared/cases/cases.js';
import { ADMIN, STRONG_PASSWORD } from '../support/basics.js';
import { cli, cliAs, cliDataFolder, todaysP12 } from '../support/cli-run.js';
import { P12_PASSWORD, pdfsig, requirePoppler } from '../support/letters.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
beforeAll(() => requirePoppler());

const FOUR_EYES = 'U heeft deze brief zelf opgesteld of bewerkt. Een andere tekenbevoegde moet hem beoordelen en ondertekenen (vier-ogenprincipe).\n';

describe('avg-desk letters on the command line', () => {
  it('admin sets the certificate; the handler drafts and submits; the drafter is refused; another signer signs', async () => {
    const { dir, d, init, admin } = await cliDataFolder((c) => (cleanup = c), { AVG_DESK_P12_PASSWORD: P12_PASSWORD });
    expect(init.code).toBe(0);
    for (const [user, name, roles] of [
      ['ilse', 'Ilse Intake', ['intake']],
      ['hanna', 'Hanna Ağaoğlu', ['handler', 'signer']],
      ['sanne', 'Sanne Weißbach', ['signer']],
    ] as const) {
      expect((await admin(...d, 'staff', 'add', user, '--name', name, ...roles.flatMap((r) => ['--role', r]))).code).toBe(0);
    }
    const p12 = todaysP12(dir);
    const configured = await admin(...d, 'settings', 'signing', '--p12', p12);
    expect(configured).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Certificaat ingesteld: CN=Stichting Testwonen Zegels.*, geldig tot \d{1,2} [a-z]+ \d{4}, SHA-256 [0-9a-f]{64}\.\n$/u),
    });
    expect(
      await cli({ AVG_DESK_USER: 'beheer', AVG_DESK_PASSWORD: ADMIN.password, AVG_DESK_P12_PASSWORD: 'fout' })(...d, 'settings', 'signing', '--p12', p12),
    ).toMatchObject({ code: 1, err: 'Het wachtwoord van het PKCS#12-bestand klopt niet.\n' });

    const intake = cliAs('ilse');
    const created = await intake(
      ...d,
      ...['case', 'create', '--type', 'inzage'],
      ...['--requester', 'Łukasz Nguyễn-Özdemir', '--received', '2026-11-02', '--handler', 'hanna'],
      '--json',
    );
    expect(created.code).toBe(0);
    // The number carries the year of registration, which on the real clock is not always 2026.
    const { reference } = JSON.parse(created.out) as { reference: string };
    expect(reference).toMatch(/^AVG-\d{4}-0001$/u);

    const hanna = cliAs('hanna');
    const details = join(dir, 'gegevens.json');
    writeFileSync(details, JSON.stringify({ addressee: { name: 'Łukasz Nguyễn-Özdemir', address: 'Weißstraße 12, 1234 AB Hilversum' } }));
    expect(await hanna(...d, 'letter', 'draft', reference, '--kind', 'ontvangst')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Kies uit: ontvangstbevestiging, verzoek-om-identificatie'),
    });
    const drafted = await hanna(...d, 'letter', 'draft', reference, '--kind', 'ontvangstbevestiging', '--details', details, '--json');
    expect(drafted.code).toBe(0);
    const { id } = JSON.parse(drafted.out) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/u);
    expect(await hanna(...d, 'letter', 'submit', id)).toMatchObject({ code: 0, out: `Brief ${id} ter ondertekening aangeboden.\n` });

    const out = join(dir, 'brief.pdf');
    expect(await hanna(...d, 'letter', 'sign', id, '--out', out)).toEqual({ code: 1, out: '', err: FOUR_EYES });
    expect(existsSync(out)).toBe(false);

    const sanne = cliAs('sanne');
    // No signature under an empty function.
    expect(await sanne(...d, 'letter', 'sign', id, '--out', out)).toMatchObject({ code: 1, err: expect.stringContaining('Vul eerst uw functie in') });
    expect(existsSync(out)).toBe(false);
    expect(await sanne(...d, 'signer', 'profile', '--function', 'Teamleider Privacy')).toMatchObject({
      code: 0,
      out: 'Functie onder uw handtekening: Teamleider Privacy.\n',
    });
    const signed = await sanne(...d, 'letter', 'sign', id, '--out', out, '--json');
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.out)).toMatchObject({ id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/u), out });
    expect(pdfsig(readFileSync(out))).toContain('Signature is Valid.');
    expect(await hanna(...d, 'letter', 'sent', id)).toMatchObject({ code: 0, out: `Brief ${id} verzonden op ${dutchToday(new Date())}.\n` });

    // The installed bin refuses the drafter the same way, with a non-zero exit.
    const second = JSON.parse((await hanna(...d, 'letter', 'draft', reference, '--kind', 'verzoek-om-identificatie', '--details', details, '--json')).out) as {
      id: string;
    };
    expect((await hanna(...d, 'letter', 'submit', second.id)).code).toBe(0);
    const bin = spawnSync(process.execPath, ['bin/avg-desk.mjs', ...d, 'letter', 'sign', second.id, '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, AVG_DESK_USER: 'hanna', AVG_DESK_PASSWORD: STRONG_PASSWORD },
    });
    expect(bin.status).toBe(1);
    expect(bin.stderr).toBe(FOUR_EYES);
  }, 60_000);
});
