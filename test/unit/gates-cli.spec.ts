import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_LINE_WARNING } from '../../main/app/cli/case-commands.js';
import { dutchToday } from '../../shared/cases/cases.js';
import { STRONG_PASSWORD } from '../support/basics.js';
import { cli, cliAs, cliDataFolder, todaysP12 } from '../support/cli-run.js';
import { P12_PASSWORD } from '../support/letters.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const REFUSAL = {
  afgewezen: {
    outcome: 'afgewezen',
    changes: [{ item: 'Huurachterstand', from: '€ 420', to: '€ 0', decision: 'afgewezen' }],
    reasons: 'De betalingen van augustus zijn niet ontvangen.',
  },
};

/**
 * The "Done when" path on the command line, from a clean data folder and through the same
 * dispatcher as the app: a case registered with its personal data from --input, a decision refused
 * without an established identity (exit 1, the Dutch reason on stderr), then identity recorded and
 * the decision submitted and signed.
 */
describe('avg-desk: decision gates on the command line', () => {
  it('refuses to submit or sign a decision until identity is recorded; a 13-year-old until the representative and authority are', async () => {
    const { dir, d, init, admin } = await cliDataFolder((c) => (cleanup = c), { AVG_DESK_P12_PASSWORD: P12_PASSWORD });
    const today = dutchToday(new Date());
    expect(init.code).toBe(0);
    expect((await admin(...d, 'staff', 'add', 'hanna', '--name', 'Hanna Ağaoğlu', '--role', 'handler')).code).toBe(0);
    expect((await admin(...d, 'staff', 'add', 'sanne', '--name', 'Sanne Weißbach', '--role', 'signer')).code).toBe(0);
    expect((await admin(...d, 'settings', 'signing', '--p12', todaysP12(dir))).code).toBe(0);

    const hanna = cliAs('hanna');
    const sanne = cliAs('sanne');
    expect((await sanne(...d, 'signer', 'profile', '--function', 'Teamleider Privacy')).code).toBe(0);
    const input = join(dir, 'verzoek.json');
    writeFileSync(
      input,
      JSON.stringify({
        correctionKinds: ['verbetering'],
        requester: {
          name: 'Łukasz Nguyễn-Özdemir',
          address: 'Weißstraße 12, 1234 AB Hilversum',
          email: 'lukasz@example.org',
          phone: '06 12345678',
          customerNumber: 'K-104233',
        },
      }),
    );
    const created = await hanna(...d, 'case', 'create', '--input', input, '--type', 'correctie', '--received', today, '--handler', 'hanna', '--json');
    expect(created).toMatchObject({ code: 0, err: '' });
    const { reference } = JSON.parse(created.out) as { reference: string };

    const details = join(dir, 'besluit.json');
    writeFileSync(details, JSON.stringify(REFUSAL.afgewezen));
    const draft = JSON.parse((await hanna(...d, 'letter', 'draft', reference, '--kind', 'besluit-correctie', '--details', details, '--json')).out) as {
      id: string;
    };
    expect(await hanna(...d, 'case', 'status', reference, '--to', 'in-behandeling')).toMatchObject({
      code: 0,
      out: `Zaak ${reference} heeft nu de status "In behandeling".\n`,
    });
    expect((await hanna(...d, 'case', 'status', reference, '--to', 'besluit-in-concept')).code).toBe(0);

    const refused = await hanna(...d, 'letter', 'submit', draft.id);
    expect(refused).toMatchObject({ code: 1, out: '' });
    expect(refused.err).toMatch(/^Dit besluit kan nog niet worden aangeboden: de identiteit van de verzoeker is nog niet vastgesteld \(§13, §14\)\./u);

    expect(await hanna(...d, 'identity', 'record', reference, '--person', 'requester', '--method', 'mijn-alliantie', '--outcome', 'vastgesteld')).toMatchObject(
      { code: 0, out: 'Identiteit van de verzoeker vastgesteld (mijn-alliantie).\n' },
    );
    expect((await hanna(...d, 'letter', 'submit', draft.id)).code).toBe(0);

    // Identity no longer established while it waits: the signer is refused too, with the reason.
    expect(
      (
        await hanna(
          ...d,
          'identity',
          'record',
          reference,
          '--person',
          'requester',
          '--method',
          'mijn-alliantie',
          '--outcome',
          'meer-informatie',
          '--reason',
          'Het account hoort bij een ander adres.',
        )
      ).code,
    ).toBe(0);
    const out = join(dir, 'besluit.pdf');
    const unsigned = await sanne(...d, 'letter', 'sign', draft.id, '--out', out);
    expect(unsigned.code).toBe(1);
    expect(unsigned.err).toContain('Dit besluit kan nog niet worden ondertekend: de identiteit van de verzoeker is nog niet vastgesteld');
    expect((await hanna(...d, 'identity', 'record', reference, '--person', 'requester', '--method', 'mijn-alliantie', '--outcome', 'vastgesteld')).code).toBe(
      0,
    );
    expect((await sanne(...d, 'letter', 'sign', draft.id, '--out', out)).code).toBe(0);

    // A 13-year-old's request, the parent in the input from stdin.
    const childInput = JSON.stringify({
      requester: { name: 'Noah Peters', birthDate: `${Number(today.slice(0, 4)) - 13}-01-15`, address: 'Lindelaan 4, 3581 AB Utrecht' },
      representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Eva Peters', basis: 'moeder met gezag' },
    });
    const child = await cli({ AVG_DESK_USER: 'hanna', AVG_DESK_PASSWORD: STRONG_PASSWORD }, childInput)(
      ...d,
      'case',
      'create',
      '--input',
      '-',
      '--type',
      'correctie',
      '--correction',
      'verbetering',
      '--received',
      today,
      '--handler',
      'hanna',
      '--json',
    );
    expect(child).toMatchObject({ code: 0, err: '' });
    const childRef = (JSON.parse(child.out) as { reference: string }).reference;
    const childDraft = JSON.parse((await hanna(...d, 'letter', 'draft', childRef, '--kind', 'besluit-correctie', '--details', details, '--json')).out) as {
      id: string;
    };
    await hanna(...d, 'case', 'status', childRef, '--to', 'in-behandeling');
    await hanna(...d, 'case', 'status', childRef, '--to', 'besluit-in-concept');
    const childRefused = await hanna(...d, 'letter', 'submit', childDraft.id);
    expect(childRefused.code).toBe(1);
    expect(childRefused.err).toContain('De identiteit en de bevoegdheid van de vertegenwoordiger zijn nog niet vastgesteld.');

    const document = join(dir, 'document.json');
    writeFileSync(
      document,
      JSON.stringify({
        document: {
          issuingCountry: 'NLD',
          documentNumber: 'NXC3F1K72',
          expiry: `${Number(today.slice(0, 4)) + 3}-01-01`,
          surname: 'Peters',
          birthDate: '1985-03-02',
        },
      }),
    );
    const atDesk = [
      'identity',
      'record',
      childRef,
      '--person',
      'representative',
      '--method',
      'balie',
      '--outcome',
      'vastgesteld',
      '--document-type',
      'paspoort',
      '--input',
      document,
    ];
    expect(await hanna(...d, ...atDesk)).toMatchObject({ code: 1, err: expect.stringContaining('bevoegdheid van de vertegenwoordiger') });
    expect((await hanna(...d, ...atDesk, '--authority', 'ouderlijk-gezag')).code).toBe(0);
    expect((await hanna(...d, 'letter', 'submit', childDraft.id)).code).toBe(0);
    expect((await sanne(...d, 'letter', 'sign', childDraft.id, '--out', out)).code).toBe(0);
  }, 120_000);

  it('a name on the command line still works, with a warning on stderr that it is logged', async () => {
    const { dir, d, init, admin } = await cliDataFolder((c) => (cleanup = c));
    expect(init.code).toBe(0);
    expect((await admin(...d, 'staff', 'add', 'ilse', '--name', 'Ilse Intake', '--role', 'intake')).code).toBe(0);
    const ilse = cliAs('ilse');
    const typed = await ilse(
      ...d,
      ...['case', 'create', '--type', 'inzage'],
      ...['--requester', 'Žofie Dvořáková', '--address', 'Straat 1, 1234 AB Plaats', '--email', 'zofie@example.org'],
      ...['--phone', '0201234567', '--customer', 'K-1', '--received', dutchToday(new Date())],
    );
    expect(typed).toMatchObject({ code: 0, err: COMMAND_LINE_WARNING });
    expect(COMMAND_LINE_WARNING).toContain('--input');
    // Bad JSON and a missing name are refused in Dutch with exit code 2.
    const bad = join(dir, 'kapot.json');
    writeFileSync(bad, '{"requester": ');
    expect(await ilse(...d, 'case', 'create', '--type', 'inzage', '--input', bad, '--received', '2026-11-02')).toMatchObject({
      code: 2,
      err: `${bad} bevat geen geldige JSON.\n`,
    });
    writeFileSync(bad, '{"requester": {}}');
    expect(await ilse(...d, 'case', 'create', '--type', 'inzage', '--input', bad, '--received', '2026-11-02')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Geef de naam van de verzoeker'),
    });
    // The installed bin reads --input - from its real stdin.
    const bin = spawnSync(
      process.execPath,
      ['bin/avg-desk.mjs', ...d, 'case', 'create', '--type', 'klacht', '--input', '-', '--received', dutchToday(new Date()), '--json'],
      {
        encoding: 'utf8',
        input: JSON.stringify({ requester: { name: 'Žofie Dvořáková', address: 'Straat 1, 1234 AB Plaats' }, requestText: 'Klacht over de brief.' }),
        env: { ...process.env, AVG_DESK_USER: 'ilse', AVG_DESK_PASSWORD: STRONG_PASSWORD },
      },
    );
    expect(bin.stderr).toBe('');
    expect(bin.status).toBe(0);
    expect(JSON.parse(bin.stdout)).toMatchObject({ reference: expect.stringMatching(/^AVG-\d{4}-0002$/u) });
  }, 60_000);
});
