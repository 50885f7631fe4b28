import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../main/app/backend.js';
import { createSafeStorageProtector, KeyProtectionUnavailableError, type SafeStorageLike } from '../../main/app/electron/safe-storage.js';
import { silentLogger } from '../../main/platform/log.js';
import { ADMIN, tempDir } from '../support/basics.js';
import { TEST_KDF } from '../support/kdf.js';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** Stands in for Electron's safeStorage: a reversible scrambling of the string, keyed per "OS user". */
function fakeSafeStorage(options: { available?: boolean; backend?: Backend; user?: number } = {}) {
  const user = options.user ?? 7;
  const calls = { backend: 0 };
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => {
      calls.backend++;
      return options.backend ?? 'gnome_libsecret';
    },
    // First byte names the user, like DPAPI refusing a blob sealed for someone else.
    encryptString: (text) => Buffer.concat([Buffer.from([user]), Buffer.from(text, 'utf8').map((b) => b ^ user)]),
    decryptString: (data) => {
      if (data[0] !== user) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.subarray(1).map((b) => b ^ user)).toString('utf8');
    },
  };
  return { storage, calls };
}

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('the safeStorage key protector', () => {
  it.each(['basic_text', 'unknown'] as const)('refuses the plaintext Linux backend %s with a Dutch message', (backend) => {
    const { storage } = fakeSafeStorage({ backend });
    expect(() => createSafeStorageProtector(storage, 'linux')).toThrow(KeyProtectionUnavailableError);
    expect(() => createSafeStorageProtector(storage, 'linux')).toThrow(/zonder versleuteling.*start daarom niet/u);
  });

  it.each(['win32', 'linux', 'darwin'] as const)('refuses when encryption is unavailable (%s)', (platform) => {
    const { storage } = fakeSafeStorage({ available: false });
    expect(() => createSafeStorageProtector(storage, platform)).toThrow(/versleuteling van het besturingssysteem is niet beschikbaar/u);
  });

  it('asks for the Linux backend only on Linux', () => {
    const { storage, calls } = fakeSafeStorage();
    createSafeStorageProtector(storage, 'win32');
    expect(calls.backend).toBe(0);
    createSafeStorageProtector(storage, 'linux');
    expect(calls.backend).toBe(1);
  });

  it('seals any bytes (not only text) and opens them again', () => {
    const { storage } = fakeSafeStorage();
    const protector = createSafeStorageProtector(storage, 'win32');
    expect(protector.kind).toBe('electron-safeStorage');
    const secret = randomBytes(92);
    const sealed = protector.seal(secret);
    expect(sealed.includes(secret)).toBe(false);
    expect(protector.open(sealed).equals(secret)).toBe(true);
  });

  it('binds a store to it: the desktop store is refused without it, and under another OS user', async () => {
    const t = tempDir('avg-desk-safestorage-');
    cleanup = t.cleanup;
    const desktop = createBackend({
      kdfCost: TEST_KDF,
      dataDir: t.dir,
      logger: silentLogger,
      protector: createSafeStorageProtector(fakeSafeStorage().storage, 'win32'),
    });
    expect(await desktop.dispatch('setup.createAdmin', ADMIN, null)).toMatchObject({ ok: true });
    desktop.close();

    const login = { userName: ADMIN.userName, password: ADMIN.password };
    const browserMode = createBackend({ kdfCost: TEST_KDF, dataDir: t.dir, logger: silentLogger });
    expect(await browserMode.dispatch('session.login', login, null)).toMatchObject({ ok: false, error: { code: 'STORE_PROTECTED' } });
    browserMode.close();

    const otherUser = createBackend({
      kdfCost: TEST_KDF,
      dataDir: t.dir,
      logger: silentLogger,
      protector: createSafeStorageProtector(fakeSafeStorage({ user: 0x55 }).storage, 'win32'),
    });
    expect(await otherUser.dispatch('session.login', login, null)).toMatchObject({ ok: false, error: { code: 'STORE_PROTECTED' } });
    otherUser.close();

    const again = createBackend({
      kdfCost: TEST_KDF,
      dataDir: t.dir,
      logger: silentLogger,
      protector: createSafeStorageProtector(fakeSafeStorage().storage, 'win32'),
    });
    expect(await again.dispatch('session.login', login, null)).toMatchObject({ ok: true });
    again.close();
  });
});
