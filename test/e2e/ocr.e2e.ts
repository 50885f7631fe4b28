import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScan } from '../unit/ocr.fixtures.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen } from './support/browser.js';
import { openDesk } from './support/desk.js';
import { openFromQueue, seedHandlerCase } from './support/ui.js';

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

let page: Page;
let close = () => Promise.resolve();

/** The handler's case with a scanned letter in its dossier that names the neighbour who refused. */
async function seed(url: string): Promise<string> {
  // Drawn first: seconds of drawing between two calls outlast the server's keep-alive, and the next call
  // would go out on the connection it has just closed.
  const scan = await buildScan();
  const { caseId, reference, handlerToken } = await seedHandlerCase(url, ADMIN, PEOPLE, { name: 'Anouk de Vries' });
  const documentId =
    valueOf(
      await callApi(
        url,
        'dossier.import',
        { caseId, fileName: 'scan-klacht.pdf', dataBase64: scan.toString('base64'), source: 'overlastdossier' },
        handlerToken,
      ),
    ).documents[0]?.id ?? '';
  const party = valueOf(
    await callApi(url, 'thirdParty.add', { caseId, name: 'Marloes Brinkhorst', role: 'buurvrouw', documentIds: [documentId] }, handlerToken),
  );
  valueOf(await callApi(url, 'thirdParty.update', { caseId, id: party.id, hearingStatus: 'geen_toestemming' }, handlerToken));
  return reference;
}

describe('OCR of a scan on Lakken', () => {
  beforeAll(async () => {
    const desk = await openDesk(seed, { signIn: { person: PEOPLE.handler, screen: 'Werkvoorraad' } });
    ({ page, close } = desk);
    await openFromQueue(page, desk.seeded);
  });

  afterAll(() => close());

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
