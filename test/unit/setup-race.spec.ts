import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/app/backend.js';
import { ADMIN, makeBackend, tempDir, value } from '../support/backend.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

/**
 * Runs `work` while something hits the backend on every turn of the event loop, as the server's
 * 30-second sweep or the OS lock can at any moment during the argon2id derivations.
 */
async function whileHammering<T>(work: Promise<T>, hit: () => void): Promise<{ result: T; hits: number }> {
  let done = false;
  let hits = 0;
  const loop = (async () => {
    while (!done) {
      hit();
      hits += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  try {
    return { result: await work, hits };
  } finally {
    done = true;
    await loop;
  }
}

function sweepOf(backend: Backend): () => void {
  return () => backend.sweep();
}

describe('the idle sweep during the first setup, a sign-in and a recovery', () => {
  it('does not close the store while the first admin is being created', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { backend, call } = makeBackend(t.dir);
    const { result, hits } = await whileHammering(call('setup.createAdmin', ADMIN, null), sweepOf(backend));
    expect(hits).toBeGreaterThan(1);
    const session = value(result);
    expect(value(await call('session.me', {}, session.token)).userName).toBe(ADMIN.userName);
    // The keyring holds the real key: after a restart the password opens the store.
    backend.close();
    const again = makeBackend(t.dir);
    expect(value(await again.call('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null)).staff.userName).toBe(ADMIN.userName);
  });

  it('does not close the store during a recovery, and closes it once the recovery is done', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { backend, call } = makeBackend(t.dir);
    const { recoveryKey, token } = value(await call('setup.createAdmin', ADMIN, null));
    value(await call('session.logout', {}, token));
    const recovered = await whileHammering(
      call('setup.recover', { recoveryKey, userName: ADMIN.userName, newPassword: 'Nieuwe-Herstel-Sleutel-2026!' }, null),
      sweepOf(backend),
    );
    value(recovered.result);
    // Nobody is signed in after a recovery: the store is closed again.
    expect(await call('staff.list', {}, token)).toMatchObject({ ok: false });
    value(await call('session.login', { userName: ADMIN.userName, password: 'Nieuwe-Herstel-Sleutel-2026!' }, null));
  });

  it('says what happened when the computer locks during the setup, keeps nothing half-made, and a retry works', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { backend, call } = makeBackend(t.dir);
    const { result } = await whileHammering(call('setup.createAdmin', ADMIN, null), () => backend.lockAll());
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/vergrendeld/u);
      expect(result.error.message).not.toMatch(/niet aangemeld/u);
    }
    expect(value(await call('setup.status', {}, null))).toEqual({ initialized: false });
    const session = value(await call('setup.createAdmin', ADMIN, null));
    expect(session.staff.userName).toBe(ADMIN.userName);
  });
});
