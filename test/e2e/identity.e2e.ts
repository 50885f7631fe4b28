import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutchToday } from '../../shared/cases/cases.js';
import { addMonths } from '../../shared/deadlines/dates.js';
import { callApi, valueOf } from './support/api.js';
import { checkScreen, type TestPage } from './support/browser.js';
import { openDesk } from './support/desk.js';
import type { RunningServer } from './support/server.js';
import { callAsPage, openFromQueue, seedStaff, tokenOf } from './support/ui.js';

/**
 * Issue 4's scenario through the real UI: the handler reads in a (made-up) ID card, masks photo,
 * BSN and MRZ with the mouse and the keyboard, enters the card's data with live checks, records the
 * outcome, and the copy is gone while the record (last four characters only) stays. A 15-year-old's
 * request without a representative cannot be verified.
 */
const ADMIN = { fullName: 'Margriet van Dijk-Ağaoğlu', userName: 'margriet', password: 'Tulpen-Bollen-Streek-77' };
const PEOPLE = {
  intake: { fullName: 'Sanne Kuipers-Ñúñez', userName: 'sanne', password: 'Kaasmarkt-Waag-Plein-31', roles: ['intake' as const] },
  handler: { fullName: 'Fatma Yılmaz', userName: 'fatma', password: 'Kade-Gracht-Brug-1642!', roles: ['handler' as const] },
};
const ADULT = { name: 'Łukasz Nguyễn-Özdemir', surname: 'Nguyễn-Özdemir', birthDate: '1988-04-12' };
const MINOR = { name: 'Emre Yılmaz-Kowalczyk', surname: 'Yılmaz-Kowalczyk' };
const CHILD = {
  name: 'Zoë Þórsdóttir-Bakker',
  parent: 'Hanne Þórsdóttir',
  parentSurname: 'Þórsdóttir',
  address: 'Kanaalstraat 12-3, 3531 CK Utrecht',
  customerNumber: 'K-560013',
};
const DOCUMENT_NUMBER = 'IX4B71K92';

const today = dutchToday(new Date());
const expiry = addMonths(today, 5 * 12);
const minorBirthDate = addMonths(today, -(15 * 12 + 6));

/** The image: 1000 × 630, a card with a photo, text lines, a BSN line and an MRZ band. */
const WIDTH = 1000;
const HEIGHT = 630;
const BACKGROUND = [223, 233, 245];

function idCardPng(): Buffer {
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  const fill = (x0: number, y0: number, w: number, h: number, [r, g, b]: number[]) => {
    for (let y = y0; y < y0 + h; y++) {
      for (let x = x0; x < x0 + w; x++) {
        const i = (y * WIDTH + x) * 4;
        png.data[i] = r ?? 0;
        png.data[i + 1] = g ?? 0;
        png.data[i + 2] = b ?? 0;
        png.data[i + 3] = 255;
      }
    }
  };
  fill(0, 0, WIDTH, HEIGHT, BACKGROUND);
  fill(0, 0, WIDTH, 70, [0, 84, 147]); // header band
  fill(60, 150, 300, 360, [150, 140, 130]); // photo
  for (let line = 0; line < 5; line++) fill(400, 160 + line * 45, 420 - line * 40, 18, [60, 60, 70]); // name, dates …
  fill(400, 420, 300, 24, [20, 20, 20]); // BSN
  for (let line = 0; line < 3; line++) for (let c = 0; c < 30; c++) fill(30 + c * 31, 530 + line * 30, 22, 22, [40, 40, 40]); // MRZ
  return PNG.sync.write(png);
}

/** ICAO 9303 check digit. */
function checkDigit(text: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  [...text].forEach((c, i) => {
    const value = c === '<' ? 0 : /\d/u.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (weights[i % 3] ?? 1);
  });
  return String(sum % 10);
}

