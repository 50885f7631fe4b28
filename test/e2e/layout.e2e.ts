import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/api/contract.js';
import { dutchToday } from '../../shared/cases/cases.js';
import { testPkcs12 } from '../support/pkcs12.js';
import { callApi, valueOf } from './support/api.js';
import type { TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import { checkLayout } from './support/layout.js';
import type { RunningServer } from './support/server.js';
import { MY_WORK, nav, openFromQueue, signIn, signOut, tokenOf, type Person } from './support/ui.js';

/**
 * The layout pass: every screen, every tab of Beheer and of a case, as the functions that use them,
 * at 1280×800 and 1920×1080. Nothing may scroll sideways, reach past the window or be cut off
 * (support/layout.ts says exactly what counts). Screenshots: test/e2e/screenshots/layout-*.png.
 */
const ADMIN: Person = { fullName: 'Margriet van Dijk-Ağaoğlu', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers-Ñúñez', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz-Vandenberghe', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
  signer: { fullName: 'Joris Ødegaard-Bakker', userName: 'joris', password: 'Dijkgraaf-Polder-Gemaal-88', roles: ['signer' as const] },
  dpo: { fullName: 'Fenna de Graaf-Öztürk', userName: 'fenna', password: 'Wadden-Slik-Kwelder-Geul-27', roles: ['dpo' as const] },
  auditor: { fullName: 'Ruud Hoekstra-Mulder', userName: 'ruud', password: 'Molen-Wiek-Zeil-Kruis-12', roles: ['auditor' as const] },
};
const P12_PASSWORD = 'Zegel-Test-2026!';
const today = dutchToday(new Date());

let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
let reference = '';

const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

async function onePagePdf(lines: string[]): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pdf = doc.addPage([595, 842]);
  lines.forEach((text, i) => pdf.drawText(text, { x: 60, y: 760 - i * 16, size: 11, font }));
  return Buffer.from(await doc.save()).toString('base64');
}

