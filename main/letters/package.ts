import { zipSync, type Zippable } from 'fflate';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import { findCaseFile, identityChecksOf } from '../../db/local/cases/case-files.js';
import { lettersOfCase } from '../../db/local/letters/repository.js';
import type { packageSchema } from '../../shared/letters/letter-schemas.js';
import { dutchToday } from '../../shared/cases/cases.js';
import { DOCUMENT_SOURCE_LABELS, mustRedact } from '../../shared/dossier/dossier.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { assertAssignedHandler, loadCase } from '../cases/case-access.js';
import type { CaseVault } from '../platform/case-vault.js';
import { documentsOf, latestRedaction, notReadInOf, thirdPartiesOf } from '../dossier/dossier.js';
import { DomainError } from '../platform/errors.js';
import type { SourcesService } from '../dossier/datasets/sources.js';
import { packageReadme, requesterExport, type ExportDataset, type ExportDocument, type PackageEntry } from './export.js';
import { signedFileOf } from './letter-input.js';
import { letterheadOf } from './letter-settings.js';
import type { RegisterService } from './register.js';

type AccessPackage = z.output<typeof packageSchema>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The access package for inzage and dataportabiliteit: a ZIP with the signed decision letter, the
 * dossier documents as released (redacted where third parties must not be seen), the requester's
 * data as JSON and CSV — the case data and, next to it, every data set taken from a source system,
 * cell-redacted — a Dutch README that lists exactly the files in it, and a manifest with every
 * file's SHA-256.
 */
export class PackageService {
  constructor(
    private readonly vault: Vault,
    private readonly caseVault: CaseVault,
    private readonly register: RegisterService,
    private readonly sources: SourcesService,
  ) {}

  private get db(): LocalDb {
    return this.vault.open.db;
  }

  /**
   * Per document what goes to the requester: the latest redacted version; else the PDF rendition,
   * but only when no one in it still has to be heard or redacted. Anything else is a refusal:
   * the package never carries a third party's data by omission.
   */
  private releasedDocuments(caseId: string): { doc: ReturnType<typeof documentsOf>[number]; fileId: string; redacted: boolean }[] {
    const parties = thirdPartiesOf(this.db, caseId);
    const problems: string[] = [];
    const released = documentsOf(this.db, caseId).map((doc, i) => {
      const redaction = latestRedaction(this.db, doc.id);
      const inDoc = parties.filter((p) => p.documentIds.includes(doc.id));
      const label = `Document ${i + 1}`;
      for (const p of inDoc) {
        if (p.hearingStatus === 'te_horen') problems.push(`${label}: ${p.name} is nog niet gehoord.`);
        else if (mustRedact(p.hearingStatus) && !redaction?.thirdPartyIds.includes(p.id))
          problems.push(`${label}: de gegevens van ${p.name} zijn nog niet gelakt.`);
      }
      return { doc, fileId: redaction?.fileId ?? doc.pdfFileId, redacted: redaction !== undefined };
    });
    if (problems.length > 0)
      throw new DomainError('CONFLICT', 'Het pakket kan nog niet worden gemaakt: niet alle gegevens van derden zijn afgeschermd.', { details: problems });
    return released;
  }

