import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, type TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import type { RunningServer } from './support/server.js';
import { nav, signOut } from './support/ui.js';

/**
 * The scenario, through the real UI in browser mode: first-run setup, sign-in (also with a
 * wrong password), adding a handler and an auditor, and what each function is offered and refused.
 * The steps build on each other and run in order.
 */
const ADMIN = { fullName: 'Łukasz Nguyễn-Özdemir', userName: 'lukasz', password: 'Tulpen-Bollen-Streek-77' };
const HANDLER = { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!' };
const AUDITOR = { fullName: 'Joost Ağaoğlu-de Vries', userName: 'joost', password: 'Molen-Polder-Dijk-2031#' };

let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();

async function signIn(user: { userName: string; password: string }) {
  await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(user.userName);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(user.password);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).press('Enter');
}

async function addStaff(person: { fullName: string; userName: string; password: string }, role: string) {
  await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Medewerker toevoegen' });
  await dialog.getByRole('textbox', { name: 'Naam', exact: true }).fill(person.fullName);
  await dialog.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(person.userName);
  await dialog.getByRole('checkbox', { name: role }).check();
  await dialog.getByRole('textbox', { name: 'Eerste wachtwoord', exact: true }).fill(person.password);
  await expect.poll(() => dialog.getByText('Het wachtwoord voldoet aan alle eisen.').isVisible()).toBe(true);
  return dialog;
}

