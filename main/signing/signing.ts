import { createHash, randomUUID } from 'node:crypto';
import type { LocalDb } from '../../db/local/database.js';
import { updateCase } from '../../db/local/cases/repository.js';
import {
  findLetter,
  findSignerProfile,
  insertDecision,
  insertOutbox,
  lettersWithStatus,
  updateLetter,
  type LetterRow,
} from '../../db/local/letters/repository.js';
import { findStaffById } from '../../db/local/staff/repository.js';
import { dutchToday } from '../../shared/cases/cases.js';
import { formatDutchDate } from '../../shared/deadlines/dates.js';
import { isDecisionKind, LETTER_KIND_LABELS } from '../../shared/letters/types.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import type { CaseVault } from '../platform/case-vault.js';
import { assertDecisionGates } from './decision-readiness.js';
import { DomainError } from '../platform/errors.js';
import type { SessionInfo } from '../staff/sessions.js';
import { layoutLetter } from '../letters/layout.js';
import { summaryOf, type LetterSummary } from '../letters/letter-input.js';
import { letterheadOf } from '../letters/letter-settings.js';
import type { LetterService } from '../letters/letters.js';
import { signPdf } from './pades.js';
import type { SigningIdentityStore } from './signing-identity.js';

/** Outbox kinds: decisions for the central register, other signed letters for its letter log. */
export const OUTBOX_DECISION = 'decision' as const;
export const OUTBOX_LETTER = 'letter' as const;

/**
 * Four-eyes: whoever wrote or edited a letter, in any role, can never sign it. Enforced here, in
 * the service, so no transport or role combination gets around it; the refusal is FORBIDDEN,
 * which the dispatcher audits as denied.
 */
export function assertNotAuthor(session: SessionInfo, letter: LetterRow): void {
  if (letter.draftedBy === session.staffId || letter.authorIds.includes(session.staffId)) {
    throw new DomainError(
      'FORBIDDEN',
      'U heeft deze brief zelf opgesteld of bewerkt. Een andere tekenbevoegde moet hem beoordelen en ondertekenen (vier-ogenprincipe).',
    );
  }
}

/** Checks the signed-in member's password again; throws WRONG_CREDENTIALS with `refusal`. */
export type ConfirmPassword = (staffId: string, password: string, refusal: string) => Promise<void>;

/** The signer's side: the queue, signing (PAdES) and sending back with a comment. */
export class SigningService {
  constructor(
    private readonly vault: Vault,
    private readonly caseVault: CaseVault,
    private readonly letters: LetterService,
    private readonly identities: SigningIdentityStore,
    private readonly confirmPassword: ConfirmPassword,
  ) {}

  private get db(): LocalDb {
    return this.vault.open.db;
  }

  queue(ctx: CallContext): LetterSummary[] {
    const session = ctx.requireSession();
    return lettersWithStatus(this.db, 'ter_ondertekening').map((l) => summaryOf(this.db, l, session.staffId, true));
  }

  private submitted(ctx: CallContext, letterId: string) {
    const session = ctx.requireSession();
    const loaded = this.letters.load(ctx, letterId);
    assertNotAuthor(session, loaded.letter);
    if (loaded.letter.status !== 'ter_ondertekening') throw new DomainError('CONFLICT', 'Deze brief is niet (meer) ter ondertekening aangeboden.');
    return { session, ...loaded };
  }

