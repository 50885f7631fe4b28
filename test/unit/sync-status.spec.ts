import { describe, expect, it } from 'vitest';
import { initialized, value } from '../support/backend.js';
import { testDir } from '../support/test-dir.js';

describe('the status bar polling sync.status', () => {
  it('does not keep an idle session alive; any other call does', async () => {
    const t = testDir();
    const { call, clock, adminToken } = await initialized(t.dir, { idleTimeoutSeconds: 600 });
    expect(value(await call('sync.status', {}, adminToken))).toMatchObject({ configured: false, waiting: 0, lastSuccessAt: null });
    // Polled every 30 s for nine minutes: no activity as far as the idle sign-out is concerned.
    for (let s = 30; s <= 540; s += 30) {
      clock.advance(30_000);
      value(await call('sync.status', {}, adminToken));
    }
    clock.advance(61_000);
    expect(await call('sync.status', {}, adminToken)).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });

    const second = testDir();
    const again = await initialized(second.dir, { idleTimeoutSeconds: 600 });
    for (let s = 30; s <= 700; s += 30) {
      again.clock.advance(30_000);
      value(await again.call('session.me', {}, again.adminToken));
    }
    expect(await again.call('sync.status', {}, again.adminToken)).toMatchObject({ ok: true });
  });
});
