import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedCentral, type EmbeddedCentral } from '../../main/sync/central/embedded.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, type TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import { checkLayout } from './support/layout.js';
import type { RunningServer } from './support/server.js';
import { nav, seedStaff, signIn, signOut, tokenOf, type Person, submitRequest } from './support/ui.js';

/**
 * Sync through the UI against `npm run central`'s embedded PostgreSQL (in memory, any free port):
 * the admin sets the address under Beheer (the backend's Dutch refusals at the field), the handler
 * enters their own central login under Mijn account, registers a request and presses "Nu
 * synchroniseren": the status bar says "Gesynchroniseerd om …" with nothing waiting and the case is
 * in the central database. With the central database stopped, the next press shows a Dutch error
 * and the new case keeps waiting on this computer.
 *
 * The local user names are those of the central demo staff (beheer, behandelaar), so the sync
 * links them; the central passwords are the demo ones of main/sync/central/embedded.ts.
 */
const ADMIN: Person = { fullName: 'Bea Beheer', userName: 'beheer', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = { handler: { fullName: 'Bram Behandel', userName: 'behandelaar', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] } };
const REQUESTERS = ['Wietske Hoekstra-Ōtsuka', 'Jurre van der Wâl'];

let central: EmbeddedCentral;
let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
let centralStopped = false;
const references: string[] = [];

const statusBar = () => page.getByRole('contentinfo');
const syncArea = () => statusBar().getByRole('group', { name: 'Synchronisatie met de centrale database' });
const syncButton = () => statusBar().getByRole('button', { name: 'Nu synchroniseren' });

let handlerToken: string | null = null;

/** The handler's sync state straight from the backend (one session of the test's own). */
async function syncStatus() {
  handlerToken ??= await tokenOf(server.url, PEOPLE.handler);
  return valueOf(await callApi(server.url, 'sync.status', {}, handlerToken));
}

/** Registers a request through Nieuw verzoek and returns its reference. */
async function registerRequest(name: string): Promise<string> {
  await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).click();
  await page.getByRole('heading', { name: 'Nieuw verzoek', level: 1 }).waitFor();
  const another = page.getByRole('button', { name: 'Nog een verzoek registreren' });
  if (await another.isVisible()) await another.click();
  // The handler registers for themselves: on a desktop that syncs there is no "Nog niet toewijzen".
  const handlerChoice = page.getByRole('combobox', { name: 'Behandelaar' }).locator('option');
  await expect.poll(() => handlerChoice.allTextContents()).toEqual([PEOPLE.handler.fullName]);
  await page.getByRole('radiogroup', { name: 'Ontvangen via' }).getByRole('radio', { name: 'Brief' }).check();
  await page.getByRole('checkbox', { name: 'Het verzoek is schriftelijk gedaan en ondertekend' }).check();
  await page.getByRole('textbox', { name: 'Omschrijving van het verzoek' }).fill('Welke gegevens verwerkt de corporatie over mij?');
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(name);
  const { reference } = await submitRequest(page);
  expect(reference).not.toBe('');
  return reference;
}

