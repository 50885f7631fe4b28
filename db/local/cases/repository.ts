import { and, eq, or, sql } from 'drizzle-orm';
import { foldForSearch } from '../../../shared/cases/search.js';
import type { LocalDb } from '../database.js';
import { cases, caseTasks, referenceBlocks, staff } from '../schema.js';
import { writeCaseSearch } from './case-search.js';
import { recordCaseChange } from '../sync/outbox.js';

export type CaseRow = typeof cases.$inferSelect;
export type CaseTaskRow = typeof caseTasks.$inferSelect;

/** A case as registered: no §9 verification of a change yet. */
export const NO_CHANGE_VERIFICATION = {
  changeVerificationMethod: null,
  changeVerificationOutcome: null,
  changeVerifiedBy: null,
  changeVerifiedAt: null,
} as const satisfies Partial<CaseRow>;

/** The full-text index holds folded text (no accents), kept in step in the caller's transaction. */
function indexForSearch(db: LocalDb, row: Pick<CaseRow, 'id' | 'reference' | 'requesterName' | 'customerNumber'>): void {
  writeCaseSearch(db, row.id, {
    reference: foldForSearch(row.reference),
    requesterName: foldForSearch(row.requesterName),
    customerNumber: foldForSearch(row.customerNumber ?? ''),
  });
}

/**
 * Every change of a case row is also an outbox entry for the central case register, in the same
 * transaction. Rows that came from the central database (a pull) are not sent back.
 */
export function insertCase(db: LocalDb, row: CaseRow, origin: 'local' | 'central' = 'local'): void {
  db.insert(cases).values(row).run();
  indexForSearch(db, row);
  if (origin === 'local') recordCaseChange(db, row.id, row.updatedAt);
}

export function findCase(db: LocalDb, id: string): CaseRow | undefined {
  return db.select().from(cases).where(eq(cases.id, id)).get();
}

export function updateCase(db: LocalDb, id: string, changes: Partial<Omit<CaseRow, 'id' | 'reference'>>, origin: 'local' | 'central' = 'local'): CaseRow {
  const row = db.update(cases).set(changes).where(eq(cases.id, id)).returning().get();
  if (!row) throw new Error('case vanished inside its transaction');
  if (changes.requesterName !== undefined || changes.customerNumber !== undefined) indexForSearch(db, row);
  if (origin === 'local') recordCaseChange(db, row.id, row.updatedAt);
  return row;
}

export function tasksOf(db: LocalDb, caseId: string): CaseTaskRow[] {
  return db.select().from(caseTasks).where(eq(caseTasks.caseId, caseId)).orderBy(caseTasks.createdAt).all();
}

export function insertTask(db: LocalDb, row: typeof caseTasks.$inferInsert): void {
  db.insert(caseTasks).values(row).run();
}

export function completeTask(db: LocalDb, caseId: string, taskId: string, doneAt: string): boolean {
  const result = db
    .update(caseTasks)
    .set({ status: 'done', doneAt })
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.caseId, caseId), eq(caseTasks.status, 'open')))
    .run();
  return result.changes > 0;
}

/** A connected desktop has handed out every case number the central database gave it for the year. */
export class ReferenceNumbersUsedUp extends Error {
  constructor(readonly year: number) {
    super(`reference blocks of ${year} are used up`);
    this.name = 'ReferenceNumbersUsedUp';
  }
}

/**
 * The next case number of a year from this desktop's blocks. Without a block the desktop takes the
 * whole year as a local block (see the schema), unless it is connected (it has ever had a central
 * block): then its numbers for a new year must come from the central database too, or two desktops
 * would both hand out AVG-<year>-0001. The sync fetches next year's block in December for that.
 * Call inside the transaction that inserts the case.
 */
export function takeReferenceNumber(db: LocalDb, year: number): number {
  let block = db
    .select()
    .from(referenceBlocks)
    .where(and(eq(referenceBlocks.year, year), sql`${referenceBlocks.next} <= ${referenceBlocks.last}`))
    .orderBy(referenceBlocks.first)
    .limit(1)
    .get();
  if (!block) {
    // A block of this year (used up), or any central block (connected): no whole-year local block.
    const taken = db
      .select()
      .from(referenceBlocks)
      .where(or(eq(referenceBlocks.year, year), eq(referenceBlocks.source, 'central')))
      .get();
    if (taken) throw new ReferenceNumbersUsedUp(year);
    block = { year, first: 1, last: 9999, next: 1, source: 'local' };
    db.insert(referenceBlocks).values(block).run();
  }
  db.update(referenceBlocks)
    .set({ next: block.next + 1 })
    .where(and(eq(referenceBlocks.year, year), eq(referenceBlocks.first, block.first)))
    .run();
  return block.next;
}

/**
 * Open cases of a type whose requester has the same (folded) name and, when both are known, the
 * same birth date. The full-text index narrows it to cases with the name as a phrase.
 */
export function findOpenDuplicates(db: LocalDb, type: CaseRow['type'], name: string, birthDate: string | undefined, openStatuses: readonly string[]): string[] {
  const folded = foldForSearch(name.trim());
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const phrase = `requester_name : "${words.join(' ')}"`;
  const rows = db.all<{ reference: string; requester_name: string; requester_birth_date: string | null; status: string }>(sql`
    SELECT reference, requester_name, requester_birth_date, status FROM cases
     WHERE type = ${type} AND id IN (SELECT case_id FROM case_search WHERE case_search MATCH ${phrase})
     ORDER BY reference`);
  return rows
    .filter(
      (r) =>
        openStatuses.includes(r.status) &&
        foldForSearch(r.requester_name)
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
          .join(' ') === words.join(' '),
    )
    .filter((r) => !birthDate || !r.requester_birth_date || r.requester_birth_date === birthDate)
    .map((r) => r.reference);
}

/** How many cases in `openStatuses` each handler holds; a handler without any is absent. */
export function openCasesPerHandler(db: LocalDb, openStatuses: readonly string[]): Map<string, number> {
  const rows = db.all<{ handler_id: string; open: number }>(sql`
    SELECT handler_id, COUNT(*) AS open FROM cases
     WHERE handler_id IS NOT NULL AND status IN (${sql.join(
       openStatuses.map((s) => sql`${s}`),
       sql`, `,
     )})
     GROUP BY handler_id`);
  return new Map(rows.map((r) => [r.handler_id, Number(r.open)]));
}

export function handlerNames(db: LocalDb): Map<string, string> {
  return new Map(
    db
      .select({ id: staff.id, fullName: staff.fullName })
      .from(staff)
      .all()
      .map((s) => [s.id, s.fullName]),
  );
}
