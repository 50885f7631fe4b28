import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedStore } from '../../main/platform/encrypted-db.js';
import { noProtection } from '../../main/platform/key-protector.js';
import { deriveKek, Keyring } from '../../main/platform/keyring.js';
import { makeBackend, STRONG_PASSWORD, value } from '../support/backend.js';
import { team } from '../support/team.js';
import { TEST_KDF } from '../support/kdf.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('keys that follow the staff list', () => {
  it('deactivating a member rekeys the store: their old keyring copy and old password open nothing written afterwards', async () => {
    const t = await team((c) => cleanups.push(c));
    await t.register({ name: 'Fatma Yılmaz' });
    const keyringFile = join(t.dir, 'keyring.json');
    const oldKeyring = readFileSync(keyringFile, 'utf8');
    // Before: the old copy and henk's password open the store.
    const before = await Keyring.load(keyringFile, noProtection, TEST_KDF).unlock('henk', STRONG_PASSWORD);
    expect(before).not.toBeNull();

    value(await t.call('staff.setActive', { staffId: t.h2.id, active: false }, t.adminToken));
    const later = await t.register({ name: 'Gretchen Weißstraße' });

    // henk kept a copy of the keyring from before and knows his old password.
    const copy = join(t.dir, 'keyring-kopie.json');
    writeFileSync(copy, oldKeyring);
    const stolen = await Keyring.load(copy, noProtection, TEST_KDF).unlock('henk', STRONG_PASSWORD);
    expect(stolen?.dbKey.equals(before?.dbKey ?? Buffer.alloc(0))).toBe(true);
    expect(() => openEncryptedStore(join(t.dir, 'store.db'), stolen?.dbKey ?? Buffer.alloc(32))).toThrow(expect.objectContaining({ code: 'STORE_UNREADABLE' }));
    // The current keyring has nothing for him.
    expect(await Keyring.load(keyringFile, noProtection, TEST_KDF).unlock('henk', STRONG_PASSWORD)).toBeNull();

    // Everyone else works on, now and after a restart, and the case registered afterwards is there.
    value(await t.call('case.get', { id: later }, t.h1.token));
    t.backend.close();
    const again = makeBackend(t.dir);
    cleanups.push(() => again.backend.close());
    for (const userName of ['hanna', 'fg', 'balie']) value(await again.call('session.login', { userName, password: STRONG_PASSWORD }, null));
    const h1 = value(await again.call('session.login', { userName: 'hanna', password: STRONG_PASSWORD }, null));
    value(await again.call('case.get', { id: later }, h1.token));
    expect(await again.call('session.login', { userName: 'henk', password: STRONG_PASSWORD }, null)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
  });

  it('an account whose keyring entry predates per-account keys gets one at its next sign-in and survives a later rekey', async () => {
    const t = await team((c) => cleanups.push(c));
    const keyringFile = join(t.dir, 'keyring.json');
    // Write hanna's entry as the keyring held it before: the database key wrapped directly by her password.
    const dbKey = (await Keyring.load(keyringFile, noProtection, TEST_KDF).unlock('hanna', STRONG_PASSWORD))?.dbKey ?? Buffer.alloc(32);
    const file = JSON.parse(readFileSync(keyringFile, 'utf8')) as { entries: Record<string, unknown>[] };
    const entry = file.entries.find((e) => e.staffId === t.h1.id) ?? {};
    const kdf = { alg: 'argon2id' as const, ...TEST_KDF, salt: randomBytes(16).toString('hex') };
    const kek = await deriveKek(STRONG_PASSWORD, kdf);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from(`avg-desk keyring v1 ${t.h1.id}`));
    const wrapped = Buffer.concat([iv, cipher.update(dbKey), cipher.final(), cipher.getAuthTag()]).toString('base64');
    file.entries = file.entries.map((e) =>
      e.staffId === t.h1.id ? { staffId: t.h1.id, lookupSalt: entry.lookupSalt, lookup: entry.lookup, kdf, wrapped } : e,
    );
    writeFileSync(keyringFile, JSON.stringify(file));
    t.backend.close();

    const again = makeBackend(t.dir, undefined, 86_400);
    cleanups.push(() => again.backend.close());
    value(await again.call('session.login', { userName: 'hanna', password: STRONG_PASSWORD }, null));
    const upgraded = (JSON.parse(readFileSync(keyringFile, 'utf8')) as { entries: { staffId: string; wrapped?: string; box?: unknown }[] }).entries.find(
      (e) => e.staffId === t.h1.id,
    );
    expect(upgraded?.wrapped).toBeUndefined();
    expect(upgraded?.box).toMatchObject({ publicKey: expect.any(String) });

    const admin = value(await again.call('session.login', { userName: 'beheer', password: 'Zonnebloem-Veld-2026!' }, null));
    value(await again.call('staff.setActive', { staffId: t.h2.id, active: false }, admin.token));
    again.backend.close();
    const third = makeBackend(t.dir);
    cleanups.push(() => third.backend.close());
    value(await third.call('session.login', { userName: 'hanna', password: STRONG_PASSWORD }, null));
    // Her upgraded account signs from that sign-in on, and the chain with its signatures verifies.
    const auditor = value(await third.call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null));
    const verified = value(await third.call('audit.verify', {}, auditor.token));
    expect(verified).toMatchObject({ ok: true, firstBroken: null });
    expect(verified.unsigned).toBeLessThan(verified.count);
  });
});
