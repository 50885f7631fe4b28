import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertOutbox } from '../../db/local/sync/outbox.js';
import { OUTBOX_KINDS, parseOutboxEntry, type OutboxWrite } from '../../db/local/sync/outbox-kinds.js';
import { openEncryptedStore } from '../../main/platform/encrypted-db.js';
import { tempDir } from '../support/backend.js';

/** One declaration per outbox kind: the writer checks the payload against it, the push reads it back with it. */

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const SIGNED = {
  letterId: randomUUID(),
  caseId: randomUUID(),
  caseReference: 'AVG-2026-0001',
  requestType: 'inzage',
  letterKind: 'besluit-inzage',
  outcome: 'toegewezen',
  decidedOn: '2026-11-25',
  draftedBy: randomUUID(),
  signedBy: randomUUID(),
  signedAt: '2026-11-25T10:00:00.000Z',
  sha256: 'a'.repeat(64),
} as const;

describe('outbox kinds', () => {
  it('the writer refuses a payload that does not match its kind, and stores one that does', () => {
    const t = tempDir();
    const store = openEncryptedStore(join(t.dir, 'store.db'), randomBytes(32));
    cleanup = () => {
      store.close();
      t.cleanup();
    };
    const entry = (payload: unknown) => ({ id: randomUUID(), kind: 'decision', payload, createdAt: '2026-11-25T10:00:00.000Z', sentAt: null }) as OutboxWrite;
    const { sha256: _missing, ...withoutHash } = SIGNED;
    expect(() => insertOutbox(store.db, entry(withoutHash))).toThrow();
    // A name in a payload is not something the central register needs: an unknown field is not stored either.
    insertOutbox(store.db, entry({ ...SIGNED, requesterName: 'Fenna Testpersoon' }));
    insertOutbox(store.db, entry(SIGNED));
    const stored = store.sqlite.prepare('SELECT payload FROM outbox').pluck().all() as string[];
    expect(stored).toHaveLength(2);
    for (const payload of stored) expect(JSON.parse(payload)).toEqual(SIGNED);
  });

  it("the push reads each stored payload by its kind; a payload it cannot read, or a later version's kind, is left waiting", () => {
    const row = (kind: string, payload: unknown) => ({ id: randomUUID(), kind, payload, createdAt: 'x' });
    expect(parseOutboxEntry(row('letter', SIGNED))).toMatchObject({ kind: 'letter', payload: SIGNED });
    expect(parseOutboxEntry(row('letter', { ...SIGNED, signedAt: undefined }))).toBeNull();
    expect(parseOutboxEntry(row('archive', { caseId: SIGNED.caseId }))).toBeNull();
    expect(Object.keys(OUTBOX_KINDS).sort()).toEqual(['case', 'decision', 'destruction', 'handover', 'letter']);
  });
});
