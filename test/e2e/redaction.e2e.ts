import { spawn } from 'node:child_process';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, type TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import type { RunningServer } from './support/server.js';
import { openFromQueue, seedHandlerCase, tokenOf } from './support/ui.js';

/**
 * Issue 5's "done when" through the real UI: the handler reads a dossier in (PDFs made here, an
 * e-mail with attachments, a broken file), views it, registers the neighbour who refused, searches
 * his name across the dossier, reviews the suggestions (rejecting an unrelated one, drawing one box
 * by hand), applies the redaction and opens the result. Then, outside the browser, the redacted PDF
 * comes from the API and pdftotext (poppler) finds neither his name nor the BSN, while a sentence on
 * a page without redactions is still text; and the case can go to "Besluit in concept".
 */
const ADMIN = { fullName: 'Margriet van Dijk-Ağaoğlu', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers-Ñúñez', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
};
const REQUESTER = 'Anouk de Vries-Öztürk';
const NEIGHBOUR = 'Pieter Post';
/** Passes the 11-proef: 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 1·3 = 66 = 6 · 11. */
const BSN = '111222333';
const LETTER_DATE = '3 maart 2026';
const UNRELATED = 'De cv-ketel in de berging is in het voorjaar vervangen door de installateur.';
const LETTER = 'klachtbrief-overlast.pdf';
const NEIGHBOUR_ADDRESS = 'Kanaalstraat 14, 1011 AB Amsterdam';
const REQUESTER_EMAIL = 'anouk@example.nl';

/** A simple A4 PDF, one array of lines per page, in Helvetica (not embedded, as many real letters). */
async function textPdf(title: string, pages: string[][], noteOnFirstPage?: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595.28, 841.89]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 770 - i * 22, size: 11, font }));
  }
  const first = pdf.getPages()[0];
  if (noteOnFirstPage !== undefined && first) {
    // A sticky note (a text annotation): the redacted output leaves annotations out, and the UI warns.
    const note = pdf.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [480, 760, 500, 780], Contents: PDFString.of(noteOnFirstPage), Open: false });
    first.node.set(PDFName.of('Annots'), pdf.context.obj([pdf.context.register(note)]));
  }
  return Buffer.from(await pdf.save());
}

/** The neighbour in several places (once in capitals), a BSN and the letter's date; page 2 mentions no one. */
function letter(): Promise<Buffer> {
  return textPdf(
    'Klacht over overlast',
    [
      [
        `Amsterdam, ${LETTER_DATE}`,
        'Betreft: overlast Kanaalstraat 12-3',
        '',
        'Geachte heer, mevrouw,',
        '',
        `Op 14 februari meldde buurman ${NEIGHBOUR} opnieuw geluidsoverlast op nummer 12.`,
        `Volgens ${NEIGHBOUR} duurt de overlast al sinds de zomer.`,
        'Meneer Post belde later terug vanaf Kanaalstraat 14.',
        `Burgerservicenummer van de melder: ${BSN}`,
        `Antwoord van de huurder via ${REQUESTER_EMAIL}.`,
        'Wij hebben de bewoners op nummer 12 hierover aangesproken.',
      ],
      ['Onderhoud', '', UNRELATED, 'De volgende inspectie van de installatie staat gepland in het najaar.'],
      ['Met vriendelijke groet,', '', 'Team Wonen, regio Oost', '', `Kopie aan: ${NEIGHBOUR.toUpperCase()} (buurman)`],
    ],
    'Nagebeld op 4 maart',
  );
}

function maintenanceReport(): Promise<Buffer> {
  return textPdf('Onderhoudsmelding', [['Onderhoudsmelding 2026-0412', '', 'Lekkage in de badkamer, afgehandeld door de aannemer.']]);
}

