import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/api/contract.js';
import { CHANNELS, dutchToday } from '../../shared/cases/cases.js';
import { addDays } from '../../shared/deadlines/dates.js';
import { REQUEST_TYPES } from '../../shared/cases/request-types.js';
import { testPkcs12 } from '../support/pkcs12.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, type TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import { startServer, type RunningServer } from './support/server.js';
import { nav, queueGrid, seedStaff, signIn, signOut, tokenOf, type StaffMember } from './support/ui.js';

/**
 * Issue 8's "done when", in the browser. Time is a dependency: the server first runs with its clock
 * set two years back (AVG_DESK_TEST_CLOCK) to register and close two cases, then again on the same
 * data at today's date, where a year of cases is seeded through the API. Then: the dpo sees the
 * coming destructions and approves a destruction list (after taking one case off it); the report
 * page shows charts for the seeded year; the auditor finds who viewed a dossier, and sees the
 * report without references.
 */
const ADMIN = { fullName: 'Margriet van Dijk-Ağaoğlu', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers-Ñúñez', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
  signer: { fullName: 'Joris Ødegaard-Bakker', userName: 'joris', password: 'Dijkgraaf-Polder-Gemaal-88', roles: ['signer' as const] },
  dpo: { fullName: 'Fenna de Graaf', userName: 'fenna', password: 'Duinen-Strand-Zee-Wind-24', roles: ['dpo' as const] },
  auditor: { fullName: 'Anouk Verbeek', userName: 'anouk', password: 'Lindeboom-Plein-Toren-63', roles: ['auditor' as const] },
};
const P12_PASSWORD = 'Zegel-Test-2026!';
const TWO_YEARS_AGO = '2024-11-15';
const today = dutchToday(new Date());
const year = today.slice(0, 4);

let dataDir = '';
let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
let staff: Record<keyof typeof PEOPLE, StaffMember>;
let viewedReference = '';

const heading = (name: string) => page.getByRole('heading', { name, level: 1 });
const requester = (i: number) => ({ name: `Verzoeker Test ${i}`, relation: 'huurder' as const, address: `Dorpsstraat ${i}\n1234 AB Hilversum` });

/** Two years ago: two requests registered and withdrawn, so their register records are due now. */
async function seedTwoYearsAgo() {
  const old = await startServer({ dataDir, env: { AVG_DESK_TEST_CLOCK: `${TWO_YEARS_AGO}T09:00:00Z` } });
  try {
    staff = await seedStaff(old.url, ADMIN, PEOPLE);
    const intake = await tokenOf(old.url, PEOPLE.intake);
    const handler = await tokenOf(old.url, PEOPLE.handler);
    for (const [i, type] of (['inzage', 'verzet'] as const).entries()) {
      const made = valueOf(
        await callApi(
          old.url,
          'case.create',
          { type, requester: requester(900 + i), channel: 'brief', received: '2024-11-11', writtenAndSigned: true, handlerId: staff.handler.id },
          intake,
        ),
      );
      valueOf(await callApi(old.url, 'case.transition', { id: made.id, to: 'ingetrokken' }, handler));
    }
  } finally {
    await old.stop();
  }
}

