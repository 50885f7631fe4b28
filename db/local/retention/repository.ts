import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DestructionKind, HoldKind } from '../../../shared/retention/retention.js';
import { caseFileIds, deleteCaseParts, shredCaseParts, shredCasePart } from '../cases/case-rows.js';
import type { LocalDb } from '../database.js';
import { caseRetention, type centralLetters, destructionListItems, destructionLists, destructionRecords, legalHolds } from './schema.js';
import type { CaseRow } from '../cases/repository.js';

export type LegalHoldRow = typeof legalHolds.$inferSelect;
export type DestructionListRow = typeof destructionLists.$inferSelect;
export type DestructionItemRow = typeof destructionListItems.$inferSelect;
export type DestructionRecordRow = typeof destructionRecords.$inferSelect;
export type CaseRetentionRow = typeof caseRetention.$inferSelect;

/** What the retention rule needs of a case, from one query over the store. */
export interface RetentionFactsRow {
  caseId: string;
  reference: string;
  type: CaseRow['type'];
  receivedOn: string;
  handlerId: string | null;
  closedAt: string | null;
  shreddedAt: string | null;
  lastLetterSentOn: string | null;
  hasDecision: boolean;
  decisionSynced: boolean;
  unsentOutbox: number;
  holds: HoldKind[];
  signedLetters: number;
  lettersDestroyed: boolean;
}

interface RawFacts {
  case_id: string;
  reference: string;
  type: CaseRow['type'];
  received_on: string;
  handler_id: string | null;
  closed_at: string | null;
  shredded_at: string | null;
  last_sent: string | null;
  has_decision: number;
  decision_synced: number | null;
  unsent: number | null;
  holds: string | null;
  signed_letters: number;
  letters_destroyed: number;
}

/**
 * The outbox is grouped once by the case its payload names (letters and decisions carry `caseId`),
 * not searched per case.
 */
function factsQuery(where: ReturnType<typeof sql>) {
  return sql`
    WITH ob AS (
      SELECT json_extract(payload, '$.caseId') AS case_id,
             sum(sent_at IS NULL) AS unsent,
             max(kind = 'decision' AND sent_at IS NOT NULL) AS decision_synced
        FROM outbox WHERE json_extract(payload, '$.caseId') IS NOT NULL GROUP BY 1
    )
    SELECT c.id AS case_id, c.reference, c.type, c.received_on, c.handler_id, r.closed_at, r.shredded_at,
           (SELECT max(sent_on) FROM letters l WHERE l.case_id = c.id) AS last_sent,
           EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id) AS has_decision,
           ob.decision_synced, ob.unsent,
           (SELECT group_concat(kind) FROM legal_holds h WHERE h.case_id = c.id AND h.lifted_at IS NULL) AS holds,
           (SELECT count(*) FROM letters l WHERE l.case_id = c.id AND l.signed_at IS NOT NULL)
             + (SELECT count(*) FROM central_letters cl WHERE cl.case_id = c.id AND cl.id NOT IN (SELECT id FROM letters)) AS signed_letters,
           EXISTS (SELECT 1 FROM destruction_records d WHERE d.case_id = c.id AND d.kind = 'brieven') AS letters_destroyed
      FROM cases c
      LEFT JOIN case_retention r ON r.case_id = c.id
      LEFT JOIN ob ON ob.case_id = c.id
     WHERE ${where}
     ORDER BY c.reference`;
}

function toFacts(raw: RawFacts): RetentionFactsRow {
  return {
    caseId: raw.case_id,
    reference: raw.reference,
    type: raw.type,
    receivedOn: raw.received_on,
    handlerId: raw.handler_id,
    closedAt: raw.closed_at,
    shreddedAt: raw.shredded_at,
    lastLetterSentOn: raw.last_sent,
    hasDecision: raw.has_decision === 1,
    decisionSynced: raw.decision_synced === 1,
    unsentOutbox: raw.unsent ?? 0,
    holds: raw.holds ? (raw.holds.split(',') as HoldKind[]) : [],
    signedLetters: raw.signed_letters,
    lettersDestroyed: raw.letters_destroyed === 1,
  };
}

