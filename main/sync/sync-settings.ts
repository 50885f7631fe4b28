import type { LocalDb } from '../../db/local/database.js';
import { readSetting } from '../../db/local/letters/repository.js';
import type { SyncSettings } from '../../shared/sync/sync-schemas.js';

/** Where the sync settings live in the store's settings table. */
export const SETTINGS_KEY = 'sync.central';

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { url: null, intervalMinutes: 5 };

/** The desktop's sync settings, with the defaults for what was never set. */
export function readSyncSettings(db: LocalDb): SyncSettings {
  const value = readSetting(db, SETTINGS_KEY) as Partial<SyncSettings> | undefined;
  return { ...DEFAULT_SYNC_SETTINGS, ...(value ?? {}) };
}

/** Whether this desktop is set up to sync with a central database. */
export function centralConfigured(db: LocalDb): boolean {
  return readSyncSettings(db).url !== null;
}
