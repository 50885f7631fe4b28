import { PDFDocument } from 'pdf-lib';
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import { completeTask, findCase, tasksOf, updateCase, type CaseRow } from '../../db/local/cases/repository.js';
import {
  activeDecisionLetter,
  deleteLetter,
  findLetter,
  insertLetter,
  lettersOfCase,
  updateLetter,
  type LetterRow,
} from '../../db/local/letters/repository.js';
import { findStaffById } from '../../db/local/staff/repository.js';
import type { letterDraftInput, letterTextSchema } from '../../shared/letters/letter-schemas.js';
import { canTransition, dutchToday, isAwaitingDecision, isClosed, STATUS_LABELS, type CaseStatus, type TaskKind } from '../../shared/cases/cases.js';
import { formatDutchDate } from '../../shared/deadlines/dates.js';
import { buildLetter } from '../../shared/letters/build.js';
import { contentProblems, decisionOutcome } from '../../shared/letters/check.js';
import {
  DECISION_KINDS,
  isDecisionKind,
  LETTER_CASE_TYPES,
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  type LetterContent,
  type LetterKind,
} from '../../shared/letters/types.js';
import { mayListLetters, mayReadLetter } from '../../shared/cases/access.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { assertAssignedHandler, loadCase } from '../cases/case-access.js';
import type { CaseVault } from '../platform/case-vault.js';
import { assertDecisionGates } from '../signing/decision-readiness.js';
import { thirdPartyProblems } from '../dossier/dossier.js';
import { DomainError } from '../platform/errors.js';
import type { SessionInfo } from '../staff/sessions.js';
import { renderLetterPdf } from './layout.js';
import { ACCESS_KINDS, asDomainError, letterCaseOf, letterInputFor, signedFileOf, summaryOf, type LetterSummary } from './letter-input.js';
import { letterheadOf, templateOf } from './letter-settings.js';
import type { RegisterService } from './register.js';

type LetterText = z.output<typeof letterTextSchema>;
export type LetterView = LetterSummary & { content: LetterContent; problems: string[] };

/**
 * The task a letter discharges when it has been sent. The request for an aanvulling does not: its
 * task stays open until the aanvulling is in, because only then does the request have its form.
 */
const TASK_OF: Partial<Record<LetterKind, TaskKind>> = { verlengingsbericht: 'verlengingsbericht', 'verzoek-om-identificatie': 'verzoek_om_identificatie' };

/** Decisions that end the case in a side exit rather than "verzonden"; they may also follow that exit. */
const SIDE_EXIT_OF: Partial<Record<LetterKind, readonly CaseStatus[]>> = {
  afwijzing: ['kennelijk_ongegrond'],
  'besluit-niet-ontvankelijk': ['niet_ontvankelijk'],
};

/** Drafting, editing, submitting and sending letters: the handler's side of four-eyes. */
export class LetterService {
  constructor(
    private readonly vault: Vault,
    private readonly caseVault: CaseVault,
    private readonly register: RegisterService,
  ) {}

  private get db(): LocalDb {
    return this.vault.open.db;
  }

  kinds() {
    return LETTER_KINDS.map((kind) => {
      const types = LETTER_CASE_TYPES[kind];
      return { kind, label: LETTER_KIND_LABELS[kind], decision: isDecisionKind(kind), caseTypes: types ? [...types] : null };
    });
  }

  /** The letter and its case, named in the audit event. */
  load(ctx: CallContext, letterId: string): { letter: LetterRow; caseRow: CaseRow } {
    const letter = findLetter(this.db, letterId);
    if (!letter) throw new DomainError('NOT_FOUND', 'Deze brief bestaat niet.');
    ctx.setRecord(letter.caseId);
    const caseRow = findCase(this.db, letter.caseId);
    if (!caseRow) throw new DomainError('NOT_FOUND', 'Deze zaak bestaat niet.');
    return { letter, caseRow };
  }

