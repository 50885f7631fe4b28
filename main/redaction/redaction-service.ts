import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { findCaseFile, insertCaseFile, newCaseFile } from '../../db/local/cases/case-files.js';
import { documents, redactedVersions } from '../../db/local/schema.js';
import { fail, type ApiError } from '../../shared/api/result.js';
import type { DetectorKind } from '../../shared/redaction/detectors.js';
import type { Role } from '../../shared/staff/roles.js';
import type { CallContext } from '../platform/call-context.js';
import type { Clock } from '../platform/clock.js';
import type { Vault } from '../platform/vault.js';
import { appendAuditEvent } from '../audit/audit.js';
import { assertAssignedHandler, assertCanSeeContent } from '../cases/case-access.js';
import type { CaseVault } from '../platform/case-vault.js';
import { latestRedaction, thirdPartiesOf } from '../dossier/dossier.js';
import { CaseScopedService } from '../cases/case-scoped.js';
import { DomainError } from '../platform/errors.js';
import { JobRunner, type JobView } from '../platform/jobs.js';
import {
  extractText,
  ocrLayers,
  readDocument,
  readInWorker,
  loadPdfium,
  runRedactionInWorker,
  takeWorker,
  warmWorker,
  searchablePages,
  type PageText,
  type Redaction,
  type Rect,
  type TextLayer,
} from './index.js';
import { mentionsOf, suggestRedactions, type Party } from './redaction-suggest.js';
import type { PersonIdentifiers } from '../../shared/redaction/person-variants.js';
import { findTerm } from '../../shared/redaction/detectors.js';

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

export interface Readable {
  thirdPartyId: string;
  page: number;
  text: string;
}

export interface RedactionResult {
  redactedVersionId: string;
  boxes: number;
  thirdPartyIds: string[];
  /** Mentions of the chosen third parties the boxes leave readable: why a party is not covered. */
  readable: Readable[];
}

type CaseRow = ReturnType<CaseScopedService['caseRow']>;

export interface PageReading {
  page: number;
  layer: TextLayer;
  ocr: string | null;
}

export interface ReadResult {
  pages: PageReading[];
}

/** Documents read with OCR, kept in memory only (OCR text is personal data: it never goes to disk). */
const READ_CACHE = 8;

function readingOf(pages: readonly PageText[]): PageReading[] {
  return pages.map((p) => ({ page: p.page, layer: p.layer ?? 'text', ocr: p.ocr?.reason ?? null }));
}

function requesterOf(row: CaseRow, extra: { iban?: string | undefined; bsn?: string | undefined } = {}): PersonIdentifiers {
  return {
    name: row.requesterName,
    address: row.requesterAddress,
    email: row.requesterEmail,
    phone: row.requesterPhone,
    customerNumber: row.customerNumber,
    iban: extra.iban ?? null,
    bsn: extra.bsn ?? null,
  };
}

/**
 * Which mentions of the parties stay readable: in the original, those whose boxes are not covered;
 * in the output, anything the search still finds there (the independent check: a box in the wrong
 * place or a page the engine kept as text must not pass for redacted).
 */
function readableMentions(
  original: readonly PageText[],
  output: readonly PageText[],
  parties: readonly Party[],
  requester: PersonIdentifiers,
  applied: readonly Redaction[],
): { found: Set<string>; readable: Readable[] } {
  const found = new Set<string>();
  const readable: Readable[] = [];
  for (const party of parties) {
    const before = mentionsOf(original, party, requester);
    if (before.length > 0) found.add(party.id);
    for (const m of before) {
      const boxes = m.boxes.map((b) => ({ ...b, page: m.page, reason: '', source: 'term' as const, text: m.text }));
      if (!allCovered(boxes, applied)) readable.push({ thirdPartyId: party.id, page: m.page, text: m.text });
    }
    for (const m of mentionsOf(output, party, requester)) {
      if (!readable.some((r) => r.thirdPartyId === party.id && r.page === m.page && r.text === m.text))
        readable.push({ thirdPartyId: party.id, page: m.page, text: m.text });
    }
  }
  return { found, readable };
}

/**
 * Search, suggest and apply redactions on dossier documents. Applying runs as a job in a worker
 * thread; which third parties a redacted version covers is worked out here, from the boxes, never
 * taken from the caller.
 */