/** Every closed case (shredded or not): the candidates of both retention rules. */
export function closedCaseFacts(db: LocalDb): RetentionFactsRow[] {
  return db.all<RawFacts>(factsQuery(sql`r.closed_at IS NOT NULL`)).map(toFacts);
}

export function caseFacts(db: LocalDb, caseId: string): RetentionFactsRow | undefined {
  const raw = db.all<RawFacts>(factsQuery(sql`c.id = ${caseId}`))[0];
  return raw ? toFacts(raw) : undefined;
}

export function holdsOf(db: LocalDb, caseId: string): LegalHoldRow[] {
  return db.select().from(legalHolds).where(eq(legalHolds.caseId, caseId)).orderBy(asc(legalHolds.placedAt)).all();
}

export function insertHold(db: LocalDb, row: LegalHoldRow): void {
  db.insert(legalHolds).values(row).run();
}

export function liftHold(db: LocalDb, caseId: string, holdId: string, changes: { liftedBy: string; liftedAt: string; liftReason: string }): boolean {
  return (
    db
      .update(legalHolds)
      .set(changes)
      .where(and(eq(legalHolds.id, holdId), eq(legalHolds.caseId, caseId), isNull(legalHolds.liftedAt)))
      .run().changes > 0
  );
}

export function markShredded(db: LocalDb, caseId: string, at: string, counts: { thirdPartiesHeard: number; redactedDocuments: number }): void {
  db.update(caseRetention)
    .set({ shreddedAt: at, ...counts })
    .where(eq(caseRetention.caseId, caseId))
    .run();
}

export function openDestructionList(db: LocalDb): DestructionListRow | undefined {
  return db.select().from(destructionLists).where(eq(destructionLists.status, 'voorgesteld')).orderBy(desc(destructionLists.proposedAt)).get();
}

export function findDestructionList(db: LocalDb, id: string): DestructionListRow | undefined {
  return db.select().from(destructionLists).where(eq(destructionLists.id, id)).get();
}

export function recentDestructionLists(db: LocalDb, limit: number): DestructionListRow[] {
  return db.select().from(destructionLists).orderBy(desc(destructionLists.proposedAt)).limit(limit).all();
}

export function insertDestructionList(db: LocalDb, row: DestructionListRow): void {
  db.insert(destructionLists).values(row).run();
}

export function updateDestructionList(db: LocalDb, id: string, changes: Partial<Omit<DestructionListRow, 'id'>>): void {
  db.update(destructionLists).set(changes).where(eq(destructionLists.id, id)).run();
}

export function itemsOf(db: LocalDb, listId: string): DestructionItemRow[] {
  return db.select().from(destructionListItems).where(eq(destructionListItems.listId, listId)).orderBy(asc(destructionListItems.reference)).all();
}

export function insertItem(db: LocalDb, row: DestructionItemRow): void {
  db.insert(destructionListItems).values(row).run();
}

export function removeItem(
  db: LocalDb,
  listId: string,
  item: { caseId: string; kind: DestructionKind },
  changes: { removedBy: string; removedAt: string; removeReason: string },
): boolean {
  return (
    db
      .update(destructionListItems)
      .set(changes)
      .where(
        and(
          eq(destructionListItems.listId, listId),
          eq(destructionListItems.caseId, item.caseId),
          eq(destructionListItems.kind, item.kind),
          isNull(destructionListItems.removedAt),
        ),
      )
      .run().changes > 0
  );
}

export function insertDestructionRecord(db: LocalDb, row: DestructionRecordRow): void {
  db.insert(destructionRecords).values(row).run();
}

export function destructionRecordsOf(db: LocalDb, listId: string): DestructionRecordRow[] {
  return db.select().from(destructionRecords).where(eq(destructionRecords.listId, listId)).orderBy(asc(destructionRecords.reference)).all();
}

