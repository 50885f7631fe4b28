import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchToday } from '../../shared/cases/cases.js';
import { addDays, addMonths, formatDutchDate } from '../../shared/deadlines/dates.js';
import { computeDeadline, workingDaysLeft } from '../../shared/deadlines/deadlines.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, type TestPage } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { openDesk } from './support/desk.js';
import { callAsPage, nav, queueGrid, seedStaff, signIn, signOut, tokenOf, type StaffMember, submitRequest } from './support/ui.js';

/**
 * Issue 3's scenario through the real UI: intake registers an access request for a 15-year-old,
 * made by a parent and assigned to a handler; the handler finds it (also by "ozdemir"), sees the
 * right due date and extends it; the dpo reassigns it; intake never sees its content; the Tijdlijn
 * shows who read it. Then the queue with 300 cases opens fast and stays keyboard-driven.
 */
const ADMIN = { fullName: 'Margriet van Dijk-Ağaoğlu', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers-Ñúñez', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
  handler2: { fullName: 'Joris Ødegaard-Bakker', userName: 'joris', password: 'Dijkgraaf-Polder-Gemaal-88', roles: ['handler' as const] },
  dpo: { fullName: 'Noor El Amrani', userName: 'noor', password: 'Vuurtoren-Duin-Strand-19', roles: ['dpo' as const] },
};
const REQUESTER = 'Łukasz Nguyễn-Özdemir';
const PARENT = 'Agnieszka Nguyễn-Özdemir';

const today = dutchToday(new Date());
// Fifteen years and three months old on the day of receipt.
const birthDate = addMonths(today, -(15 * 12 + 3));
const expected = computeDeadline({ type: 'inzage', received: today });
const extended = computeDeadline({ type: 'inzage', received: today, extensionMonths: 1 });
const daysText = (due: string) => {
  const left = workingDaysLeft(today, due);
  return left === 0 ? 'vandaag is de laatste dag' : left === 1 ? 'nog 1 werkdag' : `nog ${left} werkdagen`;
};

let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
let staff: Record<keyof typeof PEOPLE, StaffMember>;
let reference = '';
let caseId = '';

const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

async function openQueue() {
  await nav(page).getByRole('button', { name: 'Werkvoorraad' }).click();
  await heading('Werkvoorraad').waitFor();
}

async function search(text: string) {
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(text);
}

