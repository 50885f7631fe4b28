import { unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchToday } from '../../shared/cases/cases.js';
import { pdfsig, pdfText, requirePoppler } from '../support/letters.js';
import { testPkcs12 } from '../support/pkcs12.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, type TestPage } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { openDesk } from './support/desk.js';
import { callAsPage, nav, queueGrid, seedStaff, signIn, signOut, tokenOf, type Person, type StaffMember, submitRequest } from './support/ui.js';

/**
 * Issue 6's "done when", in the browser: intake registers an access request; the handler verifies
 * the requester (Mijn Alliantie), has a dossier, moves the case to "Besluit in concept", drafts the
 * access decision with processing activities ticked, edits it and submits it; the admin configures
 * the organisation's PKCS#12 certificate; a different signer signs in Ondertekenen; the handler
 * opens the signed letter (PAdES signature valid, the requester's name and the AP's address in it),
 * marks it sent and builds the access package. A handler who is also a signer cannot sign their own
 * letter: the screen says why, and the backend refuses with the same Dutch message.
 */
const ADMIN = { fullName: 'Margriet van Dijk-Ağaoğlu', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers-Ñúñez', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
  signer: { fullName: 'Joris Ødegaard-Bakker', userName: 'joris', password: 'Dijkgraaf-Polder-Gemaal-88', roles: ['signer' as const] },
  handlerSigner: { fullName: 'Harm Weißbach', userName: 'harm', password: 'Molen-Sluis-Dijk-Wiel-59', roles: ['handler' as const, 'signer' as const] },
  dpo: { fullName: 'Fenna de Graaf-Öztürk', userName: 'fenna', password: 'Wadden-Slik-Kwelder-Geul-27', roles: ['dpo' as const] },
};
const REQUESTER = { name: 'Łukasz Nguyễn-Özdemir', birthDate: '1985-04-12', address: 'Weißstraße 12\n1234 AB Hilversum', customerNumber: 'K-104233' };
const OWN_REQUESTER = 'Zoë Þórsdóttir-Bakker';
const P12_PASSWORD = 'Zegel-Test-2026!';
const ADDED_PARAGRAPH = 'Wij hebben uw dossier met zorg doorgenomen.';
const WITHHELD = { what: 'Interne aantekeningen van het teamoverleg', why: 'Deze bevatten meningen van medewerkers over derden.' };
const SIGNER_FUNCTION = 'Teamleider Privacy';
const FOUR_EYES = 'U heeft deze brief zelf opgesteld of bewerkt. Een andere tekenbevoegde moet hem beoordelen en ondertekenen (vier-ogenprincipe).';

const today = dutchToday(new Date());

let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
let staff: Record<keyof typeof PEOPLE, StaffMember>;
let reference = '';
let caseId = '';
let letterId = '';
let ownReference = '';

const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

/** A one-page PDF as a dossier document: what the handler gathered. */
async function smallPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Huurovereenkomst, Weissstraat 12, Hilversum. Ingangsdatum 1 mei 2019.', { x: 60, y: 760, size: 11, font });
  doc.setTitle('Huurovereenkomst');
  return Buffer.from(await doc.save());
}

async function openCaseTab(ref: string, tabName: string) {
  await nav(page).getByRole('button', { name: 'Werkvoorraad' }).click();
  await queueGrid(page).getByRole('button', { name: ref }).click();
  await heading(ref).waitFor();
  await page.getByRole('tab', { name: tabName }).click();
}

