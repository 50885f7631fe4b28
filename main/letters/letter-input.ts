import type { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import { findCase, handlerNames, type CaseRow } from '../../db/local/cases/repository.js';
import type { CaseFileRow } from '../../db/local/cases/case-files.js';
import type { LetterRow } from '../../db/local/letters/repository.js';
import type { letterDraftInput, letterSummarySchema } from '../../shared/letters/letter-schemas.js';
import type { AnyLetterInput, LetterCase } from '../../shared/letters/data.js';
import { LetterError } from '../../shared/letters/fields.js';
import type { ProcessingActivity } from '../../shared/letters/register.js';
import { documentsOf, latestRedaction, notReadInOf, thirdPartiesOf } from '../dossier/dossier.js';
import { DomainError } from '../platform/errors.js';
import { letterheadOf } from './letter-settings.js';

export type LetterSummary = z.output<typeof letterSummarySchema>;
type Draft = z.output<typeof letterDraftInput>;

export function letterCaseOf(row: CaseRow): LetterCase {
  return {
    reference: row.reference,
    type: row.type,
    correctionKinds: row.correctionKinds,
    requester: { name: row.requesterName, address: row.requesterAddress, customerNumber: row.customerNumber },
    representative: row.representativeKind && row.representativeName ? { kind: row.representativeKind, name: row.representativeName } : null,
    channel: row.channel,
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    originalDueOn: row.originalDueOn,
    extensionMonths: row.extensionMonths,
    extensionReason: row.extensionReason,
    writtenAndSigned: row.writtenAndSigned,
  };
}

/** How many dossier documents a package holds, how many of them are redacted versions, and what e-mails brought that could not be read in. */
export function documentCounts(db: LocalDb, caseId: string): { total: number; redacted: number; notReadIn: string[] } {
  const docs = documentsOf(db, caseId);
  return { total: docs.length, redacted: docs.filter((d) => latestRedaction(db, d.id) !== undefined).length, notReadIn: notReadInOf(db, caseId) };
}

/** Kinds that list the case's ticked activities (art. 15(1)). */
export const ACCESS_KINDS: ReadonlySet<string> = new Set(['besluit-inzage', 'besluit-afwijzing-inzage']);

/**
 * Everything the content builder reads for this draft, looked up in the store. `activities` are
 * the case's ticked ones; `register` the whole active register, whose automated decision-making
 * a decision other than on access states (art. 15(1)(h)).
 */
export function letterInputFor(
  db: LocalDb,
  row: CaseRow,
  draft: Draft,
  handlerName: string,
  today: string,
  activities: readonly ProcessingActivity[],
  register: readonly ProcessingActivity[] = [],
): AnyLetterInput {
  const needsDossier = draft.kind === 'besluit-inzage' || draft.kind === 'besluit-dataportabiliteit' || draft.kind === 'besluit-afwijzing-inzage';
  const access = ACCESS_KINDS.has(draft.kind);
  return {
    ...draft,
    case: letterCaseOf(row),
    organisation: letterheadOf(db),
    handlerName,
    today,
    activities: access ? activities : [],
    automatedDecisions: (access ? activities : register).flatMap((a) =>
      a.automatedDecision?.trim() ? [{ activity: a.name, logic: a.automatedDecision.trim() }] : [],
    ),
    documents: needsDossier ? documentCounts(db, row.id) : { total: 0, redacted: 0 },
    thirdParties: thirdPartiesOf(db, row.id).map((p) => ({ id: p.id, name: p.name, role: p.role })),
  };
}

/** A LetterError (bad data, a template problem) becomes a Dutch validation error for the user. */
export function asDomainError(error: unknown): never {
  if (error instanceof LetterError) throw new DomainError('VALIDATION', error.dutchMessage);
  throw error;
}

/** The list view of a letter: no content, no requester name, so it can go to the signer's queue. */
export function summaryOf(db: LocalDb, row: LetterRow, viewerId: string | null, viewerMaySign: boolean, names = handlerNames(db)): LetterSummary {
  const reference = findCase(db, row.caseId)?.reference ?? '';
  return {
    id: row.id,
    caseId: row.caseId,
    caseReference: reference,
    kind: row.kind,
    status: row.status,
    subject: row.content.reference.subject,
    draftedBy: names.get(row.draftedBy) ?? null,
    draftedAt: row.draftedAt,
    submittedAt: row.submittedAt,
    returnComment: row.returnComment,
    signedBy: row.signedBy ? (names.get(row.signedBy) ?? null) : null,
    signedAt: row.signedAt,
    sha256: row.sha256,
    sentOn: row.sentOn,
    maySign: viewerMaySign && row.status === 'ter_ondertekening' && viewerId !== null && !row.authorIds.includes(viewerId) && row.draftedBy !== viewerId,
  };
}

/**
 * A signed letter as the case vault reads files. Its key is kept on the letter row (a letter is
 * not a dossier document), wrapped with the case key like every case file; CaseVault.read needs
 * only the id, the case and the wrapped key of the row it is given.
 */
export function signedFileOf(letter: LetterRow): CaseFileRow {
  if (!letter.fileId || !letter.fileKey || !letter.signedBy || !letter.signedAt) throw new DomainError('NOT_FOUND', 'Deze brief is nog niet ondertekend.');
  return {
    id: letter.fileId,
    caseId: letter.caseId,
    kind: 'document',
    subject: null,
    mime: 'application/pdf',
    size: letter.fileSize ?? 0,
    width: null,
    height: null,
    sha256: letter.sha256 ?? '',
    masked: false,
    maskedBy: null,
    maskedAt: null,
    wrappedKey: letter.fileKey,
    createdBy: letter.signedBy,
    createdAt: letter.signedAt,
  };
}
