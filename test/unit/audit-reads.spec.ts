import { afterEach, describe, expect, it } from 'vitest';
import { ReadEvents } from '../../main/audit/audit-reads.js';
import { verifyAuditChain } from '../../main/audit/audit.js';
import { ADMIN, initialized, tempDir, value } from '../support/backend.js';
import { openStoreAs } from '../support/store.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const FULL = 2;

describe('read events', () => {
  it('are committed in the chain before the data is returned: another connection sees them at once', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { call, adminToken, adminId } = await initialized(t.dir);
    value(await call('staff.list', {}, adminToken));
    const other = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
    try {
      const last = other.sqlite.prepare('SELECT procedure, actor_id AS actorId, outcome FROM audit_events ORDER BY seq DESC LIMIT 1').get();
      expect(last).toEqual({ procedure: 'staff.list', actorId: adminId, outcome: 'ok' });
      expect(verifyAuditChain(other.db).ok).toBe(true);
    } finally {
      other.close();
    }
  });

  it('leave the store flushing every change to disk, and flush the log themselves right after', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { backend, adminToken } = await initialized(t.dir);
    value(await backend.dispatch('staff.list', {}, adminToken));
    backend.close();
    const store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
    const errors: unknown[] = [];
    try {
      const count = () => store.sqlite.prepare('SELECT count(*) AS n FROM audit_events').get();
      const before = count();
      const reads = new ReadEvents((error) => errors.push(error));
      for (let i = 0; i < 3; i++)
        reads.append(store, new Date(), { actorId: null, roles: [], procedure: 'staff.list', recordType: 'staff', recordId: null, outcome: 'ok' });
      expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
      await reads.settled();
      expect(errors).toEqual([]);
      expect(count()).toEqual({ n: (before as { n: number }).n + 3 });
    } finally {
      store.close();
    }
  });
});
