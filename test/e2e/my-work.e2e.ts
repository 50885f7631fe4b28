import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchToday } from '../../shared/cases/cases.js';
import { addDays } from '../../shared/deadlines/dates.js';
import { testPkcs12 } from '../support/pkcs12.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, launchBrowser, openPage, type TestPage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { MY_WORK, nav, seedStaff, signIn, signOut, tokenOf, type StaffMember } from './support/ui.js';

/**
 * "Mijn werk", the start page, for each function that has work: the handler's cases with their next
 * step (the same as the case's Overzicht shows first), the signer's letters waiting (with a count on
 * Ondertekenen), the dpo's overdue cases and holds, intake's unassigned requests. A screenshot per
 * function at 1280×800: test/e2e/screenshots/<function>-mijn-werk.png.
 */
const ADMIN = { fullName: 'Margriet van Dijk-Ağaoğlu', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers-Ñúñez', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
  signer: { fullName: 'Joris Ødegaard-Bakker', userName: 'joris', password: 'Dijkgraaf-Polder-Gemaal-88', roles: ['signer' as const] },
  dpo: { fullName: 'Fenna de Graaf-Öztürk', userName: 'fenna', password: 'Wadden-Slik-Kwelder-Geul-27', roles: ['dpo' as const] },
};
const P12_PASSWORD = 'Zegel-Test-2026!';
const today = dutchToday(new Date());

let server: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;
let staff: Record<keyof typeof PEOPLE, StaffMember>;
const refs = { fresh: '', ready: '', submitted: '', unassigned: '', late: '' };

const heading = (name: string) => page.getByRole('heading', { name, level: 1 });
const region = (name: string) => page.getByRole('region', { name });

async function onePagePdf(text: string): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 11, font });
  return Buffer.from(await doc.save()).toString('base64');
}

