import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import {
  caseFilesOf,
  deleteCaseFile,
  findCaseFile,
  identityChecksOf,
  insertCaseFile,
  insertIdentityCheck,
  newCaseFile,
  type IdentityCheckRow,
} from '../../db/local/cases/case-files.js';
import { completeTask, insertTask, tasksOf, updateCase, type CaseRow } from '../../db/local/cases/repository.js';
import type { identityCheckViewSchema, identityDocumentSchema, identityRecordInput, identityViewSchema } from '../../shared/identity/identity-schemas.js';
import { findStaffById } from '../../db/local/staff/repository.js';
import { dutchToday, isRepresentationRequired, REPRESENTATION_AGE } from '../../shared/cases/cases.js';
import { checkDocument, DOCUMENT_METHODS, documentNumberTail, type CheckResult, type IdSubject } from '../../shared/identity/identity.js';
import { mayRegisterIdCopy } from '../../shared/cases/access.js';
import type { CallContext } from '../platform/call-context.js';
import { assertAssignedHandler, assertCanSeeContent } from '../cases/case-access.js';
import { deadlinePolicy } from '../cases/cases.js';
import { isVerified } from '../signing/decision-readiness.js';
import { CaseScopedService } from '../cases/case-scoped.js';
import { DomainError } from '../platform/errors.js';
import { burnBoxes, decodePng, decodeUpload, encodePng, type Box } from '../dossier/images.js';

type DocumentInput = z.output<typeof identityDocumentSchema>;
type RecordInput = z.output<typeof identityRecordInput>;
type CheckView = z.output<typeof identityCheckViewSchema>;

export function representationRequired(row: CaseRow): boolean {
  return isRepresentationRequired({ birthDate: row.requesterBirthDate, legallyIncapacitated: row.legallyIncapacitated }, row.receivedOn);
}

function toView(db: LocalDb, row: IdentityCheckRow): CheckView {
  const { caseId: _caseId, ...rest } = row;
  return { ...rest, verifiedByName: findStaffById(db, row.verifiedBy)?.fullName ?? null };
}

/**
 * The identity step of a case: who is asking, by which method, and the ID copy that is destroyed
 * as soon as the outcome is recorded.
 */
export class IdentityService extends CaseScopedService {
  private expectedFor(row: CaseRow, subject: IdSubject): { name: string; birthDate: string | null } {
    if (subject === 'verzoeker') return { name: row.requesterName, birthDate: row.requesterBirthDate };
    if (!row.representativeName) throw new DomainError('CONFLICT', 'Deze zaak heeft geen vertegenwoordiger.');
    return { name: row.representativeName, birthDate: null };
  }

  private evaluate(row: CaseRow, subject: IdSubject, document: DocumentInput, today: string): CheckResult[] {
    const results = checkDocument(document, this.expectedFor(row, subject), today);
    // The case holds no date of birth of a representative: that check cannot apply to them.
    return subject === 'vertegenwoordiger' ? results.filter((r) => r.check !== 'geboortedatum') : results;
  }

