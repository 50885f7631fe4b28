import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPkcs12 } from '../support/pkcs12.js';
import { callApi, valueOf } from './support/api.js';
import { launchBrowser, openPage, type TestPage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { MY_WORK, nav, seedStaff, signIn, signOut, tokenOf } from './support/ui.js';

/**
 * One inzage request along the main path, as the people at their desks do it: intake registers it,
 * the handler establishes identity, reads in the dossier, drafts the decision and submits it, a
 * signer signs it, the handler marks it sent. Every user action is counted:
 *  - a click (a button, a tab, a link, a checkbox, a radio), a drag-and-drop, a key press (Enter,
 *    a shortcut): 1;
 *  - a field typed into: 1 (the click into it; the characters typed are the same on every path);
 *  - a drop-down list: 2 (open it, pick);
 *  - a file chosen in the system's Open dialog: 2 (the button, then "Openen" in the dialog).
 * Signing in and out is not counted: each person does it once a day, not per request.
 *
 * BEFORE is the same walk on the code before this change (commit c244606), measured with this
 * file's counting: the fewest actions that path allowed (the decision letter could only be
 * submitted after Overzicht → Status wijzigen).
 */
const BEFORE = 41;

const ADMIN = { fullName: 'Margriet van Dijk-Ağaoğlu', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers-Ñúñez', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
  signer: { fullName: 'Joris Ødegaard-Bakker', userName: 'joris', password: 'Dijkgraaf-Polder-Gemaal-88', roles: ['signer' as const] },
};
const REQUESTER = { name: 'Łukasz Nguyễn-Özdemir', birthDate: '1985-04-12', address: 'Weißstraße 12\n1234 AB Hilversum' };
const P12_PASSWORD = 'Zegel-Test-2026!';

let server: RunningServer;
let browser: Browser;
let tab: TestPage;
let page: Page;
let reference = '';
let pdf: Buffer;

const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

/** What the user does, counted as described above; `steps` says where the actions went. */
class Actions {
  total = 0;
  readonly steps: { step: string; count: number }[] = [];
  private step = '';

  begin(step: string) {
    this.step = step;
    this.steps.push({ step, count: 0 });
  }

  private add(n: number) {
    this.total += n;
    const current = this.steps.at(-1);
    if (current && current.step === this.step) current.count += n;
  }

  async click(target: Locator) {
    await target.click();
    this.add(1);
  }

  async check(target: Locator) {
    await target.check();
    this.add(1);
  }

  async type(target: Locator, text: string) {
    await target.fill(text);
    this.add(1);
  }

  async choose(target: Locator, label: string) {
    await target.selectOption({ label });
    this.add(2);
  }

  async press(keys: string) {
    await page.keyboard.press(keys);
    this.add(1);
  }

  /** The button that opens the system's Open dialog, and "Openen" in it. */
  async openFile(button: Locator, file: { name: string; mimeType: string; buffer: Buffer }) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
    await chooser.setFiles(file);
    this.add(2);
  }

  report(): string {
    return this.steps.map((s) => `${s.step}: ${s.count}`).join(', ');
  }
}

async function smallPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Huurovereenkomst, Weissstraat 12, Hilversum. Ingangsdatum 1 mei 2019.', { x: 60, y: 760, size: 11, font });
  return Buffer.from(await doc.save());
}