/** Five requests in the states each function's start page is about. */
async function seed(url: string) {
  staff = await seedStaff(url, ADMIN, PEOPLE);
  const [admin, intake, handler, signer, dpo] = await Promise.all([
    tokenOf(url, ADMIN),
    tokenOf(url, PEOPLE.intake),
    tokenOf(url, PEOPLE.handler),
    tokenOf(url, PEOPLE.signer),
    tokenOf(url, PEOPLE.dpo),
  ]);
  valueOf(await callApi(url, 'settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, admin));
  valueOf(await callApi(url, 'signer.setProfile', { functionTitle: 'Teamleider Privacy' }, signer));
  const create = async (name: string, extra: { received?: string; handlerId?: string } = {}) =>
    valueOf(
      await callApi(
        url,
        'case.create',
        {
          type: 'inzage',
          requester: { name, relation: 'huurder', address: 'Dorpsstraat 1\n1234 AB Hilversum' },
          channel: 'brief',
          received: extra.received ?? today,
          writtenAndSigned: true,
          ...(extra.handlerId ? { handlerId: extra.handlerId } : {}),
        },
        intake,
      ),
    );
  const verify = async (id: string) =>
    valueOf(await callApi(url, 'identity.record', { caseId: id, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, handler));
  const fresh = await create('Łukasz Nguyễn-Özdemir', { handlerId: staff.handler.id });
  const ready = await create('Zoë Þórsdóttir-Bakker', { handlerId: staff.handler.id });
  await verify(ready.id);
  valueOf(
    await callApi(
      url,
      'dossier.import',
      { caseId: ready.id, fileName: 'huurcontract.pdf', dataBase64: await onePagePdf('Huurovereenkomst Dorpsstraat 1'), source: 'klantcontact' },
      handler,
    ),
  );
  const submitted = await create('Ahmed El Amrani', { handlerId: staff.handler.id });
  await verify(submitted.id);
  valueOf(await callApi(url, 'case.selectActivities', { caseId: submitted.id, activityIds: ['huuradministratie'] }, handler));
  valueOf(await callApi(url, 'case.transition', { id: submitted.id, to: 'besluit_in_concept' }, handler));
  const letter = valueOf(await callApi(url, 'letter.draft', { caseId: submitted.id, kind: 'besluit-inzage', data: {} }, handler));
  valueOf(await callApi(url, 'letter.submit', { letterId: letter.id }, handler));
  const unassigned = await create('Priya Ramdin');
  // Received two months ago: its term has run out.
  const late = await create('Jan de Vries', { received: addDays(today, -60), handlerId: staff.handler.id });
  valueOf(await callApi(url, 'retention.placeHold', { caseId: late.id, kind: 'klacht', reason: 'Klacht bij de Autoriteit Persoonsgegevens loopt.' }, dpo));
  Object.assign(refs, {
    fresh: fresh.reference,
    ready: ready.reference,
    submitted: submitted.reference,
    unassigned: unassigned.reference,
    late: late.reference,
  });
}

beforeAll(async () => {
  server = await startServer();
  await seed(server.url);
  browser = await launchBrowser();
  tab = await openPage(browser);
  page = tab.page;
  await page.goto(server.url);
  await heading('Aanmelden').waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await tab?.context.close();
  await browser?.close();
  await server?.stop();
});

describe('Mijn werk, the start page per function', () => {
  it("the handler lands on their cases with each one's next step, and the case's Overzicht starts with the same step", async () => {
    await signIn(page, PEOPLE.handler, MY_WORK);
    const cases = page.getByRole('table', { name: 'Mijn zaken' });
    const row = (reference: string) => cases.getByRole('row', { name: new RegExp(reference, 'u') });
    await row(refs.fresh).waitFor();
    expect(await row(refs.fresh).innerText()).toContain('Identiteit vaststellen');
    expect(await row(refs.ready).innerText()).toContain('Besluitbrief opstellen');
    expect(await row(refs.submitted).innerText()).toContain('Wacht op ondertekening');
    expect(await row(refs.late).innerText()).toContain('Identiteit vaststellen');
    expect(await cases.getByRole('row', { name: new RegExp(refs.unassigned, 'u') }).count()).toBe(0);
    // What is due: the late case is over its term.
    expect(await region('Mijn zaken').getByText('1 zaak is over de termijn.', { exact: false }).isVisible()).toBe(true);
    expect(await region('Brieven ter ondertekening').count()).toBe(0);
    await checkScreen(page, 'handler-mijn-werk');
    // Four cases registered for her by intake: the bell says so.
    await expect
      .poll(() =>
        page
          .getByRole('banner')
          .getByRole('button', { name: /^Meldingen/u })
          .getAttribute('aria-label'),
      )
      .toBe('Meldingen: 4 nieuw');

    await row(refs.ready).getByRole('button', { name: refs.ready }).click();
    const step = region('Volgende stap');
    await step.waitFor({ timeout: 15_000 });
    expect(await step.innerText()).toContain('Besluitbrief opstellen');
    await checkScreen(page, 'handler-case-next-step');
    await step.getByRole('button', { name: 'Ga naar Brieven' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Brieven' }).getAttribute('aria-selected')).toBe('true');
    await signOut(page);
  });

  it('the signer lands on the letters waiting, with their count on Ondertekenen', async () => {
    await signIn(page, PEOPLE.signer, MY_WORK);
    const letters = page.getByRole('table', { name: 'Brieven ter ondertekening' });
    await letters.getByRole('row', { name: new RegExp(refs.submitted, 'u') }).waitFor();
    expect(await region('Brieven ter ondertekening').getByText('1 brief wacht op uw handtekening.').isVisible()).toBe(true);
    const signing = nav(page).getByRole('button', { name: /^Ondertekenen/u });
    await expect.poll(() => signing.innerText()).toMatch(/1/u);
    expect(await signing.getByLabel('1 wachtend').count()).toBe(1);
    expect(await region('Mijn zaken').count()).toBe(0);
    await checkScreen(page, 'signer-mijn-werk');

    // The bell: one new notification, the letter submitted; it leads to Ondertekenen and is then read.
    const bell = page.getByRole('banner').getByRole('button', { name: /^Meldingen/u });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Meldingen: 1 nieuw');
    await bell.click();
    const list = page.getByRole('dialog', { name: 'Meldingen' });
    const item = list.getByRole('button', { name: `Besluit inzage (art. 15 AVG) (${refs.submitted}) wacht op uw handtekening.` });
    await item.waitFor();
    await checkScreen(page, 'signer-notifications');
    await item.click();
    await heading('Ondertekenen').waitFor();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Meldingen');
    await signOut(page);
  });

  it('the dpo lands on overdue cases, holds, the destruction list and refused sync entries', async () => {
    await signIn(page, PEOPLE.dpo, MY_WORK);
    const overdue = page.getByRole('table', { name: 'Over de termijn' });
    await overdue.getByRole('row', { name: new RegExp(refs.late, 'u') }).waitFor();
    expect(await overdue.getByRole('row').count()).toBe(2);
    expect(await overdue.innerText()).toContain(PEOPLE.handler.fullName);
    expect(await region('Bewaarplichten (holds)').innerText()).toContain(refs.late);
    expect(await region('Vernietigingslijst').innerText()).toContain('Er ligt geen vernietigingslijst ter goedkeuring.');
    expect(await region('Door de centrale database geweigerd').innerText()).toContain('Geen geweigerde synchronisaties.');
    await checkScreen(page, 'dpo-mijn-werk');
    await signOut(page);
  });

  it('intake lands on the requests not yet assigned, without names', async () => {
    await signIn(page, PEOPLE.intake, MY_WORK);
    const unassigned = page.getByRole('table', { name: 'Nog niet toegewezen' });
    await unassigned.getByRole('row', { name: new RegExp(refs.unassigned, 'u') }).waitFor();
    expect(await unassigned.getByRole('row').count()).toBe(2);
    // All five open requests give the same address: one group, by case number and ground, without names.
    const duplicates = page.getByRole('table', { name: 'Mogelijk dubbel' });
    const group = duplicates.getByRole('row', { name: new RegExp(`${refs.fresh}.*${refs.unassigned}.*adres`, 'u') });
    await group.waitFor();
    for (const reference of Object.values(refs)) expect(await group.innerText()).toContain(reference);
    expect(await page.locator('main').innerText()).not.toContain('Priya');
    await checkScreen(page, 'intake-mijn-werk');
    await signOut(page);
  });

  it('shows no console errors', () => {
    expect(tab.problems).toEqual([]);
  });
});
