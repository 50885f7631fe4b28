import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../shared/api/result.js';

/**
 * What tests share without a backend: the made-up admin, a strong password, a throwaway folder, the
 * tests' moment and unwrapping a Result. Pure tests import this, not backend.ts (which loads the whole app).
 */
export const ADMIN = { userName: 'beheer', fullName: 'Beheerder Testpersoon', password: 'Zonnebloem-Veld-2026!' };
export const STRONG_PASSWORD = 'Tulpen-Bollen-Streek-77';

export function tempDir(prefix = 'avg-desk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The moment the tests' desktops live in; a test that compares with one must not use the real clock. */
export const TEST_START = new Date('2026-11-25T09:00:00Z');

/** Unwraps a Result or fails the test with its Dutch message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${result.error.details?.join(' ') ?? ''}`);
  return result.value;
}
