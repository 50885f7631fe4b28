import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { LocalDb } from '../../db/local/database.js';
import { lastAuditEvent } from '../../db/local/audit/repository.js';
import { auditSigners } from '../../db/local/schema.js';
import { readSetting, writeSetting } from '../../db/local/settings/repository.js';

/**
 * The desktop's own Ed25519 key. From the first event this version writes, every event is signed:
 * by the acting member's key while they are signed in here, otherwise by this key. The key lives in
 * the encrypted store, so whoever holds the database key can sign with it too: verification accepts
 * it only for what happens without a signed-in member (refusals of calls without a session, the
 * desktop's own retention and handover work, a recovery, work that finishes after its member locked),
 * never for a member's own actions.
 */
export const DESKTOP_SIGNER = 'desktop';
const cache = new WeakMap<LocalDb, KeyObject>();

/** Procedures the desktop does on its own, or with the recovery key only (no actor). */
const DESKTOP_WORK: ReadonlySet<string> = new Set(['handover.confirm', 'retention.scheduled', 'retention.shred', 'setup.restore']);
/**
 * Procedures recorded in a member's name whose key may not be in memory when they are written:
 * the recovery (its new key counts from the next event) and work that runs on after a lock.
 */
const UNATTENDED: ReadonlySet<string> = new Set(['setup.recover', 'sync.run', 'sync.assign', 'redaction.apply', 'retention.shred']);

export function desktopMaySign(event: { actorId: string | null; procedure: string; outcome: string }): boolean {
  if (event.actorId === null) return event.outcome !== 'ok' || DESKTOP_WORK.has(event.procedure);
  return UNATTENDED.has(event.procedure);
}

/**
 * This desktop's key; made and registered (insert-only, from the next event on) the first time it is
 * needed. Call inside the transaction that appends the event.
 */
export function desktopSigningKey(db: LocalDb): KeyObject {
  const cached = cache.get(db);
  if (cached) return cached;
  const stored = readSetting(db, 'audit.desktopSigningKey');
  let key: KeyObject;
  if (stored !== null) {
    key = createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'pkcs8' });
  } else {
    const pair = generateKeyPairSync('ed25519');
    const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
    writeSetting(db, 'audit.desktopSigningKey', der.toString('base64'), new Date().toISOString());
    der.fill(0);
    const x = pair.publicKey.export({ format: 'jwk' }).x ?? '';
    const fromSeq = (lastAuditEvent(db)?.seq ?? 0) + 1;
    db.insert(auditSigners)
      .values({ staffId: DESKTOP_SIGNER, publicKey: Buffer.from(x, 'base64url').toString('base64'), fromSeq })
      .onConflictDoNothing()
      .run();
    key = pair.privateKey;
  }
  cache.set(db, key);
  return key;
}

/** The event's hash signed by this desktop's key (for an event no signed-in member can sign). */
export function signAsDesktop(db: LocalDb, hash: string): string {
  return sign(null, Buffer.from(hash, 'hex'), desktopSigningKey(db)).toString('base64');
}
