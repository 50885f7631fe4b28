import { eq } from 'drizzle-orm';
import { parseSetting, settingSpec, type SettingInput, type SettingKey, type SettingValue } from '../../../shared/settings/registry.js';
import type { LocalDb } from '../database.js';
import { settings } from '../schema.js';

/**
 * The one way to the settings table: every key is declared in shared/settings/registry.ts, and what
 * is read or written is checked against its schema, so a wrong-typed value fails loudly here instead
 * of somewhere that trusted it.
 */
export function readSetting<K extends SettingKey>(db: LocalDb, key: K): SettingValue<K> {
  const stored = storedSetting(db, key);
  // A copy: callers may change what they read (the sync moves its cursors on), never the declaration.
  return stored ? stored.value : (structuredClone(settingSpec(key).default) as SettingValue<K>);
}

/** The stored value with when it was set; undefined while the key was never stored. */
export function storedSetting<K extends SettingKey>(db: LocalDb, key: K): { value: SettingValue<K>; updatedAt: string } | undefined {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? { value: parseSetting(key, row.value, 'opgeslagen'), updatedAt: row.updatedAt } : undefined;
}

export function writeSetting<K extends SettingKey>(db: LocalDb, key: K, value: SettingInput<K>, at: string): void {
  const checked = parseSetting(key, value, 'te bewaren');
  db.insert(settings)
    .values({ key, value: checked, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value: checked, updatedAt: at } })
    .run();
}

export function deleteSetting(db: LocalDb, key: SettingKey): void {
  db.delete(settings).where(eq(settings.key, key)).run();
}
