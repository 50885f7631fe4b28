import { hashRaw, type Algorithm } from '@node-rs/argon2';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { DomainError } from './errors.js';
import type { KeyProtector } from './key-protector.js';

/**
 * The keyring holds the one random database key once per staff account (and the recovery key). It
 * lives next to the encrypted store as `keyring.json` and holds no user names in plaintext: an
 * entry is found by a salted hash of the user name.
 *
 * Each account has its own X25519 key pair. The private key is wrapped (AES-256-GCM) with a key
 * derived from the account's password (argon2id); the database key is sealed to the public key
 * (an ephemeral X25519 key, HKDF-SHA256, AES-256-GCM: a sealed box). So the database key can be
 * sealed anew for every account without knowing any password: when a staff member is deactivated
 * the store is rekeyed and the new key sealed to the remaining accounts only, and an old copy of
 * the keyring opens nothing written afterwards. (A per-account key-encryption key wrapped by the
 * password would need that password for every rewrap; the public key does not.) Entries from
 * before (`wrapped`: the database key under the password-derived key itself) are read and turned
 * into the new form at the account's next sign-in.
 */
export interface KdfParams {
  alg: 'argon2id';
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  salt: string;
}

interface SealedBox {
  /** The account's X25519 public key, raw 32 bytes, base64. */
  publicKey: string;
  /** iv ‖ ciphertext ‖ tag of the PKCS#8 private key under the password-derived key, sealed by the protector; base64. */
  secret: string;
  /** ephemeral public key ‖ iv ‖ ciphertext ‖ tag over the database key, sealed by the protector; base64. */
  sealedKey: string;
  /** While a rekey is under way: the new database key, sealed the same way (see Keyring.rotate). */
  sealedNext?: string;
  /**
   * The account's Ed25519 key pair for signing audit events, its private key wrapped like `secret`.
   * Missing in entries from before signed events: added at the account's next sign-in.
   */
  signing?: { publicKey: string; secret: string };
}

/** An account's audit signing key, unwrapped at sign-in and held only by its sessions. */
export interface SigningKey {
  privateKey: KeyObject;
  /** Raw 32 bytes, base64: what the staff table and the central staff list keep. */
  publicKey: string;
}

interface KeyringEntry {
  staffId: string;
  lookupSalt: string;
  lookup: string;
  kdf: KdfParams;
  box?: SealedBox;
  /** Before per-account keys: the database key under the password-derived key, sealed by the protector; base64. */
  wrapped?: string;
}

export interface Unlocked {
  staffId: string;
  dbKey: Buffer;
  /** The key a rekey that did not finish was moving to; tried when dbKey no longer opens the store. */
  nextKey: Buffer | null;
  /** The entry is of an old form: call setEntry with the password to give it its own key pairs. */
  legacy: boolean;
  /** Null for entries from before signed events (then `legacy` is true too). */
  signing: SigningKey | null;
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

/** What argon2id costs: memory in KiB, passes, lanes. Each keyring entry stores the cost it was made with. */
export type KdfCost = Readonly<Pick<KdfParams, 'memoryCost' | 'timeCost' | 'parallelism'>>;

/**
 * RFC 9106's second recommended option (64 MiB, t=3, p=1); ~100 ms on the build machines. Every
 * production composition uses it; only the test support injects a cheaper cost (see createBackend).
 */
export const DEFAULT_KDF: KdfCost = { memoryCost: 65536, timeCost: 3, parallelism: 1 };
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

function aesSeal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, ct, cipher.getAuthTag()]);
}

function aesOpen(key: Buffer, blob: Buffer, aad: string): Buffer | null {
  if (blob.length < 12 + 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(blob.subarray(blob.length - 16));
  try {
    return Buffer.concat([decipher.update(blob.subarray(12, blob.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

const rawPublic = (key: KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url');
const x25519Public = (raw: Buffer) => createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });

function boxKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer, staffId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), `avg-desk keyring v2 ${staffId}`, 32));
}

/** Seals the database key to an account's X25519 public key: no password needed. */
function sealTo(recipientRaw: Buffer, dbKey: Buffer, staffId: string): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublic(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519Public(recipientRaw) });
  const key = boxKey(shared, ephemeralRaw, recipientRaw, staffId);
  const sealed = Buffer.concat([ephemeralRaw, aesSeal(key, dbKey, `avg-desk sealed db key ${staffId}`)]);
  key.fill(0);
  shared.fill(0);
  return sealed;
}

