import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { DomainError } from '../services/errors.js';
import type { KeyProtector } from './key-protector.js';

/**
 * The keyring holds the one random database key, wrapped once per staff account with a key derived
 * from that account's password (argon2id). It lives next to the encrypted store as `keyring.json`.
 * It holds no user names in plaintext: an entry is found by a salted hash of the user name.
 */
export interface KdfParams {
  alg: 'argon2id';
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  salt: string;
}

interface KeyringEntry {
  staffId: string;
  lookupSalt: string;
  lookup: string;
  kdf: KdfParams;
  /** iv ‖ ciphertext ‖ tag of AES-256-GCM over the database key, sealed by the protector; base64. */
  wrapped: string;
}

interface KeyringFile {
  format: 1;
  protection: KeyProtector['kind'];
  entries: KeyringEntry[];
}

export const RECOVERY_ID = 'recovery';
/** Not a possible user name (those are lower-case letters, digits and . _ -). */
const RECOVERY_NAME = '\u0000herstelsleutel';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 200 random bits as 40 Crockford base-32 characters in groups of five, for IT's safe. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(25);
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let key = '';
  for (let i = 0; i < 200; i += 5) key += CROCKFORD[parseInt(bits.slice(i, i + 5), 2)];
  return key.match(/.{5}/gu)?.join('-') ?? key;
}

/** Forgiving input: case, dashes and spaces do not matter; O is read as 0 and I or L as 1. */
export function normalizeRecoveryKey(input: string): string {
  return input.toUpperCase().replace(/[\s-]/gu, '').replace(/O/gu, '0').replace(/[IL]/gu, '1');
}

/** RFC 9106's second recommended option (64 MiB, t=3, p=1); ~100 ms on the build machines. */
export const DEFAULT_KDF = { memoryCost: 65536, timeCost: 3, parallelism: 1 } as const;
const ARGON2ID = 2 as Algorithm;

export async function deriveKek(password: string, kdf: KdfParams): Promise<Buffer> {
  return hashRaw(password.normalize('NFC'), {
    algorithm: ARGON2ID,
    memoryCost: kdf.memoryCost,
    timeCost: kdf.timeCost,
    parallelism: kdf.parallelism,
    outputLen: 32,
    salt: Buffer.from(kdf.salt, 'hex'),
  });
}

function lookupHash(userName: string, salt: string): string {
  return createHash('sha256').update(Buffer.from(salt, 'hex')).update(userName, 'utf8').digest('hex');
}

function wrap(dbKey: Buffer, kek: Buffer, staffId: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`avg-desk keyring v1 ${staffId}`));
  const ct = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return Buffer.concat([iv, ct, cipher.getAuthTag()]);
}

