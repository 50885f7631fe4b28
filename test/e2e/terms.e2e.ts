import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, valueOf } from './support/api.js';
import { checkScreen } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { openDesk } from './support/desk.js';
import { nav, queueGrid, seedStaff, signIn, signOut, tokenOf, type Person, type StaffMember } from './support/ui.js';

/**
 * Beheer → Termijnen through the real UI in browser mode: the privacy officer sees and edits the
 * deadline and retention terms; a term beyond the policy is refused in Dutch and nothing changes;
 * functioneel beheer has no such tab.
 */
const ADMIN: Person = { fullName: 'Berend Beheer-Smit', userName: 'berend', password: 'Tulpen-Bollen-Streek-77' };
const DPO = { fullName: 'Fenna de Graaf-Öztürk', userName: 'fenna', password: 'Wadden-Slik-Kwelder-Geul-27', roles: ['dpo' as const] };
const HANDLER = { fullName: 'Priya Ramdin-Kalloe', userName: 'priya', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] };
let handler: StaffMember;

let server: RunningServer;
let page: Page;
let close = () => Promise.resolve();

describe('Beheer → Termijnen', () => {
  beforeAll(async () => {
    const desk = await openDesk((url) => seedStaff(url, ADMIN, { dpo: DPO, handler: HANDLER }));
    ({ server, page, close } = desk);
    ({ handler } = desk.seeded);
  });

  afterAll(() => close());

  it('the privacy officer sets the deadline and retention terms within the policy', async () => {
    await signIn(page, DPO, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await page.getByRole('heading', { name: 'Beheer', level: 1 }).waitFor();
    // Only the privacy officer's parts of Beheer.
    expect(await page.getByRole('tab', { name: 'Medewerkers' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Termijnen' }).click();
    const inzage = page.getByRole('spinbutton', { name: 'Termijn voor Inzage' });
    await expect.poll(() => inzage.inputValue()).toBe('4');
    expect(await page.getByRole('combobox', { name: 'Eenheid voor Inzage' }).inputValue()).toBe('weeks');
    expect(await page.getByText('Hoogstens vier weken (§13 van het privacyreglement).').isVisible()).toBe(true);
    await checkScreen(page, 'settings-terms');

    await inzage.fill('6');
    await page.getByRole('button', { name: 'Termijnen opslaan' }).click();
    await expect
      .poll(() => page.getByText('De termijn voor inzage is hoogstens vier weken (§13 van het privacyreglement); u koos zes weken.').isVisible())
      .toBe(true);
    await inzage.fill('3');
    await page.getByRole('button', { name: 'Termijnen opslaan' }).click();
    await expect.poll(() => page.getByText('De behandeltermijnen zijn opgeslagen.').isVisible()).toBe(true);

    const registerYears = page.getByRole('spinbutton', { name: /Bewaartermijn zaakregistratie/u });
    await expect.poll(() => registerYears.inputValue()).toBe('2');
    await registerYears.fill('10');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByText(/De zaakregistratie wordt hoogstens 2 jaar na het afsluiten van de zaak bewaard \(§4 van het privacyreglement\); u koos 10 jaar\./u)
          .isVisible(),
      )
      .toBe(true);
    await checkScreen(page, 'settings-terms-refused');
    await registerYears.fill('1');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => page.getByText('De bewaartermijnen zijn opgeslagen.').isVisible()).toBe(true);

    // What was saved is what the screen shows after a fresh load.
    await page.reload();
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await page.getByRole('tab', { name: 'Termijnen' }).click();
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Termijn voor Inzage' }).inputValue()).toBe('3');
    await expect.poll(() => page.getByRole('spinbutton', { name: /Bewaartermijn zaakregistratie/u }).inputValue()).toBe('1');
    await signOut(page);
  });

  it('functioneel beheer keeps the technical settings and has no Termijnen', async () => {
    await signIn(page, ADMIN, `Welkom, ${ADMIN.fullName}`);
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await page.getByRole('tab', { name: 'Briefpapier' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Termijnen' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Sjablonen' }).count()).toBe(0);
    await signOut(page);
  });

  it('the handler records where they looked and reads in an export from a source system (Dossier tab)', async () => {
    const dpo = await tokenOf(server.url, DPO);
    const created = valueOf(
      await callApi(
        server.url,
        'case.create',
        {
          type: 'inzage',
          channel: 'brief',
          received: '2026-11-20',
          writtenAndSigned: true,
          handlerId: handler.id,
          requester: { name: 'Wubbo Zandstra-Oukes', relation: 'huurder', address: 'Kanaalstraat 12-3, 3531 CK Utrecht' },
        },
        dpo,
      ),
    );
    await signIn(page, HANDLER, 'Werkvoorraad');
    await queueGrid(page).getByRole('button', { name: created.reference }).click();
    await page.getByRole('heading', { name: created.reference, level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Dossier' }).click();
    const checklist = page.getByRole('table', { name: 'Gezocht in' });
    await checklist.getByRole('row', { name: /Huuradministratie.*Nog niet gezocht/u }).waitFor();
    await page.getByRole('button', { name: 'Gegevens gevonden in Huuradministratie' }).click();
    await expect.poll(() => checklist.getByRole('row', { name: /Huuradministratie.*Gegevens gevonden.*Priya Ramdin-Kalloe/u }).count()).toBe(1);

    await page.getByRole('combobox', { name: 'Uit systeem' }).selectOption({ label: 'Huuradministratie' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Export inlezen…' }).click()]);
    await chooser.setFiles({ name: 'betalingen.csv', mimeType: 'text/csv', buffer: Buffer.from('datum;bedrag\r\n2026-09-01;742\r\n2026-10-01;742\r\n') });
    await expect.poll(() => page.getByText('betalingen.csv is ingelezen (2 rijen).').isVisible(), { timeout: 15_000 }).toBe(true);
    await page
      .getByRole('table', { name: 'Gegevens uit systemen' })
      .getByRole('row', { name: /betalingen\.csv.*Huuradministratie.*2 rijen, 2 kolommen/u })
      .waitFor();
    await checkScreen(page, 'dossier-sources');
    await signOut(page);
  });
});
