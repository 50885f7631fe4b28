import { sql } from 'drizzle-orm';
import type { LocalDb } from '../../db/local/database.js';
import { findCase } from '../../db/local/cases/repository.js';
import { confirmHandoverExport, dropCaseOutbox, findHandoverExport } from '../../db/local/handover/repository.js';
import { deleteCaseRows, shredCaseRows } from '../../db/local/retention/repository.js';
import { appendAuditEvent } from '../audit/audit.js';
import type { CaseVault } from '../platform/case-vault.js';

/**
 * The central database reports that a bundle this desktop exported was imported elsewhere (a row
 * of `handovers` with its SHA-256). Then, in one local transaction: the export is stamped
 * confirmed, the case file is crypto-shredded with retention's shred (case key, file keys, dossier,
 * third parties, identity remnants, personal fields and letter texts), and what is left of the case
 * here is removed — it lives on at the new handler's desktop and in the central register. This
 * desktop's unsent outbox entries of the case travelled in the bundle and go too. Afterwards the
 * ciphertexts are deleted and the WAL is checkpointed, so no old page with a name remains on disk.
 *
 * Returns the case id, or null when the SHA-256 is not an unconfirmed export of this desktop
 * (another desktop's bundle, or already confirmed): safe to call for every row the sync pulls.
 * Call it outside a transaction: it runs its own, and the checkpoint needs none to be open.
 */
export function confirmHandover(db: LocalDb, caseVault: CaseVault, bundleSha256: string, at: Date): string | null {
  const caseId = db.transaction((tx) => {
    const row = findHandoverExport(tx, bundleSha256);
    if (!row || row.confirmedAt !== null) return null;
    if (!confirmHandoverExport(tx, row.id, at.toISOString())) return null;
    if (findCase(tx, row.caseId)) {
      shredCaseRows(tx, row.caseId, at.toISOString());
      deleteCaseRows(tx, row.caseId);
    }
    dropCaseOutbox(tx, row.caseId);
    appendAuditEvent(tx, at, { actorId: null, roles: [], procedure: 'handover.confirm', recordType: 'case', recordId: row.caseId, outcome: 'ok' });
    return row.caseId;
  });
  if (caseId === null) return null;
  caseVault.removeCaseCiphertext(caseId);
  db.all(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  return caseId;
}
