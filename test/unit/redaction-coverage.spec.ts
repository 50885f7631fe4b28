import { execFileSync } from 'node:child_process';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRedactions } from '../../main/redaction/index.js';
import { value } from '../support/basics.js';
import { finishedJob, importPdf } from '../support/redaction-jobs.js';
import { team } from '../support/team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

async function pdfOf(lines: readonly string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - 24 * i, size: 11, font }));
  pdf.addPage([595, 842]).drawText('Bijlage: het huurcontract.', { x: 50, y: 780, size: 11, font });
  return Buffer.from(await pdf.save());
}

const NOTE = [
  'Dossiernotitie overlast, 12 november 2026.',
  'Melding van buurvrouw Marloes Brinkhorst over geluid na middernacht.',
  'Mevrouw Brinkhorst belde opnieuw op 14 november.',
  'E-mail Marloes: het geluid komt van de bovenburen.',
  'Volgens M. Brinkhorst duurt het al maanden.',
  'Zij woont op Kerkstraat 14, 1211 AB Hilversum.',
  'De huurder betaalt de huur op tijd.',
];

/** A suggestion as a box to apply: who it belongs to is the service's to work out, not the caller's. */
const boxes = <T extends { whose: unknown; preAccepted: unknown }>(list: readonly T[]) =>
  list.map(({ whose: _w, preAccepted: _p, thirdPartyId: _t, whoseLabel: _l, ...box }: T & { thirdPartyId?: unknown; whoseLabel?: unknown }) => box);

function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
}

type Job = {
  state: string;
  result: { thirdPartyIds: string[]; readable: { thirdPartyId: string; page: number; text: string }[] } | null;
  error: { message: string } | null;
};

describe('coverage of a third party over every way they are written', () => {
  it('finds surname, first name, initials and address, and never reports "volledig gelakt" while one is readable', async () => {
    const t = await team((c) => (cleanup = c));
    const caseId = await t.register({ name: 'Fatma Yildiz' });
    const documentId = await importPdf(t.call, t.h1.token, caseId, 'notitie.pdf', await pdfOf(NOTE));
    const party = value(
      await t.call(
        'thirdParty.add',
        { caseId, name: 'Marloes Brinkhorst', role: 'buurvrouw', address: 'Kerkstraat 14, 1211 AB Hilversum', documentIds: [documentId] },
        t.h1.token,
      ),
    );
    value(await t.call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'geen_toestemming' }, t.h1.token));

    const { suggestions } = value(await t.call('redaction.suggest', { caseId, documentId, thirdPartyIds: [party.id] }, t.h1.token));
    expect(suggestions.map((s) => s.text)).toEqual([
      'Marloes Brinkhorst',
      'Mevrouw Brinkhorst',
      'Marloes',
      'M. Brinkhorst',
      'Kerkstraat 14, 1211 AB Hilversum',
    ]);
    for (const s of suggestions)
      expect(s).toMatchObject({ whose: 'third_party', thirdPartyId: party.id, whoseLabel: 'M. Brinkhorst', reason: 'art. 15 lid 4 AVG', preAccepted: true });

    // Only the full name redacted, as the search found before: the rest is still readable and the result says what.
    const fullNameOnly = suggestions.filter((s) => s.text === 'Marloes Brinkhorst');
    const partial = await finishedJob<Job>(
      t.backend,
      t.h1.token,
      'redaction.status',
      value(await t.call('redaction.start', { caseId, documentId, redactions: boxes(fullNameOnly), thirdPartyIds: [party.id] }, t.h1.token)).jobId,
    );
    expect(partial.result?.thirdPartyIds).toEqual([]);
    expect(partial.result?.readable.map((r) => r.text)).toEqual(['Mevrouw Brinkhorst', 'Marloes', 'M. Brinkhorst', 'Kerkstraat 14, 1211 AB Hilversum']);
    expect(value(await t.call('thirdParty.list', { caseId }, t.h1.token))[0]?.redactedEverywhere).toBe(false);
    const partialSearch = value(await t.call('redaction.searchAll', { caseId, terms: [], thirdPartyIds: [party.id] }, t.h1.token));
    expect(partialSearch).toEqual([
      {
        documentId,
        name: 'notitie.pdf',
        occurrences: 5,
        redacted: true,
        covered: false,
        readable: ['Mevrouw Brinkhorst', 'Marloes', 'M. Brinkhorst', 'Kerkstraat 14, 1211 AB Hilversum'],
      },
    ]);

    const full = await finishedJob<Job>(
      t.backend,
      t.h1.token,
      'redaction.status',
      value(await t.call('redaction.start', { caseId, documentId, redactions: boxes(suggestions), thirdPartyIds: [party.id] }, t.h1.token)).jobId,
    );
    expect(full.result).toMatchObject({ thirdPartyIds: [party.id], readable: [] });
    const text = pdftotext(Buffer.from(value(await t.call('dossier.pdf', { caseId, documentId, version: 'redacted' }, t.h1.token)).dataBase64, 'base64'));
    expect(text).not.toMatch(/Brinkhorst|Marloes|Kerkstraat|1211/u);
    expect(text).toContain('Bijlage: het huurcontract.');
    // The redacted page keeps its other words as text.
    for (const kept of ['De huurder betaalt de huur op tijd.', 'belde opnieuw op 14 november.', 'het geluid komt van de bovenburen.'])
      expect(text).toContain(kept);
    expect(value(await t.call('thirdParty.list', { caseId }, t.h1.token))[0]?.redactedEverywhere).toBe(true);
    expect(value(await t.call('redaction.searchAll', { caseId, terms: [], thirdPartyIds: [party.id] }, t.h1.token))[0]).toMatchObject({
      redacted: true,
      covered: true,
      readable: [],
    });
  });
});

