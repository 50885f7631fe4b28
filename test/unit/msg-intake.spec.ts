import { unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD } from '../support/backend.js';
import { value } from '../support/basics.js';
import { establishIdentity } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';
import { pdfText, requirePoppler } from '../support/letters.js';
import { buildMsg } from '../support/msg.js';
import { plaintextHits } from '../support/scan.js';
import { team } from '../support/team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
beforeAll(() => requirePoppler());

async function onePagePdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text, { x: 50, y: 700, size: 12, font });
  return pdf.save();
}

/** What Outlook drags out: a complaint by e-mail with a PDF, a note and a Word file attached. */
async function outlookMail(): Promise<Buffer> {
  return buildMsg({
    subject: 'Geluidsoverlast Dorpsstraat 3',
    senderName: 'Pieter Post',
    senderEmail: 'pieter@example.org',
    to: [{ name: 'Team Overlast', email: 'overlast@example.org' }],
    body: 'Mevrouw Yılmaz draait elke nacht harde muziek. Groet, Pieter Post',
    attachments: [
      { fileName: 'meldingsformulier.pdf', content: await onePagePdf('Meldingsformulier overlast') },
      { fileName: 'notitie.txt', content: new Uint8Array(Buffer.from('Notitie van Pieter Post over 30 september.')) },
      { fileName: 'verslag.docx', content: new Uint8Array(Buffer.from('PK\u0003\u0004 geen echte docx')) },
    ],
  });
}

async function setup() {
  const t = await team((c) => (cleanup = c));
  const caseId = await t.register({ name: 'Fatma Yılmaz' });
  const upload = (fileName: string, bytes: Buffer) =>
    t.call(
      'dossier.import',
      { caseId, fileName, dataBase64: bytes.toString('base64'), source: 'overlastdossier', description: 'Klacht van de buurman' },
      t.h1.token,
    );
  return { ...t, caseId, upload };
}

describe('Outlook .msg into the dossier', () => {
  it('names an attachment it could not read in the decision letter and in the package README', async () => {
    const t = await letterTeam((c) => (cleanup = c));
    const harm = t.handlerSigner;
    const caseId = await t.register(t.requester, { handlerId: harm.id });
    await establishIdentity(t.call, caseId, harm.token);
    value(
      await t.call(
        'dossier.import',
        { caseId, fileName: 'klacht.msg', dataBase64: (await outlookMail()).toString('base64'), source: 'overlastdossier' },
        harm.token,
      ),
    );
    value(await t.call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
    const letter = value(await t.call('letter.draft', { caseId, kind: 'besluit-inzage' }, harm.token));
    const concept = pdfText(Buffer.from(value(await t.call('letter.get', { letterId: letter.id }, harm.token)).pdfBase64, 'base64'));
    expect(concept).toContain('verslag.docx');
    value(await t.call('letter.submit', { letterId: letter.id }, harm.token));
    value(await t.call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, t.signer.token));
    const built = value(await t.call('package.build', { caseId }, harm.token));
    const readme = new TextDecoder().decode(unzipSync(Buffer.from(built.zipBase64, 'base64'))['LEESMIJ.txt']);
    expect(readme).toContain('verslag.docx (bijlage bij klacht.msg)');
  });

  it('reads a .msg like an .eml: the message, its attachments, and what was not read in listed in the dossier', async () => {
    const { call, dir, h1, caseId, upload } = await setup();
    const mail = value(await upload('klacht.msg', await outlookMail()));
    expect(mail.documents.map((d) => [d.name, d.format, d.parentId === null])).toEqual([
      ['klacht.msg', 'email', true],
      ['meldingsformulier.pdf', 'pdf', false],
      ['notitie.txt', 'text', false],
    ]);
    expect(mail.skipped).toEqual([expect.stringMatching(/^verslag\.docx: /u)]);

    // The dossier keeps saying what was not read in: on the message itself and in its rendition.
    const message = value(await call('dossier.list', { caseId }, h1.token)).find((d) => d.name === 'klacht.msg');
    expect(message?.description).toContain('Klacht van de buurman');
    expect(message?.description).toContain('Niet ingelezen: verslag.docx');
    const rendition = value(await call('dossier.pdf', { caseId, documentId: message?.id ?? '' }, h1.token));
    const text = pdfText(Buffer.from(rendition.dataBase64, 'base64'));
    for (const expected of [
      'Geluidsoverlast Dorpsstraat 3',
      'Pieter Post <pieter@example.org>',
      'Team Overlast <overlast@example.org>',
      'harde muziek',
      'Niet ingelezen',
      'verslag.docx',
    ])
      expect(text).toContain(expected);
    expect(plaintextHits(dir, ['Pieter Post', 'harde muziek', 'Meldingsformulier'])).toEqual([]);
  });

  it('refuses a file that is called .msg but is none, and a broken one, in Dutch', async () => {
    const { upload } = await setup();
    expect(await upload('nep.msg', Buffer.from('dit is geen Outlook-bericht'))).toMatchObject({
      ok: false,
      error: { message: '"nep.msg" heet .msg maar is geen Outlook-bericht.' },
    });
    const broken = Buffer.from(await outlookMail()).subarray(0, 1500);
    expect(await upload('kapot.msg', broken)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '"kapot.msg" is een beschadigd Outlook-bericht.' },
    });
  });

  it('refuses, in Dutch and with the process alive, a .msg whose sector chains or directory loop', async () => {
    const { upload } = await setup();
    const mail = Buffer.from(await outlookMail());
    // Bytes inserted in the header move every sector: msgreader then followed a looping chain until
    // the process ran out of memory (found by the import fuzzer).
    const shifted = Buffer.concat([mail.subarray(0, 343), Buffer.alloc(14, 0x31), mail.subarray(343)]);
    expect(await upload('verschoven.msg', shifted)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '"verschoven.msg" is een beschadigd Outlook-bericht.' },
    });
    // The first directory entry under the root made its own right sibling.
    const looped = Buffer.from(mail);
    const directory = 512 + looped.readUInt32LE(0x30) * 512;
    const first = looped.readUInt32LE(directory + 0x4c);
    looped.writeUInt32LE(first, directory + first * 128 + 0x48);
    expect(await upload('kring.msg', looped)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '"kring.msg" is een beschadigd Outlook-bericht.' },
    });
    // The legitimate file still goes in after both.
    expect(await upload('klacht.msg', mail)).toMatchObject({ ok: true });
  });
});
