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

/** What the vault returns for a file it encrypted and wrote: the row keeps it to read the file back. */
export interface StoredCaseFile {
  wrappedKey: Buffer;
  sha256: string;
  size: number;
}

/** What a new file is: the rest of its row follows from it (unmasked, no subject or size in pixels unless given). */
export interface NewCaseFile {
  id: string;
  caseId: string;
  kind: CaseFileRow['kind'];
  mime: string;
  createdBy: string;
  createdAt: string;
  subject?: CaseFileRow['subject'];
  pixels?: { width: number; height: number };
}

/** The row of a file just written to the vault, so that every place that adds a file fills the same columns alike. */
export function newCaseFile(file: NewCaseFile, stored: StoredCaseFile): CaseFileRow {
  return {
    id: file.id,
    caseId: file.caseId,
    kind: file.kind,
    subject: file.subject ?? null,
    mime: file.mime,
    size: stored.size,
    width: file.pixels?.width ?? null,
    height: file.pixels?.height ?? null,
    sha256: stored.sha256,
    masked: false,
    maskedBy: null,
    maskedAt: null,
    wrappedKey: stored.wrappedKey,
    createdBy: file.createdBy,
    createdAt: file.createdAt,
  };
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
