import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLetters } from '../unit/redaction.fixtures.js';
import { type TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import { nav, queueGrid, seedStaff, signIn, signOut, submitRequest } from './support/ui.js';

/**
 * Bad input through the real UI: markup, SQL, emoji and combining accents typed at intake are
 * shown as text (never run as markup), a 10,000-character name gets a Dutch refusal, and a
 * corrupt PDF in the dossier gets a Dutch error while the rest of the screen keeps working.
 */
const ADMIN = { fullName: 'Beheer Ağaoğlu', userName: 'beheer', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Ilse Intake', userName: 'ilse', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Hanna Behandelaar', userName: 'hanna', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
};
/** Markup that would change the page title if it ever ran, SQL, emoji and combining accents. */
const NAME = `<img src=x onerror="document.title='gehackt'">Zoe\u0308 👩‍👩‍👧‍👦 Robert'); DROP TABLE cases;--`;
const ADDRESS = '<b>Dorpsstraat</b> 1 🏠, 1234 AB Hilversum & "omstreken"';
const REQUEST = "<script>document.title='gehackt'</script><i>Graag</i> inzage in mijn gegevens. ' OR '1'='1";

let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
let reference = '';

const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

async function fillIntake(name: string) {
  await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).click();
  await heading('Nieuw verzoek').waitFor();
  await page.getByRole('radiogroup', { name: 'Ontvangen via' }).getByRole('radio', { name: 'Brief' }).check();
  await page.getByRole('checkbox', { name: 'Het verzoek is schriftelijk gedaan en ondertekend' }).check();
  await page.getByRole('textbox', { name: 'Omschrijving van het verzoek' }).fill(REQUEST);
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Adres', exact: true }).fill(ADDRESS);
  await page.getByRole('combobox', { name: 'Behandelaar' }).selectOption({ label: PEOPLE.handler.fullName });
}

describe('bad input in the UI', () => {
  beforeAll(async () => {
    const desk = await openDesk((url) => seedStaff(url, ADMIN, PEOPLE));
    ({ tab, page, close } = desk);
  });

  afterAll(() => close());

  it('refuses a name of 10,000 characters in Dutch and keeps the form', async () => {
    await signIn(page, PEOPLE.intake, 'Werkvoorraad');
    await fillIntake('Ł'.repeat(10_000));
    await page.getByRole('button', { name: 'Verzoek registreren' }).click();
    await expect
      .poll(
        () =>
          page
            .getByText(/200 tekens/u)
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(await page.getByText('Verzoek geregistreerd').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Omschrijving van het verzoek' }).inputValue()).toBe(REQUEST);
  });

  it('registers markup, SQL, emoji and combining accents as plain text', async () => {
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(NAME);
    ({ reference } = await submitRequest(page));
    expect(reference).toMatch(/^AVG-\d{4}-0001$/u);
    await signOut(page);
  });

  it('shows the handler the name, address and request exactly as typed, escaped, with nothing run', async () => {
    await signIn(page, PEOPLE.handler, 'Werkvoorraad');
    const row = queueGrid(page).getByRole('row', { name: new RegExp(reference, 'u') });
    await row.waitFor();
    expect(await row.getByText(NAME, { exact: true }).isVisible()).toBe(true);
    await queueGrid(page).getByRole('button', { name: reference }).click();
    await heading(reference).waitFor();
    await expect.poll(() => page.getByText(NAME, { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText(ADDRESS, { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText(REQUEST, { exact: true }).first().isVisible()).toBe(true);
    // The markup is text: no element was made from it, no handler ran, no CSP violation was reported.
    expect(await page.locator('img[src="x"], main script, b:has-text("Dorpsstraat"), i:has-text("Graag")').count()).toBe(0);
    expect(await page.title()).not.toBe('gehackt');
    expect(tab.problems).toEqual([]);
  });

  it('gives a Dutch error for a corrupt PDF in the dossier and keeps working', async () => {
    await page.getByRole('tab', { name: 'Dossier' }).click();
    const form = page.getByRole('region', { name: 'Documenten inlezen' });
    const pdf = await buildLetters(1, 1);
    await form.locator('input[type="file"]').setInputFiles([
      { name: 'beschadigd.pdf', mimeType: 'application/pdf', buffer: pdf.subarray(0, Math.floor(pdf.length / 2)) },
      { name: 'heel.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    await form.getByRole('combobox', { name: 'Bron' }).selectOption({ label: 'Klantcontact' });
    await form.getByRole('button', { name: 'Inlezen' }).click();
    await form.getByText('2 van 2 bestanden verwerkt').waitFor({ timeout: 30_000 });
    const results = form.getByRole('list', { name: 'Voortgang per bestand' });
    expect(
      await results.getByText('"beschadigd.pdf" kan niet worden gelezen: het is geen geldige PDF of het bestand is beschadigd.', { exact: false }).isVisible(),
    ).toBe(true);
    expect(await results.getByText('Ingelezen: 1 document.').count()).toBe(1);
    expect(tab.problems).toEqual([]);
  });
});