describe('sync with the central database through the UI', () => {
  beforeAll(async () => {
    central = await startEmbeddedCentral({ port: 0 });
    ({ server, tab, page, close } = await openDesk((url) => seedStaff(url, ADMIN, PEOPLE), { blank: true }));
  });

  afterAll(async () => {
    await close();
    if (!centralStopped) await central?.stop();
  });

  it('shows only a muted "Alleen lokaal" while no central database is set, and nothing to press', async () => {
    await page.goto(server.url);
    await signIn(page, ADMIN, `Welkom, ${ADMIN.fullName}`);
    await expect.poll(() => statusBar().getByText('Alleen lokaal').isVisible()).toBe(true);
    expect(await syncButton().count()).toBe(0);
  });

  it('the admin sets the address under Beheer → Centrale database, with the Dutch refusals at the field', async () => {
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await page.getByRole('tab', { name: 'Centrale database' }).click();
    const address = page.getByRole('textbox', { name: 'Adres van de centrale database' });
    const minutes = page.getByRole('spinbutton', { name: /Automatisch synchroniseren elke/u });
    await expect.poll(() => minutes.inputValue()).toBe('5');
    await expect.poll(() => page.getByText('onder Mijn account', { exact: false }).isVisible()).toBe(true);

    // A login in the address and an interval of 0: both refused, each at its own field.
    await address.fill('postgres://beheer:geheim@127.0.0.1:5432/avgdesk');
    await minutes.fill('0');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => page.getByText('Geef een adres als postgres://server:5432/avgdesk?sslmode=verify-full, zonder gebruikersnaam of wachtwoord.').isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('Moet minstens 1 zijn.').isVisible()).toBe(true);
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');

    // A server elsewhere without verify-full: the backend's own sentence, at the address.
    await address.fill('postgres://db.corporatie.example:5432/avgdesk');
    await minutes.fill('10');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('voeg ?sslmode=verify-full toe aan het adres', { exact: false }).isVisible()).toBe(true);
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'admin-central-refused');

    await address.fill(`postgres://127.0.0.1:${central.port}/postgres`);
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('De instellingen voor de centrale database zijn opgeslagen.').isVisible()).toBe(true);
    // The admin has no central login of their own on this desktop yet.
    await expect.poll(() => syncArea().getByText('Niet ingesteld').isVisible()).toBe(true);
    await checkScreen(page, 'admin-central');
    await signOut(page);
  });

  it('the handler enters their own central login under Mijn account; the password is never shown back', async () => {
    await signIn(page, PEOPLE.handler, 'Werkvoorraad');
    await expect.poll(() => syncArea().getByText('Niet ingesteld').isVisible()).toBe(true);
    expect(await syncButton().isDisabled()).toBe(true);
    await nav(page).getByRole('button', { name: 'Mijn account' }).click();
    await expect.poll(() => page.getByText('Er zijn nog geen inloggegevens voor de centrale database opgeslagen.').isVisible()).toBe(true);

    const demo = central.staff.find((s) => s.userName === PEOPLE.handler.userName);
    if (!demo) throw new Error('the embedded central database has no demo handler');
    const login = page.getByRole('textbox', { name: 'Inlognaam' });
    const password = page.getByLabel('Wachtwoord voor de centrale database');
    await login.fill('Niet Geldig');
    await password.fill(demo.password);
    await page.getByRole('button', { name: 'Inloggegevens opslaan' }).click();
    await expect.poll(() => page.getByText('Een inlognaam bestaat uit kleine letters, cijfers en _.').isVisible()).toBe(true);
    expect(await login.getAttribute('aria-invalid')).toBe('true');

    await login.fill(demo.loginRole);
    await page.getByRole('button', { name: 'Inloggegevens opslaan' }).click();
    await expect.poll(() => page.getByText('Uw inloggegevens zijn opgeslagen. U kunt nu synchroniseren.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`Uw inloggegevens voor de centrale database zijn opgeslagen (inlognaam ${demo.loginRole}).`).isVisible()).toBe(true);
    expect(await login.inputValue()).toBe('');
    expect(await password.inputValue()).toBe('');
    expect(await page.content()).not.toContain(demo.password);
    await expect.poll(() => syncArea().getByText('Nog nooit gesynchroniseerd').isVisible()).toBe(true);
    expect(await syncButton().isDisabled()).toBe(false);
    await checkScreen(page, 'account-central-login');
  });

  it('a registered request waits, "Nu synchroniseren" sends it, and the status bar says so', async () => {
    references.push(await registerRequest(REQUESTERS[0] ?? ''));
    const before = await syncStatus();
    expect(before.waiting).toBeGreaterThan(0);
    const waitingText = before.waiting === 1 ? '1 wijziging wacht' : `${before.waiting} wijzigingen wachten`;
    await expect.poll(() => syncArea().getByText(waitingText).isVisible()).toBe(true);

    await syncButton().click();
    await expect
      .poll(
        () =>
          syncArea()
            .getByText(/^Gesynchroniseerd om \d{2}:\d{2}$/u)
            .isVisible(),
        { timeout: 20_000 },
      )
      .toBe(true);
    await expect
      .poll(() =>
        syncArea()
          .getByText(/^\d+ verstuurd, \d+ opgehaald$/u)
          .isVisible(),
      )
      .toBe(true);
    expect(await syncArea().getByText(/wacht/u).count()).toBe(0);
    expect(await syncButton().isDisabled()).toBe(false);
    const after = await syncStatus();
    expect(after).toMatchObject({
      configured: true,
      hasCredentials: true,
      loginRole: expect.stringMatching(/^avg_u_/u),
      running: false,
      waiting: 0,
      lastError: null,
    });
    expect(after.lastSuccessAt).not.toBeNull();

    const client = new pg.Client({ connectionString: central.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ reference: string; handler: string | null }>(
        'SELECT c.reference, s.user_name AS handler FROM cases c LEFT JOIN staff s ON s.id = c.created_by WHERE c.reference = $1',
        [references[0]],
      );
      expect(rows).toEqual([{ reference: references[0], handler: PEOPLE.handler.userName }]);
    } finally {
      await client.end();
    }
    await checkScreen(page, 'statusbar-synced');
  });

  it('a change the central database refuses is named in the status bar with its case and why, and goes once it is taken', async () => {
    // Over the demo server every login is the superuser, so a trigger plays the part of row-level security.
    const owner = async (text: string) => {
      const client = new pg.Client({ connectionString: central.url });
      await client.connect();
      try {
        await client.query(text);
      } finally {
        await client.end();
      }
    };
    await owner(`CREATE FUNCTION e2e_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                   RAISE EXCEPTION 'new row violates row-level security policy' USING ERRCODE = '42501'; END $$;
                 CREATE TRIGGER e2e_refuse BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION e2e_refuse()`);
    const reference = await registerRequest('Sieuwke Tjalsma');
    references.push(reference);
    await syncButton().click();
    const refused = syncArea().getByRole('button', { name: '1 zaak geweigerd' });
    await expect.poll(() => refused.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await syncArea().getByText('1 wijziging wacht').isVisible()).toBe(true);
    await refused.focus();
    await page.keyboard.press('Enter');
    const surface = page.getByRole('group', { name: 'Geweigerd door de centrale database', exact: true });
    await expect.poll(() => surface.getByText(reference).isVisible()).toBe(true);
    expect(await surface.getByText(/u heeft daar geen rechten \(meer\) op deze zaak/u).isVisible()).toBe(true);
    await checkScreen(page, 'statusbar-refused');
    await page.keyboard.press('Escape');

    await owner('DROP TRIGGER e2e_refuse ON cases; DROP FUNCTION e2e_refuse()');
    await syncButton().click();
    await expect.poll(() => refused.isVisible(), { timeout: 20_000 }).toBe(false);
    expect(await syncStatus()).toMatchObject({ waiting: 0, refused: [] });
  });

  it('with the central database gone, the next press shows a Dutch error and the new request keeps waiting', async () => {
    await central.stop();
    centralStopped = true;
    references.push(await registerRequest(REQUESTERS[1] ?? ''));
    await expect.poll(() => syncArea().getByText('1 wijziging wacht').isVisible()).toBe(true);

    await syncButton().click();
    await expect.poll(async () => (await syncStatus()).lastError, { timeout: 20_000 }).not.toBeNull();
    const status = await syncStatus();
    const message = status.lastError ?? '';
    expect(message).toMatch(/centrale database/iu);
    const error = syncArea().getByRole('button', { name: `Synchronisatie mislukt: ${message}` });
    await expect.poll(() => error.isVisible()).toBe(true);
    // The status bar shows the error, the name and the functions whole at both widths: no ellipsis, nothing cut.
    expect(await checkLayout(page, 'statusbar-sync-error')).toEqual([]);
    expect(status.waiting).toBe(1);
    await expect.poll(() => syncArea().getByText('1 wijziging wacht').isVisible()).toBe(true);
    // The last success stays what it was.
    expect(
      await syncArea()
        .getByText(/^Gesynchroniseerd om \d{2}:\d{2}$/u)
        .isVisible(),
    ).toBe(true);

    // The whole sentence, and that nothing is lost, on focus (keyboard) as on hover.
    await error.focus();
    await page.keyboard.press('Enter');
    const surface = page.getByRole('group', { name: 'Synchronisatie mislukt', exact: true });
    await expect.poll(() => surface.getByText('Uw werk blijft bewaard op deze computer', { exact: false }).isVisible()).toBe(true);
    expect(await surface.getByText(message).isVisible()).toBe(true);
    await checkScreen(page, 'statusbar-sync-error');
    await page.keyboard.press('Escape');

    // Both requests are still here.
    const queue = valueOf(await callApi(server.url, 'case.queue', { limit: 100 }, handlerToken ?? ''));
    expect(queue.rows.map((r) => r.reference).sort()).toEqual([...references].sort());
    expect(tab.problems).toEqual([]);
  });
});