/** A case with something on every tab: identity, a document, a third party, a submitted letter. */
async function seed(url: string): Promise<void> {
  const admin = await tokenOf(url, ADMIN);
  const ids: Record<string, string> = {};
  for (const [key, person] of Object.entries(PEOPLE)) ids[key] = valueOf(await callApi(url, 'staff.add', person, admin)).id;
  const [intake, handler, signer] = await Promise.all([tokenOf(url, PEOPLE.intake), tokenOf(url, PEOPLE.handler), tokenOf(url, PEOPLE.signer)]);
  valueOf(await callApi(url, 'settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, admin));
  valueOf(await callApi(url, 'signer.setProfile', { functionTitle: 'Teamleider Privacy en Informatiebeveiliging' }, signer));
  // Registered by intake as letters arrive; a request without handlerId waits unassigned.
  const register = async (type: 'inzage' | 'dataportabiliteit', requester: ProcedureInput<'case.create'>['requester'], handlerId?: string) =>
    valueOf(await callApi(url, 'case.create', { type, requester, channel: 'brief', received: today, writtenAndSigned: true, handlerId }, intake));
  const created = await register(
    'inzage',
    {
      name: 'Łukasz Nguyễn-Özdemir van den Heuvel',
      relation: 'huurder',
      address: 'Burgemeester van Roijensingel 112-B\n8011 CZ Zwolle',
      email: 'lukasz.nguyen-ozdemir@example.org',
    },
    ids.handler,
  );
  reference = created.reference;
  const caseId = created.id;
  await register('dataportabiliteit', { name: 'Zoë Þórsdóttir', relation: 'huurder', address: 'Dorpsstraat 1\n1234 AB Hilversum' });
  valueOf(await callApi(url, 'identity.record', { caseId, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, handler));
  const { documents } = valueOf(
    await callApi(
      url,
      'dossier.import',
      {
        caseId,
        fileName: 'klachtbrief-overlast-buren-2026-09.pdf',
        dataBase64: await onePagePdf(['Melding overlast', 'De buurman Pieter Post-Verhoeven klaagt over geluid.', 'Kanaalstraat 14, Zwolle']),
        source: 'klantcontact',
      },
      handler,
    ),
  );
  valueOf(
    await callApi(
      url,
      'thirdParty.add',
      {
        caseId,
        name: 'Pieter Post-Verhoeven',
        role: 'buurman (melder van overlast)',
        address: 'Kanaalstraat 14\n8011 AB Zwolle',
        documentIds: documents.map((d) => d.id),
      },
      handler,
    ),
  );
  // The letter on a second case: the first waits for its third party's hearing.
  const second = await register('inzage', { name: 'Ahmed El Amrani-Bouzidi', relation: 'huurder', address: 'Dorpsstraat 1\n1234 AB Hilversum' }, ids.handler);
  valueOf(await callApi(url, 'identity.record', { caseId: second.id, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, handler));
  valueOf(await callApi(url, 'case.selectActivities', { caseId: second.id, activityIds: ['huuradministratie'] }, handler));
  valueOf(await callApi(url, 'case.transition', { id: second.id, to: 'besluit_in_concept' }, handler));
  const letter = valueOf(await callApi(url, 'letter.draft', { caseId: second.id, kind: 'besluit-inzage', data: {} }, handler));
  valueOf(await callApi(url, 'letter.submit', { letterId: letter.id }, handler));
}

/** The open screen and every tab in it (Beheer's, a case's), each at both sizes. */
async function visitTabs(name: string): Promise<string[]> {
  const found = await checkLayout(page, name);
  const tabs = page.getByRole('main').getByRole('tab');
  const count = await tabs.count();
  for (let i = 1; i < count; i++) {
    const item = tabs.nth(i);
    const label = (await item.innerText()).trim();
    await item.click();
    await expect.poll(() => item.getAttribute('aria-selected')).toBe('true');
    found.push(...(await checkLayout(page, `${name}-${label.toLowerCase().replace(/\W+/gu, '-')}`)));
  }
  return found;
}

/** Every screen in the menu of whoever is signed in. */
async function visitAll(who: string): Promise<string[]> {
  const found: string[] = [];
  const items = nav(page).getByRole('button');
  const labels = (await items.allInnerTexts()).map((text) => text.split('\n')[0]?.trim() ?? '');
  for (const label of labels) {
    await nav(page)
      .getByRole('button', { name: new RegExp(`^${label}`, 'u') })
      .click();
    await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
    found.push(...(await visitTabs(`${who}-${label.toLowerCase().replace(/\W+/gu, '-')}`)));
  }
  return found;
}

beforeAll(async () => {
  ({ server, tab, page, close } = await openDesk(() => Promise.resolve()));
});

afterAll(() => close());

describe('layout at 1280×800 and 1920×1080', () => {
  it('first run: the setup form and the recovery key, in groups that never break, with copy and print', { timeout: 600_000 }, async () => {
    await heading('AVG Desk inrichten').waitFor({ timeout: 15_000 });
    const found = await checkLayout(page, 'setup');
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(ADMIN.fullName);
    await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(ADMIN.userName);
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(ADMIN.password);
    await page.getByRole('textbox', { name: 'Herhaal wachtwoord', exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Beheerder aanmaken' }).click();
    await heading('Herstelsleutel').waitFor({ timeout: 30_000 });
    const key = page.getByRole('group', { name: 'Herstelsleutel' });
    const groups = await key.getByRole('listitem').allInnerTexts();
    expect(groups.length).toBe(8);
    for (const group of groups) expect(group).toMatch(/^[0-9A-Z]{5}$/u);
    // Each group on one line: as tall as one line of its own text.
    for (const item of await key.getByRole('listitem').all()) {
      const box = await item.boundingBox();
      const line = await item.evaluate((el) =>
        parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { lineHeight: string } }).getComputedStyle(el).lineHeight),
      );
      expect(box?.height ?? 0).toBeLessThan(line * 1.5);
    }
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Kopiëren' }).click();
    await page.getByText('De herstelsleutel is gekopieerd.').waitFor();
    expect(
      await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()),
    ).toBe(groups.join('-'));
    expect(await page.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(true);
    found.push(...(await checkLayout(page, 'setup-recovery-key')));
    await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel veilig opgeborgen' }).check();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await seed(server.url);
    found.push(...(await visitAll('admin')));
    await signOut(page);
    found.push(...(await checkLayout(page, 'login')));
    expect(found).toEqual([]);
  });

  it('intake, signer, dpo and auditor: every screen', { timeout: 600_000 }, async () => {
    const found: string[] = [];
    for (const [who, person] of Object.entries(PEOPLE)) {
      if (who === 'handler') continue;
      await signIn(page, person, who === 'auditor' ? `Welkom, ${person.fullName}` : MY_WORK);
      found.push(...(await visitAll(who)));
      if (who === 'signer') {
        await nav(page)
          .getByRole('button', { name: /^Ondertekenen/u })
          .click();
        await page.getByRole('table', { name: 'Brieven ter ondertekening' }).getByRole('button', { name: 'Besluit inzage (art. 15 AVG)' }).click();
        await page
          .getByRole('img', { name: /^Pagina 1 van/u })
          .first()
          .waitFor({ timeout: 15_000 });
        found.push(...(await checkLayout(page, 'signer-letter')));
      }
      await signOut(page);
    }
    expect(found).toEqual([]);
  });

  it('the handler: every screen and every tab of a case, the PDF viewer and the review list', { timeout: 600_000 }, async () => {
    await signIn(page, PEOPLE.handler, MY_WORK);
    const found = await visitAll('handler');
    await nav(page).getByRole('button', { name: 'Werkvoorraad' }).click();
    await openFromQueue(page, reference);
    found.push(...(await visitTabs('case')));
    await page.getByRole('tab', { name: 'Dossier' }).click();
    await page
      .getByRole('button', { name: /klachtbrief-overlast/u })
      .first()
      .click();
    await page
      .getByRole('img', { name: /^Pagina 1 van/u })
      .first()
      .waitFor({ timeout: 15_000 });
    found.push(...(await checkLayout(page, 'case-dossier-viewer')));
    await page.getByRole('tab', { name: 'Lakken' }).click();
    await page.getByRole('combobox', { name: 'Document' }).selectOption({ index: 1 });
    const options = page.getByRole('region', { name: 'Suggesties zoeken' });
    await options.getByRole('checkbox', { name: /^Pieter Post-Verhoeven/u }).check();
    await options.getByRole('button', { name: 'Suggesties zoeken' }).click();
    await page.getByRole('region', { name: 'Beoordelen' }).waitFor({ timeout: 20_000 });
    await page.getByRole('region', { name: 'Pagina om te lakken' }).getByRole('img').first().waitFor({ timeout: 20_000 });
    found.push(...(await checkLayout(page, 'case-redaction-review')));
    expect(found).toEqual([]);
    expect(tab.problems).toEqual([]);
  });
});