/** An e-mail from the requester with a text attachment (read in) and a Word file (listed as not read in). */
function email(): Buffer {
  const attachment = Buffer.from('Toelichting: ik wil weten welke meldingen over mij zijn gedaan.\n', 'utf8').toString('base64');
  return Buffer.from(
    [
      `From: ${REQUESTER} <anouk@example.nl>`,
      'To: privacy@corporatie.example',
      'Subject: Mijn inzageverzoek',
      'Date: Tue, 03 Mar 2026 10:00:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="grens"',
      '',
      '--grens',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Beste privacyteam, hierbij vraag ik inzage in mijn dossier.',
      '',
      '--grens',
      'Content-Type: text/plain; charset=utf-8; name="toelichting.txt"',
      'Content-Disposition: attachment; filename="toelichting.txt"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment,
      '--grens',
      'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="offerte.docx"',
      'Content-Disposition: attachment; filename="offerte.docx"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('PK\u0003\u0004 geen echt Word-bestand').toString('base64'),
      '--grens--',
      '',
    ].join('\r\n'),
    'utf8',
  );
}

/** Text of a PDF as poppler reads it: an independent reader, not the engine that redacted it. */
function pdftotext(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`pdftotext exited with ${code}: ${err}`))));
    child.stdin.end(pdf);
  });
}

/** Whitespace folded, so a line break inside a phrase does not hide it. */
const flat = (text: string) => text.replace(/\s+/gu, ' ');

let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
let caseId = '';
let reference = '';

const tabPanel = () => page.getByRole('tabpanel');
const documentsTable = () => page.getByRole('table', { name: 'Documenten in het dossier' });

async function documentId(name: string): Promise<string> {
  const token = await tokenOf(server.url, PEOPLE.handler);
  const list = valueOf(await callApi(server.url, 'dossier.list', { caseId }, token));
  const found = list.find((d) => d.name === name);
  if (!found) throw new Error(`${name} is not in the dossier`);
  return found.id;
}