describe('whose data a finding is', () => {
  const LETTER = [
    'Klantnummer K-100234, Fatma Yildiz, f.yilmaz@voorbeeld.nl.',
    'Haar rekening NL91 ABNA 0417 1643 00 en BSN 111-222-333.',
    'Buurman Pieter Post, BSN 123456782, rekening DE89 3704 0044 0532 0130 00.',
  ];

  it("marks the requester's own identifiers in an access request and never pre-accepts them; others' BSN gets art. 46 UAVG", async () => {
    const t = await team((c) => (cleanup = c));
    const caseId = await t.register({ name: 'Fatma Yildiz', email: 'f.yilmaz@voorbeeld.nl', customerNumber: 'K-100234' });
    const documentId = await importPdf(t.call, t.h1.token, caseId, 'brief.pdf', await pdfOf(LETTER));
    const party = value(await t.call('thirdParty.add', { caseId, name: 'Pieter Post', role: 'buurman', documentIds: [documentId] }, t.h1.token));
    const { suggestions } = value(
      await t.call(
        'redaction.suggest',
        {
          caseId,
          documentId,
          thirdPartyIds: [party.id],
          terms: ['K-100234'],
          patterns: ['bsn', 'iban', 'email'],
          requester: { iban: 'NL91ABNA0417164300', bsn: '111222333' },
        },
        t.h1.token,
      ),
    );
    const byText = (text: string) => suggestions.find((s) => s.text === text);
    for (const own of ['K-100234', 'f.yilmaz@voorbeeld.nl', 'NL91 ABNA 0417 1643 00', '111-222-333']) {
      expect(byText(own), own).toMatchObject({ whose: 'requester', preAccepted: false });
    }
    expect(byText('Pieter Post')).toMatchObject({ whose: 'third_party', preAccepted: true, reason: 'art. 15 lid 4 AVG' });
    expect(byText('123456782')).toMatchObject({ whose: 'unknown', preAccepted: true, reason: 'art. 46 UAVG en art. 15 lid 4 AVG', kind: 'bsn' });
    expect(byText('DE89 3704 0044 0532 0130 00')).toMatchObject({ whose: 'unknown', preAccepted: true, reason: 'art. 15 lid 4 AVG' });
    // Without the requester's IBAN and BSN at hand, only what the case knows is recognised as theirs.
    const again = value(await t.call('redaction.suggest', { caseId, documentId, thirdPartyIds: [], patterns: ['bsn'] }, t.h1.token)).suggestions;
    expect(again.find((s) => s.text === '111-222-333')).toMatchObject({ whose: 'unknown', reason: 'art. 46 UAVG en art. 15 lid 4 AVG' });
  });

  it('merges overlapping findings into one suggestion', async () => {
    const t = await team((c) => (cleanup = c));
    const caseId = await t.register({ name: 'Fatma Yildiz' });
    const documentId = await importPdf(t.call, t.h1.token, caseId, 'mail.pdf', await pdfOf(['Van: pieter.post@voorbeeld.nl']));
    const party = value(
      await t.call('thirdParty.add', { caseId, name: 'Pieter Post', role: 'buurman', email: 'pieter.post@voorbeeld.nl', documentIds: [] }, t.h1.token),
    );
    const { suggestions } = value(
      await t.call('redaction.suggest', { caseId, documentId, thirdPartyIds: [party.id], terms: ['Post'], patterns: ['email'] }, t.h1.token),
    );
    expect(suggestions.map((s) => [s.text, s.whose])).toEqual([['pieter.post@voorbeeld.nl', 'third_party']]);
  });
});

describe('grounds per finding', () => {
  it('two boxes on one line with different grounds share one margin label', async () => {
    const pdf = await pdfOf(['Pieter Post belde op 3 oktober; BSN 111222333.']);
    const box = (x: number, reason: string) => ({ page: 0, x, y: 776, width: 60, height: 14, reason, source: 'term' as const, text: 'x' });
    const out = await applyRedactions(pdf, [box(50, 'art. 15 lid 4 AVG'), box(200, 'art. 46 UAVG en art. 15 lid 4 AVG')]);
    const text = pdftotext(out);
    expect(text).toContain('[1,2]');
    expect(text).toContain('[2] gelakt: art. 46 UAVG en art. 15 lid 4 AVG');
  });
});