beforeAll(async () => {
  server = await startServer();
  await seedStaff(server.url, ADMIN, PEOPLE);
  const [admin, signer] = [await tokenOf(server.url, ADMIN), await tokenOf(server.url, PEOPLE.signer)];
  valueOf(await callApi(server.url, 'settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, admin));
  valueOf(await callApi(server.url, 'signer.setProfile', { functionTitle: 'Teamleider Privacy' }, signer));
  pdf = await smallPdf();
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

describe('the main path of one inzage request, in half the actions', () => {
  it('walks intake → identity → dossier → letter → submit → sign → send and counts every action', async () => {
    const act = new Actions();

    act.begin('registreren');
    await signIn(page, PEOPLE.intake, MY_WORK);
    await act.click(nav(page).getByRole('button', { name: 'Nieuw verzoek' }));
    await heading('Nieuw verzoek').waitFor();
    await act.choose(page.getByRole('combobox', { name: 'Ontvangen via' }), 'Brief');
    await act.check(page.getByRole('checkbox', { name: 'Het verzoek is schriftelijk gedaan en ondertekend' }));
    await act.type(page.getByRole('textbox', { name: 'Omschrijving van het verzoek' }), 'Ik wil weten welke gegevens de corporatie over mij verwerkt.');
    await act.type(page.getByRole('textbox', { name: 'Naam', exact: true }), REQUESTER.name);
    await act.type(page.getByLabel('Geboortedatum'), REQUESTER.birthDate);
    await act.type(page.getByRole('textbox', { name: 'Adres', exact: true }), REQUESTER.address);
    await act.choose(page.getByRole('combobox', { name: 'Behandelaar' }), PEOPLE.handler.fullName);
    await act.click(page.getByRole('button', { name: 'Verzoek registreren' }));
    await page.getByText('Verzoek geregistreerd').waitFor({ timeout: 15_000 });
    reference = /AVG-\d{4}-\d{4}/u.exec((await page.getByText(/^Kenmerk AVG-\d{4}-\d{4}\./u).textContent()) ?? '')?.[0] ?? '';
    await signOut(page);

    act.begin('identiteit');
    await signIn(page, PEOPLE.handler, MY_WORK);
    await act.click(page.getByRole('table', { name: 'Mijn zaken' }).getByRole('button', { name: reference }));
    await heading(reference).waitFor();
    await act.click(page.getByRole('region', { name: 'Volgende stap' }).getByRole('button', { name: 'Ga naar Identiteit' }));
    const person = page.getByRole('region', { name: `Verzoeker: ${REQUESTER.name}` });
    await act.check(person.getByRole('radio', { name: 'Ingelogd via Mijn Alliantie' }));
    await act.click(person.getByRole('button', { name: 'Vastleggen' }));
    await person.getByText('De uitkomst is vastgelegd.', { exact: false }).waitFor({ timeout: 15_000 });

    act.begin('dossier');
    await act.click(page.getByRole('tab', { name: 'Dossier' }));
    await act.openFile(page.getByRole('button', { name: 'Bestanden kiezen…' }), { name: 'huurovereenkomst.pdf', mimeType: 'application/pdf', buffer: pdf });
    await act.choose(page.getByRole('combobox', { name: 'Bron' }), 'Huuradministratie');
    await act.click(page.getByRole('button', { name: 'Inlezen', exact: true }));
    await expect.poll(() => page.getByRole('list', { name: 'Voortgang per bestand' }).innerText(), { timeout: 15_000 }).toMatch(/Ingelezen/u);

    act.begin('status');
    await act.click(page.getByRole('tab', { name: 'Overzicht' }));
    await act.click(page.getByRole('button', { name: 'Status wijzigen' }));
    const dialog = page.getByRole('dialog');
    await act.choose(dialog.getByRole('combobox', { name: 'Nieuwe status' }), 'Besluit in concept');
    await act.click(dialog.getByRole('button', { name: 'Status wijzigen' }));
    await dialog.waitFor({ state: 'hidden' });

    act.begin('brief');
    await act.click(page.getByRole('tab', { name: 'Brieven' }));
    await act.click(page.getByRole('button', { name: 'Nieuwe brief' }));
    const form = page.getByRole('region', { name: 'Nieuwe brief' });
    await act.check(form.getByRole('checkbox', { name: /^Huuradministratie/u }));
    await act.click(form.getByRole('button', { name: 'Concept maken' }));
    const detail = page.getByRole('region', { name: 'Brief: Besluit inzage (art. 15 AVG)' });
    await act.click(detail.getByRole('button', { name: 'Indienen ter ondertekening' }));
    await page.getByText('De brief is ter ondertekening aangeboden.').waitFor({ timeout: 15_000 });
    await signOut(page);

    act.begin('ondertekenen');
    await signIn(page, PEOPLE.signer, MY_WORK);
    await act.click(page.getByRole('region', { name: 'Brieven ter ondertekening' }).getByRole('button', { name: 'Naar Ondertekenen' }));
    await heading('Ondertekenen').waitFor();
    const queue = page.getByRole('table', { name: 'Brieven ter ondertekening' });
    await act.click(queue.getByRole('row', { name: new RegExp(reference, 'u') }).getByRole('button', { name: 'Besluit inzage (art. 15 AVG)' }));
    const review = page.getByRole('region', { name: `Besluit inzage (art. 15 AVG) · ${reference}` });
    await review.getByRole('img', { name: /^Pagina 1 van/u }).waitFor({ timeout: 15_000 });
    await act.click(review.getByRole('button', { name: 'Ondertekenen' }));
    const sign = page.getByRole('dialog', { name: 'Brief ondertekenen' });
    await act.type(sign.getByLabel('Uw wachtwoord'), PEOPLE.signer.password);
    await act.click(sign.getByRole('button', { name: 'Ondertekenen' }));
    await sign.waitFor({ state: 'hidden', timeout: 20_000 });
    await signOut(page);

    act.begin('verzenden');
    await signIn(page, PEOPLE.handler, MY_WORK);
    await act.click(page.getByRole('table', { name: 'Mijn zaken' }).getByRole('button', { name: reference }));
    await heading(reference).waitFor();
    await act.click(page.getByRole('region', { name: 'Volgende stap' }).getByRole('button', { name: 'Ga naar Brieven' }));
    await act.click(page.getByRole('table', { name: 'Brieven van deze zaak' }).getByRole('button', { name: 'Besluit inzage (art. 15 AVG)' }));
    const signed = page.getByRole('region', { name: 'Brief: Besluit inzage (art. 15 AVG)' });
    await act.click(signed.getByRole('button', { name: 'Verzonden markeren' }));
    await act.click(page.getByRole('dialog', { name: 'Verzonden markeren' }).getByRole('button', { name: 'Verzonden markeren' }));
    await page.getByText('De brief is als verzonden gemarkeerd.').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByRole('list', { name: 'Gegevens van de zaak' }).getByText('Verzonden', { exact: true }).isVisible()).toBe(true);

    console.log(`Hoofdpad van één inzageverzoek: vóór ${BEFORE} handelingen, na ${act.total} (${act.report()})`);
    expect(act.total).toBeGreaterThan(0);
  });

  it('had no console errors', () => {
    expect(tab.problems).toEqual([]);
  });
});
