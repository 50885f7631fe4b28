import { unzipSync } from 'fflate';
import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertCaseFile } from '../../db/local/repositories/case-files.js';
import { redactedVersions } from '../../db/local/schema.js';
import { CaseVault } from '../../main/services/case-vault.js';
import { textToPdf } from '../../main/services/renditions.js';
import { CaseFileStore } from '../../main/store/case-files.js';
import { ADMIN, value } from '../support/backend.js';
import { establishIdentity, toDecision } from '../support/gates.js';
import { letterTeam, pdfsig, pdfText, requirePoppler } from '../support/letters.js';
import { openStoreAs } from '../support/store.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
beforeAll(() => requirePoppler());

/** What the redaction engine (issue 5) stores: a redacted PDF and the third parties it covers. */
async function storeRedaction(dir: string, caseId: string, documentId: string, thirdPartyIds: string[], by: string): Promise<void> {
  const pdf = await textToPdf('Notitie (gelakt)', 'Notitie over geluidsoverlast van [gelakt], 30 september 2026.');
  const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
  try {
    const vault = new CaseVault(new CaseFileStore(dir));
    const at = new Date('2026-11-25T09:30:00Z').toISOString();
    store.sqlite.transaction(() => {
      const fileId = randomUUID();
      const stored = vault.write(vault.caseKey(store.db, caseId, at), caseId, fileId, pdf);
      insertCaseFile(store.db, { id: fileId, caseId, kind: 'redacted', subject: null, mime: 'application/pdf', size: stored.size, width: null, height: null, sha256: stored.sha256, masked: false, maskedBy: null, maskedAt: null, wrappedKey: stored.wrappedKey, createdBy: by, createdAt: at });
      store.db.insert(redactedVersions).values({ id: randomUUID(), documentId, fileId, boxes: 1, thirdPartyIds, terms: ['Pieter Post'], createdBy: by, createdAt: at }).run();
    })();
  } finally {
    store.close();
  }
}

async function signedAccessCase() {
  const t = await letterTeam((c) => (cleanup = c));
  const harm = t.handlerSigner;
  const caseId = await t.register(t.requester, { handlerId: harm.id });
  await establishIdentity(t.call, caseId, harm.token);
  const upload = async (fileName: string, text: string) =>
    value(await t.call('dossier.import', { caseId, fileName, dataBase64: Buffer.from(text).toString('base64'), source: 'overlastdossier', documentDate: '2026-10-01', description: 'Melding' }, harm.token)).documents[0]?.id ?? '';
  const note = await upload('notitie-pieter-post.txt', 'Notitie over geluidsoverlast van Pieter Post, 30 september 2026.');
  const contract = await upload('huurcontract.txt', 'Huurovereenkomst van Łukasz Nguyễn-Özdemir, Weißstraße 12.');
  const party = value(await t.call('thirdParty.add', { caseId, name: 'Pieter Post', role: 'buurman', documentIds: [note] }, harm.token));
  value(await t.call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'geen_toestemming' }, harm.token));
  await storeRedaction(t.dir, caseId, note, [party.id], harm.id);
  value(await t.call('case.selectActivities', { caseId, activityIds: ['huuradministratie', 'overlast-woonfraude'] }, harm.token));
  await toDecision(t.call, caseId, harm.token);
  const letter = value(await t.call('letter.draft', { caseId, kind: 'besluit-inzage' }, harm.token));
  expect(await t.call('package.build', { caseId }, harm.token)).toMatchObject({ ok: false, error: { message: 'Het pakket bevat de ondertekende besluitbrief: laat de brief eerst ondertekenen.' } });
  value(await t.call('letter.submit', { letterId: letter.id }, harm.token));
  const signed = value(await t.call('letter.sign', { letterId: letter.id }, t.signer.token));
  return { ...t, harm, caseId, note, contract, letter, signed };
}

