import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInWorker } from '../../main/services/redaction/index.js';
import { buildNameOnlyLie } from './second-reader.fixtures.js';

/** `npm test` runs `electron-vite build` before vitest; these check what it emitted. */
describe('the desktop build', () => {
  it('has the redaction worker as a file of its own next to the main bundle', () => {
    expect(existsSync('out/main/index.js'), 'run `npm run build` (npm test does) first').toBe(true);
    expect(existsSync('out/main/worker.js')).toBe(true);
    expect(readFileSync('out/main/index.js', 'utf8')).toContain('worker.js');
  });

  it('emits main-process files that parse: no module-level `require` clashes with the CommonJS shim the bundler adds', () => {
    const files = readdirSync('out/main', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toContain('worker.js');
    for (const file of files) {
      const check = spawnSync(process.execPath, ['--check', join('out/main', file)], { encoding: 'utf8' });
      expect(check.stderr, file).toBe('');
      expect(check.status, file).toBe(0);
    }
  });

  it('runs the built redaction worker: it reads a page and checks it with the second reader (pdf.js from node_modules)', async () => {
    const [page] = await readInWorker(await buildNameOnlyLie(), { ocr: 'off', workerUrl: pathToFileURL(resolve('out/main/worker.js')) });
    expect(page?.text).toContain('Gesprek met de buurvrouw');
    expect(page?.mismatch).toBe(true);
  });
});
