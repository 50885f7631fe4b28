import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { LetterKind } from '../../../shared/letters/types.js';
import type { LocalDb } from '../database.js';
import { outbox } from '../sync/schema.js';
import { caseActivities, decisions, letters, letterTemplates, processingActivities, signerProfiles, signingIdentity } from './schema.js';

export type LetterRow = typeof letters.$inferSelect;
export type ActivityRow = typeof processingActivities.$inferSelect;
export type SigningIdentityRow = typeof signingIdentity.$inferSelect;
export type SignerProfileRow = typeof signerProfiles.$inferSelect;
export type TemplateRow = typeof letterTemplates.$inferSelect;

export function findLetter(db: LocalDb, id: string): LetterRow | undefined {
  return db.select().from(letters).where(eq(letters.id, id)).get();
}

export function lettersOfCase(db: LocalDb, caseId: string): LetterRow[] {
  return db.select().from(letters).where(eq(letters.caseId, caseId)).orderBy(asc(letters.draftedAt)).all();
}

export function lettersWithStatus(db: LocalDb, status: LetterRow['status']): LetterRow[] {
  return db.select().from(letters).where(eq(letters.status, status)).orderBy(asc(letters.submittedAt)).all();
}

export function insertLetter(db: LocalDb, row: LetterRow): void {
  db.insert(letters).values(row).run();
}

export function updateLetter(db: LocalDb, id: string, changes: Partial<Omit<LetterRow, 'id' | 'caseId' | 'kind'>>): LetterRow {
  const row = db.update(letters).set(changes).where(eq(letters.id, id)).returning().get();
  if (!row) throw new Error('letter vanished inside its transaction');
  return row;
}

export function deleteLetter(db: LocalDb, id: string): void {
  db.delete(letters).where(eq(letters.id, id)).run();
}

export function insertDecision(db: LocalDb, row: typeof decisions.$inferInsert): void {
  db.insert(decisions).values(row).run();
}

export { insertOutbox } from '../sync/outbox.js';

export function unsentOutbox(db: LocalDb) {
  return db.select().from(outbox).where(isNull(outbox.sentAt)).orderBy(asc(outbox.createdAt)).all();
}

export function findTemplate(db: LocalDb, kind: LetterKind): TemplateRow | undefined {
  return db.select().from(letterTemplates).where(eq(letterTemplates.kind, kind)).get();
}

export function allTemplates(db: LocalDb): TemplateRow[] {
  return db.select().from(letterTemplates).all();
}

export function saveTemplate(db: LocalDb, row: TemplateRow): void {
  db.insert(letterTemplates)
    .values(row)
    .onConflictDoUpdate({ target: letterTemplates.kind, set: { template: row.template, updatedBy: row.updatedBy, updatedAt: row.updatedAt } })
    .run();
}

export function deleteTemplate(db: LocalDb, kind: LetterKind): boolean {
  return db.delete(letterTemplates).where(eq(letterTemplates.kind, kind)).run().changes > 0;
}

export function activities(db: LocalDb): ActivityRow[] {
  return db.select().from(processingActivities).orderBy(asc(processingActivities.sortOrder), asc(processingActivities.name)).all();
}

export function findActivity(db: LocalDb, id: string): ActivityRow | undefined {
  return db.select().from(processingActivities).where(eq(processingActivities.id, id)).get();
}

export function saveActivity(db: LocalDb, row: ActivityRow): void {
  const { id: _id, ...rest } = row;
  db.insert(processingActivities).values(row).onConflictDoUpdate({ target: processingActivities.id, set: rest }).run();
}

export function activitiesOfCase(db: LocalDb, caseId: string): ActivityRow[] {
  const ids = db
    .select({ id: caseActivities.activityId })
    .from(caseActivities)
    .where(eq(caseActivities.caseId, caseId))
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(processingActivities).where(inArray(processingActivities.id, ids)).orderBy(asc(processingActivities.sortOrder)).all();
}

export function setActivitiesOfCase(db: LocalDb, caseId: string, activityIds: readonly string[]): void {
  db.delete(caseActivities).where(eq(caseActivities.caseId, caseId)).run();
  for (const activityId of new Set(activityIds)) db.insert(caseActivities).values({ caseId, activityId }).run();
}

export function findSigningIdentity(db: LocalDb): SigningIdentityRow | undefined {
  return db.select().from(signingIdentity).where(eq(signingIdentity.id, 'organisation')).get();
}

export function saveSigningIdentity(db: LocalDb, row: Omit<SigningIdentityRow, 'id'>): void {
  db.insert(signingIdentity)
    .values({ id: 'organisation', ...row })
    .onConflictDoUpdate({ target: signingIdentity.id, set: row })
    .run();
}

export function findSignerProfile(db: LocalDb, staffId: string): SignerProfileRow | undefined {
  return db.select().from(signerProfiles).where(eq(signerProfiles.staffId, staffId)).get();
}

export function saveSignerProfile(db: LocalDb, row: SignerProfileRow): void {
  const { staffId: _staffId, ...rest } = row;
  db.insert(signerProfiles).values(row).onConflictDoUpdate({ target: signerProfiles.staffId, set: rest }).run();
}

/** Whether a case has a decision letter that is not a discarded draft. */
export function activeDecisionLetter(db: LocalDb, caseId: string, kinds: readonly LetterKind[]): LetterRow | undefined {
  return db
    .select()
    .from(letters)
    .where(and(eq(letters.caseId, caseId), inArray(letters.kind, [...kinds])))
    .get();
}