  private view(ctx: CallContext, letter: LetterRow, caseRow: CaseRow): LetterView {
    const session = ctx.requireSession();
    return {
      ...summaryOf(this.db, letter, session.staffId, session.roles.includes('signer')),
      content: letter.content,
      problems: letter.status === 'concept' ? contentProblems(letter.content, letterCaseOf(caseRow)) : [],
    };
  }

  private assertMayDraft(kind: LetterKind, row: CaseRow): void {
    const decision = isDecisionKind(kind);
    if (kind === 'bevestiging-intrekking' && (row.status === 'ingetrokken' || isAwaitingDecision(row.status))) return;
    // A side exit still owes the requester its reasons and remedies (art. 12(4) AVG).
    if (kind === 'afwijzing' && row.status === 'kennelijk_ongegrond') return this.assertNoOtherDecision(row);
    if (kind === 'besluit-niet-ontvankelijk' && row.status === 'niet_ontvankelijk') return this.assertNoOtherDecision(row);
    if (decision && !isAwaitingDecision(row.status)) throw new DomainError('CONFLICT', 'Op deze zaak is al beslist; een nieuwe besluitbrief kan niet meer.');
    if (isClosed(row.status)) throw new DomainError('CONFLICT', 'Deze zaak is afgesloten.');
    if (decision) this.assertNoOtherDecision(row);
  }

  private assertNoOtherDecision(row: CaseRow): void {
    const existing = activeDecisionLetter(this.db, row.id, DECISION_KINDS);
    if (existing)
      throw new DomainError(
        'CONFLICT',
        `Deze zaak heeft al een besluitbrief (${LETTER_KIND_LABELS[existing.kind]}). Pas die aan, of verwijder het concept eerst.`,
      );
  }

  draft(ctx: CallContext, input: z.output<typeof letterDraftInput>): LetterSummary {
    const session = ctx.requireSession();
    const caseRow = loadCase(this.db, ctx, input.caseId);
    assertAssignedHandler(session, caseRow);
    this.assertMayDraft(input.kind, caseRow);
    const handlerName = findStaffById(this.db, session.staffId)?.fullName ?? '';
    const today = dutchToday(ctx.now);
    const activities = ACCESS_KINDS.has(input.kind) ? this.register.ofCase(caseRow.id) : [];
    const letterInput = letterInputFor(this.db, caseRow, input, handlerName, today, activities, isDecisionKind(input.kind) ? this.register.active() : []);
    let content: LetterContent;
    try {
      content = buildLetter(letterInput, templateOf(this.db, input.kind));
    } catch (error) {
      asDomainError(error);
    }
    const at = ctx.now.toISOString();
    const row: LetterRow = {
      id: randomUUID(),
      caseId: caseRow.id,
      kind: input.kind,
      status: 'concept',
      data: input.data,
      content,
      outcome: decisionOutcome(letterInput),
      authorIds: [session.staffId],
      draftedBy: session.staffId,
      draftedAt: at,
      updatedAt: at,
      submittedAt: null,
      returnedBy: null,
      returnComment: null,
      signedBy: null,
      signedAt: null,
      sha256: null,
      fileId: null,
      fileKey: null,
      fileSize: null,
      sentOn: null,
      sentBy: null,
    };
    ctx.commit((db) => insertLetter(db, row));
    return summaryOf(this.db, row, session.staffId, session.roles.includes('signer'));
  }

  list(ctx: CallContext, caseId: string): LetterSummary[] {
    const { session, readable } = this.readable(ctx, caseId);
    return readable.map((l) => summaryOf(this.db, l, session.staffId, session.roles.includes('signer')));
  }

  /**
   * A hash over the state of the letters `list` would show this caller: it changes when one of them
   * is drafted, edited, submitted, returned, signed, sent or discarded, and says nothing else (no
   * content, no count, nothing of letters the caller may not read).
   */
  stamp(ctx: CallContext, caseId: string): { stamp: string } {
    const hash = createHash('sha256');
    for (const l of this.readable(ctx, caseId).readable) hash.update(`${l.id}|${l.status}|${l.updatedAt}|${l.signedAt ?? ''}|${l.sentOn ?? ''}\n`);
    return { stamp: hash.digest('base64url') };
  }