  build(ctx: CallContext, caseId: string): AccessPackage {
    const caseRow = loadCase(this.db, ctx, caseId);
    assertAssignedHandler(ctx.requireSession(), caseRow);
    if (caseRow.type !== 'inzage' && caseRow.type !== 'dataportabiliteit')
      throw new DomainError('CONFLICT', 'Een pakket hoort bij een verzoek om inzage of dataportabiliteit.');
    const letterKind = caseRow.type === 'inzage' ? 'besluit-inzage' : 'besluit-dataportabiliteit';
    const letter = lettersOfCase(this.db, caseRow.id).find((l) => l.kind === letterKind && (l.status === 'ondertekend' || l.status === 'verzonden'));
    if (!letter) throw new DomainError('CONFLICT', 'Het pakket bevat de ondertekende besluitbrief: laat de brief eerst ondertekenen.');

    const files = new Map<string, Uint8Array>();
    const entries: PackageEntry[] = [];
    const letterPath = `brief/${caseRow.reference}-besluit.pdf`;
    files.set(letterPath, this.caseVault.read(this.db, signedFileOf(letter)));
    entries.push({ path: letterPath, description: 'onze ondertekende brief met het besluit op uw verzoek (PDF, digitaal ondertekend).' });
    const exported: ExportDocument[] = [];
    this.releasedDocuments(caseRow.id).forEach(({ doc, fileId, redacted }, i) => {
      const file = findCaseFile(this.db, caseRow.id, fileId);
      if (!file) throw new DomainError('STORE_UNREADABLE', 'Een bestand uit het dossier ontbreekt op deze computer.');
      // Numbered names: a file name typed by staff may carry a third party's name.
      const path = `documenten/document-${String(i + 1).padStart(3, '0')}.pdf`;
      files.set(path, this.caseVault.read(this.db, file));
      exported.push({ file: path, source: DOCUMENT_SOURCE_LABELS[doc.source], documentDate: doc.documentDate, pages: doc.pages, redacted });
      entries.push({
        path,
        description: `een document uit uw dossier (PDF, ${String(doc.pages)} pagina${doc.pages === 1 ? '' : "'s"})${redacted ? '; gegevens van anderen zijn onleesbaar gemaakt' : ''}.`,
      });
    });
    const sets: ExportDataset[] = this.sources
      .released(caseRow)
      .map(({ row, dataset, redactedCells }, i) => ({
        file: `gegevens/systemen/gegevens-${String(i + 1).padStart(3, '0')}.csv`,
        system: row.system,
        columns: dataset.columns,
        rows: dataset.rows,
        redactedCells,
      }));
    const today = dutchToday(ctx.now);
    const organisation = letterheadOf(this.db).name;
    const data = requesterExport(caseRow, identityChecksOf(this.db, caseRow.id), this.register.ofCase(caseRow.id), exported, sets, today, organisation);
    const text = (s: string) => new TextEncoder().encode(s);
    files.set('gegevens/gegevens.json', text(data.json));
    entries.push({
      path: 'gegevens/gegevens.json',
      description: "de gegevens hieronder samen in één bestand, in het formaat JSON, dat andere programma's en organisaties kunnen inlezen.",
    });
    const described: Record<string, string> = {
      'gegevens/verzoeker.csv': 'uw gegevens zoals u ze bij uw verzoek gaf (naam, adres en contactgegevens).',
      'gegevens/zaak.csv': 'de gegevens van uw verzoek en de behandeling ervan.',
      'gegevens/identiteitscontroles.csv': 'hoe uw identiteit is vastgesteld.',
      'gegevens/verwerkingen.csv': 'waarvoor wij uw gegevens verwerken, op welke grond, aan wie wij ze geven en hoe lang wij ze bewaren.',
      'gegevens/documenten.csv': 'per document in de map documenten/ de bron en de datum.',
    };
    for (const [path, content] of Object.entries(data.csv)) {
      files.set(path, text(content));
      const set = sets.find((d) => d.file === path);
      const description = set
        ? `uw gegevens uit ons systeem "${set.system}" (${String(set.rows.length)} rij${set.rows.length === 1 ? '' : 'en'})${set.redactedCells > 0 ? '; waar gegevens van anderen stonden, staat [gelakt]' : ''}.`
        : (described[path] ?? 'gegevens bij uw verzoek.');
      entries.push({ path, description });
    }
    entries.push({ path: 'manifest.json', description: 'per bestand een controlegetal (SHA-256), waarmee u nagaat dat een bestand niet is gewijzigd.' });
    entries.push({ path: 'LEESMIJ.txt', description: 'deze toelichting.' });
    files.set('LEESMIJ.txt', text(packageReadme(caseRow.reference, today, organisation, entries, notReadInOf(this.db, caseRow.id))));

    const listed = [...files].map(([path, bytes]) => ({ path, sha256: sha256(bytes), size: bytes.length }));
    const manifest = {
      kenmerk: caseRow.reference,
      aangemaaktOp: today,
      algoritme: 'SHA-256',
      bestanden: listed.map((f) => ({ pad: f.path, sha256: f.sha256, bytes: f.size })),
    };
    files.set('manifest.json', text(`${JSON.stringify(manifest, null, 2)}\n`));

    const mtime = ctx.now;
    const zippable: Zippable = {};
    for (const [path, bytes] of files) zippable[path] = [bytes, { mtime, level: path.endsWith('.pdf') ? 0 : 6 }];
    const zip = zipSync(zippable);
    return { fileName: `${caseRow.reference}-${caseRow.type}.zip`, zipBase64: Buffer.from(zip).toString('base64'), files: listed };
  }
}
