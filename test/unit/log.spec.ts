import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileLogger, scrub } from '../../main/platform/log.js';
import { tempDir } from '../support/basics.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('logs', () => {
  it('scrub what looks like personal data', () => {
    expect(scrub('mail f.yilmaz@example.org over BSN 111222333 en NL91 ABNA 0417 1643 00, tel +31 6 12345678 of 06-12345678')).toBe(
      'mail [e-mail] over BSN [nummer] en [iban], tel [telefoon] of [nummer]',
    );
    expect(scrub('case.get faalde (TypeError)')).toBe('case.get faalde (TypeError)');
  });

  it('rotate, keep a fixed number of files, and respect the level', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const log = fileLogger({ dir: t.dir, maxBytes: 400, keep: 3, level: 'error' });
    for (let i = 0; i < 40; i++) {
      log.error({ event: 'unexpected-error', procedure: 'case.get', correlationId: `C${i}` });
      log.info({ event: 'not-written' });
    }
    expect(readdirSync(t.dir).sort()).toEqual(['avg-desk.1.log', 'avg-desk.2.log', 'avg-desk.log']);
    const text = readFileSync(join(t.dir, 'avg-desk.log'), 'utf8');
    expect(text).toContain('"correlationId":"C39"');
    expect(text).not.toContain('not-written');
  });

  it('never throws when the folder is gone', () => {
    const t = tempDir();
    const log = fileLogger({ dir: join(t.dir, 'logs') });
    t.cleanup();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => log.error({ event: 'x' })).not.toThrow();
    } finally {
      stderr.mockRestore();
      rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it('retries a failed write: a log folder removed while running is made again and the line is kept', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const dir = join(t.dir, 'logs');
    const log = fileLogger({ dir });
    log.error({ event: 'before' });
    rmSync(dir, { recursive: true });
    log.error({ event: 'unexpected-error', correlationId: 'ABCD1234' });
    expect(readFileSync(join(dir, 'avg-desk.log'), 'utf8')).toContain('"correlationId":"ABCD1234"');
  });

  it('reports a write that keeps failing once on stderr, not silently and not per line', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const log = fileLogger({ dir: t.dir });
    // The log file's name is taken by a folder: every append fails.
    mkdirSync(join(t.dir, 'avg-desk.log'));
    const said: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      said.push(String(chunk));
      return true;
    });
    try {
      for (let i = 0; i < 5; i++) log.error({ event: 'unexpected-error', correlationId: `C${i}` });
    } finally {
      stderr.mockRestore();
    }
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^AVG Desk kan niet in het logbestand schrijven \(EISDIR\)/u);
  });

  it('loses no line when several processes write and rotate one folder at once', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const writers = 3;
    const perWriter = 400;
    const script = `
      import { fileLogger } from './main/platform/log.ts';
      const log = fileLogger({ dir: process.argv[1], maxBytes: 1500, keep: 1000, level: 'info' });
      for (let i = 0; i < ${perWriter}; i++) log.info({ event: 'regel', detail: process.argv[2] + '-' + i });
    `;
    await Promise.all(
      Array.from(
        { length: writers },
        (_, w) =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, t.dir, `w${w}`], {
              stdio: ['ignore', 'ignore', 'pipe'],
            });
            let err = '';
            child.stderr.on('data', (c: Buffer) => (err += c.toString()));
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${w} failed: ${err}`))));
          }),
      ),
    );
    const seen = new Set<string>();
    for (const name of readdirSync(t.dir).filter((n) => n.endsWith('.log'))) {
      for (const l of readFileSync(join(t.dir, name), 'utf8').split('\n').filter(Boolean)) seen.add((JSON.parse(l) as { detail: string }).detail);
    }
    const missing = Array.from({ length: writers }, (_, w) => Array.from({ length: perWriter }, (_, i) => `w${w}-${i}`))
      .flat()
      .filter((d) => !seen.has(d));
    expect(missing).toEqual([]);
  }, 120_000);
});
