import { sql, type SQL } from 'drizzle-orm';
import type { LocalDb } from '../database.js';
import { CASE_PARTS, casePart, columnsWithRole, rowsOfCase, type CasePart } from './case-parts.js';

/**
 * What retention and handover do to a case's rows, driven by CASE_PARTS: no table or column of a
 * case is named here, so a part added to the registry is shredded, destroyed and counted with the rest.
 */

function blankSet(blank: Readonly<Record<string, SQL | string | number | null>>): SQL {
  return sql.join(
    Object.entries(blank).map(([column, value]) => sql`${sql.identifier(column)} = ${value}`),
    sql`, `,
  );
}

/** Blanks (or deletes) one part's rows of a case as shredding prescribes. */
function shredPart(db: LocalDb, part: CasePart, caseId: string): void {
  if (part.shred === 'keep') return;
  if (part.shred === 'delete') db.run(sql`DELETE FROM ${sql.identifier(part.name)} WHERE ${rowsOfCase(part, caseId)}`);
  else db.run(sql`UPDATE ${sql.identifier(part.name)} SET ${blankSet(part.shred.blank)} WHERE ${rowsOfCase(part, caseId)}`);
}

/** Children before parents: a redacted version goes before its document. */
const REVERSED = [...CASE_PARTS].reverse();

/** Every encrypted file the case's rows name (case files and signed letters), for the ciphertext removal after the commit. */
export function caseFileIds(db: LocalDb, caseId: string): string[] {
  const ids = new Set<string>();
  for (const part of CASE_PARTS) {
    for (const column of columnsWithRole(part, ['file'])) {
      const rows = db.all<{ id: string | null }>(
        sql`SELECT ${sql.identifier(column)} AS id FROM ${sql.identifier(part.name)} WHERE ${rowsOfCase(part, caseId)}`,
      );
      for (const r of rows) if (r.id) ids.add(r.id);
    }
  }
  return [...ids];
}

/** Crypto-shredding of every part of a case, inside the caller's transaction. */
export function shredCaseParts(db: LocalDb, caseId: string): void {
  for (const part of REVERSED) shredPart(db, part, caseId);
}

/** Shreds one part only (a case's letters destroyed on their own term). */
export function shredCasePart(db: LocalDb, name: string, caseId: string): void {
  shredPart(db, casePart(name), caseId);
}

/** Deletes every part destruction removes, the case row last; the parts that record the destruction stay. */
export function deleteCaseParts(db: LocalDb, caseId: string): void {
  for (const part of REVERSED) if (part.destroy === 'delete') db.run(sql`DELETE FROM ${sql.identifier(part.name)} WHERE ${rowsOfCase(part, caseId)}`);
}

/** Whether this desktop holds anything of the case's file beyond what a pull from the central database writes. */
export function holdsCaseFile(db: LocalDb, caseId: string): boolean {
  const checks = CASE_PARTS.filter((p) => p.localFile).map((p) => sql`EXISTS (SELECT 1 FROM ${sql.identifier(p.name)} WHERE ${rowsOfCase(p, caseId)})`);
  return db.get<{ held: number }>(sql`SELECT (${sql.join(checks, sql` OR `)}) AS held`)?.held === 1;
}