function unwrap(blob: Buffer, kek: Buffer, staffId: string): Buffer | null {
  if (blob.length !== 12 + 32 + 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', kek, blob.subarray(0, 12));
  decipher.setAAD(Buffer.from(`avg-desk keyring v1 ${staffId}`));
  decipher.setAuthTag(blob.subarray(44));
  try {
    return Buffer.concat([decipher.update(blob.subarray(12, 44)), decipher.final()]);
  } catch {
    return null;
  }
}

export class Keyring {
  private constructor(
    private readonly file: string,
    private readonly protector: KeyProtector,
    private data: KeyringFile,
  ) {}

  static exists(file: string): boolean {
    return existsSync(file);
  }

  static create(file: string, protector: KeyProtector): Keyring {
    return new Keyring(file, protector, { format: 1, protection: protector.kind, entries: [] });
  }

  static load(file: string, protector: KeyProtector): Keyring {
    let parsed: KeyringFile;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyringFile;
    } catch (error) {
      throw new DomainError('STORE_UNREADABLE', undefined, { cause: error });
    }
    if (parsed.format !== 1 || !Array.isArray(parsed.entries)) throw new DomainError('STORE_UNREADABLE');
    if (parsed.protection !== protector.kind) throw new DomainError('STORE_PROTECTED');
    return new Keyring(file, protector, parsed);
  }

  /** Whether any staff account can open the store (the recovery entry does not count). */
  hasEntries(): boolean {
    return this.data.entries.some((e) => e.staffId !== RECOVERY_ID);
  }

  hasRecovery(): boolean {
    return this.data.entries.some((e) => e.staffId === RECOVERY_ID);
  }

  /** The recovery key wraps the same database key, as an entry no user name can reach. */
  async setRecovery(recoveryKey: string, dbKey: Buffer): Promise<void> {
    await this.setEntry(RECOVERY_ID, RECOVERY_NAME, normalizeRecoveryKey(recoveryKey), dbKey);
  }

  async unlockRecovery(recoveryKey: string): Promise<Buffer | null> {
    const unlocked = await this.unlock(RECOVERY_NAME, normalizeRecoveryKey(recoveryKey));
    return unlocked?.staffId === RECOVERY_ID ? unlocked.dbKey : null;
  }

  hasEntryFor(staffId: string): boolean {
    return this.data.entries.some((e) => e.staffId === staffId);
  }

  /**
   * Unwraps the database key with a user name and password. Returns null on any mismatch; runs the
   * KDF also for an unknown user name, so timing does not tell which user names exist.
   */
  async unlock(userName: string, password: string): Promise<{ staffId: string; dbKey: Buffer } | null> {
    const entry = this.data.entries.find((e) => {
      const expected = Buffer.from(e.lookup, 'hex');
      return timingSafeEqual(expected, Buffer.from(lookupHash(userName, e.lookupSalt), 'hex'));
    });
    const kdf = entry?.kdf ?? { alg: 'argon2id', ...DEFAULT_KDF, salt: randomBytes(16).toString('hex') };
    const kek = await deriveKek(password, kdf);
    if (!entry) return null;
    let blob: Buffer;
    try {
      blob = this.protector.open(Buffer.from(entry.wrapped, 'base64'));
    } catch (error) {
      throw new DomainError('STORE_PROTECTED', undefined, { cause: error });
    }
    const dbKey = unwrap(blob, kek, entry.staffId);
    kek.fill(0);
    return dbKey ? { staffId: entry.staffId, dbKey } : null;
  }

  /** Adds or replaces the entry of one staff member; the caller saves. */
  async setEntry(staffId: string, userName: string, password: string, dbKey: Buffer): Promise<void> {
    const kdf: KdfParams = { alg: 'argon2id', ...DEFAULT_KDF, salt: randomBytes(16).toString('hex') };
    const kek = await deriveKek(password, kdf);
    const lookupSalt = randomBytes(16).toString('hex');
    const wrapped = this.protector.seal(wrap(dbKey, kek, staffId)).toString('base64');
    kek.fill(0);
    this.data.entries = this.data.entries.filter((e) => e.staffId !== staffId);
    this.data.entries.push({ staffId, lookupSalt, lookup: lookupHash(userName, lookupSalt), kdf, wrapped });
  }

  /**
   * The keyring for a backup, without the OS-user lock (DPAPI): a backup must open on a new
   * computer after a broken disk. Only the entries of `staffIds` and the recovery key go along: a
   * backup is read outside the app, where no permission check holds, so a handler's or intake's
   * password must open nothing in it. Each entry stays wrapped with its own argon2id key.
   */
  portable(staffIds: ReadonlySet<string>): string {
    let entries: KeyringEntry[];
    try {
      entries = this.data.entries
        .filter((e) => e.staffId === RECOVERY_ID || staffIds.has(e.staffId))
        .map((e) => ({ ...e, wrapped: this.protector.open(Buffer.from(e.wrapped, 'base64')).toString('base64') }));
    } catch (error) {
      throw new DomainError('STORE_PROTECTED', undefined, { cause: error });
    }
    return JSON.stringify({ format: 1, protection: 'none', entries } satisfies KeyringFile, null, 2);
  }

  /** Writes a backup's keyring into `file`, locked again with this computer's protector. */
  static adopt(file: string, text: string, protector: KeyProtector): void {
    let parsed: KeyringFile;
    try {
      parsed = JSON.parse(text) as KeyringFile;
    } catch (error) {
      throw new DomainError('STORE_UNREADABLE', undefined, { cause: error });
    }
    if (parsed.format !== 1 || !Array.isArray(parsed.entries)) throw new DomainError('STORE_UNREADABLE');
    // Backups from before portable keyrings carry the lock of the computer they came from.
    if (parsed.protection !== 'none' && parsed.protection !== protector.kind) throw new DomainError('STORE_PROTECTED');
    const entries = parsed.protection === 'none' ? parsed.entries.map((e) => ({ ...e, wrapped: protector.seal(Buffer.from(e.wrapped, 'base64')).toString('base64') })) : parsed.entries;
    new Keyring(file, protector, { format: 1, protection: protector.kind, entries }).save();
  }

  removeEntry(staffId: string): void {
    this.data.entries = this.data.entries.filter((e) => e.staffId !== staffId);
  }

  /** Atomic replace: a crash leaves either the old or the new keyring, never half of one. */
  save(): void {
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.data, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}
