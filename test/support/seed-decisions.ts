import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LocalDb } from '../../db/local/database.js';
import { insertCase, NO_CHANGE_VERIFICATION, takeReferenceNumber, type CaseRow } from '../../db/local/cases/repository.js';
import { insertDecision, insertOutbox } from '../../db/local/letters/repository.js';

/**
 * Decided cases straight into a store, as signing leaves them (case row, signed letter row without
 * a PDF, decision, outbox entries), without laying out and signing a PDF each: the fault tests and
 * the sync benchmark need thousands. Made-up requesters only.
 */
export function seedDecisions(
  db: LocalDb,
  options: { count: number; handlerId: string; signerId: string; at: Date },
): { caseIds: string[]; decisionIds: string[] } {
  const caseIds: string[] = [];
  const decisionIds: string[] = [];
  const at = options.at.toISOString();
  const day = at.slice(0, 10);
  db.transaction((tx) => {
    for (let i = 0; i < options.count; i += 1) {
      const number = takeReferenceNumber(tx, Number(day.slice(0, 4)));
      const caseRow: CaseRow = {
        id: randomUUID(),
        reference: `AVG-${day.slice(0, 4)}-${String(number).padStart(4, '0')}`,
        type: 'inzage',
        correctionKinds: [],
        status: 'verzonden',
        statusReason: null,
        requesterName: `Testpersoon ${number} Janssen`,
        requesterBirthDate: '1980-01-01',
        requesterAddress: null,
        requesterEmail: null,
        requesterPhone: null,
        requesterRelation: 'huurder',
        customerNumber: null,
        legallyIncapacitated: false,
        channel: 'email',
        receivedOn: day,
        writtenAndSigned: true,
        requestText: '',
        representativeKind: null,
        representativeName: null,
        representativeBasis: null,
        handlerId: options.handlerId,
        createdBy: options.handlerId,
        createdAt: at,
        updatedAt: at,
        dueOn: day,
        originalDueOn: day,
        dueBasis: 'beleid',
        extensionMonths: 0,
        extensionReason: null,
        extendedOn: null,
        suspendedDays: 0,
        suspendedSince: null,
        ...NO_CHANGE_VERIFICATION,
      };
      insertCase(tx, caseRow);
      const letterId = randomUUID();
      const sha256 = randomBytes(32).toString('hex');
      tx.run(sql`INSERT INTO letters (id, case_id, kind, status, data, content, outcome, author_ids, drafted_by, drafted_at, updated_at, signed_by, signed_at, sha256)
                 VALUES (${letterId}, ${caseRow.id}, 'besluit-inzage', 'ondertekend', '{}', '{}', 'toegewezen', ${JSON.stringify([options.handlerId])},
                         ${options.handlerId}, ${at}, ${at}, ${options.signerId}, ${at}, ${sha256})`);
      const decisionId = randomUUID();
      insertDecision(tx, {
        id: decisionId,
        caseId: caseRow.id,
        letterId,
        kind: 'besluit-inzage',
        outcome: 'toegewezen',
        decidedOn: day,
        signedBy: options.signerId,
        createdAt: at,
      });
      insertOutbox(tx, {
        id: randomUUID(),
        kind: 'decision',
        payload: {
          letterId,
          caseId: caseRow.id,
          caseReference: caseRow.reference,
          requestType: 'inzage',
          letterKind: 'besluit-inzage',
          outcome: 'toegewezen',
          decidedOn: day,
          draftedBy: options.handlerId,
          signedBy: options.signerId,
          signedAt: at,
          sha256,
        },
        createdAt: at,
        sentAt: null,
      });
      caseIds.push(caseRow.id);
      decisionIds.push(decisionId);
    }
  });
  return { caseIds, decisionIds };
}
