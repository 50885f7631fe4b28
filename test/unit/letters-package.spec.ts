import { unzipSync, zipSync } from 'fflate';
import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertCaseFile, newCaseFile } from '../../db/local/cases/case-files.js';
import { redactedVersions } from '../../db/local/schema.js';
import { CaseVault } from '../../main/platform/case-vault.js';
import { textToPdf } from '../../main/dossier/renditions.js';
import { CaseFileStore } from '../../main/platform/case-files.js';
import { ADMIN, STRONG_PASSWORD, addStaff, value } from '../support/backend.js';
import { establishIdentity, toDecision } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';
import { pdfsig, pdfText, requirePoppler } from '../support/letters.js';
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
      insertCaseFile(store.db, newCaseFile({ id: fileId, caseId, kind: 'redacted', mime: 'application/pdf', createdBy: by, createdAt: at }, stored));
      store.db
        .insert(redactedVersions)
        .values({ id: randomUUID(), documentId, fileId, boxes: 1, thirdPartyIds, terms: ['Pieter Post'], createdBy: by, createdAt: at })
        .run();
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
    value(
      await t.call(
        'dossier.import',
        { caseId, fileName, dataBase64: Buffer.from(text).toString('base64'), source: 'overlastdossier', documentDate: '2026-10-01', description: 'Melding' },
        harm.token,
      ),
    ).documents[0]?.id ?? '';
  const note = await upload('notitie-pieter-post.txt', 'Notitie over geluidsoverlast van Pieter Post, 30 september 2026.');
  const contract = await upload('huurcontract.txt', 'Huurovereenkomst van Łukasz Nguyễn-Özdemir, Weißstraße 12.');
  const party = value(await t.call('thirdParty.add', { caseId, name: 'Pieter Post', role: 'buurman', documentIds: [note] }, harm.token));
  value(await t.call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'geen_toestemming' }, harm.token));
  await storeRedaction(t.dir, caseId, note, [party.id], harm.id);
  value(await t.call('case.selectActivities', { caseId, activityIds: ['huuradministratie', 'overlast-woonfraude'] }, harm.token));
  await toDecision(t.call, caseId, harm.token);
  const letter = value(await t.call('letter.draft', { caseId, kind: 'besluit-inzage' }, harm.token));
  expect(await t.call('package.build', { caseId }, harm.token)).toMatchObject({
    ok: false,
    error: { message: 'Het pakket bevat de ondertekende besluitbrief: laat de brief eerst ondertekenen.' },
  });
  value(await t.call('letter.submit', { letterId: letter.id }, harm.token));
  const signed = value(await t.call('letter.sign', { letterId: letter.id, password: STRONG_PASSWORD }, t.signer.token));
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
    expect(manifest.bestanden.map((f) => f.pad).sort()).toEqual(
      Object.keys(files)
        .filter((p) => p !== 'manifest.json')
        .sort(),
    );
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
    expect(data.verzoeker).toMatchObject({
      naam: 'Łukasz Nguyễn-Özdemir',
      adres: 'Weißstraße 12, 1234 AB Hilversum',
      'klant- of contractnummer': 'K-104233',
      geboortedatum: '1985-04-12',
    });
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
    expect(await call('package.build', { caseId }, harm.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: ['Document 2: Greta Groen is nog niet gehoord.'] },
    });
    value(await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'niet_bereikbaar' }, harm.token));
    expect(await call('package.build', { caseId }, harm.token)).toMatchObject({
      ok: false,
      error: { details: ['Document 2: de gegevens van Greta Groen zijn nog niet gelakt.'] },
    });
    value(await call('thirdParty.update', { caseId, id: party.id, hearingStatus: 'toestemming' }, harm.token));
    expect(value(await call('package.build', { caseId }, harm.token)).files).toHaveLength(10);
  });
});

/** A minimal XLSX (what Excel writes, without styles): shared strings and one inline string. */
function xlsx(rows: string[][]): Buffer {
  const strings: string[] = [];
  const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  const sheetRows = rows
    .map(
      (r, i) =>
        `<row r="${String(i + 1)}">${r
          .map((v, j) => {
            const ref = `${String.fromCharCode(65 + j)}${String(i + 1)}`;
            if (/^\d+$/u.test(v)) return `<c r="${ref}"><v>${v}</v></c>`;
            strings.push(v);
            return `<c r="${ref}" t="s"><v>${String(strings.length - 1)}</v></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
  const enc = (s: string) => new TextEncoder().encode(s);
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': enc('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': enc(
        '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': enc('<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/sharedStrings.xml': enc(`<sst>${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`),
      'xl/worksheets/sheet1.xml': enc(`<worksheet><sheetData>${sheetRows}</sheetData></worksheet>`),
    }),
  );
}

