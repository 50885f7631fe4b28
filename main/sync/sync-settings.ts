import type { LocalDb } from '../../db/local/database.js';
import { readSetting } from '../../db/local/settings/repository.js';
import { SETTINGS, type SettingKey } from '../../shared/settings/registry.js';
import type { SyncSettings } from '../../shared/sync/sync-schemas.js';

/** Where the sync settings live in the store's settings table. */
export const SETTINGS_KEY = 'sync.central' satisfies SettingKey;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = SETTINGS[SETTINGS_KEY].default;

/** The desktop's sync settings, with the defaults for what was never set. */
export function readSyncSettings(db: LocalDb): SyncSettings {
  return readSetting(db, SETTINGS_KEY);
}

/** Whether this desktop is set up to sync with a central database. */
export function centralConfigured(db: LocalDb): boolean {
  return readSyncSettings(db).url !== null;
}
