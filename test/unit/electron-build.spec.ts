import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** `npm test` runs `electron-vite build` before vitest; these check what it emitted. */
describe('the desktop build', () => {
  it('has the redaction worker as a file of its own next to the main bundle', () => {
    expect(existsSync('out/main/index.js'), 'run `npm run build` (npm test does) first').toBe(true);
    expect(existsSync('out/main/worker.js')).toBe(true);
    expect(readFileSync('out/main/index.js', 'utf8')).toContain('worker.js');
  });
});
