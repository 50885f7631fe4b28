import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { findCaseFile, insertCaseFile } from '../../db/local/repositories/case-files.js';
import { documents, redactedVersions } from '../../db/local/schema.js';
import { fail, type ApiError } from '../../shared/api/result.js';
import type { DetectorKind } from '../../shared/domain/detectors.js';
import type { Role } from '../../shared/roles.js';
import type { CallContext } from '../api/context.js';
import type { Clock } from '../clock.js';
import type { Vault } from '../store/vault.js';
import { appendAuditEvent } from './audit.js';
import { assertAssignedHandler, assertCanSeeContent } from './case-access.js';
import type { CaseVault } from './case-vault.js';
import { thirdPartiesOf } from './dossier.js';
import { CaseScopedService } from './case-scoped.js';
import { DomainError } from './errors.js';
import { JobRunner, type JobView } from './jobs.js';
import { extractText, findRedactions, runRedactionInWorker, type Redaction, type Rect } from './redaction/index.js';

type DocumentRow = typeof documents.$inferSelect;

/** How much of an occurrence a box must cover to count as redacted. */
const COVERED = 0.9;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Every box of `needed` is covered (90 % of its area) by the boxes to be applied on its page. */
export function allCovered(needed: readonly Redaction[], applied: readonly Redaction[]): boolean {
  return needed.every((n) => {
    const area = n.width * n.height;
    const covered = applied.filter((a) => a.page === n.page).reduce((sum, a) => sum + overlap(n, a), 0);
    return area === 0 || covered / area >= COVERED;
  });
}

export interface RedactionResult {
  redactedVersionId: string;
  boxes: number;
  thirdPartyIds: string[];
}

/**
 * Search, suggest and apply redactions on dossier documents. Applying runs as a job in a worker
 * thread; which third parties a redacted version covers is worked out here, from the boxes, never
 * taken from the caller.
 */
export class RedactionService extends CaseScopedService {
  readonly jobs = new JobRunner<RedactionResult>();

  constructor(
    vault: Vault,
    caseVault: CaseVault,
    private readonly clock: Clock,
    private readonly workerUrl?: URL,
  ) {
    super(vault, caseVault);
  }

