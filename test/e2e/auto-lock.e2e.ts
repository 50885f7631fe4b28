import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, type TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import type { RunningServer } from './support/server.js';
import { nav, seedStaff, signIn, type Person, type StaffMember } from './support/ui.js';

/**
 * Auto-lock through the real UI in browser mode: the admin sets the minutes, the status bar's
 * button locks at once, the lock dialog is all that shows, the old token is refused, unlocking
 * needs the password and returns to the same screen with what was typed; and after the set minutes
 * without input the idle timer locks (Playwright's fake clock jumps ahead, production code keeps
 * its real minutes).
 */
const ADMIN: Person = { fullName: 'Berend Beheer-Smit', userName: 'berend', password: 'Tulpen-Bollen-Streek-77' };
const HANDLER = { fullName: 'Priya Ramdin-Kalloe', userName: 'priya', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] };
const TYPED_NAME = 'Wubbo Zandstra-Oukes';

let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
let handler: StaffMember;

const lockHeading = () => page.getByRole('heading', { name: 'AVG Desk is vergrendeld', level: 1 });
const token = () =>
  page.evaluate(() => {
    const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
    return (JSON.parse(storage.getItem('avgDesk.session') ?? '{}') as { token?: string }).token ?? null;
  });

async function unlock(password: string) {
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
}

describe('auto-lock', () => {
  beforeAll(async () => {
    const desk = await openDesk((url) => seedStaff(url, ADMIN, { handler: HANDLER }), { blank: true });
    ({ server, tab, page, close } = desk);
    handler = desk.seeded.handler;
    // Time still flows; fastForward jumps the page's clock (Date and timers) ahead.
    await page.clock.install();
  });

  afterAll(() => close());

  it('the admin sets the auto-lock minutes under Beheer → Deze computer', async () => {
    await page.goto(server.url);
    await signIn(page, ADMIN, `Welkom, ${ADMIN.fullName}`);
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await page.getByRole('tab', { name: 'Deze computer' }).click();
    const minutes = page.getByRole('spinbutton', { name: /Automatisch vergrendelen na/u });
    await expect.poll(() => minutes.inputValue()).toBe('10');
    await minutes.fill('0');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect.poll(() => page.getByText('Kies minstens 1 minuut.').isVisible()).toBe(true);
    await minutes.fill('5');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect.poll(() => page.getByText('AVG Desk vergrendelt nu na 5 minuten zonder invoer.').isVisible()).toBe(true);
    // §9: which intake channels need a check through a second channel; Mijn Alliantie by default.
    const mijnAlliantie = page.getByRole('checkbox', { name: 'Mijn Alliantie' });
    await expect.poll(() => mijnAlliantie.isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'E-mail' }).check();
    await page.getByRole('button', { name: 'Opslaan' }).nth(2).click();
    await expect.poll(() => page.getByText('Opgeslagen. Controle via een tweede kanaal voor: E-mail, Mijn Alliantie.').isVisible()).toBe(true);
    await checkScreen(page, 'admin-desktop-settings');
    await page.getByRole('contentinfo').getByRole('button', { name: 'Afmelden' }).click();
  });

  it('the lock button shows only the lock dialog and refuses the old token; unlocking returns to the same screen with what was typed', async () => {
    await signIn(page, handler, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).click();
    const name = page.getByRole('textbox', { name: 'Naam', exact: true }).first();
    await name.fill(TYPED_NAME);
    const before = await token();
    expect(before).not.toBeNull();

    await page.getByRole('contentinfo').getByRole('button', { name: 'Vergrendelen' }).click();
    await expect.poll(() => lockHeading().isVisible()).toBe(true);
    expect(await page.getByText(/Priya Ramdin-Kalloe \(priya\) heeft AVG Desk vergrendeld/u).isVisible()).toBe(true);
    // Nothing of the work is visible, and the session is gone from the backend.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await name.isVisible()).toBe(false);
    expect(await token()).toBeNull();
    expect(await callApi(server.url, 'session.me', {}, before)).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED', message: 'AVG Desk is vergrendeld. Voer uw wachtwoord opnieuw in om verder te werken.' },
    });
    await checkScreen(page, 'lock');

    await unlock('Niet-Het-Goede-Wachtwoord-1');
    await expect.poll(() => page.getByText('Gebruikersnaam of wachtwoord is onjuist.').isVisible()).toBe(true);
    expect(await lockHeading().isVisible()).toBe(true);

    await unlock(HANDLER.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Nieuw verzoek', level: 1 }).isVisible()).toBe(true);
    expect(await lockHeading().isVisible()).toBe(false);
    expect(await name.inputValue()).toBe(TYPED_NAME);
    const after = await token();
    expect(after).not.toBe(before);
    valueOf(await callApi(server.url, 'session.me', {}, after));
  });

  it('locks by itself after the set minutes without input, not before', async () => {
    const before = await token();
    await page.clock.fastForward('04:00');
    await page.clock.runFor(16_000); // one more check of the idle timer
    expect(await lockHeading().isVisible()).toBe(false);
    await page.clock.fastForward('01:10');
    await page.clock.runFor(16_000);
    await expect.poll(() => lockHeading().isVisible()).toBe(true);
    expect(await callApi(server.url, 'session.me', {}, before)).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });

    await unlock(HANDLER.password);
    await expect.poll(() => page.getByRole('heading', { name: 'Nieuw verzoek', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Naam', exact: true }).first().inputValue()).toBe(TYPED_NAME);
    expect(tab.problems).toEqual([]);
  });
});
