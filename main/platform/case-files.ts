import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Case files (scans, PDFs, letters) on disk, each encrypted with its own random key in chunks of
 * 64 KiB with AES-256-GCM, as a STREAM construction: the nonce of chunk i is a random per-file
 * prefix, the chunk counter and a flag on the last chunk. Reordered chunks fail (counter), a file
 * cut at a chunk boundary fails (no chunk carries the last flag), and the header and the file id
 * are authenticated with every chunk, so a file cannot be swapped for another.
 *
 * The keys live in the encrypted store; deleting a key destroys its file (crypto-shredding). Files
 * are written to a temporary name and renamed after fsync, so a crash never leaves a partial file
 * under a real name. Nothing plaintext touches the disk.
 */
const MAGIC = Buffer.from('AVGF');
const VERSION = 1;
const CHUNK = 64 * 1024;
const TAG = 16;
const HEADER = MAGIC.length + 1 + 4 + 7;
/** A `.part` file this old was left by a process that died while writing it (a write takes milliseconds). */
const UNFINISHED_AFTER_MS = 10 * 60 * 1000;

export class CaseFileCorrupt extends Error {
  constructor(reason: string) {
    super(`case file unreadable: ${reason}`);
    this.name = 'CaseFileCorrupt';
  }
}

export function newFileKey(): Buffer {
  return randomBytes(32);
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, 7);
  n[11] = last ? 1 : 0;
  return n;
}

function aad(header: Buffer, fileId: string): Buffer {
  return Buffer.concat([header, Buffer.from(fileId, 'utf8')]);
}

/** Bytes of the sealed form of `plainLength` bytes of plaintext: header, and a tag per chunk. */
export function sealedLength(plainLength: number): number {
  return HEADER + plainLength + Math.max(1, Math.ceil(plainLength / CHUNK)) * TAG;
}

/**
 * The sealed form piece by piece (the header, then each chunk's ciphertext and tag), so a writer
 * can put them where they belong without first joining them into one buffer.
 */
function* sealedPieces(plaintext: Buffer, key: Buffer, fileId: string): Generator<Buffer> {
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header[4] = VERSION;
  header.writeUInt32BE(CHUNK, 5);
  randomBytes(7).copy(header, 9);
  yield header;
  const prefix = header.subarray(9, HEADER);
  const count = Math.max(1, Math.ceil(plaintext.length / CHUNK));
  const associated = aad(header, fileId);
  for (let i = 0; i < count; i++) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, i, i === count - 1));
    cipher.setAAD(associated);
    yield cipher.update(plaintext.subarray(i * CHUNK, (i + 1) * CHUNK));
    cipher.final();
    yield cipher.getAuthTag();
  }
}

/**
 * Seals `plaintext` into `into` (at least `sealedLength` bytes; a buffer the caller reuses saves
 * allocating and faulting in a fresh one per file) and returns the part written.
 */
export function encryptFile(plaintext: Buffer, key: Buffer, fileId: string, into: Buffer = Buffer.allocUnsafe(sealedLength(plaintext.length))): Buffer {
  const length = sealedLength(plaintext.length);
  if (into.length < length) throw new RangeError('output buffer too small');
  let at = 0;
  for (const piece of sealedPieces(plaintext, key, fileId)) at += piece.copy(into, at);
  return into.subarray(0, length);
}

/**
 * Opens a sealed file into `into` (at least as long as the plaintext) and returns the part
 * written. `into` may be `data` itself: chunk i's plaintext lands before chunk i's ciphertext, so
 * decrypting in place never overwrites a chunk not yet read, and the file is not held twice. On
 * any failure the plaintext written so far is wiped.
 */
