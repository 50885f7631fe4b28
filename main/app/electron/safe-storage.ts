import type { SafeStorage } from 'electron';
import type { KeyProtector } from '../../platform/key-protector.js';

/** The part of Electron's `safeStorage` the protector uses; main.ts passes the real one. */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/** Thrown when the operating system cannot protect the keys; main.ts shows the message and quits. */
export class KeyProtectionUnavailableError extends Error {
  override readonly name = 'KeyProtectionUnavailableError';
}

const NOT_AVAILABLE =
  'AVG Desk kan de sleutels van de lokale gegevens niet beveiligen: de versleuteling van het besturingssysteem is niet beschikbaar. ' +
  'AVG Desk start daarom niet. Neem contact op met IT.';
const PLAINTEXT_BACKEND =
  'AVG Desk kan de sleutels van de lokale gegevens niet beveiligen: deze computer heeft geen beveiligde sleutelbos (zoals GNOME Keyring of KWallet) ' +
  'en zou de sleutels zonder versleuteling bewaren. AVG Desk start daarom niet. Neem contact op met IT.';

/**
 * Binds the wrapped database keys to the operating-system user with Electron `safeStorage` (DPAPI
 * on Windows, Keychain on macOS, the secret service on Linux). Like Signal Desktop, it refuses to
 * run on a plaintext backend instead of silently storing the keys unprotected: on Linux without a
 * keyring Chromium falls back to 'basic_text', a hard-coded password.
 *
 * Call after `app` is ready: before it, encryption reports unavailable on Windows and Linux.
 *
 * `safeStorage` seals strings, the keyring hands us bytes: they travel as base64 text.
 */
export function createSafeStorageProtector(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): KeyProtector {
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') throw new KeyProtectionUnavailableError(PLAINTEXT_BACKEND);
  }
  if (!safeStorage.isEncryptionAvailable()) throw new KeyProtectionUnavailableError(NOT_AVAILABLE);
  return {
    kind: 'electron-safeStorage',
    seal: (data) => safeStorage.encryptString(data.toString('base64')),
    open: (data) => Buffer.from(safeStorage.decryptString(data), 'base64'),
  };
}
