import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/app/cli/run.js';
import { value } from '../support/basics.js';
import { finishedJob, importPdf } from '../support/redaction-jobs.js';
import { team } from '../support/team.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

async function letterPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const p1 = pdf.addPage([595, 842]);
  p1.drawText('Melding van buurman Pieter Post over geluidsoverlast.', { x: 50, y: 760, size: 12, font });
  p1.drawText('Pieter Post belde op 3 oktober; BSN 111222333.', { x: 50, y: 730, size: 12, font });
  pdf.addPage([595, 842]).drawText('De huurder betaalt de huur op tijd.', { x: 50, y: 760, size: 12, font });
  return Buffer.from(await pdf.save());
}

function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
}

describe('redaction of dossier documents', () => {
  it('suggests, applies in a worker, and releases the case for a decision only when fully covered', async () => {
    const t = await team((c) => (cleanup = c));
    const caseId = await t.register({ name: 'Fatma Yılmaz' });
    const documentId = await importPdf(t.call, t.h1.token, caseId, 'melding.pdf', await letterPdf());
    const party = value(await t.call('thirdParty.add', { caseId, name: 'Pieter Post', role: 'buurman', documentIds: [documentId] }, t.h1.token));
    value(await t.call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'geen_toestemming' }, t.h1.token));
    value(await t.call('case.transition', { id: caseId, to: 'in_behandeling' }, t.h1.token));

    const found = value(await t.call('redaction.searchAll', { caseId, terms: ['pieter post'] }, t.h1.token));
    expect(found).toEqual([{ documentId, name: 'melding.pdf', occurrences: 2, redacted: false, covered: false, readable: ['Pieter Post'] }]);
    const suggestions = value(
      await t.call('redaction.suggest', { caseId, documentId, thirdPartyIds: [party.id], patterns: ['bsn'] }, t.h1.token),
    ).suggestions.map(({ whose: _w, preAccepted: _p, thirdPartyId: _t, whoseLabel: _l, ...box }) => box);
    expect(suggestions.map((s) => s.text).sort()).toEqual(['111222333', 'Pieter Post', 'Pieter Post']);

    // Leaving one occurrence of the name: the version does not cover the neighbour.
    const partial = suggestions.filter((s, i) => !(s.text === 'Pieter Post' && i === suggestions.findIndex((x) => x.text === 'Pieter Post')));
    const first = value(await t.call('redaction.start', { caseId, documentId, redactions: partial, thirdPartyIds: [party.id] }, t.h1.token));
    expect(await finishedJob(t.backend, t.h1.token, 'redaction.status', first.jobId)).toMatchObject({ state: 'done', result: { thirdPartyIds: [] } });
    expect(await t.call('case.transition', { id: caseId, to: 'besluit_in_concept' }, t.h1.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const full = value(await t.call('redaction.start', { caseId, documentId, redactions: suggestions, thirdPartyIds: [party.id] }, t.h1.token));
    expect(await finishedJob(t.backend, t.h1.token, 'redaction.status', full.jobId)).toMatchObject({ state: 'done', result: { thirdPartyIds: [party.id] } });
    const redacted = Buffer.from(value(await t.call('dossier.pdf', { caseId, documentId, version: 'redacted' }, t.h1.token)).dataBase64, 'base64');
    const text = pdftotext(redacted);
    expect(text).not.toMatch(/Pieter|Post|111222333/u);
    expect(text).toContain('De huurder betaalt de huur op tijd.');
    expect(value(await t.call('thirdParty.list', { caseId }, t.h1.token))[0]?.redactedEverywhere).toBe(true);
    expect(value(await t.call('case.transition', { id: caseId, to: 'besluit_in_concept' }, t.h1.token)).status).toBe('besluit_in_concept');
    // The original stays in the case file, untouched.
    expect(pdftotext(Buffer.from(value(await t.call('dossier.pdf', { caseId, documentId }, t.h1.token)).dataBase64, 'base64'))).toContain('Pieter Post');
    // The job is the handler's own: another staff member is refused (and audited as denied).
    expect(await t.call('redaction.status', { jobId: full.jobId }, t.h2.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('avg-desk redact works on one file outside any case', async () => {
    const t = await team((c) => (cleanup = c));
    const input = join(t.dir, 'in.pdf');
    const output = join(t.dir, 'uit.pdf');
    writeFileSync(input, await letterPdf());
    let out = '';
    const io = { env: {}, out: (s: string) => (out += s), err: () => {} };
    expect(await runCli(['redact', input, '--term', 'Pieter Post', '--patterns', 'bsn', '--out', output], io)).toBe(0);
    expect(out).toMatch(/3 vlak\(ken\) gelakt op 1 van 2 pagina's/u);
    expect(pdftotext(readFileSync(output))).not.toMatch(/Pieter|111222333/u);
    let err = '';
    expect(await runCli(['redact', join(t.dir, 'bestaat-niet.pdf'), '--term', 'x', '--out', output], { env: {}, out: () => {}, err: (s) => (err += s) })).toBe(
      1,
    );
    expect(err).toMatch(/bestaat niet/u);
  });
});

describe('a scanned document (no text layer)', () => {
  it('covers a third party only when the handler confirms hand-drawn boxes', async () => {
    const t = await team((c) => (cleanup = c));
    const caseId = await t.register({ name: 'Fatma Yılmaz' });
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 700, width: 200, height: 20 }); // "a name", as pixels only
    const documentId = await importPdf(t.call, t.h1.token, caseId, 'scan.pdf', await pdf.save());
    const party = value(await t.call('thirdParty.add', { caseId, name: 'Pieter Post', role: 'buurman', documentIds: [documentId] }, t.h1.token));
    const box = { page: 0, x: 45, y: 695, width: 210, height: 30, source: 'manual' as const };
    const unconfirmed = value(await t.call('redaction.start', { caseId, documentId, redactions: [box], thirdPartyIds: [party.id] }, t.h1.token));
    expect(await finishedJob(t.backend, t.h1.token, 'redaction.status', unconfirmed.jobId)).toMatchObject({ state: 'done', result: { thirdPartyIds: [] } });
    const confirmed = value(await t.call('redaction.start', { caseId, documentId, redactions: [box], confirmedThirdPartyIds: [party.id] }, t.h1.token));
    expect(await finishedJob(t.backend, t.h1.token, 'redaction.status', confirmed.jobId)).toMatchObject({
      state: 'done',
      result: { thirdPartyIds: [party.id] },
    });
  });
});