export function decryptFile(data: Buffer, key: Buffer, fileId: string, into?: Buffer): Buffer {
  if (data.length < HEADER + TAG || !data.subarray(0, 4).equals(MAGIC)) throw new CaseFileCorrupt('not a case file');
  if (data[4] !== VERSION) throw new CaseFileCorrupt('unknown version');
  const chunk = data.readUInt32BE(5);
  if (chunk !== CHUNK) throw new CaseFileCorrupt('unexpected chunk size');
  // Copied out: decrypting in place overwrites the header that every chunk authenticates.
  const header = Buffer.from(data.subarray(0, HEADER));
  const prefix = header.subarray(9, HEADER);
  const body = data.subarray(HEADER);
  const count = Math.max(1, Math.ceil(body.length / (CHUNK + TAG)));
  const plainLength = body.length - count * TAG;
  if (plainLength < 0) throw new CaseFileCorrupt('truncated');
  const out = into ?? Buffer.allocUnsafe(plainLength);
  if (out.length < plainLength) throw new RangeError('output buffer too small');
  const associated = aad(header, fileId);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const piece = body.subarray(i * (CHUNK + TAG), (i + 1) * (CHUNK + TAG));
    try {
      if (piece.length < TAG) throw new CaseFileCorrupt('truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, i, i === count - 1));
      decipher.setAAD(associated);
      decipher.setAuthTag(piece.subarray(piece.length - TAG));
      const plain = decipher.update(piece.subarray(0, piece.length - TAG));
      try {
        decipher.final();
      } catch {
        plain.fill(0);
        throw new CaseFileCorrupt(i === count - 1 ? 'truncated or altered' : 'altered or reordered');
      }
      at += plain.copy(out, at);
    } catch (error) {
      out.fill(0, 0, at);
      throw error;
    }
  }
  return out.subarray(0, plainLength);
}

/** The files of one data directory: `<data>/cases/<caseId>/<fileId>.avgf`. */
export class CaseFileStore {
  constructor(private readonly dataDir: string) {}

  path(caseId: string, fileId: string): string {
    if (!/^[0-9a-f-]{36}$/u.test(caseId) || !/^[0-9a-f-]{36}$/u.test(fileId)) throw new Error('case and file ids are UUIDs');
    return join(this.dataDir, 'cases', caseId, `${fileId}.avgf`);
  }

  write(caseId: string, fileId: string, key: Buffer, plaintext: Buffer): void {
    const target = this.path(caseId, fileId);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const tmp = `${target}.part`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      for (const piece of sealedPieces(plaintext, key, fileId)) {
        for (let done = 0; done < piece.length;) done += writeSync(fd, piece, done);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  }

  read(caseId: string, fileId: string, key: Buffer): Buffer {
    const sealed = readFileSync(this.path(caseId, fileId));
    return decryptFile(sealed, key, fileId, sealed);
  }

  /** Removes every file of a case (after its case key is gone: crypto-shredding). */
  removeCase(caseId: string): void {
    if (!/^[0-9a-f-]{36}$/u.test(caseId)) throw new Error('case ids are UUIDs');
    rmSync(join(this.dataDir, 'cases', caseId), { recursive: true, force: true });
  }

  /**
   * Removes the `.part` files a crash left half-written, and returns how many. They are ciphertext
   * whose key may never have been committed, so nothing refers to them. Recent ones are left alone:
   * another process on the same folder (the CLI next to the app) may be writing them right now.
   */
  removeUnfinished(now = Date.now()): number {
    return this.removeWhere((name) => name.endsWith('.avgf.part'), now);
  }

  /**
   * Removes case files whose row is not in the store (`known` holds the file ids that are): a
   * process that died between writing the file and committing its row left them. Their key was
   * never stored, so they are unreadable noise that would otherwise go into every backup. Recent
   * ones are left alone for the same reason as in removeUnfinished.
   */
  removeOrphans(known: ReadonlySet<string>, now = Date.now()): number {
    return this.removeWhere((name) => name.endsWith('.avgf') && !known.has(name.slice(0, -'.avgf'.length)), now);
  }

  private removeWhere(matches: (name: string) => boolean, now: number): number {
    const casesDir = join(this.dataDir, 'cases');
    let removed = 0;
    for (const caseDir of safeList(casesDir)) {
      for (const name of safeList(join(casesDir, caseDir))) {
        const file = join(casesDir, caseDir, name);
        if (!matches(name) || !isOlder(file, now - UNFINISHED_AFTER_MS)) continue;
        rmSync(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  /** Removes the ciphertext; with its key gone from the store it was already unreadable. */
  remove(caseId: string, fileId: string): void {
    const target = this.path(caseId, fileId);
    rmSync(target, { force: true });
    rmSync(`${target}.part`, { force: true });
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isOlder(file: string, than: number): boolean {
  try {
    return statSync(file).mtimeMs < than;
  } catch {
    return false;
  }
}