  private readable(ctx: CallContext, caseId: string): { session: SessionInfo; readable: LetterRow[] } {
    const session = ctx.requireSession();
    const caseRow = loadCase(this.db, ctx, caseId);
    // A signer who is not on the case sees only the letters put before them.
    if (!mayListLetters(session, caseRow)) throw new DomainError('FORBIDDEN', 'Deze zaak is niet aan u toegewezen.');
    return { session, readable: lettersOfCase(this.db, caseRow.id).filter((l) => mayReadLetter(session, caseRow, l)) };
  }

  /** The letter with its PDF: the signed file once signed, otherwise a fresh preview marked CONCEPT. */
  async get(ctx: CallContext, letterId: string): Promise<LetterView & { pdfBase64: string; pages: number }> {
    const { letter, caseRow } = this.load(ctx, letterId);
    if (!mayReadLetter(ctx.requireSession(), caseRow, letter)) throw new DomainError('FORBIDDEN', 'Deze brief is niet aan u voorgelegd.');
    let pdf: Buffer;
    if (letter.fileId) {
      pdf = this.caseVault.read(this.db, signedFileOf(letter));
    } else {
      pdf = await renderLetterPdf(letter.content, { letterhead: letterheadOf(this.db), draft: true, now: ctx.now });
    }
    const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    return { ...this.view(ctx, letter, caseRow), pdfBase64: pdf.toString('base64'), pages };
  }

  private editable(ctx: CallContext, letterId: string): { letter: LetterRow; caseRow: CaseRow; session: SessionInfo } {
    const session = ctx.requireSession();
    const { letter, caseRow } = this.load(ctx, letterId);
    assertAssignedHandler(session, caseRow);
    if (letter.status !== 'concept')
      throw new DomainError('CONFLICT', 'Alleen een concept kan worden gewijzigd; deze brief is al ter ondertekening aangeboden of ondertekend.');
    return { letter, caseRow, session };
  }

  /** The handler's own wording; they become one of its authors, so they cannot sign it either. */
  updateText(ctx: CallContext, input: { letterId: string } & LetterText): LetterView {
    const { letter, caseRow, session } = this.editable(ctx, input.letterId);
    const content: LetterContent = {
      ...letter.content,
      title: `${input.subjectLine} – ${letter.content.reference.ourReference}`,
      addressee: input.addressee ?? letter.content.addressee,
      reference: { ...letter.content.reference, subject: input.subjectLine },
      salutation: input.salutation,
      blocks: input.blocks,
      closing: input.closing,
    };
    const authorIds = [...new Set([...letter.authorIds, session.staffId])];
    const updated = ctx.commit((db) => updateLetter(db, letter.id, { content, authorIds, updatedAt: ctx.now.toISOString() }));
    return this.view(ctx, updated, caseRow);
  }

