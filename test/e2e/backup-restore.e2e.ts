import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, launchBrowser, openPage, type TestPage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { MY_WORK, nav, queueGrid, seedStaff, signIn, tokenOf, type Person } from './support/ui.js';

/**
 * Backup and restore through the UI: the dpo writes a backup under Mijn account (a handler is not
 * offered one); a fresh
 * installation (another server, another data folder) restores it from the first-run screen with
 * the dpo's password, and the dpo sees every case again.
 */
const ADMIN: Person = { fullName: 'Berend Beheer-Smit', userName: 'berend', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  handler: { fullName: 'Priya Ramdin-Kalloe', userName: 'priya', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
  dpo: { fullName: 'Dirk-Jan Fokkema', userName: 'dirkjan', password: 'Molen-Polder-Dijk-2031#', roles: ['dpo' as const] },
};
const REQUESTERS = ['Wubbo Zandstra-Oukes', 'Saskia Ó Briain', 'Mehmet Çelik'];

let first: RunningServer;
let second: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;
let outDir: string;
let references: string[] = [];

describe('backup and restore from the UI', () => {
  beforeAll(async () => {
    first = await startServer();
    second = await startServer();
    outDir = mkdtempSync(join(tmpdir(), 'avg-desk-backup-e2e-'));
    const staff = await seedStaff(first.url, ADMIN, PEOPLE);
    const dpo = await tokenOf(first.url, staff.dpo);
    for (const name of REQUESTERS) {
      const made = valueOf(
        await callApi(
          first.url,
          'case.create',
          {
            type: 'inzage',
            requester: { name, relation: 'huurder' },
            channel: 'brief',
            received: '2026-11-20',
            writtenAndSigned: true,
            handlerId: staff.handler.id,
          },
          dpo,
        ),
      );
      references.push(made.reference);
    }
    references = references.sort();
    browser = await launchBrowser();
    tab = await openPage(browser);
    page = tab.page;
  });

  afterAll(async () => {
    await browser?.close();
    await first?.stop();
    await second?.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('offers a handler no backup', async () => {
    await page.goto(first.url);
    await signIn(page, PEOPLE.handler, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Mijn account' }).click();
    await page.getByRole('heading', { name: 'Mijn account', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Back-up maken' }).count()).toBe(0);
    await page.getByRole('contentinfo').getByRole('button', { name: 'Afmelden' }).click();
  });

  it('the dpo makes an encrypted backup under Mijn account', async () => {
    await signIn(page, PEOPLE.dpo, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Mijn account' }).click();
    const path = page.getByRole('textbox', { name: 'Volledig pad van het back-upbestand' });
    await path.fill('relatief.zip');
    await page.getByRole('button', { name: 'Back-up maken' }).click();
    await expect.poll(() => page.getByText('Geef een volledig pad voor het back-upbestand.').isVisible()).toBe(true);
    await path.fill(join(outDir, 'avg-desk.zip'));
    await page.getByRole('button', { name: 'Back-up maken' }).click();
    await expect.poll(() => page.getByText(/^Back-up gemaakt: .*avg-desk\.zip \(.*, 0 dossierbestand\(en\)\)\.$/u).isVisible(), { timeout: 15_000 }).toBe(true);
    await checkScreen(page, 'account-backup');
    await page.getByRole('contentinfo').getByRole('button', { name: 'Afmelden' }).click();
  });

  it('a fresh installation restores it from the first-run screen with a staff password, and every case is back', async () => {
    await page.goto(second.url);
    await expect.poll(() => page.getByRole('heading', { name: 'AVG Desk inrichten', level: 1 }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Herstellen uit back-up' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Herstellen uit back-up', level: 1 }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Volledig pad van het back-upbestand' }).fill(join(outDir, 'avg-desk.zip'));
    await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(PEOPLE.dpo.userName);
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('Niet-Het-Goede-Wachtwoord-1');
    await checkScreen(page, 'setup-restore');
    await page.getByRole('button', { name: 'Back-up herstellen' }).click();
    await expect.poll(() => page.getByText('Gebruikersnaam of wachtwoord is onjuist.').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(valueOf(await callApi(second.url, 'setup.status', {}))).toEqual({ initialized: false });

    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(PEOPLE.dpo.password);
    await page.getByRole('button', { name: 'Back-up herstellen' }).click();
    // Signed in as the dpo, who starts in Mijn werk; every case is in the work queue.
    await page.getByRole('heading', { name: MY_WORK, level: 1 }).waitFor({ timeout: 15_000 });
    await nav(page).getByRole('button', { name: 'Werkvoorraad' }).click();
    await page.getByRole('heading', { name: 'Werkvoorraad', level: 1 }).waitFor({ timeout: 15_000 });
    for (const reference of references) await expect.poll(() => queueGrid(page).getByText(reference).isVisible()).toBe(true);
    const dpo = await tokenOf(second.url, PEOPLE.dpo);
    const queue = valueOf(await callApi(second.url, 'case.queue', { limit: 100 }, dpo));
    expect(queue.rows.map((r) => r.reference).sort()).toEqual(references);
    expect(queue.rows.map((r) => r.requesterName).sort()).toEqual([...REQUESTERS].sort());
    expect(tab.problems).toEqual([]);
  });
});
