import { sql } from 'drizzle-orm';
import type { LocalDb } from '../database.js';

/** Folded text of a case for the full-text index (shared/cases/search.ts folds it). */
export interface CaseSearchText {
  reference: string;
  requesterName: string;
  customerNumber: string;
}

/**
 * Replaces a case's row in the full-text index, in the caller's transaction. The row is found by
 * its integer key (case_search_keys): an FTS5 index cannot search by the case's text id.
 */
export function writeCaseSearch(db: LocalDb, caseId: string, text: CaseSearchText): void {
  const key = db.get<{ id: number }>(
    sql`INSERT INTO case_search_keys (case_id) VALUES (${caseId}) ON CONFLICT (case_id) DO UPDATE SET case_id = excluded.case_id RETURNING id`,
  );
  if (!key) throw new Error('case_search_keys returned no key');
  db.run(sql`DELETE FROM case_search WHERE rowid = ${key.id}`);
  db.run(sql`INSERT INTO case_search (rowid, case_id, reference, requester_name, customer_number)
             VALUES (${key.id}, ${caseId}, ${text.reference}, ${text.requesterName}, ${text.customerNumber})`);
}
