import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a desktop keeps its data: `AVG_DESK_DATA` when set, otherwise the platform's app-data
 * folder (`%APPDATA%\AVG Desk` on Windows), as Electron's `app.getPath('userData')` would give.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.AVG_DESK_DATA) return env.AVG_DESK_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'AVG Desk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'AVG Desk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'AVG Desk');
}
