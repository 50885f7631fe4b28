import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../main/app/backend.js';
import { silentLogger } from '../../main/platform/log.js';
import { ADMIN, initialized, tempDir, typed, value } from '../support/backend.js';
import { TEST_KDF } from '../support/kdf.js';

/**
 * argon2id's cost is injected: production compositions use 64 MiB and 3 passes, the test support a
 * cheap cost. Each keyring entry stores the cost it was made with, and signing in follows what was stored.
 */
type Entry = { staffId: string; kdf: { alg: string; memoryCost: number; timeCost: number; parallelism: number } };
const entries = (dir: string) => (JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')) as { entries: Entry[] }).entries;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('argon2id cost', () => {
  it('a production composition (no cost given) wraps the admin and the recovery key at 64 MiB, 3 passes, 1 lane', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const backend = createBackend({ dataDir: t.dir, logger: silentLogger });
    cleanups.push(() => backend.close());
    value(await typed(backend)('setup.createAdmin', ADMIN, null));
    const made = entries(t.dir);
    expect(made).toHaveLength(2);
    for (const entry of made)
      expect(entry.kdf).toEqual({ alg: 'argon2id', memoryCost: 65536, timeCost: 3, parallelism: 1, salt: expect.stringMatching(/^[0-9a-f]{32}$/u) });
  });

  it('a store the tests made cheaply opens in a production composition: sign-in follows the stored cost', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const made = await initialized(t.dir);
    made.backend.close();
    expect(entries(t.dir).map((e) => e.kdf.memoryCost)).toEqual([TEST_KDF.memoryCost, TEST_KDF.memoryCost]);
    const production = createBackend({ dataDir: t.dir, logger: silentLogger });
    cleanups.push(() => production.close());
    value(await typed(production)('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null));
  });

  it('a stored cost that was changed no longer derives the key: the cost is part of what was stored, not taken from the code', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const made = await initialized(t.dir);
    made.backend.close();
    const file = JSON.parse(readFileSync(join(t.dir, 'keyring.json'), 'utf8')) as { entries: Entry[] };
    for (const entry of file.entries) entry.kdf.timeCost += 1;
    writeFileSync(join(t.dir, 'keyring.json'), JSON.stringify(file));
    const again = createBackend({ dataDir: t.dir, logger: silentLogger, kdfCost: TEST_KDF });
    cleanups.push(() => again.close());
    expect(await typed(again)('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
  });
});