export class RedactionService extends CaseScopedService {
  readonly jobs = new JobRunner<RedactionResult>();
  readonly readJobs = new JobRunner<ReadResult>();
  /**
   * Per document: the file that was read and its pages with what OCR read, for the store that was
   * open then. After a lock the store is a new one, and the cache is dropped at its first use.
   */
  private readonly readCache = new Map<string, { fileId: string; store: object; pages: PageText[] }>();

  constructor(
    vault: Vault,
    caseVault: CaseVault,
    private readonly clock: Clock,
    private readonly workerUrl?: URL,
  ) {
    super(vault, caseVault);
  }

  /**
   * A document's pages: as OCR read them when `redaction.read` ran for this very file, otherwise the
   * text alone (pages without a text layer are then marked, never silently empty).
   */
  private async pagesOf(doc: DocumentRow, pdf: Buffer, signal?: AbortSignal): Promise<PageText[]> {
    return this.cachedRead(doc) ?? readDocument(pdf, { ocr: 'off', signal });
  }

  private cachedRead(doc: DocumentRow): PageText[] | null {
    const store = this.vault.isOpen() ? this.vault.open : null;
    for (const [id, entry] of this.readCache) if (entry.store !== store) this.readCache.delete(id);
    const cached = this.readCache.get(doc.id);
    return cached && cached.fileId === doc.pdfFileId ? cached.pages : null;
  }

  /**
   * What OCR read stays in memory; which pages it read is kept with the document, so the dossier
   * can say so (a page OCR read may hold names that were never text).
   */
  private remember(doc: DocumentRow, pages: PageText[]): void {
    if (!this.vault.isOpen()) return;
    this.db
      .update(documents)
      .set({ ocrPages: pages.filter((p) => p.ocr).map((p) => p.page) })
      .where(and(eq(documents.id, doc.id), eq(documents.pdfFileId, doc.pdfFileId)))
      .run();
    this.readCache.delete(doc.id);
    this.readCache.set(doc.id, { fileId: doc.pdfFileId, store: this.vault.open, pages });
    for (const key of this.readCache.keys()) if (this.readCache.size > READ_CACHE) this.readCache.delete(key);
  }

  /**
   * Reads a document as a job: PDFium's text, and OCR (offline, in the worker thread) for every page
   * that shows something but has no usable text. Suggestions and coverage then work on scans too.
   */
  read(ctx: CallContext, input: { caseId: string; documentId: string }): { jobId: string } {
    const session = ctx.requireSession();
    const { doc, pdf } = this.document(ctx, input.caseId, input.documentId);
    const jobId = this.readJobs.start(
      session.staffId,
      async (report, signal) => {
        const pages = await readInWorker(pdf, {
          ocr: 'missing',
          signal,
          workerUrl: this.workerUrl,
          onProgress: (p) => report(p.done / p.total, p.ocr ? `OCR… pagina ${p.done} van ${p.total}` : `Pagina ${p.done} van ${p.total} gelezen`),
        });
        this.remember(doc, pages);
        return { pages: readingOf(pages) };
      },
      (error) => toApiError(error),
    );
    ctx.commit(() => undefined);
    return { jobId };
  }

  /**
   * Starts a redaction thread and this thread's PDFium ahead of the first job (after sign-in), so
   * the first document's progress moves at once instead of after the engine's start.
   */
  warm(): void {
    warmWorker(this.workerUrl);
    loadPdfium().catch(() => undefined);
  }

  readStatus(ctx: CallContext, jobId: string): JobView<ReadResult> {
    return this.readJobs.view(ctx.requireSession().staffId, jobId);
  }

