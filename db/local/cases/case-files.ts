import { and, eq } from 'drizzle-orm';
import type { LocalDb } from '../database.js';
import { caseFiles, caseKeys, identityChecks } from '../schema.js';

export type CaseFileRow = typeof caseFiles.$inferSelect;
export type IdentityCheckRow = typeof identityChecks.$inferSelect;

export function findCaseKey(db: LocalDb, caseId: string): Buffer | undefined {
  return db.select({ key: caseKeys.key }).from(caseKeys).where(eq(caseKeys.caseId, caseId)).get()?.key;
}

export function insertCaseKey(db: LocalDb, caseId: string, key: Buffer, createdAt: string): void {
  db.insert(caseKeys).values({ caseId, key, createdAt }).run();
}

export function insertCaseFile(db: LocalDb, row: CaseFileRow): void {
  db.insert(caseFiles).values(row).run();
}

export function findCaseFile(db: LocalDb, caseId: string, fileId: string): CaseFileRow | undefined {
  return db
    .select()
    .from(caseFiles)
    .where(and(eq(caseFiles.caseId, caseId), eq(caseFiles.id, fileId)))
    .get();
}

export function caseFilesOf(db: LocalDb, caseId: string, kind: CaseFileRow['kind']): CaseFileRow[] {
  return db
    .select()
    .from(caseFiles)
    .where(and(eq(caseFiles.caseId, caseId), eq(caseFiles.kind, kind)))
    .orderBy(caseFiles.createdAt)
    .all();
}

export function deleteCaseFile(db: LocalDb, fileId: string): void {
  db.delete(caseFiles).where(eq(caseFiles.id, fileId)).run();
}

export function insertIdentityCheck(db: LocalDb, row: IdentityCheckRow): void {
  db.insert(identityChecks).values(row).run();
}

export function identityChecksOf(db: LocalDb, caseId: string): IdentityCheckRow[] {
  return db.select().from(identityChecks).where(eq(identityChecks.caseId, caseId)).orderBy(identityChecks.verifiedAt).all();
}