  /**
   * Signs with the organisation's certificate: the letter is laid out again with today's date and
   * the visible signature block, PAdES-signed, and then locked in one transaction with its
   * SHA-256, the signed PDF (encrypted with the case key), the decision and the outbox entry.
   */
  async sign(ctx: CallContext, letterId: string, password: string): Promise<{ letterId: string; sha256: string; signedAt: string; pdfBase64: string }> {
    const { session, letter, caseRow } = this.submitted(ctx, letterId);
    const profile = findSignerProfile(this.db, session.staffId);
    const functionTitle = profile?.functionTitle.trim() ?? '';
    // The letter names the signer's function under their name; a guessed one would state something untrue.
    if (functionTitle === '')
      throw new DomainError(
        'VALIDATION',
        'Vul eerst uw functie in onder "Mijn ondertekening" (bijvoorbeeld Teamleider Privacy). Zonder functie wordt een brief niet ondertekend.',
      );
    await this.confirmPassword(session.staffId, password, 'Het wachtwoord is onjuist. De brief is niet ondertekend.');
    const today = dutchToday(ctx.now);
    if (letter.kind === 'verlengingsbericht' && today > caseRow.originalDueOn) {
      throw new DomainError('CONFLICT', `Het verlengingsbericht moest vóór ${formatDutchDate(caseRow.originalDueOn)} de deur uit (artikel 12 lid 3 AVG).`);
    }
    if (isDecisionKind(letter.kind)) assertDecisionGates(this.db, caseRow, letter, 'ondertekend');
    const identity = this.identities.load(ctx.now);
    const signer = findStaffById(this.db, session.staffId);
    const letterhead = letterheadOf(this.db);
    const content = { ...letter.content, reference: { ...letter.content.reference, date: today } };
    const laid = await layoutLetter(content, {
      letterhead,
      draft: false,
      now: ctx.now,
      signature: { name: signer?.fullName ?? '', functionTitle, date: today, imagePng: profile?.signaturePng ?? null },
    });
    const pdf = await signPdf(
      laid.pdf,
      laid.signatureArea.page,
      laid.signatureArea.rect,
      identity,
      {
        reason: `${LETTER_KIND_LABELS[letter.kind]}, kenmerk ${caseRow.reference}: goedgekeurd door een tweede medewerker`,
        location: letterhead.place,
        contactInfo: letterhead.email,
        name: letterhead.name,
      },
      ctx.now,
    );
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const at = ctx.now.toISOString();
    const fileId = randomUUID();
    ctx.commit((db) => {
      // Another signer may have been quicker while this one was signing.
      if (findLetter(db, letter.id)?.status !== 'ter_ondertekening')
        throw new DomainError('CONFLICT', 'Deze brief is intussen door iemand anders afgehandeld.');
      const stored = this.caseVault.write(this.caseVault.caseKey(db, caseRow.id, at), caseRow.id, fileId, pdf);
      updateLetter(db, letter.id, {
        status: 'ondertekend',
        content,
        signedBy: session.staffId,
        signedAt: at,
        sha256,
        fileId,
        fileKey: stored.wrappedKey,
        fileSize: stored.size,
        updatedAt: at,
      });
      const decision = isDecisionKind(letter.kind) && letter.outcome !== null;
      if (decision && letter.outcome) {
        insertDecision(db, {
          id: randomUUID(),
          caseId: caseRow.id,
          letterId: letter.id,
          kind: letter.kind,
          outcome: letter.outcome,
          decidedOn: today,
          signedBy: session.staffId,
          createdAt: at,
        });
      }
      // What the central register needs and no more: no names, no letter text.
      insertOutbox(db, {
        id: randomUUID(),
        kind: decision ? OUTBOX_DECISION : OUTBOX_LETTER,
        payload: {
          letterId: letter.id,
          caseId: caseRow.id,
          caseReference: caseRow.reference,
          requestType: caseRow.type,
          letterKind: letter.kind,
          outcome: letter.outcome,
          decidedOn: today,
          draftedBy: letter.draftedBy,
          signedBy: session.staffId,
          signedAt: at,
          sha256,
        },
        createdAt: at,
        sentAt: null,
      });
    });
    return { letterId: letter.id, sha256, signedAt: at, pdfBase64: pdf.toString('base64') };
  }

  /** Sends the letter back to the handler with the signer's comment; a decision's case goes back too. */
  return(ctx: CallContext, input: { letterId: string; comment: string }): LetterSummary {
    const { session, letter, caseRow } = this.submitted(ctx, input.letterId);
    const at = ctx.now.toISOString();
    const updated = ctx.commit((db) => {
      if (isDecisionKind(letter.kind) && caseRow.status === 'ter_ondertekening') updateCase(db, caseRow.id, { status: 'besluit_in_concept', updatedAt: at });
      return updateLetter(db, letter.id, { status: 'concept', returnedBy: session.staffId, returnComment: input.comment, submittedAt: null, updatedAt: at });
    });
    return summaryOf(this.db, updated, session.staffId, true);
  }
}
