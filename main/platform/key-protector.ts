/**
 * A second lock on the wrapped database keys, bound to the operating-system user. In the desktop
 * app this is Electron `safeStorage` (DPAPI on Windows); browser mode and the CLI use none. The
 * keyring records which protector sealed it, so a store sealed by the desktop app is refused
 * elsewhere with a clear message instead of a confusing "wrong password".
 */
export interface KeyProtector {
  readonly kind: 'none' | 'electron-safeStorage';
  seal(data: Buffer): Buffer;
  open(data: Buffer): Buffer;
}

export const noProtection: KeyProtector = { kind: 'none', seal: (data) => Buffer.from(data), open: (data) => Buffer.from(data) };