/** Clicks what starts a download and returns the file's bytes. */
async function downloadOf(start: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

const lettersTable = () => page.getByRole('table', { name: 'Brieven van deze zaak' });

/** Signs in as `person`, first signing out whoever is still signed in (after a failed step). */
async function signInAs(person: Person, firstScreen: string) {
  const signOutButton = page.getByRole('contentinfo').getByRole('button', { name: 'Afmelden' });
  if (await signOutButton.isVisible()) await signOut(page);
  await signIn(page, person, firstScreen);
}

/** The shell scrolls inside <main>: back to its top, so a screenshot shows the screen from its heading. */
async function scrollToTop() {
  await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
}

describe('letters: drafting, four-eyes signing with PAdES, and the access package', () => {
  beforeAll(async () => {
    requirePoppler();
    const desk = await openDesk((url) => seedStaff(url, ADMIN, PEOPLE));
    ({ server, tab, page, close } = desk);
    staff = desk.seeded;
  });

  afterAll(() => close());

  it('intake registers an access request with the address the letter needs', async () => {
    await signInAs(PEOPLE.intake, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Nieuw verzoek' }).click();
    await heading('Nieuw verzoek').waitFor();
    await page.getByRole('radiogroup', { name: 'Ontvangen via' }).getByRole('radio', { name: 'Brief' }).check();
    await page.getByRole('checkbox', { name: 'Het verzoek is schriftelijk gedaan en ondertekend' }).check();
    await page.getByRole('textbox', { name: 'Omschrijving van het verzoek' }).fill('Ik wil weten welke gegevens de corporatie over mij verwerkt.');
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(REQUESTER.name);
    await page.getByLabel('Geboortedatum').fill(REQUESTER.birthDate);
    await page.getByRole('textbox', { name: 'Klantnummer' }).fill(REQUESTER.customerNumber);
    await page.getByRole('textbox', { name: 'Adres', exact: true }).fill(REQUESTER.address);
    await page.getByRole('combobox', { name: 'Behandelaar' }).selectOption({ label: PEOPLE.handler.fullName });
    ({ reference } = await submitRequest(page));
    expect(reference).toMatch(/^AVG-\d{4}-0001$/u);
    await signOut(page);
  });

  it('the handler verifies the requester, has a dossier and moves the case to "Besluit in concept"', async () => {
    await signInAs(PEOPLE.handler, 'Werkvoorraad');
    await openCaseTab(reference, 'Identiteit');
    const panel = page.getByRole('region', { name: `Verzoeker: ${REQUESTER.name}` });
    await panel.getByRole('radio', { name: 'Ingelogd via Mijn Alliantie' }).check();
    await panel.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => page.getByText('De uitkomst is vastgelegd.', { exact: false }).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText('In behandeling', { exact: true }).first().isVisible()).toBe(true);

    // The dossier: one small PDF, read in through the API as the Dossier tab would.
    const queue = valueOf(await callAsPage<{ rows: { id: string; reference: string }[] }>(page, 'case.queue', { search: reference }));
    caseId = queue.rows.find((row) => row.reference === reference)?.id ?? '';
    const token = await tokenOf(server.url, PEOPLE.handler);
    const imported = valueOf(
      await callApi(
        server.url,
        'dossier.import',
        {
          caseId,
          fileName: 'huurovereenkomst.pdf',
          dataBase64: (await smallPdf()).toString('base64'),
          source: 'huuradministratie',
          documentDate: '2019-05-01',
        },
        token,
      ),
    );
    expect(imported.documents).toHaveLength(1);
    // Identity recorded, the case went on to Dossier by itself: open it afresh to see the import.
    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await page.getByRole('tab', { name: 'Dossier' }).click();
    await expect.poll(() => page.getByText('huurovereenkomst.pdf').first().isVisible(), { timeout: 15_000 }).toBe(true);

    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Nieuwe status' }).selectOption({ label: 'Besluit in concept' });
    await dialog.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.getByText('Besluit in concept', { exact: true }).first().isVisible()).toBe(true);
  });

  it('drafts "besluit inzage" with processing activities ticked, edits the text and submits it', async () => {
    await page.getByRole('tab', { name: 'Brieven' }).click();
    await expect.poll(() => page.getByText('Deze zaak heeft nog geen brieven.').isVisible()).toBe(true);
    // A case without letters opens Brieven with the form for a new one.
    const form = page.getByRole('region', { name: 'Nieuwe brief' });
    await form.waitFor();
    expect(await form.getByRole('combobox', { name: 'Soort brief' }).inputValue()).toBe('besluit-inzage');
    // Only kinds that fit an access request: no correction or complaint decision.
    const options = await form.getByRole('combobox', { name: 'Soort brief' }).locator('option').allTextContents();
    expect(options).toContain('Besluit inzage (art. 15 AVG)');
    expect(options).not.toContain('Besluit correctie (§14, art. 16–19 AVG)');
    expect(options).not.toContain('Beslissing op klacht (§16)');
    await form.getByRole('checkbox', { name: /^Huuradministratie/u }).check();
    await form.getByRole('checkbox', { name: /^Onderhoud en renovatie/u }).check();
    // Something withheld, with the reason (art. 15(4)): the letter must say what and why.
    await form.getByRole('button', { name: 'Regel toevoegen' }).click();
    await form.getByRole('textbox', { name: 'Wat (1)' }).fill(WITHHELD.what);
    await form.getByRole('textbox', { name: 'Waarom (1)' }).fill(WITHHELD.why);
    await checkScreen(page, 'letters-new');
    await form.getByRole('button', { name: 'Concept maken' }).click();

    const detail = page.getByRole('region', { name: 'Brief: Besluit inzage (art. 15 AVG)' });
    await detail.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByText('Het concept is gemaakt.', { exact: false }).isVisible()).toBe(true);
    await detail.getByRole('img', { name: /^Pagina 1 van \d+ van Besluit inzage/u }).waitFor({ timeout: 15_000 });
    expect(await lettersTable().getByText('Concept', { exact: true }).isVisible()).toBe(true);
    const concept = valueOf(await callAsPage<{ id: string; kind: string }[]>(page, 'letter.list', { caseId }));
    letterId = concept[0]?.id ?? '';
    expect(concept).toMatchObject([{ kind: 'besluit-inzage', status: 'concept', draftedBy: PEOPLE.handler.fullName }]);

    // The handler's own words before the generated text.
    const editor = detail.getByRole('form', { name: 'Tekst van de brief bewerken' });
    await editor.getByRole('button', { name: 'Alinea invoegen na blok 1', exact: true }).click();
    await editor.getByRole('textbox', { name: 'Blok 2: alinea', exact: true }).fill(ADDED_PARAGRAPH);
    await editor.getByRole('button', { name: 'Tekst opslaan' }).click();
    // Saving re-renders the concept's PDF, which takes a few seconds on a busy machine.
    await expect.poll(() => page.getByText('Niet opgeslagen wijzigingen').isVisible(), { timeout: 15_000 }).toBe(false);
    const saved = valueOf(await callAsPage<{ pdfBase64: string; content: { blocks: { type: string; text?: string }[] } }>(page, 'letter.get', { letterId }));
    expect(saved.content.blocks[1]).toEqual({ type: 'paragraph', text: ADDED_PARAGRAPH });
    const preview = pdfText(Buffer.from(saved.pdfBase64, 'base64'));
    expect(preview).toContain('CONCEPT');
    expect(preview).toContain('Huuradministratie');
    expect(preview).toContain(WITHHELD.what);
    await checkScreen(page, 'letters-concept');

    await editor.getByRole('button', { name: 'Indienen ter ondertekening' }).click();
    await expect.poll(() => page.getByText('De brief is ter ondertekening aangeboden.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => lettersTable().getByText('Ter ondertekening', { exact: true }).isVisible()).toBe(true);
    // A decision moves the case along.
    await expect.poll(() => page.getByRole('list', { name: 'Gegevens van de zaak' }).getByText('Ter ondertekening').isVisible()).toBe(true);
    await detail.getByRole('img', { name: /^Pagina 1 van/u }).waitFor({ timeout: 15_000 });
    await scrollToTop();
    await checkScreen(page, 'letters-submitted');
    await signOut(page);
  });

  it('the admin configures the organisation certificate and the letterhead', async () => {
    await signInAs(ADMIN, `Welkom, ${ADMIN.fullName}`);
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await heading('Beheer').waitFor();
    await page.getByRole('tab', { name: 'Ondertekening' }).click();
    await expect.poll(() => page.getByText('Er is nog geen certificaat ingesteld.', { exact: false }).isVisible()).toBe(true);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'PKCS#12-bestand' }).click()]);
    await chooser.setFiles({ name: 'zegel.p12', mimeType: 'application/x-pkcs12', buffer: testPkcs12(P12_PASSWORD) });
    await page.getByText('zegel.p12').waitFor();
    await page.getByLabel('Wachtwoord van het bestand').fill('verkeerd-wachtwoord');
    await page.getByRole('button', { name: 'Certificaat instellen' }).click();
    // A wrong password is refused in Dutch; nothing is stored.
    await expect.poll(() => page.getByText('Het wachtwoord van het PKCS#12-bestand klopt niet.').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText('Er is nog geen certificaat ingesteld.', { exact: false }).isVisible()).toBe(true);
    await page.getByLabel('Wachtwoord van het bestand').fill(P12_PASSWORD);
    await page.getByRole('button', { name: 'Certificaat instellen' }).click();
    await expect.poll(() => page.getByText('Het certificaat is ingesteld.', { exact: false }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText('Stichting Testwonen Zegels', { exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByText('Vingerafdruk (SHA-256)').isVisible()).toBe(true);
    // The password never comes back.
    expect(await page.content()).not.toContain(P12_PASSWORD);
    await checkScreen(page, 'settings-signing');

    await page.getByRole('tab', { name: 'Briefpapier' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Naam van de organisatie' }).inputValue()).toBe('Stichting de Alliantie');
    await checkScreen(page, 'settings-letterhead');
    // The templates and the register are the privacy officer's.
    expect(await page.getByRole('tab', { name: 'Sjablonen' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Verwerkingsregister' }).count()).toBe(0);
    await signOut(page);
  });

  it('the privacy officer edits the templates and the processing register', async () => {
    await signInAs(PEOPLE.dpo, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Beheer' }).click();
    await heading('Beheer').waitFor();
    await page.getByRole('tab', { name: 'Sjablonen' }).click();
    await page.getByRole('combobox', { name: 'Soort brief' }).selectOption('besluit-inzage');
    await expect.poll(() => page.getByText('{verzoeker.naam}', { exact: true }).isVisible()).toBe(true);
    // A required statement cannot be removed; an unknown field is caught while typing.
    await page.getByRole('textbox', { name: 'Onderwerp' }).fill('Besluit op uw {verzoekk}');
    await expect.poll(() => page.getByText('Onbekend veld {verzoekk}. Kies uit de velden in de lijst.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Opslaan' }).getAttribute('aria-disabled')).toBe('true');
    await checkScreen(page, 'settings-templates');
    await page.getByRole('textbox', { name: 'Onderwerp' }).fill('Besluit op uw {soort_verzoek}');

    await page.getByRole('tab', { name: 'Verwerkingsregister' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Verwerkingsregister' }).getByText('Huuradministratie', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Verwerking toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verwerking toevoegen' });
    await dialog.getByRole('textbox', { name: 'Naam', exact: true }).fill('Warmtelevering');
    expect(await dialog.getByRole('textbox', { name: 'Code' }).inputValue()).toBe('warmtelevering');
    await dialog.getByRole('textbox', { name: 'Doel' }).fill('Warmte leveren aan woningen met een collectieve installatie.');
    await dialog.getByRole('textbox', { name: 'Grondslag' }).fill('Uitvoering van de leveringsovereenkomst (art. 6 lid 1 sub b AVG).');
    await dialog.getByRole('textbox', { name: 'Categorieën van gegevens' }).fill('Naam en adres\nVerbruiksgegevens');
    await dialog.getByRole('button', { name: 'Ontvanger toevoegen' }).click();
    await dialog.getByRole('textbox', { name: 'Naam (1)' }).fill('Warmtebedrijf Gooi');
    await dialog.getByRole('textbox', { name: 'Categorie (1)' }).fill('Energieleveranciers');
    await dialog.getByRole('textbox', { name: 'Bron' }).fill('Uzelf en de meter.');
    await checkScreen(page, 'settings-register-dialog');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Warmtelevering is opgeslagen.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('table', { name: 'Verwerkingsregister' }).getByText('Warmtebedrijf Gooi').isVisible()).toBe(true);
    await checkScreen(page, 'settings-register');
    await signOut(page);
  });

  it('refuses the handler who is also a signer to sign their own letter, in Dutch', async () => {
    // Harm's own case and letter, prepared through the API.
    const intake = await tokenOf(server.url, PEOPLE.intake);
    const harm = await tokenOf(server.url, PEOPLE.handlerSigner);
    const own = valueOf(
      await callApi(
        server.url,
        'case.create',
        {
          type: 'inzage',
          channel: 'brief',
          received: today,
          writtenAndSigned: true,
          handlerId: staff.handlerSigner.id,
          requester: { name: OWN_REQUESTER, birthDate: '1979-02-03', relation: 'huurder', address: 'Kanaalstraat 12-3, 3531 CK Utrecht' },
        },
        intake,
      ),
    );
    valueOf(await callApi(server.url, 'identity.record', { caseId: own.id, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, harm));
    ownReference = own.reference;
    const receipt = valueOf(await callApi(server.url, 'letter.draft', { caseId: own.id, kind: 'ontvangstbevestiging' }, harm));
    valueOf(await callApi(server.url, 'letter.submit', { letterId: receipt.id }, harm));

    await signInAs(PEOPLE.handlerSigner, 'Werkvoorraad');
    await nav(page).getByRole('button', { name: 'Ondertekenen' }).click();
    await heading('Ondertekenen').waitFor();
    const queue = page.getByRole('table', { name: 'Brieven ter ondertekening' });
    const row = queue.getByRole('row', { name: new RegExp(own.reference, 'u') });
    await row.waitFor();
    expect(await row.getByText('Door u opgesteld of bewerkt').isVisible()).toBe(true);
    await row.getByRole('button', { name: 'Ontvangstbevestiging' }).click();
    const review = page.getByRole('region', { name: `Ontvangstbevestiging · ${own.reference}` });
    await review.getByRole('img', { name: /^Pagina 1 van/u }).waitFor({ timeout: 15_000 });
    expect(await review.getByText(FOUR_EYES).isVisible()).toBe(true);
    expect(await review.getByRole('button', { name: 'Ondertekenen' }).getAttribute('aria-disabled')).toBe('true');
    // The backend refuses it too, with the message the screen shows.
    expect(await callAsPage(page, 'letter.sign', { letterId: receipt.id, password: PEOPLE.handlerSigner.password })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: FOUR_EYES },
    });
    await scrollToTop();
    await checkScreen(page, 'signing-own-letter');
    await signOut(page);
  });

  it('a different signer reviews the access decision and signs it in Ondertekenen', async () => {
    await signInAs(PEOPLE.signer, 'Ondertekenen');
    expect(await nav(page).getByRole('button', { name: 'Werkvoorraad' }).count()).toBe(0);
    const queue = page.getByRole('table', { name: 'Brieven ter ondertekening' });
    const row = queue.getByRole('row', { name: new RegExp(reference, 'u') });
    await row.waitFor();
    expect(await row.getByText('U kunt ondertekenen').isVisible()).toBe(true);

    // Harm's receipt goes back to him, with a comment.
    await queue
      .getByRole('row', { name: new RegExp(ownReference, 'u') })
      .getByRole('button', { name: 'Ontvangstbevestiging' })
      .click();
    const receipt = page.getByRole('region', { name: `Ontvangstbevestiging · ${ownReference}` });
    await receipt.getByRole('button', { name: 'Terugsturen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Brief terugsturen' });
    await dialog.getByRole('textbox', { name: 'Wat moet er anders?' }).fill('Nee');
    await dialog.getByRole('button', { name: 'Terugsturen' }).click();
    // Too short: the backend's Dutch message, and the dialog stays.
    await expect
      .poll(() => dialog.getByText('Licht toe wat er anders moet (minstens 5 tekens).', { exact: false }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await dialog.getByRole('textbox', { name: 'Wat moet er anders?' }).fill('Graag de datum van ontvangst controleren.');
    await dialog.getByRole('button', { name: 'Terugsturen' }).click();
    await expect
      .poll(() => receipt.getByText('Deze brief is teruggestuurd naar de behandelaar, met uw toelichting.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => queue.getByRole('row', { name: new RegExp(ownReference, 'u') }).count()).toBe(0);
    await receipt.getByRole('button', { name: 'Brief sluiten' }).click();

    await row.getByRole('button', { name: 'Besluit inzage (art. 15 AVG)' }).click();
    const review = page.getByRole('region', { name: `Besluit inzage (art. 15 AVG) · ${reference}` });
    await review.getByRole('img', { name: /^Pagina 1 van/u }).waitFor({ timeout: 15_000 });
    expect(await review.getByRole('article', { name: 'Tekst van de brief' }).getByText(ADDED_PARAGRAPH).isVisible()).toBe(true);
    await scrollToTop();
    await checkScreen(page, 'signing-review');

    // Signing is deliberate: without a function under the name the dialog says where to fill it in.
    await review.getByRole('button', { name: 'Ondertekenen' }).click();
    let sign = page.getByRole('dialog', { name: 'Brief ondertekenen' });
    await sign.getByText('Uw functie ontbreekt').waitFor();
    expect(await sign.getByLabel('Uw wachtwoord').count()).toBe(0);
    await sign.getByRole('button', { name: 'Annuleren' }).click();
    await sign.waitFor({ state: 'hidden' });
    const profile = page.getByRole('region', { name: 'Mijn ondertekening' });
    await profile.getByRole('textbox', { name: /^Functie/u }).fill(SIGNER_FUNCTION);
    await profile.getByRole('button', { name: 'Opslaan' }).click();
    await profile.getByText('Uw ondertekening is opgeslagen.').waitFor();

    // The dialog shows what is signed and asks the password again; a wrong one is refused in Dutch.
    await review.getByRole('button', { name: 'Ondertekenen' }).click();
    sign = page.getByRole('dialog', { name: 'Brief ondertekenen' });
    // The signer's function comes with their profile, after the dialog opens: read the list once it is there.
    await sign.locator('dl').getByText(SIGNER_FUNCTION).waitFor();
    const details = await sign.locator('dl').innerText();
    expect(details).toContain('Besluit inzage (art. 15 AVG)');
    expect(details).toContain(reference);
    expect(details).toContain(REQUESTER.name);
    expect(details).toContain('1234 AB');
    expect(details).toMatch(/\d+ pagina/u);
    expect(details).toContain(SIGNER_FUNCTION);
    await sign.getByLabel('Uw wachtwoord').fill('Fout-Wachtwoord-99!');
    await sign.getByRole('button', { name: 'Ondertekenen' }).click();
    await sign.getByText('Het wachtwoord is onjuist. De brief is niet ondertekend.').waitFor({ timeout: 15_000 });
    await checkScreen(page, 'signing-confirm');
    await sign.getByLabel('Uw wachtwoord').fill(PEOPLE.signer.password);
    await sign.getByRole('button', { name: 'Ondertekenen' }).click();
    await sign.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => review.getByText('Ondertekend', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByText(`Besluit inzage (art. 15 AVG) (${reference}) is ondertekend.`).isVisible()).toBe(true);
    await expect.poll(() => queue.getByRole('row', { name: new RegExp(reference, 'u') }).count()).toBe(0);
    await review.getByRole('img', { name: /^Pagina 1 van/u }).waitFor({ timeout: 15_000 });
    await scrollToTop();
    await checkScreen(page, 'signing-signed');
    await signOut(page);
  });

  it('the handler opens the signed letter: a valid PAdES signature, the requester and the AP in it', async () => {
    await signInAs(PEOPLE.handler, 'Werkvoorraad');
    await openCaseTab(reference, 'Brieven');
    await expect.poll(() => lettersTable().locator('tbody').getByText('Ondertekend', { exact: true }).isVisible()).toBe(true);
    await lettersTable().getByRole('button', { name: 'Besluit inzage (art. 15 AVG)' }).click();
    const detail = page.getByRole('region', { name: 'Brief: Besluit inzage (art. 15 AVG)' });
    await detail.getByRole('img', { name: /^Pagina 1 van/u }).waitFor({ timeout: 15_000 });
    expect(await detail.getByText(`Ondertekend door ${PEOPLE.signer.fullName}`, { exact: false }).isVisible()).toBe(true);

    const saved = await downloadOf(() => detail.getByRole('button', { name: 'PDF opslaan' }).click());
    expect(saved.download.suggestedFilename()).toBe(`${reference}-besluit-inzage.pdf`);
    expect(pdfsig(saved.bytes)).toContain('Signature is Valid.');
    const text = pdfText(saved.bytes);
    expect(text).toContain(REQUESTER.name);
    expect(text).toContain('Postbus 93374');
    expect(text).toContain(ADDED_PARAGRAPH);
    expect(text).toContain(PEOPLE.signer.fullName);
    expect(text).toContain(SIGNER_FUNCTION);
    expect(text).not.toContain('CONCEPT');

    // The same bytes through the API, and the hash the letter recorded.
    const viaApi = valueOf(await callAsPage<{ pdfBase64: string; sha256: string }>(page, 'letter.get', { letterId }));
    const bytes = Buffer.from(viaApi.pdfBase64, 'base64');
    expect(bytes.equals(saved.bytes)).toBe(true);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(viaApi.sha256);
    expect(await detail.getByText(viaApi.sha256, { exact: false }).isVisible()).toBe(true);
    await scrollToTop();
    await checkScreen(page, 'letters-signed');

    // Printing without a new window (as in the desktop app, or when a pop-up blocker says no): the
    // pages are rendered into a print-only container and the system print dialog opens.
    // (Runs in the page; the Node project has no DOM types, hence the narrow casts.)
    type PrintProbe = {
      open: () => null;
      print: () => void;
      printedPages?: number;
      document: { querySelectorAll(selector: string): { length: number }; getElementById(id: string): unknown };
    };
    await page.evaluate(() => {
      const w = globalThis as unknown as PrintProbe;
      w.open = () => null;
      w.print = () => {
        w.printedPages = w.document.querySelectorAll('#avg-desk-print-root img').length;
      };
    });
    await detail.getByRole('button', { name: 'Afdrukken / PDF openen' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as PrintProbe).printedPages ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (globalThis as unknown as PrintProbe).document.getElementById('avg-desk-print-root'))).toBeNull();
  });

  it('marks the letter sent and builds the access package with a manifest', async () => {
    const detail = page.getByRole('region', { name: 'Brief: Besluit inzage (art. 15 AVG)' });
    await detail.getByRole('button', { name: 'Verzonden markeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verzonden markeren' });
    expect(await dialog.getByLabel('Verzonden op').inputValue()).toBe(today);
    await dialog.getByRole('button', { name: 'Verzonden markeren' }).click();
    await expect.poll(() => page.getByText('De brief is als verzonden gemarkeerd.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByRole('list', { name: 'Gegevens van de zaak' }).getByText('Verzonden', { exact: true }).isVisible()).toBe(true);

    const built = await downloadOf(() => page.getByRole('button', { name: 'Inzagepakket maken' }).click());
    expect(built.download.suggestedFilename()).toBe(`${reference}-inzage.zip`);
    const files = unzipSync(built.bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      kenmerk: string;
      bestanden: { pad: string; sha256: string; bytes: number }[];
    };
    expect(manifest.kenmerk).toBe(reference);
    expect(manifest.bestanden.map((f) => f.pad)).toEqual(
      expect.arrayContaining([`brief/${reference}-besluit.pdf`, 'documenten/document-001.pdf', 'gegevens/gegevens.json', 'LEESMIJ.txt']),
    );
    for (const entry of manifest.bestanden) {
      expect(
        createHash('sha256')
          .update(files[entry.pad] ?? new Uint8Array())
          .digest('hex'),
        entry.pad,
      ).toBe(entry.sha256);
    }
    expect(pdfsig(Buffer.from(files[`brief/${reference}-besluit.pdf`] ?? new Uint8Array()))).toContain('Signature is Valid.');
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: `Bestanden in het pakket ${reference}-inzage.zip` })
          .getByText('LEESMIJ.txt')
          .isVisible(),
      )
      .toBe(true);
    await scrollToTop();
    await checkScreen(page, 'letters-package');
  });

  it('had no console errors or Content Security Policy violations', () => {
    expect(tab.problems).toEqual([]);
  });
});
