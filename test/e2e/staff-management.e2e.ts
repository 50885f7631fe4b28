import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, type TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import type { RunningServer } from './support/server.js';
import { nav, signIn, signOut, type Person } from './support/ui.js';

/**
 * Beheer's account actions (functions, deactivate/activate, password reset), Mijn account, audit
 * paging and a session the backend no longer knows. The accounts are made through the API first.
 */
const ADMIN = { fullName: 'Aisha Ben-Haddou', userName: 'aisha', password: 'Zeilboot-Haven-Pier-58' };
const HANDLER = { fullName: 'Wiebe Þórsson van der Meer', userName: 'wiebe', password: 'Knotwilg-Sloot-Weide-314' };
const AUDITOR = { fullName: 'Mei-Ling Søndergaard', userName: 'meiling', password: 'Lantaarn-Steeg-Plein-92' };

let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();

const staffTable = () => page.getByRole('table', { name: 'Medewerkers' });
const handlerRow = () => staffTable().getByRole('row', { name: new RegExp(HANDLER.fullName, 'u') });

/** Signs in through the form: everyone here lands on their welcome page. */
const signInAs = (user: Person) => signIn(page, user, `Welkom, ${user.fullName}`);

async function chooseAction(fullName: string, action: string) {
  await page.getByRole('button', { name: `Acties voor ${fullName}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function expectSuccess(text: string) {
  await expect.poll(() => page.getByText(text).isVisible(), { timeout: 15_000 }).toBe(true);
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** The admin, the handler and the auditor, and enough audited reads for more than one page of the audit screen (50 a page). */
async function seed(url: string): Promise<void> {
  const admin = valueOf(await callApi(url, 'setup.createAdmin', ADMIN));
  valueOf(await callApi(url, 'staff.add', { ...HANDLER, roles: ['handler'] }, admin.token));
  valueOf(await callApi(url, 'staff.add', { ...AUDITOR, roles: ['auditor'] }, admin.token));
  for (let i = 0; i < 60; i += 1) valueOf(await callApi(url, 'staff.list', {}, admin.token));
  valueOf(await callApi(url, 'session.logout', {}, admin.token));
}

describe('staff management, own account, audit paging and ended sessions', () => {
  beforeAll(async () => {
    ({ server, tab, page, close } = await openDesk(seed));
    await signInAs(ADMIN);
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await handlerRow().waitFor();
  });

  afterAll(() => close());

  it('changes a staff member’s functions', async () => {
    await page.getByRole('button', { name: `Acties voor ${HANDLER.fullName}` }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Functies wijzigen' }).isVisible()).toBe(true);
    await checkScreen(page, 'staff-actions-menu');
    await page.getByRole('menuitem', { name: 'Functies wijzigen' }).click();

    const dialog = page.getByRole('dialog', { name: `Functies van ${HANDLER.fullName}` });
    expect(await dialog.getByRole('checkbox', { name: 'Behandelaar' }).isChecked()).toBe(true);
    // None at all is refused before anything is sent.
    await dialog.getByRole('checkbox', { name: 'Behandelaar' }).uncheck();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    expect(await dialog.getByText('Kies minstens één functie.').isVisible()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Behandelaar' }).check();
    await dialog.getByRole('checkbox', { name: 'Tekenbevoegde' }).check();
    await checkScreen(page, 'staff-roles-dialog');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();

    await expectSuccess(`De functies van ${HANDLER.fullName} zijn gewijzigd.`);
    await expect.poll(() => handlerRow().getByRole('cell', { name: 'Behandelaar, Tekenbevoegde', exact: true }).isVisible()).toBe(true);
  });

  it('deactivates an account after confirmation, and activates it with a new password', async () => {
    await chooseAction(HANDLER.fullName, 'Deactiveren');
    const confirm = page.getByRole('dialog', { name: `${HANDLER.fullName} deactiveren?` });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await checkScreen(page, 'staff-deactivate-dialog');
    await confirm.getByRole('button', { name: 'Deactiveren' }).click();
    await expectSuccess(`${HANDLER.fullName} is gedeactiveerd.`);
    await expect.poll(() => handlerRow().getByText('Inactief', { exact: true }).isVisible()).toBe(true);
    const refused = await callApi(server.url, 'session.login', { userName: HANDLER.userName, password: HANDLER.password });
    expect(refused.ok).toBe(false);
    await checkScreen(page, 'staff-inactive');

    await chooseAction(HANDLER.fullName, 'Activeren');
    const activate = page.getByRole('dialog', { name: `${HANDLER.fullName} activeren` });
    await activate.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true }).fill('Knotwilg-Sloot-Akker-271');
    await activate.getByRole('button', { name: 'Activeren' }).click();
    await expectSuccess(`${HANDLER.fullName} is weer actief.`);
    await expect.poll(() => handlerRow().getByText('Actief', { exact: true }).isVisible()).toBe(true);
    const session = valueOf(await callApi(server.url, 'session.login', { userName: HANDLER.userName, password: 'Knotwilg-Sloot-Akker-271' }));
    valueOf(await callApi(server.url, 'session.logout', {}, session.token));
  });

  it('resets a password, showing the rules until the new one meets them', async () => {
    await chooseAction(HANDLER.fullName, 'Wachtwoord opnieuw instellen');
    const dialog = page.getByRole('dialog', { name: `Wachtwoord van ${HANDLER.fullName} opnieuw instellen` });
    const password = dialog.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true });
    await password.fill(`${HANDLER.userName}-geheim`);
    expect(await dialog.getByText('Het wachtwoord bevat een veelgebruikt woord.').isVisible()).toBe(true);
    expect(await dialog.getByText('Het wachtwoord mag de gebruikersnaam niet bevatten.').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    expect(await dialog.getByText('Het wachtwoord voldoet nog niet aan alle eisen.').isVisible()).toBe(true);
    await checkScreen(page, 'staff-reset-dialog');

    await password.fill('Beukenhaag-Laan-Hof-66');
    await password.press('Enter');
    await expectSuccess(`Het wachtwoord van ${HANDLER.fullName} is opnieuw ingesteld.`);
    valueOf(await callApi(server.url, 'session.login', { userName: HANDLER.userName, password: 'Beukenhaag-Laan-Hof-66' }));
  });

  it('keeps the last admin: deactivating yourself is refused with the backend’s reason', async () => {
    await chooseAction(ADMIN.fullName, 'Deactiveren');
    const confirm = page.getByRole('dialog', { name: `${ADMIN.fullName} deactiveren?` });
    await confirm.getByRole('button', { name: 'Deactiveren' }).click();
    await expect.poll(() => confirm.getByText('Er moet minstens één actieve beheerder overblijven.').isVisible(), { timeout: 15_000 }).toBe(true);
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('changes the own password under Mijn account', async () => {
    await nav(page).getByRole('button', { name: 'Mijn account' }).click();
    const current = page.getByRole('textbox', { name: 'Huidig wachtwoord', exact: true });
    const next = page.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true });
    const repeat = page.getByRole('textbox', { name: 'Herhaal nieuw wachtwoord', exact: true });
    const newPassword = 'Vuurtoren-Duin-Strand-19';

    await current.fill('Niet-Het-Goede-Wachtwoord-1');
    await next.fill(newPassword);
    await repeat.fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => page.getByText('Het huidige wachtwoord is onjuist.').isVisible(), { timeout: 15_000 }).toBe(true);
    await checkScreen(page, 'account-wrong-password');

    await current.fill(ADMIN.password);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => page.getByText('Uw wachtwoord is gewijzigd.').isVisible(), { timeout: 15_000 }).toBe(true);

    await signOut(page);
    await signInAs({ ...ADMIN, password: newPassword });
  });

  it('pages the audit trail with Meer laden', async () => {
    await signOut(page);
    await signInAs(AUDITOR);
    await nav(page).getByRole('button', { name: 'Audit' }).click();
    const table = page.getByRole('table', { name: 'Auditgebeurtenissen' });
    await expect.poll(() => table.getByRole('row').count()).toBe(51);
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(51);
    const seqs = await table.locator('tbody tr td:first-child').allTextContents();
    const numbers = seqs.map(Number);
    // Newest first, no gaps or repeats across the page boundary.
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.at(-1)).toBe(1);
    expect(numbers[0]).toBe(numbers.length);
    await checkScreen(page, 'audit-paged');
  });

  it('returns to sign-in with the backend’s message when the session is unknown', async () => {
    await page.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: { setItem(key: string, value: string): void } }).sessionStorage;
      storage.setItem('avgDesk.session', JSON.stringify({ token: 'onbekend-token', idleTimeoutSeconds: 600 }));
    });
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Aanmelden', level: 1 }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText('U bent niet aangemeld. Meld u opnieuw aan.').isVisible()).toBe(true);
    await checkScreen(page, 'login-session-ended');
  });

  it('had no console errors or Content Security Policy violations', () => {
    expect(tab.problems).toEqual([]);
  });
});