/** The reference of a case that exists or was destroyed (audit events keep the case id). */
export function referencesOf(db: LocalDb): Map<string, string> {
  const rows = db.all<{ id: string; reference: string }>(sql`SELECT id, reference FROM cases UNION ALL SELECT case_id, reference FROM destruction_records`);
  return new Map(rows.map((r) => [r.id, r.reference]));
}

export function caseIdByReference(db: LocalDb, reference: string): string | undefined {
  return db.all<{ id: string }>(
    sql`SELECT id FROM cases WHERE reference = ${reference} UNION ALL SELECT case_id FROM destruction_records WHERE reference = ${reference}`,
  )[0]?.id;
}

/**
 * Crypto-shredding of a case's file, inside the caller's transaction, as CASE_PARTS prescribes per
 * part: the case key and every file row go, letter PDFs lose their keys and letters their text,
 * the dossier, third parties and identity remnants are deleted, and the register row keeps only
 * what is not personal.
 */
export function shredCaseRows(db: LocalDb, caseId: string, at: string): { fileIds: string[]; thirdPartiesHeard: number; redactedDocuments: number } {
  const fileIds = caseFileIds(db, caseId);
  const thirdPartiesHeard =
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM third_parties WHERE case_id = ${caseId} AND hearing_status IN ('toestemming', 'geen_toestemming')`)
      ?.n ?? 0;
  const redactedDocuments =
    db.get<{ n: number }>(
      sql`SELECT count(DISTINCT document_id) AS n FROM redacted_versions WHERE document_id IN (SELECT id FROM documents WHERE case_id = ${caseId})`,
    )?.n ?? 0;
  shredCaseParts(db, caseId);
  markShredded(db, caseId, at, { thirdPartiesHeard, redactedDocuments });
  return { fileIds, thirdPartiesHeard, redactedDocuments };
}

/**
 * Cases whose key is gone (shredded, or destroyed with the register record): their ciphertext may
 * go. A run killed between its commit and the removal of the files leaves such files behind.
 */
export function keylessShreddedCaseIds(db: LocalDb): Set<string> {
  const rows = db.all<{ id: string }>(sql`
    SELECT case_id AS id FROM case_retention WHERE shredded_at IS NOT NULL AND case_id NOT IN (SELECT case_id FROM case_keys)
    UNION SELECT case_id FROM destruction_records WHERE case_id NOT IN (SELECT case_id FROM case_keys)`);
  return new Set(rows.map((r) => r.id));
}

/**
 * The letters of a case destroyed on their own term, inside the caller's transaction: as when the
 * file is shredded, their PDFs lose their keys and their text goes. Returns the PDFs' file ids,
 * whose ciphertext the caller removes after the commit.
 */
export function destroyLetterRows(db: LocalDb, caseId: string): string[] {
  const fileIds = db.all<{ id: string }>(sql`SELECT file_id AS id FROM letters WHERE case_id = ${caseId} AND file_id IS NOT NULL`).map((r) => r.id);
  shredCasePart(db, 'letters', caseId);
  return fileIds;
}

/** Deletes a case register record and everything that hangs off it (the file is shredded first). */
export function deleteCaseRows(db: LocalDb, caseId: string): void {
  deleteCaseParts(db, caseId);
}

export type CentralLetterRow = typeof centralLetters.$inferSelect;

/** Records a signed letter known centrally, once; only for a case this desktop has. Returns whether it was new. */
export function insertCentralLetter(db: LocalDb, row: CentralLetterRow): boolean {
  return (
    db.run(sql`INSERT INTO central_letters (id, case_id, kind, signed_at, sha256, pulled_at)
               SELECT ${row.id}, ${row.caseId}, ${row.kind}, ${row.signedAt}, ${row.sha256}, ${row.pulledAt}
                WHERE EXISTS (SELECT 1 FROM cases WHERE id = ${row.caseId})
               ON CONFLICT DO NOTHING`).changes > 0
  );
}
