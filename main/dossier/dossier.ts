import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import { findCaseFile, insertCaseFile, newCaseFile } from '../../db/local/cases/case-files.js';
import { completeTask, insertTask, tasksOf } from '../../db/local/cases/repository.js';
import { documents, redactedVersions, thirdParties } from '../../db/local/schema.js';
import type { DocumentView, importInput, thirdPartyAddInput, thirdPartyUpdateInput, thirdPartyViewSchema } from '../../shared/dossier/dossier-schemas.js';
import { mustRedact } from '../../shared/dossier/dossier.js';
import type { CallContext } from '../platform/call-context.js';
import { assertAssignedHandler, assertCanSeeContent } from '../cases/case-access.js';
import { intake } from './document-intake.js';
import { CaseScopedService } from '../cases/case-scoped.js';
import { DomainError } from '../platform/errors.js';

type DocumentRow = typeof documents.$inferSelect;
type ThirdPartyRow = typeof thirdParties.$inferSelect;
type RedactedRow = typeof redactedVersions.$inferSelect;
type ThirdPartyView = z.output<typeof thirdPartyViewSchema>;

export function documentsOf(db: LocalDb, caseId: string): DocumentRow[] {
  return db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(documents.createdAt).all();
}

export function latestRedaction(db: LocalDb, documentId: string): RedactedRow | undefined {
  // rowid breaks ties: two versions can carry the same timestamp.
  return db
    .select()
    .from(redactedVersions)
    .where(eq(redactedVersions.documentId, documentId))
    .orderBy(desc(redactedVersions.createdAt), desc(sql`rowid`))
    .limit(1)
    .get();
}

export function thirdPartiesOf(db: LocalDb, caseId: string): ThirdPartyRow[] {
  return db.select().from(thirdParties).where(eq(thirdParties.caseId, caseId)).orderBy(thirdParties.createdAt).all();
}

function redactedEverywhere(db: LocalDb, party: ThirdPartyRow): boolean {
  return party.documentIds.every((id) => latestRedaction(db, id)?.thirdPartyIds.includes(party.id) ?? false);
}

const NOT_READ_IN = 'Niet ingelezen: ';

/** The line an e-mail's document keeps of the attachments the dossier could not take in. */
export function notReadInLine(names: readonly string[]): string {
  return `${NOT_READ_IN}${names.join(', ')}`;
}

/**
 * What the dossier could not read in, per e-mail: "verslag.docx (bijlage bij klacht.msg)". Read
 * back from the line the import wrote on the message's own document (its last line).
 */
export function notReadInOf(db: LocalDb, caseId: string): string[] {
  return documentsOf(db, caseId).flatMap((doc) => {
    if (doc.parentId !== null) return [];
    const line = doc.description.split('\n').findLast((l) => l.startsWith(NOT_READ_IN));
    return line
      ? line
          .slice(NOT_READ_IN.length)
          .split(', ')
          .filter((name) => name !== '')
          .map((name) => `${name} (bijlage bij ${doc.name})`)
      : [];
  });
}

/**
 * §13: before a decision, every third party has been heard, and the data of those who did not
 * consent or could not be reached is redacted in every document they occur in.
 */
export function thirdPartyProblems(db: LocalDb, caseId: string): string[] {
  const problems: string[] = [];
  for (const party of thirdPartiesOf(db, caseId)) {
    if (party.hearingStatus === 'te_horen') problems.push(`${party.name} is nog niet gehoord.`);
    else if (mustRedact(party.hearingStatus) && !redactedEverywhere(db, party))
      problems.push(`De gegevens van ${party.name} zijn nog niet in alle documenten gelakt.`);
  }
  return problems;
}

/** The dossier of a case: documents read in and encrypted, and the third parties in them. */
export class DossierService extends CaseScopedService {
  private view(row: DocumentRow): DocumentView {
    const redacted = latestRedaction(this.db, row.id);
    return {
      id: row.id,
      parentId: row.parentId,
      name: row.name,
      format: row.format,
      source: row.source,
      documentDate: row.documentDate,
      description: row.description,
      pages: row.pages,
      ocrPages: row.ocrPages ?? null,
      createdAt: row.createdAt,
      redacted: redacted ? { id: redacted.id, createdAt: redacted.createdAt, boxes: redacted.boxes, thirdPartyIds: redacted.thirdPartyIds } : null,
    };
  }

