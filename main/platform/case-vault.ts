import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { LocalDb } from '../../db/local/database.js';
import { findCaseKey, insertCaseKey, type CaseFileRow, type StoredCaseFile } from '../../db/local/cases/case-files.js';
import { CaseFileCorrupt, newFileKey, type CaseFileStore } from './case-files.js';
import { DomainError } from './errors.js';

/**
 * Keys of case files: one data key per case, and per file a random key wrapped with it. Deleting a
 * file's row destroys that file; deleting the case key destroys every file of the case.
 */
function wrapFileKey(caseKey: Buffer, fileKey: Buffer, fileId: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', caseKey, iv);
  cipher.setAAD(Buffer.from(`avg-desk file key ${fileId}`));
  return Buffer.concat([iv, cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
}

function unwrapFileKey(caseKey: Buffer, wrapped: Buffer, fileId: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', caseKey, wrapped.subarray(0, 12));
  decipher.setAAD(Buffer.from(`avg-desk file key ${fileId}`));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
  return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
}

export class CaseVault {
  constructor(private readonly files: CaseFileStore) {}

  /** The case's data key, made on first use. Call inside the transaction that records the file. */
  caseKey(db: LocalDb, caseId: string, at: string): Buffer {
    const existing = findCaseKey(db, caseId);
    if (existing) return existing;
    const key = randomBytes(32);
    insertCaseKey(db, caseId, key, at);
    return key;
  }

  /** Encrypts and writes a file; the caller stores the returned wrapped key with the file's row. */
  write(caseKey: Buffer, caseId: string, fileId: string, plaintext: Buffer): StoredCaseFile {
    const fileKey = newFileKey();
    this.files.write(caseId, fileId, fileKey, plaintext);
    const wrappedKey = wrapFileKey(caseKey, fileKey, fileId);
    fileKey.fill(0);
    return { wrappedKey, sha256: createHash('sha256').update(plaintext).digest('hex'), size: plaintext.length };
  }

  read(db: LocalDb, row: CaseFileRow): Buffer {
    const caseKey = findCaseKey(db, row.caseId);
    if (!caseKey) throw new DomainError('NOT_FOUND', 'De bestanden van deze zaak zijn vernietigd.');
    try {
      return this.files.read(row.caseId, row.id, unwrapFileKey(caseKey, row.wrappedKey, row.id));
    } catch (error) {
      if (error instanceof CaseFileCorrupt || (error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new DomainError('STORE_UNREADABLE', 'Dit bestand is beschadigd of ontbreekt op deze computer.');
      }
      throw error;
    }
  }

  /** After the case key is gone: remove every ciphertext of the case as well. */
  removeCaseCiphertext(caseId: string): void {
    this.files.removeCase(caseId);
  }

  /** After the row (and so the key) is gone: remove the ciphertext as well. */
  removeCiphertext(caseId: string, fileId: string): void {
    this.files.remove(caseId, fileId);
  }
}
