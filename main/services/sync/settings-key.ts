import type { LocalDb } from '../../../db/local/database.js';
import { readSetting } from '../../../db/local/repositories/letters.js';
import type { SyncSettings } from '../../../shared/api/sync-schemas.js';

/** Where the sync settings live in the store's settings table. */
export const SETTINGS_KEY = 'sync.central';

/** Whether this desktop is set up to sync with a central database (cheap: one settings row). */
export function centralConfigured(db: LocalDb): boolean {
  const value = readSetting(db, SETTINGS_KEY) as Partial<SyncSettings> | undefined;
  return typeof value?.url === 'string' && value.url.length > 0;
}
