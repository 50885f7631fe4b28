import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteSetting, readSetting, storedSetting, writeSetting } from '../../db/local/settings/repository.js';
import type { OpenStore } from '../../main/platform/encrypted-db.js';
import { referenceOwner } from '../../main/sync/pull.js';
import { isSettingKey, SETTING_KEYS, SETTINGS, SettingError, SHARED_SETTING_KEYS, type SettingKey } from '../../shared/settings/registry.js';
import { freshStores } from '../support/store.js';

/**
 * Settings are declared once (shared/settings/registry.ts) and reached only through
 * db/local/settings: a key nobody declared, or a value its declaration refuses, fails here.
 */
const ROOT = join(import.meta.dirname, '..', '..');
/** The settings table's own definition, its one reader/writer, and migrations (never edited). */
const OWNERS = new Set(['db/local/schema.ts', 'db/local/settings/repository.ts']);
/** This file names undeclared keys on purpose. */
const SELF = 'test/unit/settings-registry.spec.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'migrations') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/u.test(name) ? [path] : [];
  });
}

const files = ['main', 'db', 'shared', 'renderer/src', 'test'].flatMap((dir) =>
  sourceFiles(join(ROOT, dir)).map((path) => ({ path: relative(ROOT, path).split('\\').join('/'), text: readFileSync(path, 'utf8') })),
);

const store = freshStores();

function storeRaw(s: OpenStore, key: string, json: string): void {
  s.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, '2026-11-25T09:00:00.000Z')").run(key, json);
}

describe('settings registry', () => {
  it('no module outside db/local/settings reads or writes the settings table itself', () => {
    const direct = /\b(FROM|INTO|UPDATE)\s+settings\b|\.(from|insert|update|delete)\(settings\)/u;
    const offenders = files.filter((f) => !OWNERS.has(f.path) && !f.path.startsWith('test/') && direct.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('every key read or stored by name anywhere (code and tests) is declared', () => {
    const byName = [
      /\b(?:readSetting|writeSetting|storedSetting|deleteSetting)\([^,]+,\s*'([^']+)'/gu,
      /settings WHERE key = '([^']+)'/gu,
      /^\s*(?:export )?const \w+ = '([^']+)' satisfies SettingKey/gmu,
    ];
    const used = new Map<string, string>();
    for (const f of files.filter((f) => f.path !== SELF)) for (const pattern of byName) for (const m of f.text.matchAll(pattern)) used.set(m[1] ?? '', f.path);
    // Proof that the patterns find what they are for: the sync's and the audit's own keys.
    expect([...used.keys()]).toEqual(expect.arrayContaining(['sync.lease', 'audit.desktopSigningKey', 'autoLockMinutes', 'sync.auditSeq']));
    const undeclared = [...used].filter(([key]) => !isSettingKey(key)).map(([key, path]) => `${key} (${path})`);
    expect(undeclared).toEqual([]);
  });

  it('the shared keys are the stored names (auto-lock is stored as autoLockMinutes), each with its owner', () => {
    expect([...SHARED_SETTING_KEYS].sort()).toEqual(['autoLockMinutes', 'deadlinePolicy', 'letterhead', 'retentionPolicy']);
    expect(SHARED_SETTING_KEYS.map((key) => [key, referenceOwner('setting', key)])).toEqual([
      ['deadlinePolicy', 'dpo'],
      ['retentionPolicy', 'dpo'],
      ['letterhead', 'admin'],
      ['autoLockMinutes', 'admin'],
    ]);
    expect(referenceOwner('setting', 'sync.desktopSecret')).toBeNull();
    expect(referenceOwner('setting', 'logLevel')).toBeNull();
  });

  it('every default passes its own schema, and an unset key reads as its default', () => {
    const s = store();
    for (const key of SETTING_KEYS) {
      expect(SETTINGS[key].schema.safeParse(SETTINGS[key].default).success, key).toBe(true);
      expect(readSetting(s.db, key), key).toEqual(SETTINGS[key].default);
      expect(storedSetting(s.db, key), key).toBeUndefined();
    }
    // What a caller does with what it read (the sync moves its cursors on) stays out of the next read.
    readSetting(s.db, 'sync.cursors').staff = '2026-11-25T09:00:00.000Z';
    expect(readSetting(s.db, 'sync.cursors').staff).toBe('0');
  });

  it('a wrong-typed stored value is refused with an error that names the key, not read as the default', () => {
    const s = store();
    storeRaw(s, 'autoLockMinutes', '"zeven"');
    storeRaw(s, 'sync.cursors', '{"staff": 12}');
    expect(() => readSetting(s.db, 'autoLockMinutes')).toThrow(SettingError);
    expect(() => readSetting(s.db, 'autoLockMinutes')).toThrow(/opgeslagen waarde van de instelling "autoLockMinutes" klopt niet/u);
    expect(() => readSetting(s.db, 'sync.cursors')).toThrow(/"sync\.cursors" klopt niet \(staff\)/u);
  });

  it('a wrong-typed value or an undeclared key is refused before anything is written', () => {
    const s = store();
    const bad = (key: string, value: unknown) => () => writeSetting(s.db, key as SettingKey, value as never, '2026-11-25T09:00:00.000Z');
    expect(bad('autoLockMinutes', 0)).toThrow(/te bewaren waarde van de instelling "autoLockMinutes" klopt niet/u);
    expect(bad('retentionPolicy', { graceDays: -1, registerYears: 2 })).toThrow(SettingError);
    expect(bad('autoLock', 7)).toThrow(/De instelling "autoLock" bestaat niet/u);
    expect(() => readSetting(s.db, 'autoLock' as SettingKey)).toThrow(/bestaat niet/u);
    expect(s.sqlite.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });

  it('what is written reads back with its time; a deleted key reads as its default again', () => {
    const s = store();
    writeSetting(s.db, 'autoLockMinutes', 7, '2026-11-25T09:00:00.000Z');
    writeSetting(s.db, 'sync.lease', { runId: 'r1', pid: 4242, until: '2026-11-25T09:10:00.000Z' }, '2026-11-25T09:00:00.000Z');
    // A policy stored before the letters had their own term reads with the schema's default for it.
    writeSetting(s.db, 'retentionPolicy', { graceDays: 10, registerYears: 3 }, '2026-11-25T09:01:00.000Z');
    expect(storedSetting(s.db, 'autoLockMinutes')).toEqual({ value: 7, updatedAt: '2026-11-25T09:00:00.000Z' });
    expect(readSetting(s.db, 'retentionPolicy')).toEqual({ graceDays: 10, registerYears: 3, letterYears: 2 });
    expect(readSetting(s.db, 'sync.lease')?.runId).toBe('r1');
    deleteSetting(s.db, 'sync.lease');
    expect(readSetting(s.db, 'sync.lease')).toBeNull();
  });
});