  get(ctx: CallContext, caseId: string): z.output<typeof identityViewSchema> {
    const row = this.caseRow(ctx, caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    const checks = identityChecksOf(this.db, row.id);
    return {
      representationRequired: representationRequired(row),
      hasRepresentative: row.representativeName !== null,
      requesterVerified: isVerified(checks, 'verzoeker'),
      representativeVerified: isVerified(checks, 'vertegenwoordiger'),
      checks: checks.map((c) => toView(this.db, c)),
      copies: caseFilesOf(this.db, row.id, 'id_copy').map((f) => ({
        id: f.id,
        subject: f.subject,
        masked: f.masked,
        width: f.width,
        height: f.height,
        uploadedAt: f.createdAt,
      })),
    };
  }

  /** Intake may record that a copy came in; only the handler (and the dpo) may look at it. */
  async uploadCopy(ctx: CallContext, input: { caseId: string; subject: IdSubject; fileName: string; dataBase64: string }) {
    const session = ctx.requireSession();
    const row = this.caseRow(ctx, input.caseId);
    if (!mayRegisterIdCopy(session, row))
      throw new DomainError('FORBIDDEN', 'Alleen de balie, de privacy officer of de behandelaar van deze zaak kan een kopie registreren.');
    if (input.subject === 'vertegenwoordiger' && !row.representativeName) throw new DomainError('CONFLICT', 'Deze zaak heeft geen vertegenwoordiger.');
    const pixels = await decodeUpload(Buffer.from(input.dataBase64, 'base64'), input.fileName);
    const png = encodePng(pixels);
    const id = randomUUID();
    const at = ctx.now.toISOString();
    ctx.commit((db) => {
      const stored = this.caseVault.write(this.caseVault.caseKey(db, row.id, at), row.id, id, png);
      const file = {
        id,
        caseId: row.id,
        kind: 'id_copy',
        subject: input.subject,
        mime: 'image/png',
        pixels,
        createdBy: session.staffId,
        createdAt: at,
      } as const;
      insertCaseFile(db, newCaseFile(file, stored));
    });
    return { copyId: id, width: pixels.width, height: pixels.height };
  }

  viewCopy(ctx: CallContext, input: { caseId: string; copyId: string }) {
    const row = this.caseRow(ctx, input.caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    const file = findCaseFile(this.db, row.id, input.copyId);
    if (!file || file.kind !== 'id_copy') throw new DomainError('NOT_FOUND', 'Deze kopie bestaat niet (meer): na de vaststelling wordt zij vernietigd.');
    const png = this.caseVault.read(this.db, file);
    return { dataBase64: png.toString('base64'), width: file.width ?? 0, height: file.height ?? 0, masked: file.masked };
  }

  /** Burns the boxes into the pixels; the unmasked version is destroyed (new file, new key). */
  maskCopy(ctx: CallContext, input: { caseId: string; copyId: string; boxes: Box[] }) {
    const session = ctx.requireSession();
    const row = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(session, row);
    const file = findCaseFile(this.db, row.id, input.copyId);
    if (!file || file.kind !== 'id_copy') throw new DomainError('NOT_FOUND', 'Deze kopie bestaat niet (meer).');
    const masked = encodePng(burnBoxes(decodePng(this.caseVault.read(this.db, file)), input.boxes));
    const id = randomUUID();
    const at = ctx.now.toISOString();
    ctx.commit((db) => {
      const stored = this.caseVault.write(this.caseVault.caseKey(db, row.id, at), row.id, id, masked);
      insertCaseFile(db, {
        ...file,
        id,
        size: stored.size,
        sha256: stored.sha256,
        wrappedKey: stored.wrappedKey,
        masked: true,
        maskedBy: session.staffId,
        maskedAt: at,
        createdAt: file.createdAt,
      });
      deleteCaseFile(db, file.id);
    });
    this.caseVault.removeCiphertext(row.id, file.id);
    this.vault.open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { copyId: id };
  }

  /** The requester masked BSN, photo and MRZ already: the handler says so. */
  confirmMasked(ctx: CallContext, input: { caseId: string; copyId: string }): Record<string, never> {
    const session = ctx.requireSession();
    const row = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(session, row);
    const file = findCaseFile(this.db, row.id, input.copyId);
    if (!file) throw new DomainError('NOT_FOUND', 'Deze kopie bestaat niet (meer).');
    ctx.commit((db) => {
      deleteCaseFile(db, file.id);
      insertCaseFile(db, { ...file, masked: true, maskedBy: session.staffId, maskedAt: ctx.now.toISOString() });
    });
    return {};
  }

  check(ctx: CallContext, input: { caseId: string; subject: IdSubject; document: DocumentInput }): CheckResult[] {
    const row = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(ctx.requireSession(), row);
    return this.evaluate(row, input.subject, input.document, dutchToday(ctx.now));
  }

  record(ctx: CallContext, input: RecordInput): CheckView {
    const session = ctx.requireSession();
    const row = this.caseRow(ctx, input.caseId);
    assertAssignedHandler(session, row);
    const today = dutchToday(ctx.now);
    const at = ctx.now.toISOString();
    const checks = identityChecksOf(this.db, row.id);
    const copies = caseFilesOf(this.db, row.id, 'id_copy').filter((f) => f.subject === input.subject);

    if (input.outcome !== 'geverifieerd' && !input.reason) throw new DomainError('VALIDATION', 'Geef de reden; die komt in de brief aan de verzoeker.');
    if (input.subject === 'vertegenwoordiger' && !row.representativeName) throw new DomainError('CONFLICT', 'Deze zaak heeft geen vertegenwoordiger.');
    let passed: string[] = [];
    if (input.outcome === 'geverifieerd') {
      if (input.subject === 'verzoeker' && representationRequired(row)) {
        if (!row.representativeName) {
          throw new DomainError(
            'CONFLICT',
            `De verzoeker was op de dag van ontvangst jonger dan ${REPRESENTATION_AGE} jaar of is handelingsonbekwaam: het verzoek moet door de wettelijk vertegenwoordiger worden gedaan. Leg eerst de vertegenwoordiger vast.`,
          );
        }
        if (!isVerified(checks, 'vertegenwoordiger'))
          throw new DomainError('CONFLICT', 'Stel eerst de identiteit en de bevoegdheid van de vertegenwoordiger vast.');
      }
      if (input.subject === 'vertegenwoordiger' && (!input.authority || !input.authorityChecked)) {
        throw new DomainError(
          'VALIDATION',
          'Leg vast waaruit de bevoegdheid van de vertegenwoordiger blijkt (gezag, voogdij, curatele of volmacht) en dat u dat document hebt gecontroleerd.',
        );
      }
      if (input.method === 'kopie') {
        if (copies.length === 0) throw new DomainError('CONFLICT', 'Er is geen kopie van het identiteitsbewijs ingelezen.');
        if (copies.some((c) => !c.masked))
          throw new DomainError('CONFLICT', 'Maskeer eerst BSN, pasfoto en MRZ op de kopie, of bevestig dat de verzoeker ze al heeft afgeschermd.');
      }
      if (DOCUMENT_METHODS.has(input.method)) {
        if (!input.document) throw new DomainError('VALIDATION', 'Vul de gegevens van het identiteitsbewijs in.');
        const results = this.evaluate(row, input.subject, input.document, today);
        const failed = results.filter((r) => !r.ok);
        if (failed.length > 0) throw new DomainError('VALIDATION', 'Niet alle controles zijn geslaagd.', { details: failed.map((r) => r.message) });
        passed = results.map((r) => r.check);
      }
      if (input.method === 'klantgegevens') {
        if (!row.customerNumber || !row.requesterAddress || !row.requesterBirthDate) {
          throw new DomainError('CONFLICT', 'Voor deze methode moeten klantnummer, adres en geboortedatum in de zaak staan.');
        }
        if (!input.customerDataMatch)
          throw new DomainError('VALIDATION', 'Bevestig dat klantnummer, adres en geboortedatum overeenkomen met de klantadministratie.');
        passed = ['klantnummer', 'adres', 'geboortedatum'];
      }
      if (input.method === 'mijn_alliantie') passed = ['mijn_alliantie'];
    }

    const record: IdentityCheckRow = {
      id: randomUUID(),
      caseId: row.id,
      subject: input.subject,
      method: input.method,
      outcome: input.outcome,
      reason: input.reason ?? null,
      documentType: input.document?.documentType ?? null,
      issuingCountry: input.document?.issuingCountry ?? null,
      documentNumberTail: input.document ? documentNumberTail(input.document.documentNumber) : null,
      expiry: input.document?.expiry ?? null,
      checksPassed: passed,
      authority: input.authority ?? null,
      copiesDestroyed: copies.length,
      verifiedBy: session.staffId,
      verifiedAt: at,
    };
    ctx.commit((db) => {
      insertIdentityCheck(db, record);
      // The outcome is recorded: the copies have done their work and are destroyed now.
      for (const copy of copies) deleteCaseFile(db, copy.id);
      this.afterOutcome(db, row, input.subject, input.outcome, today, at);
    });
    for (const copy of copies) this.caseVault.removeCiphertext(row.id, copy.id);
    this.vault.open.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return toView(this.db, record);
  }

  /** What the outcome means for the case: the task to ask for ID, the clock, the status. */
  private afterOutcome(db: LocalDb, row: CaseRow, subject: IdSubject, outcome: RecordInput['outcome'], today: string, at: string): void {
    const tasks = tasksOf(db, row.id);
    const openIdTask = tasks.find((t) => t.kind === 'verzoek_om_identificatie' && t.status === 'open');
    if (outcome === 'meer_informatie') {
      if (!openIdTask)
        insertTask(db, { id: randomUUID(), caseId: row.id, kind: 'verzoek_om_identificatie', status: 'open', dueOn: null, createdAt: at, doneAt: null });
      if (deadlinePolicy(db).suspendWhileAwaitingId && !row.suspendedSince) updateCase(db, row.id, { suspendedSince: today, updatedAt: at });
      if (row.status === 'ontvangen') updateCase(db, row.id, { status: 'identificatie', updatedAt: at });
      return;
    }
    if (outcome === 'geverifieerd' && subject === 'verzoeker') {
      if (openIdTask) completeTask(db, row.id, openIdTask.id, at);
      if (row.status === 'ontvangen' || row.status === 'identificatie') updateCase(db, row.id, { status: 'in_behandeling', updatedAt: at });
    }
  }
}
