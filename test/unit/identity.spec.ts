import { PDFDocument, rgb } from 'pdf-lib';
import jpeg from 'jpeg-js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePng, encodePng } from '../../main/dossier/images.js';
import { value } from '../support/basics.js';
import { plaintextHits } from '../support/scan.js';
import { openStoreAs } from '../support/store.js';
import { team } from '../support/team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const DOC_NUMBER = 'IX4B71K92';

/** A made-up "ID card": coloured bands, so masking can be seen in the pixels. */
function idCardPng(width = 320, height = 200): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 7) % 256;
      data[i + 1] = (y * 5) % 256;
      data[i + 2] = 200;
      data[i + 3] = 255;
    }
  }
  return encodePng({ width, height, data });
}

async function setup() {
  const t = await team((c) => (cleanup = c));
  return { ...t, create: t.register };
}

const ADULT = { name: 'Fatma Yılmaz-de Vries', birthDate: '1984-02-29' };
const CARD = {
  documentType: 'identiteitskaart',
  issuingCountry: 'NLD',
  documentNumber: DOC_NUMBER,
  expiry: '2031-06-30',
  surname: 'Yılmaz-de Vries',
  birthDate: '1984-02-29',
} as const;

describe('ID copy: upload, mask, verify, destroy', () => {
  it('runs the whole path and leaves only the record', async () => {
    const { call, dir, intake, h1, create, backend } = await setup();
    const caseId = await create(ADULT);
    const { copyId } = value(
      await call('identity.uploadCopy', { caseId, subject: 'verzoeker', fileName: 'scan.png', dataBase64: idCardPng().toString('base64') }, intake.token),
    );
    // Intake recorded it, but may not look at it.
    expect(await call('identity.viewCopy', { caseId, copyId }, intake.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Not masked yet: verification by copy is refused.
    const early = await call('identity.record', { caseId, subject: 'verzoeker', method: 'kopie', outcome: 'geverifieerd', document: CARD }, h1.token);
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Maskeer eerst BSN, pasfoto en MRZ/u) } });

    const masked = value(await call('identity.maskCopy', { caseId, copyId, boxes: [{ x: 10, y: 20, width: 100, height: 50 }] }, h1.token));
    const view = value(await call('identity.viewCopy', { caseId, copyId: masked.copyId }, h1.token));
    const pixels = decodePng(Buffer.from(view.dataBase64, 'base64'));
    const at = (x: number, y: number) => [...pixels.data.subarray((y * pixels.width + x) * 4, (y * pixels.width + x) * 4 + 3)];
    expect(at(50, 40)).toEqual([0, 0, 0]); // burned in
    expect(at(200, 150)).not.toEqual([0, 0, 0]);
    expect(view.masked).toBe(true);
    // The unmasked original is gone.
    expect(await call('identity.viewCopy', { caseId, copyId }, h1.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const checks = value(await call('identity.check', { caseId, subject: 'verzoeker', document: CARD }, h1.token));
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    const record = value(await call('identity.record', { caseId, subject: 'verzoeker', method: 'kopie', outcome: 'geverifieerd', document: CARD }, h1.token));
    expect(record).toMatchObject({
      method: 'kopie',
      outcome: 'geverifieerd',
      documentType: 'identiteitskaart',
      documentNumberTail: '1K92',
      expiry: '2031-06-30',
      copiesDestroyed: 1,
      verifiedBy: h1.id,
    });
    expect(record.checksPassed).toEqual(['land', 'geldigheid', 'naam', 'geboortedatum', 'documentnummer']);

    const identity = value(await call('identity.get', { caseId }, h1.token));
    expect(identity).toMatchObject({ requesterVerified: true, copies: [] });
    expect(value(await call('case.get', { id: caseId }, h1.token)).status).toBe('in_behandeling');
    expect(await call('identity.viewCopy', { caseId, copyId: masked.copyId }, h1.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(readdirSync(join(dir, 'cases', caseId))).toEqual([]);

    // Nowhere on disk: not the image, not the document number; in the store only the last four.
    backend.close();
    const sample = Buffer.from(view.dataBase64, 'base64');
    const idat = sample.subarray(sample.indexOf('IDAT') + 4, sample.indexOf('IDAT') + 68).toString('latin1');
    expect(plaintextHits(dir, [DOC_NUMBER, idat])).toEqual([]);
    const store = await openStoreAs(dir, 'hanna', 'Tulpen-Bollen-Streek-77');
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    const everything = tables.map((t) => JSON.stringify(store.sqlite.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
    store.close();
    expect(everything).not.toContain(DOC_NUMBER);
    expect(everything).toContain('1K92');
  });

  it('accepts JPG and PDF, refuses lies, empty, corrupt and oversized files in Dutch', async () => {
    const { call, h1, create } = await setup();
    const caseId = await create(ADULT);
    const upload = (fileName: string, bytes: Buffer) =>
      call('identity.uploadCopy', { caseId, subject: 'verzoeker', fileName, dataBase64: bytes.toString('base64') }, h1.token);
    const rgba = decodePng(idCardPng(64, 40));
    const jpg = Buffer.from(jpeg.encode({ width: 64, height: 40, data: rgba.data }, 80).data);
    expect(value(await upload('foto.JPG', jpg))).toMatchObject({ width: 64, height: 40 });
    const pdf = await PDFDocument.create();
    pdf.addPage([243, 153]).drawRectangle({ x: 0, y: 0, width: 243, height: 153, color: rgb(1, 0, 0) });
    const fromPdf = value(await upload('kopie.pdf', Buffer.from(await pdf.save())));
    expect(fromPdf).toMatchObject({ width: 506, height: 318 }); // 243 × 153 pt at 150 dpi
    const red = decodePng(Buffer.from(value(await call('identity.viewCopy', { caseId, copyId: fromPdf.copyId }, h1.token)).dataBase64, 'base64'));
    expect([...red.data.subarray(0, 3)]).toEqual([255, 0, 0]); // colours survive: red stays red

    expect(await upload('scan.pdf', idCardPng())).toMatchObject({
      ok: false,
      error: { message: 'Het bestand heet .pdf maar is een PNG-bestand. Controleer of het het juiste bestand is.' },
    });
    expect(await upload('leeg.png', Buffer.alloc(0))).toMatchObject({ ok: false, error: { message: 'Het bestand is leeg.' } });
    expect(await upload('tekst.png', Buffer.from('dit is geen afbeelding'))).toMatchObject({
      ok: false,
      error: { message: 'Alleen JPG, PNG of PDF kan worden ingelezen.' },
    });
    const broken = idCardPng().subarray(0, 200);
    expect(await upload('kapot.png', broken)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/beschadigd PNG-bestand/u) } });
    const bomb = Buffer.from(idCardPng(2, 2));
    bomb.writeUInt32BE(60_000, 16);
    bomb.writeUInt32BE(60_000, 20);
    expect(await upload('bom.png', bomb)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/te groot/u) } });
    expect(await upload('kapot.pdf', Buffer.from('%PDF-1.7\n garbage'))).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/beschadigd PDF-bestand/u) },
    });
    expect(value(await call('identity.get', { caseId }, h1.token)).copies).toHaveLength(2);
  });

  it('another handler is refused the copy', async () => {
    const { call, h1, h2, dpo, create } = await setup();
    const caseId = await create(ADULT);
    const { copyId } = value(
      await call('identity.uploadCopy', { caseId, subject: 'verzoeker', fileName: 'a.png', dataBase64: idCardPng().toString('base64') }, h1.token),
    );
    expect(await call('identity.viewCopy', { caseId, copyId }, h2.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Deze zaak is niet aan u toegewezen.' },
    });
    expect(await call('identity.get', { caseId }, h2.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(value(await call('identity.viewCopy', { caseId, copyId }, dpo.token)).width).toBe(320);
    expect(await call('identity.maskCopy', { caseId, copyId, boxes: [{ x: 0, y: 0, width: 5, height: 5 }] }, dpo.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('age rule and representation', () => {
  it('a 15-year-old’s request without a representative cannot be verified', async () => {
    const { call, h1, create } = await setup();
    const caseId = await create({ name: 'Łukasz Nguyễn-Özdemir', birthDate: '2011-03-14' });
    const result = await call('identity.record', { caseId, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, h1.token);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/jonger dan 16 jaar .* wettelijk vertegenwoordiger/u) },
    });
    expect(value(await call('identity.get', { caseId }, h1.token))).toMatchObject({
      representationRequired: true,
      hasRepresentative: false,
      requesterVerified: false,
    });
  });

  it('with a parent: first the parent’s identity and authority, then the child', async () => {
    const { call, h1, create } = await setup();
    const caseId = await create(
      { name: 'Łukasz Nguyễn-Özdemir', birthDate: '2011-03-14' },
      { representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Marta Nguyễn', basis: 'moeder' } },
    );
    expect(await call('identity.record', { caseId, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, h1.token)).toMatchObject({
      ok: false,
      error: { message: 'Stel eerst de identiteit en de bevoegdheid van de vertegenwoordiger vast.' },
    });
    const parentCard = {
      documentType: 'paspoort',
      issuingCountry: 'NLD',
      documentNumber: 'NXC3F1K72',
      expiry: '2029-01-31',
      surname: 'Nguyễn',
      birthDate: '1985-07-01',
    } as const;
    expect(
      await call('identity.record', { caseId, subject: 'vertegenwoordiger', method: 'balie', outcome: 'geverifieerd', document: parentCard }, h1.token),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/bevoegdheid/u) } });
    value(
      await call(
        'identity.record',
        {
          caseId,
          subject: 'vertegenwoordiger',
          method: 'balie',
          outcome: 'geverifieerd',
          document: parentCard,
          authority: 'ouderlijk_gezag',
          authorityChecked: true,
        },
        h1.token,
      ),
    );
    value(await call('identity.record', { caseId, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, h1.token));
    expect(value(await call('identity.get', { caseId }, h1.token))).toMatchObject({ representativeVerified: true, requesterVerified: true });
  });

  it.each([
    ['turning 16 on the day of receipt counts as 16', '2010-11-25', '2026-11-25', false],
    ['16 tomorrow is still 15', '2010-11-26', '2026-11-25', true],
    ['born 29 February: 15 on 28 February of a leap year', '2008-02-29', '2024-02-28', true],
    ['born 29 February: 16 on 29 February of a leap year', '2008-02-29', '2024-02-29', false],
    // (A 16th birthday of someone born on 29 February always falls in a leap year; ageOn's
    // common-year rule, 1 March, is tested in deadlines.spec.ts.)
  ])('%s', async (_why, birthDate, received, required) => {
    const { call, h1, create } = await setup();
    const caseId = await create({ name: 'Sanne Bakker', birthDate }, { received });
    expect(value(await call('identity.get', { caseId }, h1.token)).representationRequired).toBe(required);
  });

  it('more information needed: the task to ask for ID and, by setting, the clock stops', async () => {
    const { call, h1, create, dpo } = await setup();
    const policy = value(await call('settings.getDeadlinePolicy', {}, dpo.token));
    value(await call('settings.setDeadlinePolicy', { ...policy, suspendWhileAwaitingId: true }, dpo.token));
    const caseId = await create(ADULT);
    expect(await call('identity.record', { caseId, subject: 'verzoeker', method: 'kopie', outcome: 'meer_informatie' }, h1.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    value(
      await call('identity.record', { caseId, subject: 'verzoeker', method: 'kopie', outcome: 'meer_informatie', reason: 'De kopie is onleesbaar.' }, h1.token),
    );
    const detail = value(await call('case.get', { id: caseId }, h1.token));
    expect(detail).toMatchObject({ status: 'identificatie', suspendedSince: '2026-11-25', urgency: 'none' });
    expect(detail.tasks.map((t) => [t.kind, t.status])).toEqual([['verzoek_om_identificatie', 'open']]);
  });

  it('a known customer is verified by matching data, with the data present', async () => {
    const { call, h1, create } = await setup();
    const bare = await create(ADULT);
    expect(
      await call(
        'identity.record',
        { caseId: bare, subject: 'verzoeker', method: 'klantgegevens', outcome: 'geverifieerd', customerDataMatch: true },
        h1.token,
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const full = await create(
      { ...ADULT, name: 'Fatma Yılmaz' },
      { requester: { ...ADULT, name: 'Fatma Yılmaz', relation: 'huurder', customerNumber: 'K-1', address: 'Dorpsstraat 1, Hilversum' } },
    );
    expect(await call('identity.record', { caseId: full, subject: 'verzoeker', method: 'klantgegevens', outcome: 'geverifieerd' }, h1.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      value(
        await call(
          'identity.record',
          { caseId: full, subject: 'verzoeker', method: 'klantgegevens', outcome: 'geverifieerd', customerDataMatch: true },
          h1.token,
        ),
      ).checksPassed,
    ).toEqual(['klantnummer', 'adres', 'geboortedatum']);
  });
});
