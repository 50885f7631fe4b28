import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_LEVELS } from '../../shared/settings/desktop-contract.js';
import { contract } from '../../shared/api/contract.js';
import { INTERNAL_EVENT_LABELS, LOG_LEVEL_LABELS, PROCEDURE_LABELS, procedureLabel } from '../../shared/audit/labels.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Audit events the backend writes itself: every `procedure: '…'` literal in main/ and db/. */
function internalEvents(): string[] {
  const found = new Set<string>();
  for (const file of [...sources(join(ROOT, 'main')), ...sources(join(ROOT, 'db'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/procedure: '([a-zA-Z]+\.[a-zA-Z]+)'/gu)) if (match[1]) found.add(match[1]);
  }
  return [...found];
}

describe('Dutch labels for what the audit log records', () => {
  it('every procedure in the contract has a Dutch label, used for the audit screen, the timeline and the CSV', () => {
    const names = Object.keys(contract);
    expect(names.length).toBeGreaterThan(100);
    const missing = names.filter((name) => !(name in PROCEDURE_LABELS) || procedureLabel(name) === name || procedureLabel(name).trim() === '');
    expect(missing).toEqual([]);
    // No label for a procedure that no longer exists.
    expect(Object.keys(PROCEDURE_LABELS).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('every event the backend records outside a call has a Dutch label too', () => {
    const events = internalEvents();
    expect(events).toContain('redaction.apply');
    expect(events.filter((name) => procedureLabel(name) === name)).toEqual([]);
    expect(Object.keys(INTERNAL_EVENT_LABELS).filter((name) => name in contract)).toEqual([]);
  });

  it('every log level is said in words', () => {
    for (const level of LOG_LEVELS) expect(LOG_LEVEL_LABELS[level]).not.toContain(level);
  });

  it('an unknown id from a newer version is shown as it came, not dropped', () => {
    expect(procedureLabel('future.thing')).toBe('future.thing');
    expect(procedureLabel('session.lock')).toBe('Vergrendeld');
  });
});
