import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { LocalDb } from '../../db/local/database.js';
import { lastAuditEvent } from '../../db/local/audit/repository.js';
import { auditSigners, staff } from '../../db/local/schema.js';

/**
 * The signing keys of the members signed in right now, by staff id and session token. A session
 * puts its key here at sign-in and takes it out when it ends, locks or expires (SessionStore), so
 * no key outlives the sessions that unwrapped it. Staff ids are random UUIDs, so backends sharing
 * one process (tests, the CLI next to a server) never see each other's members.
 */
const liveKeys = new Map<string, Map<string, KeyObject>>();

export function holdSigningKey(staffId: string, token: string, key: KeyObject): void {
  const keys = liveKeys.get(staffId) ?? new Map<string, KeyObject>();
  keys.set(token, key);
  liveKeys.set(staffId, keys);
}

export function dropSigningKey(staffId: string, token: string): void {
  const keys = liveKeys.get(staffId);
  if (!keys) return;
  keys.delete(token);
  if (keys.size === 0) liveKeys.delete(staffId);
}

/** The event's hash signed by the actor's key, or null when the actor is not signed in here. */
export function signAuditHash(actorId: string | null, hash: string): string | null {
  if (actorId === null) return null;
  const key = liveKeys.get(actorId)?.values().next().value;
  return key ? sign(null, Buffer.from(hash, 'hex'), key).toString('base64') : null;
}

export function auditSignatureValid(publicKey: string, hash: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') }, format: 'jwk' });
    return verify(null, Buffer.from(hash, 'hex'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * A member's new public key: kept on their staff row and registered, insert-only, as required from
 * the next event on. Call inside the transaction whose audit event is the first one they sign, or
 * with `skip` 1 when that event has no signed-in actor to sign it (a recovery).
 */
export function registerSigningKey(db: LocalDb, staffId: string, publicKey: string, skip = 0): void {
  const fromSeq = (lastAuditEvent(db)?.seq ?? 0) + 1 + skip;
  db.update(staff).set({ publicKey }).where(eq(staff.id, staffId)).run();
  db.insert(auditSigners).values({ staffId, publicKey, fromSeq }).onConflictDoNothing().run();
}

export interface SignerKey {
  publicKey: string;
  fromSeq: number;
}

/** Every registered key per member, for verifying the chain. */
export function registeredSigners(db: LocalDb): Map<string, SignerKey[]> {
  const out = new Map<string, SignerKey[]>();
  for (const row of db.select().from(auditSigners).orderBy(asc(auditSigners.fromSeq)).all()) {
    const list = out.get(row.staffId) ?? [];
    list.push({ publicKey: row.publicKey, fromSeq: row.fromSeq });
    out.set(row.staffId, list);
  }
  return out;
}
