import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import { findSigningIdentity, saveSigningIdentity, type SigningIdentityRow } from '../../db/local/letters/repository.js';
import type { signingInfoSchema } from '../../shared/letters/letter-schemas.js';
import type { CallContext } from '../platform/call-context.js';
import type { OpenStore } from '../platform/encrypted-db.js';
import type { Vault } from '../platform/vault.js';
import { DomainError } from '../platform/errors.js';
import { assertValidOn, readPkcs12, type SigningIdentity } from './pades.js';

type SigningInfo = z.output<typeof signingInfoSchema>;

/**
 * The organisation's PKCS#12 and its password. Both live in the encrypted store; the password is
 * sealed once more (AES-256-GCM under a key derived from the store key with HKDF), so it is never
 * readable from a settings export, a log or the sync. It is unsealed only to sign, in memory.
 */
const INFO = Buffer.from('avg-desk signing password v1');

function sealingKey(storeKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', storeKey, salt, INFO, 32));
}

export function sealPassword(storeKey: Buffer, password: string): Buffer {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(storeKey, salt), iv);
  cipher.setAAD(INFO);
  return Buffer.concat([salt, iv, cipher.update(password, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}

export function unsealPassword(storeKey: Buffer, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(storeKey, sealed.subarray(0, 16)), sealed.subarray(16, 28));
  decipher.setAAD(INFO);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(28, sealed.length - 16)), decipher.final()]).toString('utf8');
}

function toInfo(row: SigningIdentityRow): SigningInfo {
  return {
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serialNumber,
    validFrom: row.validFrom,
    validTo: row.validTo,
    fingerprint: row.fingerprint,
    configuredAt: row.configuredAt,
  };
}

export class SigningIdentityStore {
  /**
   * The opened identity per open store, so a letter is not slowed by the PKCS#12 key derivation;
   * a new store (after sign-out and sign-in) or a new certificate starts afresh.
   */
  private cache = new WeakMap<OpenStore, { configuredAt: string; identity: SigningIdentity }>();

  constructor(private readonly vault: Vault) {}

  private get db(): LocalDb {
    return this.vault.open.db;
  }

  info(): SigningInfo | null {
    const row = findSigningIdentity(this.db);
    return row ? toInfo(row) : null;
  }

  configure(ctx: CallContext, input: { p12Base64: string; password: string }): SigningInfo {
    const session = ctx.requireSession();
    ctx.setRecord('signingIdentity');
    const p12 = Buffer.from(input.p12Base64, 'base64');
    const identity = readPkcs12(p12, input.password);
    assertValidOn(identity, ctx.now);
    const row = {
      p12,
      passwordSealed: sealPassword(this.vault.key, input.password),
      subject: identity.subject,
      issuer: identity.issuer,
      serialNumber: identity.serialNumber,
      validFrom: identity.validFrom.toISOString(),
      validTo: identity.validTo.toISOString(),
      fingerprint: identity.fingerprint,
      configuredBy: session.staffId,
      configuredAt: ctx.now.toISOString(),
    };
    ctx.commit((db) => saveSigningIdentity(db, row));
    this.cache = new WeakMap();
    return toInfo({ id: 'organisation', ...row });
  }

  /** The identity to sign with now; a Dutch refusal when none is set or it is not valid today. */
  load(now: Date): SigningIdentity {
    const row = findSigningIdentity(this.db);
    if (!row) throw new DomainError('CONFLICT', 'Functioneel beheer heeft nog geen certificaat voor het ondertekenen ingesteld.');
    const store = this.vault.open;
    let cached = this.cache.get(store);
    if (!cached || cached.configuredAt !== row.configuredAt) {
      cached = { configuredAt: row.configuredAt, identity: readPkcs12(row.p12, unsealPassword(this.vault.key, row.passwordSealed)) };
      this.cache.set(store, cached);
    }
    assertValidOn(cached.identity, now);
    return cached.identity;
  }
}