/** A TD1 (identity card) MRZ of three lines of 30, with valid check digits. */
function td1(): string[] {
  const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  const line1 = `I<NLD${DOCUMENT_NUMBER}${checkDigit(DOCUMENT_NUMBER)}`.padEnd(30, '<');
  const birth = yymmdd(ADULT.birthDate);
  const until = yymmdd(expiry);
  const middle = `${birth}${checkDigit(birth)}M${until}${checkDigit(until)}NLD`.padEnd(29, '<');
  const composite = checkDigit(line1.slice(5, 30) + middle.slice(0, 7) + middle.slice(8, 15) + middle.slice(18, 29));
  const line3 = 'NGUYEN<OZDEMIR<<LUKASZ'.padEnd(30, '<');
  return [line1, middle + composite, line3];
}

let server: RunningServer;
let tab: TestPage;
let page: Page;
let close = () => Promise.resolve();
const refs = { adult: '', minor: '', child: '' };

async function openCase(reference: string) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Werkvoorraad' }).click();
  await openFromQueue(page, reference);
  await page.getByRole('tab', { name: 'Identiteit' }).click();
}

type Copies = { copies: { id: string; masked: boolean }[]; checks: { documentNumberTail: string | null; outcome: string }[] };

/** The handler's three requests: an adult's, a 15-year-old's without a representative, and a child's with a parent. */
async function seed(url: string): Promise<void> {
  const staff = await seedStaff(url, ADMIN, PEOPLE);
  const intake = await tokenOf(url, PEOPLE.intake);
  const base = { type: 'inzage', channel: 'brief', received: today, writtenAndSigned: true, handlerId: staff.handler.id } as const;
  refs.adult = valueOf(
    await callApi(
      url,
      'case.create',
      { ...base, requester: { name: ADULT.name, birthDate: ADULT.birthDate, relation: 'huurder', customerNumber: 'K-118822' } },
      intake,
    ),
  ).reference;
  refs.minor = valueOf(
    await callApi(url, 'case.create', { ...base, requester: { name: MINOR.name, birthDate: minorBirthDate, relation: 'bewoner' } }, intake),
  ).reference;
  refs.child = valueOf(
    await callApi(
      url,
      'case.create',
      {
        ...base,
        requester: { name: CHILD.name, birthDate: minorBirthDate, relation: 'bewoner', address: CHILD.address, customerNumber: CHILD.customerNumber },
        representative: { kind: 'wettelijk_vertegenwoordiger', name: CHILD.parent, basis: 'ouder met gezag' },
      },
      intake,
    ),
  ).reference;
}

