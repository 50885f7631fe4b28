import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { value } from '../support/basics.js';
import { finishedJob } from '../support/redaction-jobs.js';
import { team } from '../support/team.js';
import { buildScan, scanPng } from './ocr.fixtures.js';

/**
 * A scanned dossier page in the app: read by OCR as a job (progress, cancel), suggestions and the
 * third party's coverage from what OCR read, and a redacted version whose text layer holds the
 * remaining words only. Real tesseract, real store, real worker thread.
 */
/** OCR takes seconds a page; on a busy machine several times that. */
const OCR_TIMEOUT = 180_000;

let cleanup: () => void = () => {};
afterEach(() => cleanup());

type ReadJob = {
  state: string;
  progress: number;
  message: string;
  result: { pages: { page: number; layer: string; ocr: string | null }[] } | null;
  error: { message: string } | null;
};
type ApplyJob = { state: string; result: { thirdPartyIds: string[]; readable: { text: string }[] } | null; error: { message: string } | null };

const boxes = <T extends { whose: unknown; preAccepted: unknown }>(list: readonly T[]) =>
  list.map(({ whose: _w, preAccepted: _p, thirdPartyId: _t, whoseLabel: _l, ...box }: T & { thirdPartyId?: unknown; whoseLabel?: unknown }) => box);

describe('scans in the app: OCR by default for pages without a text layer', () => {
  it(
    'reads a scan by OCR as a job, suggests the third party found in its pixels, and covers them',
    async () => {
      const t = await team((c) => (cleanup = c));
      const caseId = await t.register({ name: 'Fatma Yildiz' });
      const scan = await buildScan();
      const documentId =
        value(await t.call('dossier.import', { caseId, fileName: 'scan.pdf', dataBase64: scan.toString('base64'), source: 'overlastdossier' }, t.h1.token))
          .documents[0]?.id ?? '';
      const party = value(await t.call('thirdParty.add', { caseId, name: 'Marloes Brinkhorst', role: 'buurvrouw', documentIds: [documentId] }, t.h1.token));
      value(await t.call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'geen_toestemming' }, t.h1.token));

      // The dossier does not claim OCR before the document was read.
      expect(value(await t.call('dossier.list', { caseId }, t.h1.token)).find((d) => d.id === documentId)?.ocrPages).toBeNull();
      // Before OCR: the page is not called empty.
      const before = value(await t.call('redaction.suggest', { caseId, documentId, thirdPartyIds: [party.id] }, t.h1.token));
      expect(before.pages[0]).toMatchObject({ layer: 'none', ocr: null });
      expect(before.suggestions).toEqual([]);

      const messages: string[] = [];
      const read = await finishedJob<ReadJob>(
        t.backend,
        t.h1.token,
        'redaction.readStatus',
        value(await t.call('redaction.read', { caseId, documentId }, t.h1.token)).jobId,
        messages,
      );
      expect(read.error).toBeNull();
      expect(read.result?.pages).toEqual([{ page: 0, layer: 'none', ocr: 'geen tekstlaag; OCR gebruikt' }]);
      expect(messages).toContain('OCR… pagina 1 van 1');
      // The dossier says which pages were read by OCR (which, never what): it survives a new sign-in, unlike OCR's text.
      expect(value(await t.call('dossier.list', { caseId }, t.h1.token)).find((d) => d.id === documentId)?.ocrPages).toEqual([0]);

      const { pages, suggestions } = value(await t.call('redaction.suggest', { caseId, documentId, thirdPartyIds: [party.id] }, t.h1.token));
      expect(pages[0]).toMatchObject({ layer: 'none', ocr: 'geen tekstlaag; OCR gebruikt' });
      expect(suggestions.map((s) => [s.text, s.whose])).toEqual([['Marloes Brinkhorst', 'third_party']]);

      const applied = await finishedJob<ApplyJob>(
        t.backend,
        t.h1.token,
        'redaction.status',
        value(await t.call('redaction.start', { caseId, documentId, redactions: boxes(suggestions), thirdPartyIds: [party.id] }, t.h1.token)).jobId,
      );
      expect(applied.error).toBeNull();
      expect(applied.result).toMatchObject({ thirdPartyIds: [party.id], readable: [] });
      const text = execFileSync('pdftotext', ['-', '-'], {
        input: Buffer.from(value(await t.call('dossier.pdf', { caseId, documentId, version: 'redacted' }, t.h1.token)).dataBase64, 'base64'),
      }).toString('utf8');
      expect(text).not.toMatch(/Brinkhorst|Marloes/u);
      expect(text).toContain('geluidsoverlast');
      expect(value(await t.call('thirdParty.list', { caseId }, t.h1.token))[0]?.redactedEverywhere).toBe(true);
      expect(value(await t.call('redaction.searchAll', { caseId, terms: [], thirdPartyIds: [party.id] }, t.h1.token))[0]).toMatchObject({
        occurrences: 1,
        redacted: true,
        covered: true,
      });

      // A photo of a letter read in as PNG is an image page too: the same OCR finds her there.
      const png = (await scanPng(['Foto van de brief van M. Brinkhorst'], 200)).toString('base64');
      const photoId =
        value(await t.call('dossier.import', { caseId, fileName: 'foto.png', dataBase64: png, source: 'overlastdossier' }, t.h1.token)).documents[0]?.id ?? '';
      const photo = await finishedJob<ReadJob>(
        t.backend,
        t.h1.token,
        'redaction.readStatus',
        value(await t.call('redaction.read', { caseId, documentId: photoId }, t.h1.token)).jobId,
      );
      expect(photo.result?.pages).toEqual([{ page: 0, layer: 'none', ocr: 'geen tekstlaag; OCR gebruikt' }]);
      const inPhoto = value(await t.call('redaction.suggest', { caseId, documentId: photoId, thirdPartyIds: [party.id] }, t.h1.token)).suggestions;
      expect(inPhoto.map((s) => [s.text, s.whose])).toEqual([['M. Brinkhorst', 'third_party']]);
    },
    OCR_TIMEOUT,
  );

  it(
    'cancels a running OCR read',
    async () => {
      const t = await team((c) => (cleanup = c));
      const caseId = await t.register({ name: 'Fatma Yildiz' });
      const scan = await buildScan([['Eerste pagina'], ['Tweede pagina'], ['Derde pagina']]);
      const documentId =
        value(await t.call('dossier.import', { caseId, fileName: 'scan.pdf', dataBase64: scan.toString('base64'), source: 'overlastdossier' }, t.h1.token))
          .documents[0]?.id ?? '';
      const { jobId } = value(await t.call('redaction.read', { caseId, documentId }, t.h1.token));
      value(await t.call('redaction.cancel', { jobId }, t.h1.token));
      expect(await finishedJob<ReadJob>(t.backend, t.h1.token, 'redaction.readStatus', jobId)).toMatchObject({ state: 'cancelled', result: null });
    },
    OCR_TIMEOUT,
  );
});