  private document(ctx: CallContext, caseId: string, documentId: string): { doc: DocumentRow; pdf: Buffer } {
    const row = this.caseRow(ctx, caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    const doc = this.db
      .select()
      .from(documents)
      .where(and(eq(documents.caseId, row.id), eq(documents.id, documentId)))
      .get();
    if (!doc) throw new DomainError('NOT_FOUND', 'Dit document bestaat niet.');
    const file = findCaseFile(this.db, row.id, doc.pdfFileId);
    if (!file) throw new DomainError('NOT_FOUND', 'Het bestand van dit document ontbreekt.');
    return { doc, pdf: this.caseVault.read(this.db, file) };
  }

  private partiesOf(caseId: string, ids: readonly string[]): Party[] {
    const parties = thirdPartiesOf(this.db, caseId);
    const unknown = ids.filter((id) => !parties.some((p) => p.id === id));
    if (unknown.length > 0) throw new DomainError('VALIDATION', 'Een gekozen derde staat niet in het register van deze zaak.');
    return parties.filter((p) => ids.includes(p.id)).map((p) => ({ id: p.id, person: { name: p.name, address: p.address, email: p.email, phone: p.phone } }));
  }

  /**
   * Suggestions for one document: the chosen third parties in every way they are written, free
   * terms and patterns (BSN, IBAN …), each with whose data it is and the ground to withhold it.
   */
  async suggest(
    ctx: CallContext,
    input: {
      caseId: string;
      documentId: string;
      terms: string[];
      patterns: DetectorKind[];
      thirdPartyIds: string[];
      requester?: { iban?: string | undefined; bsn?: string | undefined } | undefined;
    },
  ) {
    const { doc, pdf } = this.document(ctx, input.caseId, input.documentId);
    const row = this.caseRow(ctx, input.caseId);
    const parties = this.partiesOf(doc.caseId, input.thirdPartyIds);
    const pages = await this.pagesOf(doc, pdf);
    const suggestions = suggestRedactions(searchablePages(pages), {
      parties,
      requester: requesterOf(row, input.requester),
      caseType: row.type,
      terms: input.terms,
      patterns: input.patterns,
    });
    return {
      pages: pages.map((p) => ({
        page: p.page,
        width: p.width,
        height: p.height,
        toView: p.toView,
        annotations: p.annotations,
        layer: p.layer ?? 'text',
        ocr: p.ocr?.reason ?? null,
      })),
      suggestions,
    };
  }

  /**
   * Occurrences of the terms and the chosen third parties (in every way they are written) in every
   * document of the case, and whether the latest redacted version leaves any of them readable.
   */
  async searchAll(ctx: CallContext, input: { caseId: string; terms: string[]; thirdPartyIds: string[] }) {
    const row = this.caseRow(ctx, input.caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    const parties = this.partiesOf(row.id, input.thirdPartyIds);
    const requester = requesterOf(row);
    const occurrences = (pages: readonly PageText[]) => [
      ...parties.flatMap((p) => mentionsOf(pages, p, requester).map((m) => ({ page: m.page, text: m.text }))),
      ...pages.flatMap((page) => input.terms.flatMap((term) => findTerm(page.text, term).map((m) => ({ page: page.page, text: m.text })))),
    ];
    const results: { documentId: string; name: string; occurrences: number; redacted: boolean; covered: boolean; readable: string[] }[] = [];
    for (const doc of this.db.select().from(documents).where(eq(documents.caseId, row.id)).all()) {
      const file = findCaseFile(this.db, row.id, doc.pdfFileId);
      if (!file) continue;
      const original = searchablePages(await this.pagesOf(doc, this.caseVault.read(this.db, file)));
      const found = occurrences(original);
      const version = latestRedaction(this.db, doc.id);
      const versionFile = version ? findCaseFile(this.db, row.id, version.fileId) : undefined;
      let readable = found.map((f) => f.text);
      let covered = found.length === 0;
      if (version && versionFile) {
        const left = occurrences(await extractText(this.caseVault.read(this.db, versionFile)));
        // A party whose name the original contains must be covered by the version's boxes too: a page
        // turned into pixels has no text left to search, so only the check at apply time can vouch for it.
        const uncovered = parties.filter((p) => mentionsOf(original, p, requester).length > 0 && !version.thirdPartyIds.includes(p.id));
        readable = left.map((f) => f.text);
        covered = left.length === 0 && uncovered.length === 0;
        // What the version's boxes were not drawn over, by the words they were drawn for.
        if (uncovered.length > 0 && readable.length === 0) {
          readable = uncovered.flatMap((p) => mentionsOf(original, p, requester).map((m) => m.text)).filter((text) => !version.terms.includes(text));
        }
      }
      results.push({
        documentId: doc.id,
        name: doc.name,
        occurrences: found.length,
        redacted: version !== undefined,
        covered,
        readable: [...new Set(readable)],
      });
    }
    return results;
  }

  /** Starts applying; returns the job id to poll. */
  start(
    ctx: CallContext,
    input: { caseId: string; documentId: string; redactions: Redaction[]; thirdPartyIds: string[]; confirmedThirdPartyIds: string[] },
  ): { jobId: string } {
    const session = ctx.requireSession();
    const caseRow = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(session, caseRow);
    if (input.redactions.length === 0) throw new DomainError('VALIDATION', 'Kies minstens één vlak om te lakken.');
    const { doc, pdf } = this.document(ctx, input.caseId, input.documentId);
    const parties = this.partiesOf(doc.caseId, [...new Set([...input.thirdPartyIds, ...input.confirmedThirdPartyIds])]);
    const requester = requesterOf(caseRow);
    const jobId = this.jobs.start(
      session.staffId,
      async (report, signal) => {
        // Pages without usable text are read by OCR here when the handler did not have them read yet:
        // whether a third party on a scan is covered is decided from what OCR reads, not assumed.
        // Reading and redacting share one thread (a warm one where there is one); reading is then the
        // first half of the progress, so it moves from the first page on.
        const worker = takeWorker(this.workerUrl);
        let output: Buffer;
        let read = this.cachedRead(doc);
        try {
          const share = read ? 0 : 0.5;
          if (!read) {
            read = await readInWorker(pdf, {
              ocr: 'missing',
              signal,
              worker,
              onProgress: (p) => report((share * p.done) / p.total, p.ocr ? `OCR… pagina ${p.done} van ${p.total}` : `Pagina ${p.done} van ${p.total} gelezen`),
            });
            this.remember(doc, read);
          }
          output = await runRedactionInWorker(pdf, input.redactions, {
            signal,
            worker,
            ocr: ocrLayers(read),
            onProgress: (p) => report(share + ((1 - share) * p.done) / p.total, `Pagina ${p.done} van ${p.total}`),
          });
        } finally {
          void worker.terminate();
        }
        const pages = searchablePages(read);
        // A third party counts as redacted in this version only if they were found, every way they
        // are written is covered, and the output no longer yields any of it. Where the text cannot
        // be read (a scan), only the handler's explicit confirmation, with boxes drawn by hand, counts.
        const { found, readable } = readableMentions(pages, await extractText(output, { signal }), parties, requester, input.redactions);
        const manual = input.redactions.some((r) => r.source === 'manual');
        const covered = parties
          .filter((p) => (found.has(p.id) ? !readable.some((r) => r.thirdPartyId === p.id) : manual && input.confirmedThirdPartyIds.includes(p.id)))
          .map((p) => p.id);
        return this.store(session.staffId, session.roles, doc, output, input.redactions.length, covered, readable, [
          ...new Set(input.redactions.map((r) => r.text).filter(Boolean)),
        ]);
      },
      (error) => toApiError(error),
    );
    ctx.commit(() => undefined);
    return { jobId };
  }

  private store(
    staffId: string,
    roles: readonly Role[],
    doc: DocumentRow,
    output: Buffer,
    boxes: number,
    thirdPartyIds: string[],
    readable: Readable[],
    terms: string[],
  ): RedactionResult {
    if (!this.vault.isOpen()) throw new DomainError('UNAUTHENTICATED');
    const { db, sqlite } = this.vault.open;
    const at = this.clock.now();
    const id = randomUUID();
    const fileId = randomUUID();
    sqlite.transaction(() => {
      const stored = this.caseVault.write(this.caseVault.caseKey(db, doc.caseId, at.toISOString()), doc.caseId, fileId, output);
      const file = { id: fileId, caseId: doc.caseId, kind: 'redacted', mime: 'application/pdf', createdBy: staffId, createdAt: at.toISOString() } as const;
      insertCaseFile(db, newCaseFile(file, stored));
      db.insert(redactedVersions)
        .values({ id, documentId: doc.id, fileId, boxes, thirdPartyIds, terms, createdBy: staffId, createdAt: at.toISOString() })
        .run();
      appendAuditEvent(db, at, { actorId: staffId, roles, procedure: 'redaction.apply', recordType: 'case', recordId: doc.caseId, outcome: 'ok' });
    })();
    return { redactedVersionId: id, boxes, thirdPartyIds, readable };
  }

  status(ctx: CallContext, jobId: string): JobView<RedactionResult> {
    return this.jobs.view(ctx.requireSession().staffId, jobId);
  }

  cancel(ctx: CallContext, jobId: string): Record<string, never> {
    const staffId = ctx.requireSession().staffId;
    if (this.readJobs.has(jobId)) this.readJobs.cancel(staffId, jobId);
    else this.jobs.cancel(staffId, jobId);
    return {};
  }
}

function toApiError(error: unknown): ApiError {
  const result = error instanceof DomainError ? fail(error.code, error.dutchMessage, error.details) : fail('INTERNAL');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}
