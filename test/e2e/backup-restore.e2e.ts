import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, launchBrowser, openPage, type TestPage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { MY_WORK, nav, queueGrid, seedStaff, signIn, tokenOf, type Person } from './support/ui.js';

/**
 * Backup and restore through the UI in browser mode: the dpo downloads a backup under Mijn account
 * (a handler is not offered one); a fresh installation (another server, another data folder)
 * restores it from a file chosen on the first-run screen with the dpo's password, and the dpo sees
 * every case again.
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
let backupFile: string;
let references: string[] = [];

describe('backup and restore from the UI', () => {
  beforeAll(async () => {
    first = await startServer();
    second = await startServer();
    outDir = mkdtempSync(join(tmpdir(), 'avg-desk-backup-e2e-'));
    backupFile = join(outDir, 'gedownload.zip');
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

  it('the dpo downloads an encrypted backup under Mijn account (browser mode: no path to type)', async () => {
    await signIn(page, PEOPLE.dpo, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Mijn account' }).click();
    await page.getByText('Het bestand wordt gedownload', { exact: false }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Volledig pad van het back-upbestand' }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back-up maken' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^avg-desk-\d{4}-\d{2}-\d{2}\.zip$/u);
    await download.saveAs(backupFile);
    await expect
      .poll(() => page.getByText(/^Back-up gemaakt en gedownload als avg-desk-[\d-]+\.zip \(.*, 0 dossierbestand\(en\)\)\./u).isVisible(), { timeout: 15_000 })
      .toBe(true);
    // The same encrypted format as a backup written to a path: the store inside is SQLCipher, no name readable.
    const entries = unzipSync(readFileSync(backupFile));
    expect(Object.keys(entries).sort()).toEqual(['avg-desk-backup.json', 'keyring.json', 'store.db']);
    const store = Buffer.from(entries['store.db'] ?? new Uint8Array());
    expect(store.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    for (const name of REQUESTERS) expect(store.includes(Buffer.from(name, 'utf8'))).toBe(false);
    await checkScreen(page, 'account-backup');
    await page.getByRole('contentinfo').getByRole('button', { name: 'Afmelden' }).click();
  });

  it('a fresh installation restores it from the first-run screen with a staff password, and every case is back', async () => {
    await page.goto(second.url);
    await expect.poll(() => page.getByRole('heading', { name: 'AVG Desk inrichten', level: 1 }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Herstellen uit back-up' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Herstellen uit back-up', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Back-upbestand' }).count()).toBe(0);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Back-upbestand' }).click()]);
    await chooser.setFiles(backupFile);
    await page.getByText(basename(backupFile), { exact: true }).waitFor();
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