describe('establishing identity with a masked ID copy', () => {
  beforeAll(async () => {
    const desk = await openDesk(seed, { signIn: { person: PEOPLE.handler, screen: 'Werkvoorraad' } });
    ({ server, tab, page, close } = desk);
  });

  afterAll(() => close());

  it('reads in a copy of the ID card and shows it for masking', async () => {
    await openCase(refs.adult);
    const panel = page.getByRole('region', { name: `Verzoeker: ${ADULT.name}` });
    await expect.poll(() => panel.getByText('Nog niet vastgesteld').isVisible()).toBe(true);
    await panel.getByRole('radio', { name: 'Kopie van identiteitsbewijs ontvangen' }).check();
    await panel.locator('input[type="file"]').setInputFiles({ name: 'identiteitskaart.png', mimeType: 'image/png', buffer: idCardPng() });
    await expect.poll(() => panel.getByText('De kopie is ingelezen.', { exact: false }).isVisible(), { timeout: 15_000 }).toBe(true);
    await panel.getByRole('img', { name: 'Kopie van het identiteitsbewijs, nog niet gemaskeerd' }).waitFor();
    expect(await panel.getByText('Nog niet gemaskeerd').isVisible()).toBe(true);
  });

  it('masks photo, BSN and MRZ with the mouse and with the keyboard form', async () => {
    const panel = page.getByRole('region', { name: `Verzoeker: ${ADULT.name}` });
    const before = valueOf(await callAsPage<Copies>(page, 'identity.get', { caseId: await caseIdOf(refs.adult) }));
    const originalId = before.copies[0]?.id ?? '';

    // The photo, dragged with the mouse on the canvas (shown at 640 of 1000 pixels wide).
    const canvas = panel.getByRole('img', { name: 'Kopie van het identiteitsbewijs, nog niet gemaskeerd' });
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas not shown');
    const scale = box.width / WIDTH;
    await page.mouse.move(box.x + 50 * scale, box.y + 140 * scale);
    await page.mouse.down();
    await page.mouse.move(box.x + 370 * scale, box.y + 520 * scale, { steps: 8 });
    await page.mouse.up();
    const boxes = panel.getByRole('list', { name: 'Vlakken' });
    await expect.poll(() => boxes.getByRole('listitem').count()).toBe(1);

    // BSN and MRZ, typed in image pixels; a wrong one first, then one too many, removed again.
    const add = async (x: number, y: number, width: number, height: number) => {
      await panel.getByRole('spinbutton', { name: 'Van links (x)' }).fill(String(x));
      await panel.getByRole('spinbutton', { name: 'Van boven (y)' }).fill(String(y));
      await panel.getByRole('spinbutton', { name: 'Breedte' }).fill(String(width));
      await panel.getByRole('spinbutton', { name: 'Hoogte' }).fill(String(height));
      await panel.getByRole('button', { name: 'Vlak toevoegen' }).click();
    };
    await add(900, 600, 200, 100);
    expect(await panel.getByText('Het vlak moet binnen de afbeelding liggen en een breedte en hoogte hebben.').isVisible()).toBe(true);
    await add(390, 410, 320, 44);
    await add(0, 515, 1000, 115);
    await add(900, 80, 50, 50);
    await expect.poll(() => boxes.getByRole('listitem').count()).toBe(4);
    await panel.getByRole('button', { name: 'Vlak 4 verwijderen' }).click();
    await expect.poll(() => boxes.getByRole('listitem').count()).toBe(3);
    expect(await boxes.getByText('Vlak 2: 320 × 44 vanaf (390, 410)').isVisible()).toBe(true);
    await checkScreen(page, 'identity-masking');

    await panel.getByRole('button', { name: 'Maskering toepassen' }).click();
    await expect.poll(() => panel.getByText('De maskering is toegepast; de ongemaskeerde kopie is vernietigd.').isVisible(), { timeout: 15_000 }).toBe(true);
    await panel.getByRole('img', { name: 'Gemaskeerde kopie van het identiteitsbewijs' }).waitFor();

    // The boxes are burned into the stored pixels, in image coordinates; the unmasked copy is gone.
    const after = valueOf(await callAsPage<Copies>(page, 'identity.get', { caseId: await caseIdOf(refs.adult) }));
    const maskedId = after.copies[0]?.id ?? '';
    expect(after.copies).toHaveLength(1);
    expect(after.copies[0]?.masked).toBe(true);
    expect(maskedId).not.toBe(originalId);
    const view = valueOf(await callAsPage<{ dataBase64: string }>(page, 'identity.viewCopy', { caseId: await caseIdOf(refs.adult), copyId: maskedId }));
    const pixels = PNG.sync.read(Buffer.from(view.dataBase64, 'base64'));
    const at = (x: number, y: number) => [...pixels.data.subarray((y * WIDTH + x) * 4, (y * WIDTH + x) * 4 + 3)];
    expect(at(200, 330)).toEqual([0, 0, 0]); // photo
    expect(at(550, 430)).toEqual([0, 0, 0]); // BSN
    expect(at(500, 580)).toEqual([0, 0, 0]); // MRZ
    expect(at(920, 100)).toEqual(BACKGROUND); // the removed box left the card as it was
    const gone = await callAsPage(page, 'identity.viewCopy', { caseId: await caseIdOf(refs.adult), copyId: originalId });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await checkScreen(page, 'identity-masked');
  });

  it('checks the entered document data live, each check with its Dutch message', async () => {
    const panel = page.getByRole('region', { name: `Verzoeker: ${ADULT.name}` });
    await panel.getByRole('combobox', { name: 'Soort document' }).selectOption({ label: 'Identiteitskaart' });
    expect(await panel.getByRole('textbox', { name: 'Land van uitgifte' }).inputValue()).toBe('NLD');
    await panel.getByRole('textbox', { name: 'Documentnummer' }).fill(DOCUMENT_NUMBER.toLowerCase());
    await panel.getByRole('textbox', { name: 'Geldig tot en met' }).fill(expiry);
    await panel.getByRole('textbox', { name: 'Achternaam' }).fill(ADULT.surname);
    await panel.getByRole('textbox', { name: 'Geboortedatum' }).fill('1988-04-21');
    await expect.poll(() => panel.getByText('De geboortedatum op het document verschilt van die in de zaak.').isVisible(), { timeout: 15_000 }).toBe(true);

    await panel.getByRole('textbox', { name: 'Geboortedatum' }).fill(ADULT.birthDate);
    await panel.getByRole('textbox', { name: 'MRZ (optioneel)' }).fill(td1().join('\n'));
    await expect
      .poll(() => panel.getByText('De MRZ is geldig (ICAO 9303-controlecijfers) en komt overeen met de ingevoerde gegevens.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    for (const message of [
      'De geboortedatum komt overeen met de zaak.',
      'De achternaam komt overeen met de zaak.',
      'Het documentnummer heeft de Nederlandse indeling.',
      'Uitgegeven door NLD.',
    ]) {
      expect(await panel.getByText(message).isVisible()).toBe(true);
    }
    await checkScreen(page, 'identity-checks');
  });

  it('records the outcome: the copy is destroyed, the record keeps only the last four characters', async () => {
    const panel = page.getByRole('region', { name: `Verzoeker: ${ADULT.name}` });
    expect(await panel.getByRole('radio', { name: 'Identiteit vastgesteld' }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Vastleggen' }).click();
    // Verified, the case moves on to its next step (Dossier); the record stays under Identiteit.
    await page
      .getByText('De uitkomst is vastgelegd en de kopie van het identiteitsbewijs is vernietigd. Volgende stap: Dossier samenstellen.')
      .waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: 'Identiteit' }).click();
    await expect.poll(() => panel.getByText('eindigt op 1K92').isVisible()).toBe(true);
    expect(await panel.getByText('Identiteit vastgesteld', { exact: true }).first().isVisible()).toBe(true);
    expect(await panel.getByText('kopie vernietigd').isVisible()).toBe(true);
    expect(await panel.getByText('Identiteitskaart, NLD').isVisible()).toBe(true);
    expect(await panel.getByText(PEOPLE.handler.fullName).isVisible()).toBe(true);
    expect(await panel.getByRole('img').count()).toBe(0);
    expect(await page.content()).not.toContain(DOCUMENT_NUMBER);

    const view = valueOf(await callAsPage<Copies>(page, 'identity.get', { caseId: await caseIdOf(refs.adult) }));
    expect(view.copies).toEqual([]);
    expect(view.checks).toHaveLength(1);
    expect(view.checks[0]?.documentNumberTail).toBe('1K92');
    // Verified: the case moved on to "In behandeling".
    await expect.poll(() => page.getByText('In behandeling', { exact: true }).first().isVisible()).toBe(true);
    await checkScreen(page, 'identity-recorded');
  });

  it('refuses to verify a 15-year-old whose request has no representative, in Dutch', async () => {
    await openCase(refs.minor);
    await expect
      .poll(() =>
        page
          .getByText('De verzoeker was op de dag van ontvangst jonger dan 16 jaar of is handelingsonbekwaam, en de zaak heeft geen vertegenwoordiger.', {
            exact: false,
          })
          .isVisible(),
      )
      .toBe(true);
    const panel = page.getByRole('region', { name: `Verzoeker: ${MINOR.name}` });
    await panel.getByRole('radio', { name: 'Aan de balie (document getoond, geen kopie)' }).check();
    await panel.getByRole('textbox', { name: 'Documentnummer' }).fill('NP7H3R2K5');
    await panel.getByRole('textbox', { name: 'Geldig tot en met' }).fill(expiry);
    await panel.getByRole('textbox', { name: 'Achternaam' }).fill(MINOR.surname);
    await panel.getByRole('textbox', { name: 'Geboortedatum' }).fill(minorBirthDate);
    await expect.poll(() => panel.getByText('De geboortedatum komt overeen met de zaak.').isVisible(), { timeout: 15_000 }).toBe(true);
    await panel.getByRole('button', { name: 'Vastleggen' }).click();
    await expect
      .poll(
        () =>
          panel
            .getByText(
              'De verzoeker was op de dag van ontvangst jonger dan 16 jaar of is handelingsonbekwaam: het verzoek moet door de wettelijk vertegenwoordiger worden gedaan.',
              { exact: false },
            )
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(await panel.getByText('Nog niet vastgesteld').isVisible()).toBe(true);
    await checkScreen(page, 'identity-minor-refused');
  });

  it('verifies a representative with their authority first, then the child as a known customer', async () => {
    await openCase(refs.child);
    await expect
      .poll(() => page.getByText('Stel eerst de identiteit en de bevoegdheid van de vertegenwoordiger vast.', { exact: false }).isVisible())
      .toBe(true);
    const parent = page.getByRole('region', { name: `Vertegenwoordiger: ${CHILD.parent}` });
    await parent.getByRole('radio', { name: 'Aan de balie (document getoond, geen kopie)' }).check();
    await parent.getByRole('combobox', { name: 'Soort document' }).selectOption({ label: 'Paspoort' });
    await parent.getByRole('textbox', { name: 'Documentnummer' }).fill('BT83K5LP1');
    await parent.getByRole('textbox', { name: 'Geldig tot en met' }).fill(expiry);
    await parent.getByRole('textbox', { name: 'Achternaam' }).fill(CHILD.parentSurname);
    await parent.getByRole('textbox', { name: 'Geboortedatum' }).fill('1983-09-30');
    await expect.poll(() => parent.getByText('De achternaam komt overeen met de zaak.').isVisible(), { timeout: 15_000 }).toBe(true);
    // Without the authority the backend refuses, in Dutch.
    await parent.getByRole('button', { name: 'Vastleggen' }).click();
    await expect
      .poll(() => parent.getByText('Leg vast waaruit de bevoegdheid van de vertegenwoordiger blijkt', { exact: false }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await parent
      .getByRole('combobox', { name: 'Bevoegdheid blijkt uit' })
      .selectOption({ label: 'Ouderlijk gezag (uittreksel gezagsregister of geboorteakte)' });
    await parent.getByRole('checkbox', { name: 'Ik heb het document over de bevoegdheid gecontroleerd' }).check();
    await checkScreen(page, 'identity-representative');
    await parent.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => parent.getByText('De uitkomst is vastgelegd.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => parent.getByText('eindigt op 5LP1').isVisible()).toBe(true);

    const child = page.getByRole('region', { name: `Verzoeker: ${CHILD.name}` });
    await child.getByRole('radio', { name: 'Bekende klant: klantnummer, adres en geboortedatum kloppen' }).check();
    await child.getByRole('checkbox', { name: 'Klantnummer, adres en geboortedatum komen overeen met de klantadministratie' }).check();
    await child.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('De uitkomst is vastgelegd. Volgende stap: Dossier samenstellen.').waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: 'Identiteit' }).click();
    await expect.poll(() => child.getByText('klantnummer, adres, geboortedatum').isVisible()).toBe(true);
    await checkScreen(page, 'identity-representative-recorded');
  });

  it('had no console errors or Content Security Policy violations', () => {
    expect(tab.problems).toEqual([]);
  });
});

const ids = new Map<string, string>();
/** A case's id by its reference, from the handler's queue. */
async function caseIdOf(reference: string): Promise<string> {
  const known = ids.get(reference);
  if (known) return known;
  const queue = valueOf(await callApi(server.url, 'case.queue', { search: reference }, await tokenOf(server.url, PEOPLE.handler)));
  const id = queue.rows.find((row) => row.reference === reference)?.id ?? '';
  ids.set(reference, id);
  return id;
}