  /** Hands the letter to the signers; a decision letter moves the case to "ter ondertekening". */
  submit(ctx: CallContext, letterId: string): LetterSummary {
    const { letter, caseRow, session } = this.editable(ctx, letterId);
    const problems = contentProblems(letter.content, letterCaseOf(caseRow));
    if (problems.length > 0) throw new DomainError('CONFLICT', 'De brief mist wat de wet of het reglement voorschrijft.', { details: problems });
    if (letter.kind === 'verlengingsbericht' && dutchToday(ctx.now) > caseRow.originalDueOn) {
      throw new DomainError('CONFLICT', `Het verlengingsbericht moest vóór ${formatDutchDate(caseRow.originalDueOn)} worden verstuurd (artikel 12 lid 3 AVG).`);
    }
    const movesCase = isDecisionKind(letter.kind) && !SIDE_EXIT_OF[letter.kind]?.includes(caseRow.status);
    // The handler submits from Brieven; the case passes "besluit in concept" on the way, under the
    // same condition the status change holds it to (every third party heard, redacted where needed).
    if (movesCase && caseRow.status !== 'besluit_in_concept') {
      if (!canTransition(caseRow.status, 'besluit_in_concept')) {
        throw new DomainError('CONFLICT', `Een zaak met status "${STATUS_LABELS[caseRow.status]}" is nog niet klaar voor een besluit.`);
      }
      const problems = thirdPartyProblems(this.db, caseRow.id);
      if (problems.length > 0)
        throw new DomainError('CONFLICT', 'Eerst moeten alle derden zijn gehoord en hun gegevens zijn gelakt waar zij geen toestemming gaven.', {
          details: problems,
        });
    }
    if (isDecisionKind(letter.kind)) assertDecisionGates(this.db, caseRow, letter, 'aangeboden');
    const at = ctx.now.toISOString();
    const updated = ctx.commit((db) => {
      if (movesCase) updateCase(db, caseRow.id, { status: 'ter_ondertekening', updatedAt: at });
      return updateLetter(db, letter.id, { status: 'ter_ondertekening', submittedAt: at, returnComment: null, returnedBy: null, updatedAt: at });
    });
    return summaryOf(this.db, updated, session.staffId, session.roles.includes('signer'));
  }

  discard(ctx: CallContext, letterId: string): Record<string, never> {
    const { letter } = this.editable(ctx, letterId);
    ctx.commit((db) => deleteLetter(db, letter.id));
    return {};
  }

  /**
   * The handler records that the signed letter went out. A decision closes the request: the case
   * moves to "verzonden" (an art. 12(5) refusal to "kennelijk ongegrond of buitensporig", a
   * confirmed withdrawal to "ingetrokken"); a letter that was a task completes the task.
   */
  markSent(ctx: CallContext, input: { letterId: string; sentOn?: string | undefined }): LetterSummary {
    const session = ctx.requireSession();
    const { letter, caseRow } = this.load(ctx, input.letterId);
    assertAssignedHandler(session, caseRow);
    if (letter.status !== 'ondertekend')
      throw new DomainError(
        'CONFLICT',
        letter.status === 'verzonden' ? 'Deze brief is al als verzonden gemarkeerd.' : 'Alleen een ondertekende brief kan worden verzonden.',
      );
    const today = dutchToday(ctx.now);
    const sentOn = input.sentOn ?? today;
    if (sentOn > today || (letter.signedAt && sentOn < dutchToday(new Date(letter.signedAt))))
      throw new DomainError('VALIDATION', 'De verzenddatum ligt tussen de ondertekening en vandaag.');
    const at = ctx.now.toISOString();
    const updated = ctx.commit((db) => {
      if (isDecisionKind(letter.kind) && isAwaitingDecision(caseRow.status)) {
        const exit = SIDE_EXIT_OF[letter.kind]?.[0];
        const reason = exit && 'reasons' in letter.data ? String(letter.data.reasons).slice(0, 2000) : null;
        updateCase(db, caseRow.id, { status: exit ?? 'verzonden', statusReason: reason, updatedAt: at });
      }
      // The decision answers the request: nothing of it is left to do (an unanswered aanvulling included).
      if (isDecisionKind(letter.kind)) for (const task of tasksOf(db, caseRow.id).filter((t) => t.status === 'open')) completeTask(db, caseRow.id, task.id, at);
      if (letter.kind === 'bevestiging-intrekking' && isAwaitingDecision(caseRow.status)) updateCase(db, caseRow.id, { status: 'ingetrokken', updatedAt: at });
      const task = TASK_OF[letter.kind];
      const open = task ? tasksOf(db, caseRow.id).find((t) => t.kind === task && t.status === 'open') : undefined;
      if (open) completeTask(db, caseRow.id, open.id, at);
      return updateLetter(db, letter.id, { status: 'verzonden', sentOn, sentBy: session.staffId, updatedAt: at });
    });
    return summaryOf(this.db, updated, session.staffId, session.roles.includes('signer'));
  }
}