describe('registering, finding, extending and reassigning a case', () => {
  beforeAll(async () => {
    const desk = await openDesk((url) => seedStaff(url, ADMIN, PEOPLE));
    ({ server, tab, page, close } = desk);
    staff = desk.seeded;
  });

  afterAll(() => close());

  it('starts intake in the work queue, with Nieuw verzoek and without Start', async () => {
    await signIn(page, PEOPLE.intake, 'Werkvoorraad');
    expect(await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).isVisible()).toBe(true);
    expect(await nav(page).getByRole('button', { name: 'Start' }).count()).toBe(0);
    await expect.poll(() => page.getByText('Geen zaken die aan de filters voldoen.').isVisible()).toBe(true);
  });

  it('registers a request for a 15-year-old made by a parent, with the due date shown while typing', async () => {
    await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).click();
    await heading('Nieuw verzoek').waitFor();
    const preview = `Uiterste datum: ${formatDutchDate(expected.due)} (${daysText(expected.due)})`;
    await expect.poll(() => page.getByText(preview).isVisible()).toBe(true);

    await page.getByRole('radiogroup', { name: 'Ontvangen via' }).getByRole('radio', { name: 'Brief' }).check();
    await page.getByRole('checkbox', { name: 'Het verzoek is schriftelijk gedaan en ondertekend' }).check();
    await page.getByRole('textbox', { name: 'Omschrijving van het verzoek' }).fill('Mijn moeder vraagt namens mij welke gegevens over mij worden verwerkt.');
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(REQUESTER);
    await page.getByLabel('Geboortedatum').fill(birthDate);
    await page.getByRole('textbox', { name: 'Klantnummer' }).fill('K-204518');

    // Under 16 on the day of receipt: the form suggests the legal representative.
    await expect.poll(() => page.getByText('De verzoeker was op de datum van ontvangst 15 jaar.', { exact: false }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Vertegenwoordiger toevoegen' }).click();
    expect(await page.getByRole('radio', { name: 'Wettelijk vertegenwoordiger' }).isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Naam van de vertegenwoordiger' }).fill(PARENT);
    await page.getByRole('textbox', { name: 'Grondslag' }).fill('ouder met gezag');
    await page.getByRole('combobox', { name: 'Behandelaar' }).selectOption({ label: PEOPLE.handler.fullName });
    await checkScreen(page, 'intake-form');

    const submitted = await submitRequest(page);
    const { confirmation } = submitted;
    reference = submitted.reference;
    expect(reference).toBe(`AVG-${today.slice(0, 4)}-0001`);
    expect(confirmation).toContain(`Uiterste datum: ${formatDutchDate(expected.due)}.`);
    // Intake may not open a case file.
    expect(await page.getByRole('button', { name: 'Zaak openen' }).count()).toBe(0);
    await checkScreen(page, 'intake-created');
  });

  it('warns intake of a possible duplicate without naming the case, and does not block', async () => {
    await page.getByRole('button', { name: 'Nog een verzoek registreren' }).click();
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(REQUESTER);
    await page.getByLabel('Geboortedatum').fill(birthDate);
    await page.getByRole('textbox', { name: 'Klantnummer' }).focus();
    await expect.poll(() => page.getByText('Mogelijk dubbel verzoek, vraag het privacyteam.', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText(reference).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Verzoek registreren' }).isEnabled()).toBe(true);
    await checkScreen(page, 'intake-duplicate');
  });

  it('shows intake the case in the queue without content, and the backend refuses to open it', async () => {
    await openQueue();
    const grid = queueGrid(page);
    const row = grid.getByRole('row', { name: new RegExp(reference, 'u') });
    await row.waitFor();
    expect(await row.getByText('niet zichtbaar: u heeft geen inzage in de inhoud van deze zaak').count()).toBe(1);
    expect(await row.getByText(REQUESTER).count()).toBe(0);
    expect(await row.getByText(PEOPLE.handler.fullName).isVisible()).toBe(true);
    // No way to open it: no link, and Enter on the row does nothing.
    expect(await grid.getByRole('button', { name: reference }).count()).toBe(0);
    await grid.focus();
    await page.keyboard.press('Enter');
    expect(await heading(reference).count()).toBe(0);
    const list = valueOf(await callApi(server.url, 'case.queue', {}, await tokenOf(server.url, PEOPLE.intake)));
    caseId = list.rows[0]?.id ?? '';
    expect(await callAsPage(page, 'case.get', { id: caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await checkScreen(page, 'queue-intake');
  });

  it('shows the handler the case with the right due date, finds "ozdemir" and keeps the filters without the search', async () => {
    await signOut(page);
    await signIn(page, PEOPLE.handler, 'Werkvoorraad');
    // A handler registering a request takes it by default (the central database keeps a handler's cases by handler).
    await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).click();
    await heading('Nieuw verzoek').waitFor();
    const own = page.getByRole('combobox', { name: 'Behandelaar' });
    // The handlers load after the form: poll until the choice is there.
    await expect.poll(() => own.locator('option').allTextContents()).toEqual(['Nog niet toewijzen', PEOPLE.handler.fullName]);
    await expect.poll(() => own.locator('option:checked').textContent()).toBe(PEOPLE.handler.fullName);
    await openQueue();
    const grid = queueGrid(page);
    const row = grid.getByRole('row', { name: new RegExp(reference, 'u') });
    await row.waitFor();
    expect(await row.getByText(REQUESTER).isVisible()).toBe(true);
    expect(await row.getByText(formatDutchDate(expected.due)).isVisible()).toBe(true);
    expect(await row.getByText(daysText(expected.due)).isVisible()).toBe(true);

    await search('ozdemir');
    await expect.poll(() => grid.getByRole('row').count()).toBe(2);
    expect(await row.isVisible()).toBe(true);
    await search('nietbestaand');
    await expect.poll(() => page.getByText('Geen zaken die aan de filters voldoen.').isVisible()).toBe(true);
    await search('ozdemir');
    await row.waitFor();

    await page.getByRole('button', { name: /^Soort: /u }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Inzage' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Soort: Inzage' }).isVisible()).toBe(true);
    const stored = await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('avgDesk.queueFilter'),
    );
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ types: ['inzage'] });
    expect(stored).not.toMatch(/ozdemir/iu);
    await checkScreen(page, 'queue-handler');
  });

  it('opens the case with the keyboard and shows the overview', async () => {
    await queueGrid(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await heading(reference).waitFor();
    expect(await page.getByText(PARENT).isVisible()).toBe(true);
    expect(await page.getByText('15 jaar op de dag van ontvangst', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText(`Behandelaar: ${PEOPLE.handler.fullName}`).isVisible()).toBe(true);
    // "Klaar voor besluit": the parent's identity and authority are still to be established.
    const readiness = page.getByRole('region', { name: 'Klaar voor besluit' });
    await readiness.getByText('Vertegenwoordiger vastgelegd, identiteit en bevoegdheid vastgesteld').waitFor();
    expect(
      await readiness
        .getByText('De identiteit en de bevoegdheid van de vertegenwoordiger zijn nog niet vastgesteld. Leg ze vast onder Identiteit.')
        .isVisible(),
    ).toBe(true);
    await checkScreen(page, 'case-overview');
    await readiness.getByRole('button', { name: 'Naar Identiteit' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Identiteit' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: 'Overzicht' }).click();
  });

  it('extends the term with a reason, which adds the task to send the extension letter', async () => {
    // Back on the overview from Identiteit: let it settle first (in one clean-clone run with three workers the click
    // opened no dialog).
    await expect.poll(() => page.getByRole('tab', { name: 'Overzicht' }).getAttribute('aria-selected')).toBe('true');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Termijn verlengen' }).click();
    const dialog = page.getByRole('dialog', { name: `Termijn van ${reference} verlengen` });
    await dialog.waitFor();
    expect(await dialog.getByText(formatDutchDate(expected.originalDue), { exact: false }).isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reden van de verlenging' }).fill('Druk');
    await dialog.getByRole('button', { name: 'Verlengen' }).click();
    expect(await dialog.getByText('Geef de reden van de verlenging (minstens 10 tekens).').isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reden van de verlenging' }).fill('Het dossier beslaat meerdere afdelingen en archieven.');
    await checkScreen(page, 'case-extend-dialog');
    await dialog.getByRole('button', { name: 'Verlengen' }).click();
    await expect
      .poll(() => page.getByText(`De termijn is verlengd tot ${formatDutchDate(extended.due)}.`, { exact: false }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('Verlengingsbericht versturen (vóór de oorspronkelijke termijn)').isVisible()).toBe(true);
    expect(await page.getByText('Verlengd op grond van art. 12 lid 3 AVG').isVisible()).toBe(true);
    await checkScreen(page, 'case-extended');
  });

  it('changes the status to one the case allows, asking a reason only where the letter needs one', async () => {
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: `Status van ${reference} wijzigen` });
    await dialog.waitFor();
    const status = dialog.getByRole('combobox', { name: 'Nieuwe status' });
    await status.selectOption({ label: 'Niet-ontvankelijk' });
    expect(await dialog.getByRole('textbox', { name: 'Reden' }).isVisible()).toBe(true);
    await status.selectOption({ label: 'Identificatie' });
    expect(await dialog.getByRole('textbox', { name: 'Reden' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.getByText('De status is gewijzigd in "Identificatie".').isVisible(), { timeout: 15_000 }).toBe(true);
  });

  it('shows the handler the timeline with registration, reads and the extension', async () => {
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    const table = page.getByRole('table', { name: 'Tijdlijn van de zaak' });
    await table
      .getByRole('row', { name: /Termijn verlengd/u })
      .first()
      .waitFor();
    expect(await table.getByRole('row', { name: new RegExp(`Zaak geregistreerd.*${PEOPLE.intake.fullName}`, 'u') }).count()).toBe(1);
    // The changes first; the reads one choice away, and only the reads under "Alleen inzage".
    expect(await table.getByRole('row', { name: /ingezien/u }).count()).toBe(0);
    const shown = page.getByRole('radiogroup', { name: 'Tonen' });
    await shown.getByRole('radio', { name: /^Alleen inzage/u }).check();
    await expect.poll(() => table.getByRole('row', { name: new RegExp(`Zaak ingezien.*${PEOPLE.handler.fullName}`, 'u') }).count()).toBeGreaterThan(0);
    expect(await table.getByRole('row', { name: /Termijn verlengd|Zaak geregistreerd/u }).count()).toBe(0);
    await shown.getByRole('radio', { name: /^Alles/u }).check();
    await expect.poll(() => table.getByRole('row', { name: /Termijn verlengd/u }).count()).toBeGreaterThan(0);
    expect(await table.getByRole('row', { name: new RegExp(`Zaak ingezien.*${PEOPLE.handler.fullName}`, 'u') }).count()).toBeGreaterThan(0);
    await checkScreen(page, 'case-timeline');
  });

  it('lets the dpo reassign the case to another handler; the first handler loses access', async () => {
    await signOut(page);
    await signIn(page, PEOPLE.dpo, 'Werkvoorraad');
    const row = queueGrid(page).getByRole('row', { name: new RegExp(reference, 'u') });
    await row.getByRole('button', { name: reference }).click();
    await heading(reference).waitFor();
    await page.getByRole('button', { name: 'Toewijzen' }).click();
    const dialog = page.getByRole('dialog', { name: `${reference} toewijzen` });
    await dialog.getByRole('combobox', { name: 'Behandelaar' }).selectOption({ label: PEOPLE.handler2.fullName });
    await checkScreen(page, 'case-assign-dialog');
    await dialog.getByRole('button', { name: 'Toewijzen' }).click();
    await expect.poll(() => page.getByText(`De zaak is toegewezen aan ${PEOPLE.handler2.fullName}.`).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText(`Behandelaar: ${PEOPLE.handler2.fullName}`).isVisible()).toBe(true);

    // The Tijdlijn shows every read, by whom: the handler's and the dpo's own.
    await page.getByRole('tab', { name: 'Tijdlijn' }).click();
    const table = page.getByRole('table', { name: 'Tijdlijn van de zaak' });
    await table
      .getByRole('row', { name: /Toegewezen/u })
      .first()
      .waitFor();
    await page
      .getByRole('radiogroup', { name: 'Tonen' })
      .getByRole('radio', { name: /^Alles/u })
      .check();
    await expect.poll(() => table.getByRole('row', { name: new RegExp(`Zaak ingezien.*${PEOPLE.dpo.fullName}`, 'u') }).count()).toBeGreaterThan(0);
    expect(await table.getByRole('row', { name: new RegExp(`Zaak ingezien.*${PEOPLE.handler.fullName}`, 'u') }).count()).toBeGreaterThan(0);
    await checkScreen(page, 'case-timeline-dpo');

    const refused = await callApi(server.url, 'case.get', { id: caseId }, await tokenOf(server.url, PEOPLE.handler));
    expect(refused.ok).toBe(false);
  });

  it('lets a handler take an unassigned case from the queue', async () => {
    const intakeToken = await tokenOf(server.url, PEOPLE.intake);
    const unassigned = valueOf(
      await callApi(
        server.url,
        'case.create',
        { type: 'verzet', requester: { name: 'Fatma Yılmaz-de Boer', relation: 'woningzoekende' }, channel: 'email', received: today, writtenAndSigned: false },
        intakeToken,
      ),
    );
    await signOut(page);
    await signIn(page, PEOPLE.handler2, 'Werkvoorraad');
    // The filters stay in this browser: Soort = Inzage from before hides the objection until cleared.
    await expect.poll(() => page.getByRole('button', { name: 'Soort: Inzage' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    const row = queueGrid(page).getByRole('row', { name: new RegExp(unassigned.reference, 'u') });
    await row.waitFor();
    expect(await row.getByText('Fatma Yılmaz-de Boer').count()).toBe(0);
    await checkScreen(page, 'queue-unassigned');
    await row.getByRole('button', { name: `Zaak ${unassigned.reference} aan mij toewijzen` }).click();
    await expect.poll(() => page.getByText(`Zaak ${unassigned.reference} is aan u toegewezen.`).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => row.getByText('Fatma Yılmaz-de Boer').isVisible()).toBe(true);
  });

  it('opens a queue of 300 cases quickly, rendering only the rows in view', async () => {
    const intakeToken = await tokenOf(server.url, PEOPLE.intake);
    const types = ['inzage', 'correctie', 'verzet', 'dataportabiliteit', 'klacht'] as const;
    for (let batch = 0; batch < 30; batch += 1) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const n = batch * 10 + i;
          const type = types[n % types.length] ?? 'inzage';
          // Some well within the term, some due this week, some overdue.
          const received = addDays(today, -([0, 26, 35, 10][n % 4] ?? 0));
          const result = await callApi(
            server.url,
            'case.create',
            {
              type,
              correctionKinds: type === 'correctie' ? ['verbetering'] : [],
              requester: { name: `Bewoner ${String(n).padStart(3, '0')} van Ærøskøbing`, relation: 'huurder', customerNumber: `K-${300000 + n}` },
              channel: 'brief',
              received,
              writtenAndSigned: true,
              ...(n % 5 === 0 ? {} : { handlerId: n % 2 === 0 ? staff.handler.id : staff.handler2.id }),
            },
            intakeToken,
          );
          valueOf(result);
        }),
      );
    }
    await signOut(page);
    await signIn(page, PEOPLE.dpo, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Mijn account' }).click();
    await heading('Mijn account').waitFor();

    const started = Date.now();
    await nav(page).getByRole('button', { name: 'Werkvoorraad' }).click();
    const grid = queueGrid(page);
    await grid.getByRole('row').nth(1).waitFor();
    const elapsed = Date.now() - started;
    console.log(`Werkvoorraad met ${302} zaken: eerste rijen na ${elapsed} ms`);
    expect(elapsed).toBeLessThan(5000);

    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('303');
    const rendered = await grid.getByRole('row').count();
    expect(rendered).toBeLessThan(60);
    expect(await page.getByText('302 zaken').isVisible()).toBe(true);
    await checkScreen(page, 'queue-300');

    // Keyboard: End reaches the last case, Home the first; sorting is the server's, per column.
    await grid.focus();
    await page.keyboard.press('End');
    await expect.poll(() => grid.locator('[aria-rowindex="303"]').isVisible()).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => grid.locator('[aria-rowindex="2"]').isVisible()).toBe(true);
    const header = grid.getByRole('columnheader', { name: 'Kenmerk' });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => grid.locator('[aria-rowindex="2"]').textContent()).toContain(`AVG-${today.slice(0, 4)}-0302`);
  });

  it('had no console errors or Content Security Policy violations', () => {
    expect(tab.problems).toEqual([]);
  });
});