describe('data from the source systems in the package', () => {
  const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
  const CSV = [
    'datum;omschrijving;contactpersoon;bedrag',
    '2026-09-01;Huur september;Łukasz Nguyễn-Özdemir;742,10',
    '2026-09-12;Klacht over geluid door P. Post;Wijkbeheer;0',
    '2026-09-20;Betalingsregeling besproken;Greta Groen;0',
    '2026-09-30;"Melding; doorgestuurd naar pieter.post@example.org";Wijkbeheer;0',
  ].join('\r\n');

  it('a data set that names a third party is redacted cell by cell, in the CSV and in the JSON', async () => {
    const { call, harm, caseId, contract } = await signedAccessCase();
    // Greta consented: her name stays. Pieter Post (no consent) is hidden however he is written.
    const greta = value(await call('thirdParty.add', { caseId, name: 'Greta Groen', role: 'medehuurder', documentIds: [contract] }, harm.token));
    value(await call('thirdParty.update', { caseId, id: greta.id, hearingStatus: 'toestemming' }, harm.token));
    value(
      await call(
        'thirdParty.update',
        {
          caseId,
          id: (value(await call('thirdParty.list', { caseId }, harm.token)) as { id: string; name: string }[]).find((p) => p.name === 'Pieter Post')?.id ?? '',
          email: 'pieter.post@example.org',
        },
        harm.token,
      ),
    );
    const imported = value(
      await call('dataset.import', { caseId, activityId: 'huuradministratie', fileName: 'export-pieter-post.csv', dataBase64: b64(CSV) }, harm.token),
    );
    expect(imported).toMatchObject({ format: 'csv', system: 'Huuradministratie', columns: 4, rows: 4 });

    const files = unzipSync(Buffer.from(value(await call('package.build', { caseId }, harm.token)).zipBase64, 'base64'));
    const csv = new TextDecoder().decode(files['gegevens/systemen/gegevens-001.csv']);
    expect(csv).toContain('Łukasz Nguyễn-Özdemir');
    expect(csv).toContain('Greta Groen');
    expect(csv).toContain('Huur september');
    expect(csv).toContain('2026-09-12;[gelakt];Wijkbeheer;0');
    expect(csv).toContain('2026-09-30;[gelakt];Wijkbeheer;0');
    expect(csv.toLowerCase()).not.toContain('post');
    const json = new TextDecoder().decode(files['gegevens/gegevens.json']);
    expect(json.toLowerCase()).not.toContain('post');
    const data = JSON.parse(json) as {
      gegevensUitSystemen: { bestand: string; systeem: string; kolommen: string[]; rijen: string[][]; gelakteCellen: number }[];
    };
    expect(data.gegevensUitSystemen).toEqual([
      expect.objectContaining({
        bestand: 'gegevens/systemen/gegevens-001.csv',
        systeem: 'Huuradministratie',
        kolommen: ['datum', 'omschrijving', 'contactpersoon', 'bedrag'],
        gelakteCellen: 2,
      }),
    ]);
    expect(data.gegevensUitSystemen[0]?.rijen[1]).toEqual(['2026-09-12', '[gelakt]', 'Wijkbeheer', '0']);
    // The export's own name (which named him) is not in the package either.
    for (const bytes of Object.values(files)) expect(new TextDecoder().decode(bytes)).not.toContain('export-pieter');
  });

  it('the README lists exactly the files in the package, each once, and promises nothing else', async () => {
    const { call, harm, caseId } = await signedAccessCase();
    value(
      await call(
        'dataset.import',
        {
          caseId,
          activityId: 'huuradministratie',
          fileName: 'betalingen.xlsx',
          dataBase64: b64(
            xlsx([
              ['datum', 'bedrag', 'omschrijving'],
              ['2026-08-01', '742', 'Huur augustus'],
              ['2026-09-01', '742', 'Huur september'],
            ]),
          ),
        },
        harm.token,
      ),
    );
    value(
      await call(
        'dataset.import',
        {
          caseId,
          activityId: 'overlast-woonfraude',
          fileName: 'meldingen.json',
          dataBase64: b64(JSON.stringify({ meldingen: [{ datum: '2026-09-12', melding: 'Geluid', details: { door: 'Pieter Post' } }] })),
        },
        harm.token,
      ),
    );
    const files = unzipSync(Buffer.from(value(await call('package.build', { caseId }, harm.token)).zipBase64, 'base64'));
    const readme = new TextDecoder().decode(files['LEESMIJ.txt']);
    const listed = readme
      .split('\r\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2, l.indexOf(': ')));
    expect(listed.sort()).toEqual(Object.keys(files).sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(readme).not.toMatch(/al uw gegevens/iu);
    expect(readme).toContain('uw gegevens uit ons systeem "Huuradministratie" (2 rijen)');
    expect(readme).toContain('uw gegevens uit ons systeem "Overlast- en woonfraudebestrijding" (1 rij); waar gegevens van anderen stonden, staat [gelakt]');
    const xlsxCsv = new TextDecoder().decode(files['gegevens/systemen/gegevens-001.csv']);
    expect(xlsxCsv).toContain('2026-09-01;742;Huur september');
    expect(new TextDecoder().decode(files['gegevens/systemen/gegevens-002.csv'])).not.toContain('Pieter');
  });

  it('refuses what is not a readable table, in Dutch', async () => {
    const { call, harm, caseId } = await signedAccessCase();
    const attempt = (fileName: string, data: string | Buffer) =>
      call('dataset.import', { caseId, activityId: 'huuradministratie', fileName, dataBase64: b64(data) }, harm.token);
    expect(await attempt('export.pdf', '%PDF-1.7')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Lees een export in als CSV, JSON of Excel (XLSX).' },
    });
    expect(await attempt('export.csv', 'naam;opmerking\r\n"Jan;open')).toMatchObject({
      ok: false,
      error: { message: 'Het CSV-bestand is niet goed afgesloten: er mist een aanhalingsteken.' },
    });
    expect(await attempt('export.json', '{"a": [1, 2')).toMatchObject({ ok: false, error: { message: 'Het JSON-bestand is niet leesbaar.' } });
    expect(await attempt('export.xlsx', 'geen zip')).toMatchObject({ ok: false, error: { message: 'Het Excel-bestand (XLSX) is niet leesbaar.' } });
    expect(await attempt('export.csv', Buffer.from([0x6e, 0x61, 0x61, 0x6d, 0x0a, 0xff, 0xfe, 0x41]))).toMatchObject({
      ok: false,
      error: { message: /geen UTF-8-tekst/u },
    });
    expect(await call('dataset.import', { caseId, activityId: 'bestaat-niet', fileName: 'x.csv', dataBase64: b64('a;b\r\n1;2') }, harm.token)).toMatchObject({
      ok: false,
      error: { message: 'Kies het systeem uit het verwerkingsregister waar de export vandaan komt.' },
    });
    expect(value(await call('dataset.list', { caseId }, harm.token))).toEqual([]);
  });
});

describe('where the handler looked: "gezocht in"', () => {
  it('lists the register’s systems per case; the handler records each search with who and when; the dpo reads it; it is audited', async () => {
    const { call, harm, caseId, dpo, h1, auditor } = await signedAccessCase().then(async (t) => ({
      ...t,
      auditor: await addStaff(t.backend, t.adminToken, 'aud', ['auditor'], 'Anna Audit'),
    }));
    const before = value(await call('sources.checklist', { caseId }, harm.token));
    expect(before.map((s) => s.system)).toContain('Huuradministratie');
    expect(before.every((s) => s.searched === null)).toBe(true);
    const after = value(await call('sources.record', { caseId, activityId: 'huuradministratie', found: true, note: 'Betalingen 2024–2026' }, harm.token));
    expect(after.find((s) => s.activityId === 'huuradministratie')?.searched).toMatchObject({
      found: true,
      note: 'Betalingen 2024–2026',
      byName: 'Harm Weißbach',
      at: '2026-11-25T09:00:00.000Z',
    });
    value(await call('sources.record', { caseId, activityId: 'woonruimteverdeling', found: false }, harm.token));
    const seen = value(await call('sources.checklist', { caseId }, dpo.token));
    expect(seen.find((s) => s.activityId === 'woonruimteverdeling')?.searched).toMatchObject({ found: false, byName: 'Harm Weißbach' });
    expect(await call('sources.record', { caseId, activityId: 'huuradministratie', found: false }, h1.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('sources.record', { caseId, activityId: 'bestaat-niet', found: false }, harm.token)).toMatchObject({
      ok: false,
      error: { message: 'Kies een systeem dat in het verwerkingsregister staat.' },
    });
    const events = value(await call('audit.search', { filter: { procedure: 'sources.record' } }, auditor.token)) as { outcome: string }[];
    expect(events.map((e) => e.outcome)).toEqual(expect.arrayContaining(['ok', 'ok', 'denied']));
  });
});