  private document(ctx: CallContext, caseId: string, documentId: string): { doc: DocumentRow; pdf: Buffer } {
    const row = this.caseRow(ctx, caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    const doc = this.db.select().from(documents).where(and(eq(documents.caseId, row.id), eq(documents.id, documentId))).get();
    if (!doc) throw new DomainError('NOT_FOUND', 'Dit document bestaat niet.');
    const file = findCaseFile(this.db, row.id, doc.pdfFileId);
    if (!file) throw new DomainError('NOT_FOUND', 'Het bestand van dit document ontbreekt.');
    return { doc, pdf: this.caseVault.read(this.db, file) };
  }

  private namesOf(caseId: string, ids: readonly string[]): { id: string; name: string }[] {
    const parties = thirdPartiesOf(this.db, caseId);
    const unknown = ids.filter((id) => !parties.some((p) => p.id === id));
    if (unknown.length > 0) throw new DomainError('VALIDATION', 'Een gekozen derde staat niet in het register van deze zaak.');
    return parties.filter((p) => ids.includes(p.id)).map((p) => ({ id: p.id, name: p.name }));
  }

  /** Suggestions for one document: terms, third parties' names and patterns (BSN, IBAN …). */
  async suggest(ctx: CallContext, input: { caseId: string; documentId: string; terms: string[]; patterns: DetectorKind[]; thirdPartyIds: string[] }) {
    const { doc, pdf } = this.document(ctx, input.caseId, input.documentId);
    const names = this.namesOf(doc.caseId, input.thirdPartyIds).map((p) => p.name);
    const pages = await extractText(pdf);
    const suggestions = findRedactions(pages, { terms: [...input.terms, ...names], patterns: input.patterns });
    return {
      pages: pages.map((p) => ({ page: p.page, width: p.width, height: p.height, toView: p.toView, annotations: p.annotations })),
      suggestions,
    };
  }

  /** Occurrences of terms in every document of the case, for search-and-redact across the dossier. */
  async searchAll(ctx: CallContext, input: { caseId: string; terms: string[] }) {
    const row = this.caseRow(ctx, input.caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    const results: { documentId: string; name: string; occurrences: number }[] = [];
    for (const doc of this.db.select().from(documents).where(eq(documents.caseId, row.id)).all()) {
      const file = findCaseFile(this.db, row.id, doc.pdfFileId);
      if (!file) continue;
      const pages = await extractText(this.caseVault.read(this.db, file));
      const found = findRedactions(pages, { terms: input.terms });
      results.push({ documentId: doc.id, name: doc.name, occurrences: new Set(found.map((f) => `${f.page}:${f.text}:${Math.round(f.y)}`)).size });
    }
    return results;
  }

  /** Starts applying; returns the job id to poll. */
  start(ctx: CallContext, input: { caseId: string; documentId: string; redactions: Redaction[]; thirdPartyIds: string[]; confirmedThirdPartyIds: string[] }): { jobId: string } {
    const session = ctx.requireSession();
    const caseRow = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(session, caseRow);
    if (input.redactions.length === 0) throw new DomainError('VALIDATION', 'Kies minstens één vlak om te lakken.');
    const { doc, pdf } = this.document(ctx, input.caseId, input.documentId);
    const parties = this.namesOf(doc.caseId, [...new Set([...input.thirdPartyIds, ...input.confirmedThirdPartyIds])]);
    const jobId = this.jobs.start(
      session.staffId,
      async (report, signal) => {
        const pages = await extractText(pdf, { signal });
        // A third party counts as redacted in this version only if their name was found and every
        // occurrence is covered. Where the text cannot be read (a scan), only the handler's explicit
        // confirmation, with boxes drawn by hand, counts.
        const manual = input.redactions.some((r) => r.source === 'manual');
        const covered = parties
          .filter((p) => {
            const occurrences = findRedactions(pages, { terms: [p.name] });
            if (occurrences.length > 0) return allCovered(occurrences, input.redactions);
            return manual && input.confirmedThirdPartyIds.includes(p.id);
          })
          .map((p) => p.id);
        const output = await runRedactionInWorker(pdf, input.redactions, { signal, workerUrl: this.workerUrl, onProgress: (p) => report(p.done / p.total, `Pagina ${p.done} van ${p.total}`) });
        return this.store(session.staffId, session.roles, doc, output, input.redactions.length, covered, [...new Set(input.redactions.map((r) => r.text).filter(Boolean))]);
      },
      (error) => toApiError(error),
    );
    ctx.commit(() => undefined);
    return { jobId };
  }

  private store(staffId: string, roles: readonly Role[], doc: DocumentRow, output: Buffer, boxes: number, thirdPartyIds: string[], terms: string[]): RedactionResult {
    if (!this.vault.isOpen()) throw new DomainError('UNAUTHENTICATED');
    const { db, sqlite } = this.vault.open;
    const at = this.clock.now();
    const id = randomUUID();
    const fileId = randomUUID();
    sqlite.transaction(() => {
      const stored = this.caseVault.write(this.caseVault.caseKey(db, doc.caseId, at.toISOString()), doc.caseId, fileId, output);
      insertCaseFile(db, { id: fileId, caseId: doc.caseId, kind: 'redacted', subject: null, mime: 'application/pdf', size: stored.size, width: null, height: null, sha256: stored.sha256, masked: false, maskedBy: null, maskedAt: null, wrappedKey: stored.wrappedKey, createdBy: staffId, createdAt: at.toISOString() });
      db.insert(redactedVersions).values({ id, documentId: doc.id, fileId, boxes, thirdPartyIds, terms, createdBy: staffId, createdAt: at.toISOString() }).run();
      appendAuditEvent(db, at, { actorId: staffId, roles, procedure: 'redaction.apply', recordType: 'case', recordId: doc.caseId, outcome: 'ok' });
    })();
    return { redactedVersionId: id, boxes, thirdPartyIds };
  }

  status(ctx: CallContext, jobId: string): JobView<RedactionResult> {
    return this.jobs.view(ctx.requireSession().staffId, jobId);
  }

  cancel(ctx: CallContext, jobId: string): Record<string, never> {
    this.jobs.cancel(ctx.requireSession().staffId, jobId);
    return {};
  }
}

function toApiError(error: unknown): ApiError {
  const result = error instanceof DomainError ? fail(error.code, error.dutchMessage, error.details) : fail('INTERNAL');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}