describe('access package (inzage)', () => {
  it('holds the signed letter, the released documents, the data as JSON and CSV, a README, and a manifest whose hashes match', async () => {
    const { call, harm, caseId, signed } = await signedAccessCase();
    const built = value(await call('package.build', { caseId }, harm.token));
    expect(built.fileName).toBe('AVG-2026-0001-inzage.zip');
    const files = unzipSync(Buffer.from(built.zipBase64, 'base64'));
    expect(Object.keys(files).sort()).toEqual([
      'LEESMIJ.txt',
      'brief/AVG-2026-0001-besluit.pdf',
      'documenten/document-001.pdf',
      'documenten/document-002.pdf',
      'gegevens/documenten.csv',
      'gegevens/gegevens.json',
      'gegevens/identiteitscontroles.csv',
      'gegevens/verwerkingen.csv',
      'gegevens/verzoeker.csv',
      'gegevens/zaak.csv',
      'manifest.json',
    ]);

    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { bestanden: { pad: string; sha256: string; bytes: number }[] };
    expect(manifest.bestanden.map((f) => f.pad).sort()).toEqual(Object.keys(files).filter((p) => p !== 'manifest.json').sort());
    for (const entry of manifest.bestanden) {
      const bytes = files[entry.pad] ?? new Uint8Array();
      expect(createHash('sha256').update(bytes).digest('hex'), entry.pad).toBe(entry.sha256);
      expect(bytes.length).toBe(entry.bytes);
    }
    expect(built.files).toEqual(manifest.bestanden.map((f) => ({ path: f.pad, sha256: f.sha256, size: f.bytes })));

    const letter = files['brief/AVG-2026-0001-besluit.pdf'] ?? new Uint8Array();
    expect(createHash('sha256').update(letter).digest('hex')).toBe(signed.sha256);
    expect(pdfsig(letter)).toContain('Signature is Valid.');
    // The third party's document is the redacted version; the other the PDF rendition.
    expect(pdfText(files['documenten/document-001.pdf'] ?? new Uint8Array())).not.toContain('Pieter Post');
    expect(pdfText(files['documenten/document-002.pdf'] ?? new Uint8Array())).toContain('Łukasz Nguyễn-Özdemir');

    const data = JSON.parse(new TextDecoder().decode(files['gegevens/gegevens.json'])) as Record<string, Record<string, unknown>>;
    expect(data.verzoeker).toMatchObject({ naam: 'Łukasz Nguyễn-Özdemir', adres: 'Weißstraße 12, 1234 AB Hilversum', 'klant- of contractnummer': 'K-104233', geboortedatum: '1985-04-12' });
    expect(data.zaak).toMatchObject({ kenmerk: 'AVG-2026-0001', 'ontvangen op': '2026-11-25' });
    expect(JSON.stringify(data.verwerkingen)).toContain('Overlast- en woonfraudebestrijding');
    expect(JSON.stringify(data.documenten)).not.toContain('pieter');
    // ignoreBOM keeps the byte order mark that spreadsheet programs need.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['gegevens/verzoeker.csv']);
    expect(csv.startsWith('\uFEFFveld;waarde\r\n')).toBe(true);
    expect(csv).toContain('naam;Łukasz Nguyễn-Özdemir\r\n');
    expect(new TextDecoder().decode(files['LEESMIJ.txt'])).toContain('certutil -hashfile');
  });

  it('refuses while a third party in a document is not heard or not redacted', async () => {
    const { call, harm, caseId, contract } = await signedAccessCase();
    const party = value(await call('thirdParty.add', { caseId, name: 'Greta Groen', role: 'medehuurder', documentIds: [contract] }, harm.token));
    expect(await call('package.build', { caseId }, harm.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: ['Document 2: Greta Groen is nog niet gehoord.'] } });
    value(await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'niet_bereikbaar' }, harm.token));
    expect(await call('package.build', { caseId }, harm.token)).toMatchObject({ ok: false, error: { details: ['Document 2: de gegevens van Greta Groen zijn nog niet gelakt.'] } });
    value(await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'toestemming' }, harm.token));
    expect(value(await call('package.build', { caseId }, harm.token)).files).toHaveLength(10);
  });
});