function openSealed(blob: Buffer, privateKey: KeyObject, recipientRaw: Buffer, staffId: string): Buffer | null {
  if (blob.length !== 32 + 12 + 32 + 16) return null;
  const ephemeralRaw = blob.subarray(0, 32);
  const shared = diffieHellman({ privateKey, publicKey: x25519Public(ephemeralRaw) });
  const key = boxKey(shared, ephemeralRaw, recipientRaw, staffId);
  const dbKey = aesOpen(key, blob.subarray(32), `avg-desk sealed db key ${staffId}`);
  key.fill(0);
  shared.fill(0);
  return dbKey;
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

/** The entry with every protector-sealed field passed through `via` (to take the OS lock off, or put one on). */
function resealEntry(e: KeyringEntry, via: (data: Buffer) => Buffer): KeyringEntry {
  const re = (text: string) => via(Buffer.from(text, 'base64')).toString('base64');
  const out: KeyringEntry = { ...e };
  if (e.wrapped !== undefined) out.wrapped = re(e.wrapped);
  if (e.box) {
    out.box = { publicKey: e.box.publicKey, secret: re(e.box.secret), sealedKey: re(e.box.sealedKey) };
    if (e.box.sealedNext !== undefined) out.box.sealedNext = re(e.box.sealedNext);
    if (e.box.signing) out.box.signing = { publicKey: e.box.signing.publicKey, secret: re(e.box.signing.secret) };
  }
  return out;
}

export class Keyring {
  private constructor(
    private readonly file: string,
    private readonly protector: KeyProtector,
    private data: KeyringFile,
    /** For new entries and the stand-in derivation of an unknown user name; existing entries keep their own. */
    private readonly cost: KdfCost,
  ) {}

  static exists(file: string): boolean {
    return existsSync(file);
  }

  static create(file: string, protector: KeyProtector, cost: KdfCost = DEFAULT_KDF): Keyring {
    return new Keyring(file, protector, { format: 1, protection: protector.kind, entries: [] }, cost);
  }

  static load(file: string, protector: KeyProtector, cost: KdfCost = DEFAULT_KDF): Keyring {
    let parsed: KeyringFile;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyringFile;
    } catch (error) {
      throw new DomainError('STORE_UNREADABLE', undefined, { cause: error });
    }
    if (parsed.format !== 1 || !Array.isArray(parsed.entries)) throw new DomainError('STORE_UNREADABLE');
    if (parsed.protection !== protector.kind) throw new DomainError('STORE_PROTECTED');
    return new Keyring(file, protector, parsed, cost);
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

  async unlockRecovery(recoveryKey: string): Promise<Unlocked | null> {
    const unlocked = await this.unlock(RECOVERY_NAME, normalizeRecoveryKey(recoveryKey));
    return unlocked?.staffId === RECOVERY_ID ? unlocked : null;
  }

  hasEntryFor(staffId: string): boolean {
    return this.data.entries.some((e) => e.staffId === staffId);
  }

  /**
   * Unwraps the database key with a user name and password. Returns null on any mismatch; runs the
   * KDF also for an unknown user name, so timing does not tell which user names exist.
   */
  async unlock(userName: string, password: string): Promise<Unlocked | null> {
    const entry = this.data.entries.find((e) => {
      const expected = Buffer.from(e.lookup, 'hex');
      return timingSafeEqual(expected, Buffer.from(lookupHash(userName, e.lookupSalt), 'hex'));
    });
    const kdf = entry?.kdf ?? { alg: 'argon2id', ...this.cost, salt: randomBytes(16).toString('hex') };
    const kek = await deriveKek(password, kdf);
    if (!entry) return null;
    try {
      if (entry.box) return this.openBox(entry.staffId, entry.box, kek);
      const dbKey = unwrap(this.opened(entry.wrapped ?? ''), kek, entry.staffId);
      return dbKey ? { staffId: entry.staffId, dbKey, nextKey: null, legacy: true, signing: null } : null;
    } finally {
      kek.fill(0);
    }
  }

  private opened(base64: string): Buffer {
    try {
      return this.protector.open(Buffer.from(base64, 'base64'));
    } catch (error) {
      throw new DomainError('STORE_PROTECTED', undefined, { cause: error });
    }
  }

  private openBox(staffId: string, box: SealedBox, kek: Buffer): Unlocked | null {
    const der = aesOpen(kek, this.opened(box.secret), `avg-desk keyring v2 secret ${staffId}`);
    if (!der) return null;
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    const publicRaw = Buffer.from(box.publicKey, 'base64');
    const dbKey = openSealed(this.opened(box.sealedKey), privateKey, publicRaw, staffId);
    if (!dbKey) return null;
    const nextKey = box.sealedNext ? openSealed(this.opened(box.sealedNext), privateKey, publicRaw, staffId) : null;
    const signing = box.signing ? this.openSigning(staffId, box.signing, kek) : null;
    return { staffId, dbKey, nextKey, legacy: signing === null, signing };
  }

  private openSigning(staffId: string, signing: { publicKey: string; secret: string }, kek: Buffer): SigningKey | null {
    const der = aesOpen(kek, this.opened(signing.secret), `avg-desk keyring signing ${staffId}`);
    if (!der) return null;
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    return { privateKey, publicKey: signing.publicKey };
  }

  /** Adds or replaces the entry of one staff member, with new key pairs; the caller saves. */
  async setEntry(staffId: string, userName: string, password: string, liveKey: Buffer): Promise<SigningKey> {
    // A copy: a lock during the derivation wipes the live key, which must not be sealed as zeros.
    const dbKey = Buffer.from(liveKey);
    try {
      return await this.setEntryWith(staffId, userName, password, dbKey);
    } finally {
      dbKey.fill(0);
    }
  }

  private async setEntryWith(staffId: string, userName: string, password: string, dbKey: Buffer): Promise<SigningKey> {
    const kdf: KdfParams = { alg: 'argon2id', ...this.cost, salt: randomBytes(16).toString('hex') };
    const kek = await deriveKek(password, kdf);
    const lookupSalt = randomBytes(16).toString('hex');
    const pair = generateKeyPairSync('x25519');
    const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
    const publicRaw = rawPublic(pair.publicKey);
    const box: SealedBox = {
      publicKey: publicRaw.toString('base64'),
      secret: this.protector.seal(aesSeal(kek, der, `avg-desk keyring v2 secret ${staffId}`)).toString('base64'),
      sealedKey: this.protector.seal(sealTo(publicRaw, dbKey, staffId)).toString('base64'),
    };
    der.fill(0);
    const signingPair = generateKeyPairSync('ed25519');
    const signingDer = signingPair.privateKey.export({ format: 'der', type: 'pkcs8' });
    const signingPublic = rawPublic(signingPair.publicKey).toString('base64');
    box.signing = { publicKey: signingPublic, secret: this.protector.seal(aesSeal(kek, signingDer, `avg-desk keyring signing ${staffId}`)).toString('base64') };
    signingDer.fill(0);
    kek.fill(0);
    this.data.entries = this.data.entries.filter((e) => e.staffId !== staffId);
    this.data.entries.push({ staffId, lookupSalt, lookup: lookupHash(userName, lookupSalt), kdf, box });
    return { privateKey: signingPair.privateKey, publicKey: signingPublic };
  }

  /**
   * A rekey in two saved steps, so a crash between them never locks everyone out. `prepare` drops
   * every account not in `keep` (and entries of the old form, which cannot be sealed without their
   * password: those accounts need a new password from functioneel beheer) and seals the new key
   * next to the current one; once the store is rekeyed, `finish` makes the new key the current one.
   * Returns the staff ids whose entries were dropped.
   */
  prepareRotation(newKey: Buffer, keep: (staffId: string) => boolean): string[] {
    const dropped: string[] = [];
    this.data.entries = this.data.entries.filter((e) => {
      const stays = (e.staffId === RECOVERY_ID || keep(e.staffId)) && e.box !== undefined;
      if (!stays) dropped.push(e.staffId);
      return stays;
    });
    for (const e of this.data.entries) {
      if (e.box) e.box.sealedNext = this.protector.seal(sealTo(Buffer.from(e.box.publicKey, 'base64'), newKey, e.staffId)).toString('base64');
    }
    return dropped;
  }

  finishRotation(): void {
    for (const e of this.data.entries) {
      if (e.box?.sealedNext) {
        e.box.sealedKey = e.box.sealedNext;
        delete e.box.sealedNext;
      }
    }
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
      entries = this.data.entries.filter((e) => e.staffId === RECOVERY_ID || staffIds.has(e.staffId)).map((e) => resealEntry(e, (b) => this.protector.open(b)));
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
    const entries = parsed.protection === 'none' ? parsed.entries.map((e) => resealEntry(e, (b) => protector.seal(b))) : parsed.entries;
    new Keyring(file, protector, { format: 1, protection: protector.kind, entries }, DEFAULT_KDF).save();
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
