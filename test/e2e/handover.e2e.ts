import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plaintextHits } from '../support/scan.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, launchBrowser, openPage, type TestPage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { queueGrid, seedStaff, signIn, signOut, tokenOf, type StaffMember } from './support/ui.js';

/**
 * Handing a case over to another desktop, in the browser: on desktop A the handler makes the
 * encrypted handover bundle from the case's overview (password twice, then the instruction to give
 * it by phone) and downloads it; on desktop B (another server, another data folder) the new handler
 * chooses the file in the import dialog and lands on the case, with its dossier.
 */
const ADMIN = { fullName: 'Berend Beheer-Smit', userName: 'berend', password: 'Tulpen-Bollen-Streek-77' };
const OLD = { fullName: 'Priya Ramdin-Kalloe', userName: 'priya', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] };
const NEW = { fullName: 'Henk de Wit-Ağaoğlu', userName: 'henk', password: 'Molen-Polder-Dijk-2031#', roles: ['handler' as const] };
const REQUESTER = 'Wubbo Zandstra-Oukes';
const NOTE = `Telefoonnotitie: ${REQUESTER} vraagt inzage in het overlastdossier ZEBRA-7731.`;
const BUNDLE_PASSWORD = 'Overdracht-Telefoon-2026!';

let a: RunningServer;
let b: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;
let outDir: string;
let bundle: string;
let caseId = '';
let reference = '';
let oldHandler: StaffMember;

const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

describe('handover of a case file in the browser', () => {
  beforeAll(async () => {
    a = await startServer();
    b = await startServer();
    outDir = mkdtempSync(join(tmpdir(), 'avg-desk-handover-e2e-'));
    bundle = join(outDir, 'overdracht.avgh');
    oldHandler = (await seedStaff(a.url, ADMIN, { old: OLD })).old;
    await seedStaff(b.url, ADMIN, { henk: NEW });
    const token = await tokenOf(a.url, OLD);
    const made = valueOf(
      await callApi(
        a.url,
        'case.create',
        {
          type: 'inzage',
          requester: { name: REQUESTER, relation: 'huurder' },
          channel: 'brief',
          received: '2026-11-20',
          writtenAndSigned: true,
          handlerId: oldHandler.id,
        },
        token,
      ),
    );
    caseId = made.id;
    reference = made.reference;
    valueOf(
      await callApi(
        a.url,
        'dossier.import',
        { caseId, fileName: 'telefoonnotitie.txt', dataBase64: Buffer.from(NOTE).toString('base64'), source: 'klantcontact' },
        token,
      ),
    );
    browser = await launchBrowser();
    tab = await openPage(browser);
    page = tab.page;
  });

  afterAll(async () => {
    await browser?.close();
    await a?.stop();
    await b?.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('the handler on desktop A makes the bundle from the case overview and is told to give the password by phone', async () => {
    await page.goto(a.url);
    await signIn(page, OLD, 'Werkvoorraad');
    // Desktop A's handler has no bundle to import; the action is there for every handler.
    expect(await page.getByRole('button', { name: 'Overdracht importeren' }).count()).toBe(1);
    const row = queueGrid(page).getByRole('row', { name: new RegExp(reference, 'u') });
    await row.getByRole('button', { name: reference }).click();
    await heading(reference).waitFor();
    await page.getByRole('button', { name: 'Overdragen aan andere computer' }).click();
    const dialog = page.getByRole('dialog', { name: `Zaak ${reference} overdragen` });
    // Browser mode: no path to type; the bundle is downloaded.
    expect(await dialog.getByRole('textbox', { name: 'Overdrachtsbestand' }).count()).toBe(0);
    await dialog.getByText('Het bestand wordt gedownload', { exact: false }).waitFor();
    await dialog.getByLabel('Wachtwoord voor het bestand').fill(BUNDLE_PASSWORD);
    await dialog.getByLabel('Wachtwoord herhalen').fill('Overdracht-Telefoon-2027!');
    await dialog.getByRole('button', { name: 'Overdrachtsbestand maken' }).click();
    await expect.poll(() => dialog.getByText('De wachtwoorden zijn niet gelijk.').isVisible()).toBe(true);
    expect(existsSync(bundle)).toBe(false);
    await dialog.getByLabel('Wachtwoord herhalen').fill(BUNDLE_PASSWORD);
    await checkScreen(page, 'case-handover-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Overdrachtsbestand maken' }).click()]);
    expect(download.suggestedFilename()).toBe(`overdracht-${reference}.avgh`);
    await download.saveAs(bundle);
    await expect.poll(() => page.getByText('Overdrachtsbestand gemaakt').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByText(new RegExp(`^Zaak ${reference} is met \\d+ bestanden gedownload als overdracht-${reference}\\.avgh\\.$`, 'u')).waitFor();
    await expect.poll(() => page.getByText(/^Geef het wachtwoord telefonisch door aan de nieuwe behandelaar, nooit per e-mail/u).isVisible()).toBe(true);
    expect(existsSync(bundle)).toBe(true);
    expect(plaintextHits(outDir, [REQUESTER, 'ZEBRA-7731'])).toEqual([]);
    await checkScreen(page, 'case-handover-done');
    await signOut(page);
  });

  it('the new handler on desktop B imports it from the work queue and lands on the case', async () => {
    await page.goto(b.url);
    await signIn(page, NEW, 'Werkvoorraad');
    await page.getByRole('button', { name: 'Overdracht importeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Overdracht importeren' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Overdrachtsbestand' }).click()]);
    await chooser.setFiles(bundle);
    await dialog.getByText('overdracht.avgh', { exact: true }).waitFor();
    await dialog.getByLabel('Wachtwoord van het bestand').fill('Niet-Het-Goede-Wachtwoord-1');
    await checkScreen(page, 'queue-handover-import');
    await dialog.getByRole('button', { name: 'Importeren' }).click();
    await expect.poll(() => dialog.getByText(/^Het wachtwoord van het overdrachtsbestand klopt niet/u).isVisible(), { timeout: 20_000 }).toBe(true);
    await dialog.getByLabel('Wachtwoord van het bestand').fill(BUNDLE_PASSWORD);
    await dialog.getByRole('button', { name: 'Importeren' }).click();
    await heading(reference).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText(REQUESTER).first().isVisible()).toBe(true);
    const henk = await tokenOf(b.url, NEW);
    const docs = valueOf(await callApi(b.url, 'dossier.list', { caseId }, henk));
    expect(docs.map((d) => d.name)).toEqual(['telefoonnotitie.txt']);
    await checkScreen(page, 'case-after-handover-import');
    expect(tab.problems).toEqual([]);
  });
});
