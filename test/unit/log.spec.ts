import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLogger, scrub } from '../../main/log.js';
import { tempDir } from '../support/backend.js';

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
    expect(() => log.error({ event: 'x' })).not.toThrow();
  });
});
