import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePng } from '../../main/dossier/images.js';
import { value } from '../support/basics.js';
import { buildEml } from '../support/eml.js';
import { pdfText } from '../support/letters.js';
import { plaintextHits } from '../support/scan.js';
import { team } from '../support/team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

async function setup() {
  const t = await team((c) => (cleanup = c));
  const caseId = await t.register({ name: 'Fatma Yılmaz' });
  const upload = (fileName: string, bytes: Buffer, token = t.h1.token) =>
    t.call(
      'dossier.import',
      { caseId, fileName, dataBase64: bytes.toString('base64'), source: 'overlastdossier', documentDate: '2026-10-01', description: 'Melding' },
      token,
    );
  return { ...t, caseId, upload };
}

async function textPdf(text: string, pages = 1): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawText(text, { x: 50, y: 700, size: 12, font });
  return Buffer.from(await pdf.save());
}

const EML = buildEml({
  from: 'Buurman Pieter Post <pieter@example.org>',
  to: 'overlast@example.org',
  subject: 'Geluidsoverlast Dorpsstraat 3',
  date: 'Thu, 1 Oct 2026 10:00:00 +0200',
  body: 'Mevrouw Yılmaz draait elke nacht harde muziek. Groet, Pieter Post',
  attachments: [
    { fileName: 'notitie.txt', contentType: 'text/plain', content: Buffer.from('Notitie van Pieter Post over 30 september.') },
    { fileName: 'virus.exe', contentType: 'application/x-msdownload', content: Buffer.from('MZ nope') },
  ],
});

describe('dossier import', () => {
  it('reads PDF, image, text and e-mail with attachments into the encrypted case file', async () => {
    const { call, dir, h1, caseId, upload } = await setup();
    const pdf = value(await upload('huurcontract.pdf', await textPdf('Huurovereenkomst Fatma Yilmaz', 3)));
    expect(pdf.documents).toEqual([
      expect.objectContaining({ name: 'huurcontract.pdf', format: 'pdf', pages: 3, source: 'overlastdossier', documentDate: '2026-10-01' }),
    ]);
    value(await upload('foto.png', encodePng({ width: 40, height: 30, data: Buffer.alloc(40 * 30 * 4, 128) })));
    value(await upload('notities.txt', Buffer.from('Telefoongesprek met mevrouw Yılmaz, Łukasz Nguyễn belde ook.', 'utf8')));
    const mail = value(await upload('melding.eml', EML));
    expect(mail.documents.map((d) => [d.name, d.format, d.parentId === null])).toEqual([
      ['melding.eml', 'email', true],
      ['notitie.txt', 'text', false],
    ]);
    expect(mail.skipped).toEqual([expect.stringMatching(/^virus\.exe: .*alleen PDF, JPG, PNG/u)]);

    const list = value(await call('dossier.list', { caseId }, h1.token));
    expect(list).toHaveLength(5);
    const rendition = value(await call('dossier.pdf', { caseId, documentId: mail.documents[0]?.id ?? '' }, h1.token));
    expect(Buffer.from(rendition.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The message's date as staff read dates, in Dutch time, not as a machine timestamp.
    const renditionText = pdfText(Buffer.from(rendition.dataBase64, 'base64'));
    expect(renditionText).toContain('1 oktober 2026, 10:00');
    expect(renditionText).not.toMatch(/\d{4}-\d{2}-\d{2}T/u);
    // On disk: ciphertext only.
    expect(readdirSync(join(dir, 'cases', caseId)).length).toBeGreaterThanOrEqual(8);
    expect(plaintextHits(dir, ['Pieter Post', 'Huurovereenkomst', 'Nguyễn', 'harde muziek'])).toEqual([]);
  });

  it('refuses duplicates, lies, encrypted, corrupt and empty files in Dutch and stores nothing', async () => {
    const { call, h1, caseId, upload } = await setup();
    const bytes = await textPdf('Brief');
    value(await upload('brief.pdf', bytes));
    expect(await upload('kopie-van-brief.pdf', bytes)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Dit document staat al in het dossier als "brief.pdf".' },
    });
    expect(await upload('brief.txt', bytes)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/is een PDF maar heet \.txt/u) } });
    expect(await upload('scan.pdf', Buffer.from('geen pdf'))).toMatchObject({ ok: false, error: { message: '"scan.pdf" heet .pdf maar is geen PDF.' } });
    expect(await upload('kapot.pdf', bytes.subarray(0, 60))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/beschadigd/u) } });
    expect(await upload('leeg.pdf', Buffer.alloc(0))).toMatchObject({ ok: false, error: { message: '"leeg.pdf" is leeg.' } });
    expect(await upload('programma.exe', Buffer.from('MZ'))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await upload('nep.eml', Buffer.from('dit is geen mail'))).toMatchObject({
      ok: false,
      error: { message: '"nep.eml" heet .eml maar is geen e-mailbericht.' },
    });
    expect(value(await call('dossier.list', { caseId }, h1.token))).toHaveLength(1);
  });

  it('only the assigned handler imports; another handler cannot read the dossier', async () => {
    const { call, h2, caseId, upload } = await setup();
    expect(await upload('brief.pdf', await textPdf('Brief'), h2.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('dossier.list', { caseId }, h2.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('third parties', () => {
  it('must be heard, and redacted where they refused, before the decision', async () => {
    const { call, h1, caseId, upload } = await setup();
    const doc = value(await upload('melding.pdf', await textPdf('Melding van buurman Pieter Post'))).documents[0]?.id ?? '';
    const party = value(await call('thirdParty.add', { caseId, name: 'Pieter Post', role: 'buurman (melder van overlast)', documentIds: [doc] }, h1.token));
    expect(party).toMatchObject({ hearingStatus: 'te_horen', redactedEverywhere: false });
    let detail = value(await call('case.get', { id: caseId }, h1.token));
    expect(detail.tasks).toEqual([expect.objectContaining({ kind: 'zienswijze_derde', status: 'open' })]);

    value(await call('case.transition', { id: caseId, to: 'in_behandeling' }, h1.token));
    const blocked = await call('case.transition', { id: caseId, to: 'besluit_in_concept' }, h1.token);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: ['Pieter Post is nog niet gehoord.'] } });

    value(
      await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'geen_toestemming', note: 'Wil niet dat zijn melding wordt gedeeld.' }, h1.token),
    );
    detail = value(await call('case.get', { id: caseId }, h1.token));
    expect(detail.tasks[0]?.status).toBe('done');
    expect(await call('case.transition', { id: caseId, to: 'besluit_in_concept' }, h1.token)).toMatchObject({
      ok: false,
      error: { details: ['De gegevens van Pieter Post zijn nog niet in alle documenten gelakt.'] },
    });

    value(await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'toestemming' }, h1.token));
    expect(value(await call('case.transition', { id: caseId, to: 'besluit_in_concept' }, h1.token)).status).toBe('besluit_in_concept');
  });
});
