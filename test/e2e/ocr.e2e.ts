import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchToday } from '../../shared/cases/cases.js';
import { buildScan } from '../unit/ocr.fixtures.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, launchBrowser, openPage, type TestPage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { queueGrid, seedStaff, signIn, tokenOf } from './support/ui.js';

/**
 * A scanned letter in the dossier, through the real UI: opening it on Lakken starts OCR by itself
 * (offline), shows its progress, says the page was read by OCR, and the neighbour named in its pixels
 * is suggested like anywhere else.
 */
const ADMIN = { fullName: 'Margriet van Dijk', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
};

let server: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;

describe('OCR of a scan on Lakken', () => {
  beforeAll(async () => {
    server = await startServer();
    const staff = await seedStaff(server.url, ADMIN, PEOPLE);
    const intake = await tokenOf(server.url, PEOPLE.intake);
    const created = valueOf(
      await callApi(
        server.url,
        'case.create',
        {
          type: 'inzage',
          channel: 'email',
          received: dutchToday(new Date()),
          writtenAndSigned: true,
          handlerId: staff.handler.id,
          requester: { name: 'Anouk de Vries', relation: 'huurder' },
        },
        intake,
      ),
    );
    const handler = await tokenOf(server.url, PEOPLE.handler);
    valueOf(await callApi(server.url, 'case.transition', { id: created.id, to: 'in_behandeling' }, handler));
    const scan = await buildScan();
    const documentId =
      valueOf(
        await callApi(
          server.url,
          'dossier.import',
          { caseId: created.id, fileName: 'scan-klacht.pdf', dataBase64: scan.toString('base64'), source: 'overlastdossier' },
          handler,
        ),
      ).documents[0]?.id ?? '';
    const party = valueOf(
      await callApi(server.url, 'thirdParty.add', { caseId: created.id, name: 'Marloes Brinkhorst', role: 'buurvrouw', documentIds: [documentId] }, handler),
    );
    valueOf(await callApi(server.url, 'thirdParty.update', { caseId: created.id, id: party.id, hearingStatus: 'geen_toestemming' }, handler));

    browser = await launchBrowser();
    tab = await openPage(browser);
    page = tab.page;
    await page.goto(server.url);
    await signIn(page, PEOPLE.handler, 'Werkvoorraad');
    await queueGrid(page).getByRole('button', { name: created.reference }).click();
    await page.getByRole('heading', { name: created.reference, level: 1 }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads the scan by OCR when it is opened, says so, and suggests the name found in its pixels', async () => {
    await page.getByRole('tab', { name: 'Lakken' }).click();
    await page.getByRole('combobox', { name: 'Document' }).selectOption({ label: 'scan-klacht.pdf' });
    await page.getByText('OCR… pagina’s zonder tekst worden gelezen', { exact: false }).waitFor({ timeout: 20_000 });
    await page.getByText('Pagina 1 is gelezen met OCR', { exact: false }).waitFor({ timeout: 90_000 });
    await page.getByText('1 suggestie gevonden.', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Marloes Brinkhorst').count()).toBeGreaterThan(0);
    await checkScreen(page, 'redaction-ocr');
  });

  it('the Dossier tab then says the scan was read with OCR', async () => {
    await page.getByRole('tab', { name: 'Dossier' }).click();
    const row = page.getByRole('row').filter({ hasText: 'scan-klacht.pdf' });
    await row.getByText('gelezen met OCR', { exact: true }).waitFor({ timeout: 20_000 });
    await checkScreen(page, 'dossier-ocr');
  });
});
