import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { findRedactions, readInWorker, RedactionError, runRedactionInWorker, stopWarmWorkers, takeWorker, warmWorker } from '../../main/redaction/index.js';
import { value } from '../support/basics.js';
import { team } from '../support/team.js';
import { buildLetters, NAME } from './redaction.fixtures.js';

let cleanup: () => void = () => {};
afterEach(() => {
  stopWarmWorkers();
  cleanup();
});

describe('redaction threads started ahead', () => {
  it('a spare thread reads and redacts one job, and the next job gets a fresh spare', { timeout: 120_000 }, async () => {
    warmWorker(undefined);
    const worker = takeWorker(undefined);
    const next = takeWorker(undefined);
    expect(next).not.toBe(worker);
    void next.terminate();
    const pdf = await buildLetters(2, 2);
    const pages = await readInWorker(pdf, { ocr: 'off', worker });
    expect(pages.map((p) => p.text).join(' ')).toContain(NAME);
    const redactions = findRedactions(pages, { terms: [NAME] });
    expect(redactions).toHaveLength(4);
    const output = await runRedactionInWorker(pdf, redactions, { worker });
    const after = await readInWorker(output, { ocr: 'off', worker });
    expect(after.map((p) => p.text).join(' ')).not.toContain(NAME);
    const exited = once(worker, 'exit');
    void worker.terminate();
    await exited;
  });

  it('cancelling a step ends the thread the job lent, at once', { timeout: 120_000 }, async () => {
    warmWorker(undefined);
    const worker = takeWorker(undefined);
    const controller = new AbortController();
    const exited = once(worker, 'exit');
    const reading = readInWorker(await buildLetters(40, 2), { ocr: 'off', worker, signal: controller.signal });
    controller.abort();
    await expect(reading).rejects.toEqual(new RedactionError('cancelled'));
    await exited;
  });
});

describe('redaction job progress', () => {
  it('moves while the pages are read, before the redaction itself', { timeout: 120_000 }, async () => {
    const t = await team((c) => (cleanup = c));
    const caseId = await t.register({ name: 'Fatma Yılmaz' });
    value(await t.call('case.transition', { id: caseId, to: 'in_behandeling' }, t.h1.token));
    const pdf = (await buildLetters(30, 1)).toString('base64');
    const documentId = value(await t.call('dossier.import', { caseId, fileName: 'brief.pdf', dataBase64: pdf, source: 'overlastdossier' }, t.h1.token))
      .documents[0]?.id;
    const { suggestions } = value(await t.call('redaction.suggest', { caseId, documentId, terms: [NAME] }, t.h1.token));
    const redactions = suggestions.map(({ whose: _w, preAccepted: _p, thirdPartyId: _t, whoseLabel: _l, ...box }) => box);
    const { jobId } = value(await t.call('redaction.start', { caseId, documentId, redactions, thirdPartyIds: [] }, t.h1.token));
    const seen: { progress: number; message: string }[] = [];
    for (;;) {
      const job = value(await t.call('redaction.status', { jobId }, t.h1.token));
      if (job.state !== 'running') break;
      seen.push({ progress: job.progress, message: job.message });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const reading = seen.filter((s) => s.message.endsWith('gelezen'));
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.every((s) => s.progress > 0 && s.progress <= 0.5)).toBe(true);
    expect(seen.map((s) => s.progress)).toEqual([...seen.map((s) => s.progress)].sort((a, b) => a - b));
  });
});