  list(ctx: CallContext, caseId: string): DocumentView[] {
    const row = this.caseRow(ctx, caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    return documentsOf(this.db, row.id).map((d) => this.view(d));
  }

  async import(ctx: CallContext, input: z.output<typeof importInput>): Promise<{ documents: DocumentView[]; skipped: string[] }> {
    const session = ctx.requireSession();
    const row = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(session, row);
    const { items, skipped } = await intake(Buffer.from(input.dataBase64, 'base64'), input.fileName);
    const at = ctx.now.toISOString();
    const existing = documentsOf(this.db, row.id);
    const rows: DocumentRow[] = [];
    ctx.commit((db) => {
      const caseKey = this.caseVault.caseKey(db, row.id, at);
      const ids: string[] = [];
      for (const item of items) {
        const sha256 = createHash('sha256').update(item.original).digest('hex');
        const duplicate = existing.find((d) => d.sha256 === sha256) ?? rows.find((d) => d.sha256 === sha256);
        if (duplicate) {
          if (item.parent === null) throw new DomainError('CONFLICT', `Dit document staat al in het dossier als "${duplicate.name}".`);
          skipped.push(`${item.name}: staat al in het dossier als "${duplicate.name}"`);
          ids.push(duplicate.id);
          continue;
        }
        const fileId = randomUUID();
        const stored = this.caseVault.write(caseKey, row.id, fileId, item.original);
        insertCaseFile(db, newCaseFile({ id: fileId, caseId: row.id, kind: 'document', mime: item.format, createdBy: session.staffId, createdAt: at }, stored));
        let pdfFileId = fileId;
        if (item.format !== 'pdf') {
          pdfFileId = randomUUID();
          const pdf = this.caseVault.write(caseKey, row.id, pdfFileId, item.pdf);
          const rendition = { id: pdfFileId, caseId: row.id, kind: 'rendition', mime: 'application/pdf', createdBy: session.staffId, createdAt: at } as const;
          insertCaseFile(db, newCaseFile(rendition, pdf));
        }
        const doc: DocumentRow = {
          id: randomUUID(),
          caseId: row.id,
          parentId: item.parent === null ? null : (ids[item.parent] ?? null),
          fileId,
          pdfFileId,
          name: item.name,
          format: item.format,
          source: input.source,
          documentDate: input.documentDate ?? null,
          // What an e-mail brought that the dossier could not take in stays listed with it.
          description: item.parent === null ? [input.description, item.notReadIn?.length ? notReadInLine(item.notReadIn) : ''].filter(Boolean).join('\n') : '',
          sha256: stored.sha256,
          pages: item.pages,
          ocrPages: null,
          createdBy: session.staffId,
          createdAt: at,
        };
        db.insert(documents).values(doc).run();
        rows.push(doc);
        ids.push(doc.id);
      }
    });
    return { documents: rows.map((d) => this.view(d)), skipped };
  }

  /** The PDF of a document (the rendition for images, e-mails and text), or its latest redacted version. */
  pdf(ctx: CallContext, input: { caseId: string; documentId: string; version: 'original' | 'redacted' }): { dataBase64: string; pages: number } {
    const row = this.caseRow(ctx, input.caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    const doc = this.db
      .select()
      .from(documents)
      .where(and(eq(documents.caseId, row.id), eq(documents.id, input.documentId)))
      .get();
    if (!doc) throw new DomainError('NOT_FOUND', 'Dit document bestaat niet.');
    const fileId = input.version === 'redacted' ? latestRedaction(this.db, doc.id)?.fileId : doc.pdfFileId;
    if (!fileId) throw new DomainError('NOT_FOUND', 'Van dit document is nog geen gelakte versie gemaakt.');
    const file = findCaseFile(this.db, row.id, fileId);
    if (!file) throw new DomainError('NOT_FOUND', 'Het bestand van dit document ontbreekt.');
    return { dataBase64: this.caseVault.read(this.db, file).toString('base64'), pages: doc.pages };
  }

  private partyView(party: ThirdPartyRow): ThirdPartyView {
    return {
      id: party.id,
      name: party.name,
      address: party.address,
      email: party.email,
      phone: party.phone,
      role: party.role,
      hearingStatus: party.hearingStatus,
      note: party.note,
      documentIds: party.documentIds,
      redactedEverywhere: redactedEverywhere(this.db, party),
    };
  }

  listThirdParties(ctx: CallContext, caseId: string): ThirdPartyView[] {
    const row = this.caseRow(ctx, caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    return thirdPartiesOf(this.db, row.id).map((p) => this.partyView(p));
  }

  private assertDocuments(caseId: string, ids: readonly string[]): void {
    const known = new Set(documentsOf(this.db, caseId).map((d) => d.id));
    if (ids.some((id) => !known.has(id))) throw new DomainError('VALIDATION', 'Een gekozen document hoort niet bij deze zaak.');
  }

  addThirdParty(ctx: CallContext, input: z.output<typeof thirdPartyAddInput>): ThirdPartyView {
    const row = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(ctx.requireSession(), row);
    this.assertDocuments(row.id, input.documentIds);
    const at = ctx.now.toISOString();
    const party: ThirdPartyRow = {
      id: randomUUID(),
      caseId: row.id,
      name: input.name,
      address: input.address ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      role: input.role,
      hearingStatus: 'te_horen',
      note: null,
      documentIds: [...new Set(input.documentIds)],
      createdAt: at,
      updatedAt: at,
    };
    ctx.commit((db) => {
      db.insert(thirdParties).values(party).run();
      insertTask(db, {
        id: randomUUID(),
        caseId: row.id,
        kind: 'zienswijze_derde',
        status: 'open',
        dueOn: null,
        thirdPartyId: party.id,
        createdAt: at,
        doneAt: null,
      });
    });
    return this.partyView(party);
  }

  updateThirdParty(ctx: CallContext, input: z.output<typeof thirdPartyUpdateInput>): ThirdPartyView {
    const row = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(ctx.requireSession(), row);
    const party = this.db
      .select()
      .from(thirdParties)
      .where(and(eq(thirdParties.caseId, row.id), eq(thirdParties.id, input.id)))
      .get();
    if (!party) throw new DomainError('NOT_FOUND', 'Deze derde staat niet in het register van deze zaak.');
    if (input.documentIds) this.assertDocuments(row.id, input.documentIds);
    const at = ctx.now.toISOString();
    const changes = {
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.hearingStatus ? { hearingStatus: input.hearingStatus } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.documentIds ? { documentIds: [...new Set(input.documentIds)] } : {}),
      updatedAt: at,
    };
    const updated = ctx.commit((db) => {
      const result = db.update(thirdParties).set(changes).where(eq(thirdParties.id, party.id)).returning().get();
      if (input.hearingStatus && input.hearingStatus !== 'te_horen') {
        const task = tasksOf(db, row.id).find((t) => t.kind === 'zienswijze_derde' && t.thirdPartyId === party.id && t.status === 'open');
        if (task) completeTask(db, row.id, task.id, at);
      }
      return result ?? party;
    });
    return this.partyView(updated);
  }
}
