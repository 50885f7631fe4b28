import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInWorker } from '../../main/redaction/index.js';
import { buildNameOnlyLie } from './second-reader.fixtures.js';

/**
 * The desktop build's main process, built here from today's sources with the project's own
 * electron-vite configuration (renderer and preload left out: they have their own checks). A
 * folder inside out/, so the built worker finds pdf.js in node_modules as the packaged app does.
 */
let outDir = '';
let mainDir = '';
beforeAll(() => {
  mkdirSync('out', { recursive: true });
  outDir = mkdtempSync(join('out', 'test-build-'));
  mainDir = join(outDir, 'main');
  const built = spawnSync(
    process.execPath,
    ['node_modules/electron-vite/bin/electron-vite.js', 'build', '-c', 'test/support/electron-main.config.ts', '--outDir', outDir, '--logLevel', 'error'],
    { encoding: 'utf8' },
  );
  expect(built.status, built.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the desktop build', () => {
  it('has the redaction worker as a file of its own next to the main bundle', () => {
    expect(existsSync(join(mainDir, 'index.js'))).toBe(true);
    expect(existsSync(join(mainDir, 'worker.js'))).toBe(true);
    expect(readFileSync(join(mainDir, 'index.js'), 'utf8')).toContain('worker.js');
  });

  it('emits main-process files that parse: no module-level `require` clashes with the CommonJS shim the bundler adds', () => {
    const files = readdirSync(mainDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toContain('worker.js');
    for (const file of files) {
      const check = spawnSync(process.execPath, ['--check', join(mainDir, file)], { encoding: 'utf8' });
      expect(check.stderr, file).toBe('');
      expect(check.status, file).toBe(0);
    }
  });

  it('runs the built redaction worker: it reads a page and checks it with the second reader (pdf.js from node_modules)', async () => {
    const [page] = await readInWorker(await buildNameOnlyLie(), { ocr: 'off', workerUrl: pathToFileURL(resolve(mainDir, 'worker.js')) });
    expect(page?.text).toContain('Gesprek met de buurvrouw');
    expect(page?.mismatch).toBe(true);
  });
});