/** Today: a year of requests, every ten days, of every type and channel; withdrawn, refused, open, and two decided with a signed letter. */
async function seedYear(url: string) {
  const [admin, intake, handler, signer, dpo] = await Promise.all([
    tokenOf(url, ADMIN),
    tokenOf(url, PEOPLE.intake),
    tokenOf(url, PEOPLE.handler),
    tokenOf(url, PEOPLE.signer),
    tokenOf(url, PEOPLE.dpo),
  ]);
  valueOf(await callApi(url, 'settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, admin));
  valueOf(await callApi(url, 'signer.setProfile', { functionTitle: 'Teamleider Privacy' }, signer));
  const created: { id: string; reference: string }[] = [];
  for (let i = 0; i < 36; i++) {
    const received = addDays(`${Number(year) - 1}-12-01`, i * 10);
    if (received > today) break;
    const type = REQUEST_TYPES[i % REQUEST_TYPES.length] ?? 'inzage';
    const input: ProcedureInput<'case.create'> = {
      type,
      ...(type === 'correctie' ? { correctionKinds: ['verbetering' as const] } : {}),
      requester: requester(i),
      channel: CHANNELS[i % CHANNELS.length] ?? 'brief',
      received,
      writtenAndSigned: true,
      handlerId: staff.handler.id,
    };
    const made = valueOf(await callApi(url, 'case.create', input, intake));
    created.push(made);
    if (i % 4 === 1) valueOf(await callApi(url, 'case.transition', { id: made.id, to: 'ingetrokken' }, handler));
    if (i % 4 === 2)
      valueOf(await callApi(url, 'case.transition', { id: made.id, to: 'niet_ontvankelijk', reason: 'Het verzoek gaat niet over persoonsgegevens.' }, handler));
    if (i % 4 === 3) valueOf(await callApi(url, 'case.transition', { id: made.id, to: 'in_behandeling' }, handler));
  }
  // Two access requests decided with a signed letter, four-eyes.
  for (const made of created.filter((_, i) => i % 4 === 0 && REQUEST_TYPES[i % REQUEST_TYPES.length] === 'inzage').slice(0, 2)) {
    valueOf(await callApi(url, 'case.selectActivities', { caseId: made.id, activityIds: ['huuradministratie'] }, handler));
    valueOf(await callApi(url, 'case.transition', { id: made.id, to: 'in_behandeling' }, handler));
    // A decision needs the requester's identity established first.
    valueOf(await callApi(url, 'identity.record', { caseId: made.id, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, handler));
    valueOf(await callApi(url, 'case.transition', { id: made.id, to: 'besluit_in_concept' }, handler));
    const letter = valueOf(await callApi(url, 'letter.draft', { caseId: made.id, kind: 'besluit-inzage', data: {} }, handler));
    valueOf(await callApi(url, 'letter.submit', { letterId: letter.id }, handler));
    valueOf(await callApi(url, 'letter.sign', { letterId: letter.id, password: PEOPLE.signer.password }, signer));
    valueOf(await callApi(url, 'letter.markSent', { letterId: letter.id }, handler));
  }
  // The dossier the auditor will ask about: read by the handler and by the dpo.
  const viewed = created[3] ?? created[0];
  if (!viewed) throw new Error('nothing seeded');
  viewedReference = viewed.reference;
  valueOf(await callApi(url, 'case.get', { id: viewed.id }, handler));
  valueOf(await callApi(url, 'identity.get', { caseId: viewed.id }, handler));
  valueOf(await callApi(url, 'case.get', { id: viewed.id }, dpo));
}

describe('retention, reports and the audit view in the browser', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'avg-desk-e2e-retention-'));
    await seedTwoYearsAgo();
    ({ server, tab, page, close } = await openDesk(seedYear, { dataDir }));
  });

  afterAll(async () => {
    await close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the dpo sees the coming destructions and approves a destruction list', async () => {
    await signIn(page, PEOPLE.dpo, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Bewaartermijnen' }).click();
    await heading('Bewaartermijnen').waitFor();
    const upcoming = page.getByRole('table', { name: 'Komende vernietigingen' });
    await expect.poll(() => upcoming.getByRole('row', { name: /AVG-2024-0001.*Zaakregistratie en brieven/u }).count(), { timeout: 15_000 }).toBe(1);
    expect(await upcoming.getByRole('row', { name: /AVG-2024-0002.*Zaakregistratie en brieven/u }).count()).toBe(1);

    await page.getByRole('button', { name: 'Vernietigingslijst opstellen' }).click();
    const list = page.getByRole('table', { name: 'Zaken op de vernietigingslijst' });
    await expect.poll(() => list.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
    // One case stays for now: the dpo takes it off the list with a reason.
    await list.getByRole('button', { name: 'Van de lijst halen: AVG-2024-0002' }).click();
    const remove = page.getByRole('dialog', { name: 'AVG-2024-0002 van de lijst halen' });
    await remove.getByRole('textbox', { name: 'Reden' }).fill('Nog nodig voor een lopende klacht bij de AP.');
    await remove.getByRole('button', { name: 'Van de lijst halen' }).click();
    await expect.poll(() => list.getByText('Van de lijst gehaald: Nog nodig voor een lopende klacht bij de AP.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await checkScreen(page, 'retention-list');

    await page.getByRole('button', { name: 'Lijst goedkeuren en vernietigen' }).click();
    const approve = page.getByRole('dialog', { name: 'Vernietigingslijst goedkeuren' });
    expect(await approve.getByText(/1 zaakregistratie met brieven en dossier definitief wordt vernietigd/u).isVisible()).toBe(true);
    await approve.getByRole('button', { name: 'Lijst goedkeuren en vernietigen' }).click();
    await expect.poll(() => page.getByText('1 zaakregistratie vernietigd.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText(/Goedgekeurd op .* door Fenna de Graaf: 1 vernietigd: AVG-2024-0001/u).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await checkScreen(page, 'retention');

    // Gone from the work queue; the other one is still there.
    const dpo = await tokenOf(server.url, PEOPLE.dpo);
    const queue = valueOf(await callApi(server.url, 'case.queue', { includeClosed: true, search: 'AVG-2024' }, dpo));
    expect(queue.rows.map((r) => r.reference)).toEqual(['AVG-2024-0002']);
  });

  it('the case taken off the list shows when it will be destroyed, and the dpo stops it with a hold', async () => {
    await nav(page).getByRole('button', { name: 'Werkvoorraad' }).click();
    await heading('Werkvoorraad').waitFor();
    await page.getByRole('checkbox', { name: 'Ook afgehandelde zaken' }).check();
    await queueGrid(page).getByRole('button', { name: 'AVG-2024-0002' }).click();
    await heading('AVG-2024-0002').waitFor();
    const card = page.getByRole('region', { name: 'Bewaren en vernietigen' });
    await expect.poll(() => card.getByText('Zaakregistratie wordt vernietigd op').isVisible(), { timeout: 15_000 }).toBe(true);
    // Waited for like the line above: on a busy machine the card once lacked this text for a moment.
    await expect.poll(() => card.getByText('15 november 2026 (na goedkeuring van de vernietigingslijst)').isVisible()).toBe(true);
    await card.getByRole('button', { name: 'Vernietiging stoppen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vernietiging stoppen' });
    await dialog.getByRole('combobox', { name: 'Soort blokkade' }).selectOption({ label: 'Lopende klacht over de afhandeling' });
    await dialog.getByRole('textbox', { name: 'Reden' }).fill('Klacht bij de Autoriteit Persoonsgegevens loopt nog.');
    await dialog.getByRole('button', { name: 'Vernietiging stoppen' }).click();
    await expect.poll(() => card.getByText('De vernietiging van deze zaak is gestopt.').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(
      await card.getByText(/Lopende klacht over de afhandeling — Klacht bij de Autoriteit Persoonsgegevens loopt nog\. \(door Fenna de Graaf/u).isVisible(),
    ).toBe(true);
    expect(await card.getByText('Zaakregistratie wordt vernietigd op').count()).toBe(0);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await checkScreen(page, 'case-retention');
  });

  it('the report page shows charts for the seeded year', async () => {
    await nav(page).getByRole('button', { name: 'Rapportages' }).click();
    await heading('Rapportages').waitFor();
    for (const chart of ['Verzoeken per soort', 'Verzoeken per kanaal', 'Afgehandeld per uitkomst', 'Per maand']) {
      const figure = page.getByRole('figure', { name: chart });
      await expect.poll(() => figure.locator('.recharts-bar-rectangle').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    }
    expect(await page.getByRole('table', { name: 'Zaken in deze rapportage' }).getByRole('row').count()).toBeGreaterThan(20);
    await page.getByRole('combobox', { name: 'Periode' }).selectOption({ label: 'Kwartaal' });
    await page.getByRole('button', { name: 'Tonen' }).click();
    await expect.poll(() => page.getByText(/^1 (januari|april|juli|oktober) \d{4} tot en met/u).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('combobox', { name: 'Periode' }).selectOption({ label: 'Jaar' });
    await page.getByRole('button', { name: 'Tonen' }).click();
    await expect.poll(() => page.getByText(`1 januari ${year} tot en met 31 december ${year}`).isVisible(), { timeout: 15_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cijfers exporteren (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`rapportage-${year}-01-01-${year}-12-31.csv`);
    await checkScreen(page, 'reports');
    await signOut(page);
  });

  it('the auditor finds who viewed a dossier, and sees the report without references', async () => {
    await signIn(page, PEOPLE.auditor, `Welkom, ${PEOPLE.auditor.fullName}`);
    await nav(page).getByRole('button', { name: 'Audit' }).click();
    await heading('Audit').waitFor();
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByRole('textbox', { name: 'Zaaknummer' }).fill(viewedReference);
    await filters.getByRole('combobox', { name: 'Soort' }).selectOption({ label: 'Ingezien' });
    await filters.getByRole('button', { name: 'Toepassen' }).click();
    const events = page.getByRole('table', { name: 'Auditgebeurtenissen' });
    await expect.poll(() => events.getByRole('row').count(), { timeout: 15_000 }).toBe(4);
    await filters.getByRole('button', { name: 'Wie heeft ingezien?' }).click();
    const readers = page.getByRole('table', { name: 'Medewerkers die het dossier inzagen' });
    await expect.poll(() => readers.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
    expect(await readers.getByRole('row', { name: new RegExp(`${PEOPLE.handler.fullName}\\s*2`, 'u') }).count()).toBe(1);
    expect(await readers.getByRole('row', { name: new RegExp(`${PEOPLE.dpo.fullName}\\s*1`, 'u') }).count()).toBe(1);
    await checkScreen(page, 'audit-readers');

    await nav(page).getByRole('button', { name: 'Rapportages' }).click();
    await heading('Rapportages').waitFor();
    await expect
      .poll(() => page.getByRole('figure', { name: 'Verzoeken per soort' }).locator('.recharts-bar-rectangle').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: 'Zaken in deze rapportage' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/AVG-\d{4}-\d{4}|Verzoeker Test|Fatma/u);
    await checkScreen(page, 'reports-auditor');
  });

  it('had no console errors or Content Security Policy violations', () => {
    expect(tab.problems).toEqual([]);
  });
});
