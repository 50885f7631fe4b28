import { onTestFinished } from 'vitest';
import { tempDir } from './basics.js';

/** A fresh temporary folder, removed when the test that asked for it has finished (passed or failed). */
export function testDir(prefix?: string): { dir: string } {
  const t = tempDir(prefix);
  onTestFinished(t.cleanup);
  return { dir: t.dir };
}