describe('first run, sign-in and what each function is offered', () => {
  beforeAll(async () => {
    // The shipped entry (`npm run start:web`), not the tests' cheap one: this file keeps argon2id's production cost.
    ({ server, tab, page, close } = await openDesk(() => Promise.resolve(), { shippedEntry: true, blank: true }));
  });

  afterAll(() => close());

  it('sets up the first admin, with the password rules shown while typing', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'AVG Desk inrichten', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('zonder wachtwoord én zonder die sleutel blijven de gegevens onleesbaar', { exact: false }).isVisible()).toBe(true);

    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(ADMIN.fullName);
    await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(ADMIN.userName);
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('welkom1');
    expect(await page.getByText('Het wachtwoord moet minstens 12 tekens lang zijn.').isVisible()).toBe(true);
    expect(await page.getByText('Het wachtwoord bevat een veelgebruikt woord.').isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Herhaal wachtwoord', exact: true }).fill('iets anders');
    expect(await page.getByText('De wachtwoorden zijn niet gelijk.').isVisible()).toBe(true);
    await checkScreen(page, 'setup');

    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(ADMIN.password);
    await page.getByRole('textbox', { name: 'Herhaal wachtwoord', exact: true }).fill(ADMIN.password);
    expect(await page.getByText('Het wachtwoord voldoet aan alle eisen.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click();

    // The recovery key is shown once; continuing needs the confirmation that it is stored.
    await expect.poll(() => page.getByRole('heading', { name: 'Herstelsleutel' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const groups = await page.getByRole('group', { name: 'Herstelsleutel' }).getByRole('listitem').allInnerTexts();
    expect(groups.join('-')).toMatch(/^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$/u);
    const onward = page.getByRole('button', { name: 'Verder' });
    expect(await onward.isDisabled()).toBe(true);
    await checkScreen(page, 'setup-recovery-key');
    await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel veilig opgeborgen' }).check();
    await onward.click();

    await expect.poll(() => page.getByRole('heading', { name: `Welkom, ${ADMIN.fullName}`, level: 1 }).isVisible(), { timeout: 15_000 }).toBe(true);
    const footer = page.getByRole('contentinfo');
    expect(await footer.getByText(ADMIN.fullName).isVisible()).toBe(true);
    expect(await footer.getByText('Functioneel beheer').isVisible()).toBe(true);
    await checkScreen(page, 'start-admin');
  });

  it('wraps the admin and the recovery key with argon2id at the production cost (64 MiB, 3 passes, 1 lane)', () => {
    const keyring = JSON.parse(readFileSync(join(server.dataDir, 'keyring.json'), 'utf8')) as { entries: { kdf: Record<string, unknown> }[] };
    expect(keyring.entries).toHaveLength(2);
    for (const entry of keyring.entries) expect(entry.kdf).toMatchObject({ alg: 'argon2id', memoryCost: 65536, timeCost: 3, parallelism: 1 });
  });

  it('offers the admin Beheer but not Audit (functioneel beheer may not read the audit trail)', async () => {
    expect(await nav(page).getByRole('button', { name: 'Start' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Beheer' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Mijn account' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Audit' }).count()).toBe(0);
    // Functioneel beheer sees no cases: no work queue, no intake.
    expect(await nav(page).getByRole('button', { name: 'Werkvoorraad' }).count()).toBe(0);
    expect(await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).count()).toBe(0);
  });

  it('keeps the session over a reload', async () => {
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: `Welkom, ${ADMIN.fullName}`, level: 1 }).isVisible()).toBe(true);
  });

  it('signs out, refuses a wrong password in Dutch, and signs in', async () => {
    await signOut(page);
    expect(await page.getByText('U bent afgemeld.').isVisible()).toBe(true);
    // Runs in the page (the test project has no DOM types, hence the cast).
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).toBe(0);

    await signIn({ userName: ADMIN.userName, password: 'Verkeerd-Wachtwoord-99' });
    await expect.poll(() => page.getByText('Gebruikersnaam of wachtwoord is onjuist.').isVisible(), { timeout: 15_000 }).toBe(true);
    await checkScreen(page, 'login-wrong-password');

    await signIn(ADMIN);
    await expect.poll(() => page.getByRole('heading', { name: `Welkom, ${ADMIN.fullName}`, level: 1 }).isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('adds a handler and an auditor under Beheer', async () => {
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Medewerkers', level: 2 }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Medewerkers' });
    await expect.poll(() => table.getByRole('cell', { name: ADMIN.userName, exact: true }).isVisible()).toBe(true);
    await checkScreen(page, 'staff');

    const dialog = await addStaff(HANDLER, 'Behandelaar');
    await checkScreen(page, 'staff-add-dialog');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => page.getByText(`${HANDLER.fullName} is toegevoegd.`).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => table.getByRole('cell', { name: HANDLER.userName, exact: true }).isVisible()).toBe(true);

    // The same user name twice: the backend's Dutch message, in the dialog.
    const again = await addStaff({ ...HANDLER, fullName: 'Iemand Anders' }, 'Intake (klantenservice)');
    await again.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => again.getByText('Deze gebruikersnaam is al in gebruik.').isVisible(), { timeout: 15_000 }).toBe(true);
    await again.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const auditorDialog = await addStaff(AUDITOR, 'Auditor');
    await auditorDialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => page.getByText(`${AUDITOR.fullName} is toegevoegd.`).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const handlerRow = table.getByRole('row', { name: new RegExp(HANDLER.fullName, 'u') });
    await expect.poll(() => handlerRow.getByRole('cell', { name: 'Behandelaar', exact: true }).isVisible()).toBe(true);
    expect(await handlerRow.getByText('Actief', { exact: true }).isVisible()).toBe(true);
    await checkScreen(page, 'staff-added');
  });

  it('shows Mijn account', async () => {
    await nav(page).getByRole('button', { name: 'Mijn account' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Mijn account', level: 1 }).isVisible()).toBe(true);
    await checkScreen(page, 'account');
  });

  it('starts the handler in Mijn werk, offers neither Beheer nor Audit, and the backend refuses admin procedures', async () => {
    await signOut(page);
    await signIn(HANDLER);
    // Whoever has work waiting starts in Mijn werk instead of on the welcome screen.
    await expect.poll(() => page.getByRole('heading', { name: 'Mijn werk', level: 1 }).isVisible(), { timeout: 15_000 }).toBe(true);
    await nav(page).getByRole('button', { name: 'Werkvoorraad' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Werkvoorraad', level: 1 }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Start' }).count()).toBe(0);
    expect(await nav(page).getByRole('button', { name: 'Werkvoorraad' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Mijn account' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Beheer' }).count()).toBe(0);
    expect(await nav(page).getByRole('button', { name: 'Audit' }).count()).toBe(0);
    expect(await page.getByRole('contentinfo').getByText('Behandelaar').isVisible()).toBe(true);
    await checkScreen(page, 'queue-empty-handler');

    // Hiding the menu item is not the protection: the backend refuses the call itself.
    const refused = await page.evaluate(async () => {
      // The page's own session token, as the renderer keeps it.
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const stored = JSON.parse(storage.getItem('avgDesk.session') ?? '{}') as { token?: string };
      const response = await fetch('api/staff.list', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stored.token ?? ''}` },
        body: '{}',
      });
      return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
    });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('FORBIDDEN');
  });

  it('shows the auditor the audit trail, and the chain verifies', async () => {
    await signOut(page);
    await signIn(AUDITOR);
    await expect.poll(() => page.getByRole('heading', { name: `Welkom, ${AUDITOR.fullName}`, level: 1 }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Beheer' }).count()).toBe(0);

    await nav(page).getByRole('button', { name: 'Audit' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Audit', level: 1 }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Auditgebeurtenissen' });
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(5);
    expect(await table.getByRole('columnheader', { name: 'Tijdstip' }).isVisible()).toBe(true);
    // The handler's refused call is in the trail, with who tried it.
    const refusedRow = table
      .getByRole('row', { name: /Medewerkers inzien/u })
      .filter({ hasText: 'Geweigerd' })
      .first();
    expect(await refusedRow.getByRole('cell', { name: HANDLER.fullName }).isVisible()).toBe(true);
    expect(await table.getByText('Aanmelden').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Keten controleren' }).click();
    await expect.poll(() => page.getByText(/^De auditketen is intact \(\d+ gebeurtenissen\)\.$/u).isVisible(), { timeout: 15_000 }).toBe(true);
    await checkScreen(page, 'audit');
  });

  it('had no console errors or Content Security Policy violations', () => {
    expect(tab.problems).toEqual([]);
  });
});