describe('dossier, third parties and redaction that really removes the data', () => {
  beforeAll(async () => {
    const desk = await openDesk((url) => seedHandlerCase(url, ADMIN, PEOPLE, { name: REQUESTER, email: REQUESTER_EMAIL }), {
      signIn: { person: PEOPLE.handler, screen: 'Werkvoorraad' },
    });
    ({ server, tab, page, close } = desk);
    ({ caseId, reference } = desk.seeded);
    await openFromQueue(page, reference);
  });

  afterAll(() => close());

  it('reads several files in one after another, each with its own outcome, and lists attachments under their e-mail', async () => {
    await page.getByRole('tab', { name: 'Dossier' }).click();
    await tabPanel().getByText('Er zijn nog geen documenten ingelezen.').waitFor();
    await checkScreen(page, 'dossier-empty');

    const form = page.getByRole('region', { name: 'Documenten inlezen' });
    // Without a source the form does not start.
    await form.locator('input[type="file"]').setInputFiles([
      { name: LETTER, mimeType: 'application/pdf', buffer: await letter() },
      { name: 'kapot.pdf', mimeType: 'application/pdf', buffer: Buffer.from('dit is geen pdf, maar wel zo genoemd') },
      { name: 'onderhoudsmelding.pdf', mimeType: 'application/pdf', buffer: await maintenanceReport() },
      { name: 'mail-verzoeker.eml', mimeType: 'message/rfc822', buffer: email() },
    ]);
    await form.getByText('4 bestanden gekozen').waitFor();
    await form.getByRole('button', { name: 'Inlezen' }).click();
    await form.getByText('Kies de bron van de documenten.').waitFor();

    await form.getByRole('combobox', { name: 'Bron' }).selectOption({ label: 'Overlastdossier' });
    await form.getByRole('textbox', { name: 'Omschrijving' }).fill('Stukken over de overlastmelding');
    await form.getByRole('button', { name: 'Inlezen' }).click();
    await form.getByText('4 van 4 bestanden verwerkt').waitFor({ timeout: 30_000 });

    const results = form.getByRole('list', { name: 'Voortgang per bestand' });
    expect(await results.getByText('Ingelezen: 1 document.').count()).toBe(2);
    expect(await results.getByText('kapot.pdf" heet .pdf maar is geen PDF.', { exact: false }).isVisible()).toBe(true);
    expect(await results.getByText('Ingelezen: 2 documenten', { exact: false }).isVisible()).toBe(true);
    expect(await results.getByText('offerte.docx: ', { exact: false }).isVisible()).toBe(true);

    const table = documentsTable();
    await table.getByRole('row', { name: /toelichting\.txt/u }).waitFor();
    expect(await table.getByRole('row').count()).toBe(1 + 4);
    expect(await table.getByRole('row', { name: /toelichting\.txt.*Bijlage bij mail-verzoeker\.eml/u }).isVisible()).toBe(true);
    expect(await table.getByRole('row', { name: new RegExp(`${LETTER.replace('.', '\\.')}.*PDF.*Overlastdossier.*3`, 'u') }).isVisible()).toBe(true);
    await checkScreen(page, 'dossier-import');
  });

  it('shows a document with page thumbnails, page navigation, zoom and search with the hits marked', async () => {
    await documentsTable()
      .getByRole('button', { name: `Bekijken: ${LETTER}` })
      .click();
    const viewer = page.getByRole('region', { name: `Weergave: ${LETTER}` });
    await viewer.getByRole('img', { name: `Pagina 1 van 3: ${LETTER} (Origineel)` }).waitFor();
    // The redacted version does not exist yet.
    expect(await viewer.getByRole('radio', { name: 'Gelakte versie' }).isDisabled()).toBe(true);

    await viewer.getByRole('button', { name: 'Volgende pagina' }).click();
    await viewer.getByRole('img', { name: `Pagina 2 van 3: ${LETTER} (Origineel)` }).waitFor();
    await viewer.getByRole('navigation', { name: "Pagina's" }).getByRole('button', { name: 'Pagina 3' }).click();
    await viewer.getByRole('img', { name: `Pagina 3 van 3: ${LETTER} (Origineel)` }).waitFor();
    // Page width to start with; zooming in goes to the next fixed step.
    const zoom = viewer.getByRole('combobox', { name: 'Zoom' });
    expect(await zoom.inputValue()).toBe('fit');
    await viewer.getByRole('button', { name: 'Inzoomen' }).click();
    expect(Number(await zoom.inputValue())).toBeGreaterThan(0);
    await zoom.selectOption('fit');

    // Case- and accent-insensitive, like the redaction search: three hits on pages 1 and 3.
    const search = viewer.getByRole('searchbox', { name: 'Zoeken in het document' });
    await search.fill('pieter post');
    await search.press('Enter');
    await viewer.getByText('Treffer 1 van 3').waitFor();
    await viewer.getByRole('img', { name: `Pagina 1 van 3: ${LETTER} (Origineel)` }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Pagina 3, met treffers' }).isVisible()).toBe(true);
    expect(await viewer.getByRole('button', { name: 'Pagina 2', exact: true }).isVisible()).toBe(true);
    await checkScreen(page, 'dossier-viewer');
    await viewer.getByRole('button', { name: 'Volgende treffer' }).click();
    await viewer.getByText('Treffer 2 van 3').waitFor();
  });

  it('registers the neighbour, who refuses: the case cannot go to a decision yet, and says why', async () => {
    await page.getByRole('tab', { name: 'Derden' }).click();
    await tabPanel().getByText('Er staan nog geen derden in het register.').waitFor();
    await page.getByRole('button', { name: 'Derde toevoegen' }).click();
    const add = page.getByRole('dialog', { name: 'Derde toevoegen' });
    await add.getByRole('textbox', { name: 'Naam' }).fill(NEIGHBOUR);
    await add.getByRole('textbox', { name: 'Adres', exact: true }).fill(NEIGHBOUR_ADDRESS);
    await add.getByRole('combobox', { name: 'Rol' }).fill('buurman');
    await add.getByRole('checkbox', { name: LETTER }).check();
    await checkScreen(page, 'derden-add-dialog');
    await add.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText(`${NEIGHBOUR} is toegevoegd.`, { exact: false }).waitFor();

    const register = page.getByRole('table', { name: 'Register van derden' });
    await register.getByRole('row', { name: new RegExp(`${NEIGHBOUR}.*buurman.*1 document.*Te horen`, 'u') }).waitFor();
    await page.getByText(`${NEIGHBOUR} is nog niet gehoord.`).waitFor();

    await register.getByRole('button', { name: `Hoorstatus van ${NEIGHBOUR} wijzigen` }).click();
    const update = page.getByRole('dialog', { name: `${NEIGHBOUR}: hoorstatus en documenten` });
    await update.getByRole('radio', { name: /^Geen toestemming/u }).check();
    await update.getByRole('textbox', { name: 'Toelichting' }).fill('Telefonisch gehoord op 5 maart; geeft geen toestemming.');
    await checkScreen(page, 'derden-status-dialog');
    await update.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText(`De hoorstatus van ${NEIGHBOUR} is nu "Geen toestemming".`).waitFor();
    await register.getByRole('row', { name: new RegExp(`${NEIGHBOUR}.*Geen toestemming.*Telefonisch gehoord.*Nee, nog lakken`, 'u') }).waitFor();
    await page.getByText(`De gegevens van ${NEIGHBOUR} zijn nog niet in alle documenten gelakt.`).waitFor();
    await checkScreen(page, 'derden');

    // Overzicht: the task "zienswijze derde" is done, and "Besluit in concept" is refused with the reason.
    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await page.getByText('Zienswijze van een derde vragen', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: `Status van ${reference} wijzigen` });
    await dialog.getByRole('combobox', { name: 'Nieuwe status' }).selectOption({ label: 'Besluit in concept' });
    await dialog.getByRole('button', { name: 'Status wijzigen' }).click();
    await dialog.getByText(`De gegevens van ${NEIGHBOUR} zijn nog niet in alle documenten gelakt.`).waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
  });

  it("searches the neighbour's name across the dossier and suggests what to redact", async () => {
    await page.getByRole('tab', { name: 'Lakken' }).click();
    const options = page.getByRole('region', { name: 'Suggesties zoeken' });
    // The neighbour who refused is ticked from the start; dates are asked for too.
    expect(await options.getByRole('checkbox', { name: new RegExp(`^${NEIGHBOUR} \\(buurman\\)`, 'u') }).isChecked()).toBe(true);
    expect(await options.getByRole('checkbox', { name: 'BSN' }).isChecked()).toBe(true);
    await options.getByRole('checkbox', { name: 'Geboortedatum' }).check();
    await options.getByRole('button', { name: 'Zoek in alle documenten' }).click();

    const found = page.getByRole('table', { name: 'Vindplaatsen per document' });
    // Every way he is written: twice his name, once in capitals, "Meneer Post" and his street address.
    await found.getByRole('row', { name: new RegExp(`${LETTER.replace('.', '\\.')}\\s*5\\s*Nee`, 'u') }).waitFor({ timeout: 20_000 });
    expect(await found.getByRole('row', { name: /onderhoudsmelding\.pdf\s*0\s*Niet nodig/u }).isVisible()).toBe(true);
    await checkScreen(page, 'redaction-search-all');

    await found.getByRole('button', { name: `Lakken: ${LETTER}` }).click();
    const review = page.getByRole('region', { name: 'Beoordelen' });
    await review.getByRole('checkbox', { name: new RegExp(`“${BSN}”.*BSN`, 'u') }).waitFor({ timeout: 20_000 });
    expect(await review.getByRole('checkbox', { name: new RegExp(`“${NEIGHBOUR}”.*derde: P\\. Post`, 'u') }).count()).toBe(2);
    expect(await review.getByRole('checkbox', { name: /“PIETER POST”.*derde: P\. Post/u }).count()).toBe(1);
    expect(await review.getByRole('checkbox', { name: /“Meneer Post”.*derde: P\. Post/u }).isChecked()).toBe(true);
    expect(await review.getByRole('checkbox', { name: /“Kanaalstraat 14”.*derde: P\. Post/u }).isChecked()).toBe(true);
    // The BSN of someone other than the requester: art. 46 UAVG with art. 15 lid 4 AVG.
    expect(await review.getByRole('combobox', { name: `Reden voor ${BSN}` }).inputValue()).toBe('art. 46 UAVG en art. 15 lid 4 AVG');
    // The requester's own e-mail address (an access request): shown as theirs, not pre-accepted.
    const own = review.getByRole('checkbox', { name: new RegExp(`“${REQUESTER_EMAIL}”.*eigen gegevens van de verzoeker.*kies`, 'u') });
    expect(await own.isChecked()).toBe(false);
    expect(await review.getByRole('checkbox', { name: new RegExp(`“${LETTER_DATE}”.*Geboortedatum`, 'u') }).isChecked()).toBe(true);
    // Page 1 has a note: the handler is told that annotations do not survive.
    await page.getByText('Annotaties worden verwijderd').waitFor();
    expect(await page.getByText('Op pagina 1 staan annotaties', { exact: false }).isVisible()).toBe(true);
  });

  it('reviews: rejects the unrelated date, keeps the rest, and draws one box by hand', async () => {
    const review = page.getByRole('region', { name: 'Beoordelen' });
    const date = review.getByRole('checkbox', { name: new RegExp(`“${LETTER_DATE}”`, 'u') });
    await date.uncheck();
    expect(await review.getByRole('checkbox', { name: new RegExp(`“${LETTER_DATE}”.*afgewezen`, 'u') }).isVisible()).toBe(true);

    // "Alles accepteren" leaves the requester's own data undecided, and applying waits for a choice.
    await page.getByRole('button', { name: 'Alles accepteren' }).click();
    await date.uncheck();
    const own = review.getByRole('checkbox', { name: new RegExp(`“${REQUESTER_EMAIL}”.*eigen gegevens van de verzoeker.*kies`, 'u') });
    expect(await own.isChecked()).toBe(false);
    await page.getByText('Kies eerst bij 1 vindplaats met eigen gegevens van de verzoeker', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /^Lakken toepassen/u }).getAttribute('aria-disabled')).toBe('true');
    await checkScreen(page, 'redaction-own-data');
    await page.getByRole('button', { name: 'Eigen gegevens laten staan' }).click();
    await review.getByRole('checkbox', { name: new RegExp(`“${REQUESTER_EMAIL}”.*eigen gegevens van de verzoeker.*afgewezen`, 'u') }).waitFor();

    // A ground chosen for a finding survives a new search.
    await review.getByRole('combobox', { name: 'Reden voor Meneer Post' }).selectOption('art. 41 lid 1 sub i UAVG');
    await page.getByRole('region', { name: 'Suggesties zoeken' }).getByRole('button', { name: 'Suggesties zoeken' }).click();
    await page.getByText(/\d+ suggesties gevonden/u).waitFor({ timeout: 20_000 });
    expect(await review.getByRole('combobox', { name: 'Reden voor Meneer Post' }).inputValue()).toBe('art. 41 lid 1 sub i UAVG');
    expect(await review.getByRole('checkbox', { name: new RegExp(`“${LETTER_DATE}”.*afgewezen`, 'u') }).isVisible()).toBe(true);

    // A box drawn with the mouse over the subject line of page 1 ("Betreft: …").
    const stage = page.getByRole('region', { name: 'Pagina om te lakken' });
    const canvas = stage.getByRole('img', { name: `Pagina 1 van 3: ${LETTER}` });
    await page
      .getByRole('button', { name: /Tonen op pagina 1/u })
      .first()
      .click();
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('page 1 is not shown');
    const scale = box.width / 595.28;
    // "Betreft" is the second line: baseline 748 pt from the bottom, 11 pt type.
    const top = (841.89 - 748 - 12) * scale;
    await page.mouse.move(box.x + 66 * scale, box.y + top);
    await page.mouse.down();
    await page.mouse.move(box.x + 270 * scale, box.y + top + 17 * scale, { steps: 6 });
    await page.mouse.up();
    await review.getByRole('checkbox', { name: /Eigen vlak/u }).waitFor();

    // The keyboard form refuses a box off the page.
    const form = page.getByRole('group', { name: 'Vlak invoeren' });
    await form.getByRole('spinbutton', { name: 'Van links' }).fill('500');
    await form.getByRole('spinbutton', { name: 'Van boven' }).fill('10');
    await form.getByRole('spinbutton', { name: 'Breedte' }).fill('200');
    await form.getByRole('spinbutton', { name: 'Hoogte' }).fill('20');
    await form.getByRole('button', { name: 'Vlak toevoegen' }).click();
    await form.getByText('Het vlak moet op de pagina liggen en een breedte en hoogte hebben.').waitFor();
    // And adds one on page 3 (which is redacted anyway), in points from the top-left.
    await form.getByRole('spinbutton', { name: 'Pagina' }).fill('3');
    await form.getByRole('spinbutton', { name: 'Van links' }).fill('72');
    await form.getByRole('spinbutton', { name: 'Van boven' }).fill('120');
    await form.getByRole('spinbutton', { name: 'Breedte' }).fill('150');
    await form.getByRole('spinbutton', { name: 'Hoogte' }).fill('16');
    await form.getByRole('button', { name: 'Vlak toevoegen' }).click();
    await expect.poll(() => review.getByRole('checkbox', { name: /Eigen vlak/u }).count()).toBe(2);
    expect(await page.getByRole('img', { name: `Pagina 3 van 3: ${LETTER}` }).isVisible()).toBe(true);
    await checkScreen(page, 'redaction-review');
  });

  it('applies the redaction with a progress bar and opens the redacted version, covering the neighbour', async () => {
    const apply = page.getByRole('button', { name: /^Lakken toepassen \(\d+ vlakken\)$/u });
    const label = (await apply.textContent()) ?? '';
    expect(Number(/\((\d+) vlakken\)/u.exec(label)?.[1])).toBeGreaterThanOrEqual(5);
    await apply.click();
    const result = page.getByRole('region', { name: `Gelakte versie: ${LETTER}` });
    await result.getByText(`Volledig gelakt in dit document: ${NEIGHBOUR}.`).waitFor({ timeout: 60_000 });
    await result.getByRole('img', { name: `Pagina 1 van 3: ${LETTER} (Gelakte versie)` }).waitFor({ timeout: 15_000 });
    expect(await result.getByRole('radio', { name: 'Gelakte versie' }).isChecked()).toBe(true);
    await checkScreen(page, 'redaction-result');

    // The dossier lists the redacted version; the viewer there opens it too.
    await result.getByRole('button', { name: 'Openen in het dossier' }).click();
    const viewer = page.getByRole('region', { name: `Weergave: ${LETTER}` });
    await viewer.getByRole('img', { name: `Pagina 1 van 3: ${LETTER} (Gelakte versie)` }).waitFor({ timeout: 15_000 });
    await documentsTable()
      .getByRole('row', { name: new RegExp(`${LETTER.replace('.', '\\.')}.*gelakt op`, 'u') })
      .waitFor();
  });

  it('leaves neither the name nor the BSN in the redacted PDF, while an unredacted page keeps its text (pdftotext)', async () => {
    const token = await tokenOf(server.url, PEOPLE.handler);
    const id = await documentId(LETTER);
    const redacted = Buffer.from(
      valueOf(await callApi(server.url, 'dossier.pdf', { caseId, documentId: id, version: 'redacted' }, token)).dataBase64,
      'base64',
    );
    const original = Buffer.from(
      valueOf(await callApi(server.url, 'dossier.pdf', { caseId, documentId: id, version: 'original' }, token)).dataBase64,
      'base64',
    );

    const before = flat(await pdftotext(original));
    expect(before).toMatch(/pieter post/iu);
    expect(before).toContain(BSN);

    const after = flat(await pdftotext(redacted));
    expect(after).not.toMatch(/pieter\s*post|meneer\s*post|kanaalstraat\s*14/iu);
    expect(after).not.toContain(BSN);
    expect(after.replace(/\D/gu, '')).not.toContain(BSN);
    expect(after).toContain(UNRELATED);
    // Nothing of the name in the raw bytes either (no metadata, no leftover text layer).
    expect(redacted.toString('latin1')).not.toMatch(/Pieter Post/iu);
  });

  it('cancels a long redaction: the progress bar stops and no redacted version is made', async () => {
    const token = await tokenOf(server.url, PEOPLE.handler);
    const pages = Array.from({ length: 80 }, (_, i) => [`Logboek overlast, dag ${i + 1}`, '', `Melding geregistreerd onder BSN ${BSN}.`]);
    const log = await textPdf('Logboek', pages);
    valueOf(
      await callApi(
        server.url,
        'dossier.import',
        { caseId, fileName: 'logboek-overlast.pdf', dataBase64: log.toString('base64'), source: 'overlastdossier' },
        token,
      ),
    );

    await page.getByRole('tab', { name: 'Lakken' }).click();
    await page.getByRole('combobox', { name: 'Document' }).selectOption({ label: 'logboek-overlast.pdf' });
    await page
      .getByRole('region', { name: 'Lakken: logboek-overlast.pdf' })
      .getByRole('img', { name: 'Pagina 1 van 80: logboek-overlast.pdf' })
      .waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Suggesties zoeken' }).click();
    await page.getByText('80 suggesties gevonden.', { exact: false }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Lakken toepassen (80 vlakken)' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByText(/Bezig met lakken: \d+ %/u).waitFor();
    // The page stays usable while the worker runs.
    await page.getByRole('button', { name: 'Volgende pagina' }).first().click();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByText('Het lakken is geannuleerd; er is geen gelakte versie gemaakt.').waitFor({ timeout: 15_000 });
    await checkScreen(page, 'redaction-cancelled');
    const logDoc = valueOf(await callApi(server.url, 'dossier.list', { caseId }, token)).find((d) => d.name === 'logboek-overlast.pdf');
    expect(logDoc?.redacted).toBeNull();
  });

  it('marks the neighbour as redacted everywhere and lets the case go to "Besluit in concept"', async () => {
    await page.getByRole('tab', { name: 'Derden' }).click();
    const register = page.getByRole('table', { name: 'Register van derden' });
    await register.getByRole('row', { name: new RegExp(`${NEIGHBOUR}.*Geen toestemming.*Ja`, 'u') }).waitFor();
    await page.getByText('Alle derden zijn gehoord; waar geen toestemming is, zijn hun gegevens overal gelakt.').waitFor();

    await page.getByRole('tab', { name: 'Overzicht' }).click();
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    const dialog = page.getByRole('dialog', { name: `Status van ${reference} wijzigen` });
    await dialog.getByRole('combobox', { name: 'Nieuwe status' }).selectOption({ label: 'Besluit in concept' });
    await dialog.getByRole('button', { name: 'Status wijzigen' }).click();
    await page.getByText('De status is gewijzigd in "Besluit in concept".').waitFor({ timeout: 15_000 });
    await checkScreen(page, 'redaction-case-decision');
  });

  it('had no console errors or Content Security Policy violations', () => {
    expect(tab.problems).toEqual([]);
  });
});
