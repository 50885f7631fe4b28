import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { CaseFileCorrupt, decryptFile, encryptFile } from '../platform/case-files.js';
import { DEFAULT_KDF, deriveKek, type KdfCost } from '../platform/keyring.js';
import { DomainError } from '../platform/errors.js';

/**
 * A handover bundle: one file that carries a case file to another desktop, readable only with a
 * password the exporter chose and shares by phone (never with the file).
 *
 *   header (plaintext, 46 bytes): "AVGH" ‖ version ‖ argon2id memory (u32) ‖ passes (u32) ‖
 *                                  lanes (u8) ‖ salt (16) ‖ check (16)
 *   body: the case-file format of main/platform/case-files.ts (AES-256-GCM in 64 KiB chunks, a STREAM
 *         construction), so a reordered, cut or altered chunk fails; the header is its associated
 *         data, so a changed KDF parameter or salt fails too.
 *
 * The password goes through argon2id with the keyring's parameters (main/platform/keyring.ts); HKDF
 * splits the result into the body key and a check key. The check (an HMAC of the header) tells a
 * wrong password apart from a damaged file before anything is decrypted. The body is built and
 * opened in memory: no plaintext touches the disk.
 */
const MAGIC = Buffer.from('AVGH');
const VERSION = 1;
const SALT = 16;
const CHECK = 16;
const PREFIX = MAGIC.length + 1 + 4 + 4 + 1 + SALT;
export const BUNDLE_HEADER_BYTES = PREFIX + CHECK;

/** Limits for a header read from a file, so a crafted bundle cannot make argon2id eat the machine. */
const MAX_MEMORY_KIB = 1024 * 1024;
const MAX_PASSES = 16;
const MAX_LANES = 8;

export const WRONG_PASSWORD = 'Het wachtwoord van het overdrachtsbestand klopt niet (of het bestand is aangepast). Er is niets ingelezen.';
export const DAMAGED = 'Het overdrachtsbestand is beschadigd of onvolledig. Er is niets ingelezen; vraag de afzender om een nieuw bestand.';
export const NOT_A_BUNDLE = 'Dit is geen overdrachtsbestand van AVG Desk. Er is niets ingelezen.';

function damaged(): DomainError {
  return new DomainError('VALIDATION', DAMAGED);
}

function keysFrom(kek: Buffer, salt: Buffer): { body: Buffer; check: Buffer } {
  const body = Buffer.from(hkdfSync('sha256', kek, salt, 'avg-desk handover body v1', 32));
  const check = Buffer.from(hkdfSync('sha256', kek, salt, 'avg-desk handover check v1', 32));
  kek.fill(0);
  return { body, check };
}

function checkOf(checkKey: Buffer, prefix: Buffer): Buffer {
  return createHmac('sha256', checkKey).update(prefix).digest().subarray(0, CHECK);
}

/** The body's associated data: the whole plaintext header (as text, which is what the file format takes). */
function bodyLabel(header: Buffer): string {
  return `avg-desk handover ${header.toString('hex')}`;
}

export function bundleSha256(bundle: Buffer): string {
  return createHash('sha256').update(bundle).digest('hex');
}

/** Encrypts a bundle's plaintext (see contents.ts) under a password. */
export async function sealBundle(plaintext: Buffer, password: string, kdf: KdfCost = DEFAULT_KDF): Promise<Buffer> {
  const salt = randomBytes(SALT);
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix[4] = VERSION;
  prefix.writeUInt32BE(kdf.memoryCost, 5);
  prefix.writeUInt32BE(kdf.timeCost, 9);
  prefix[13] = kdf.parallelism;
  salt.copy(prefix, 14);
  const keys = keysFrom(await deriveKek(password, { alg: 'argon2id', ...kdf, salt: salt.toString('hex') }), salt);
  try {
    const header = Buffer.concat([prefix, checkOf(keys.check, prefix)]);
    return Buffer.concat([header, encryptFile(plaintext, keys.body, bodyLabel(header))]);
  } finally {
    keys.body.fill(0);
    keys.check.fill(0);
  }
}

/** Decrypts a bundle; a Dutch error for a file that is not a bundle, a wrong password or any changed byte. */
export async function openBundle(bundle: Buffer, password: string): Promise<Buffer> {
  if (bundle.length < 4 || !bundle.subarray(0, 4).equals(MAGIC)) throw new DomainError('VALIDATION', NOT_A_BUNDLE);
  if (bundle.length < BUNDLE_HEADER_BYTES) throw damaged();
  if (bundle[4] !== VERSION)
    throw new DomainError('VALIDATION', 'Dit overdrachtsbestand is gemaakt met een nieuwere versie van AVG Desk. Werk AVG Desk bij en probeer het opnieuw.');
  const memoryCost = bundle.readUInt32BE(5);
  const timeCost = bundle.readUInt32BE(9);
  const parallelism = bundle[13] ?? 0;
  if (parallelism < 1 || parallelism > MAX_LANES || timeCost < 1 || timeCost > MAX_PASSES || memoryCost < 8 * parallelism || memoryCost > MAX_MEMORY_KIB)
    throw damaged();
  const prefix = bundle.subarray(0, PREFIX);
  const salt = bundle.subarray(14, PREFIX);
  const header = bundle.subarray(0, BUNDLE_HEADER_BYTES);
  const keys = keysFrom(await deriveKek(password, { alg: 'argon2id', memoryCost, timeCost, parallelism, salt: salt.toString('hex') }), salt);
  try {
    if (!timingSafeEqual(checkOf(keys.check, prefix), bundle.subarray(PREFIX, BUNDLE_HEADER_BYTES))) throw new DomainError('WRONG_CREDENTIALS', WRONG_PASSWORD);
    try {
      return decryptFile(bundle.subarray(BUNDLE_HEADER_BYTES), keys.body, bodyLabel(header));
    } catch (error) {
      if (error instanceof CaseFileCorrupt) throw damaged();
      throw error;
    }
  } finally {
    keys.body.fill(0);
    keys.check.fill(0);
  }
}
