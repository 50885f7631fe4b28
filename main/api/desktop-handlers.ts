import type { desktopProcedures } from '../../shared/api/desktop-contract.js';
import type { AutoLockSetting, SessionLocker } from '../services/auto-lock.js';
import type { LogLevelSetting } from '../services/log-level.js';
import type { Handlers } from './context.js';

export interface DesktopServices {
  autoLock: AutoLockSetting;
  locker: SessionLocker;
  logLevel: LogLevelSetting;
}

/** The desktop's own procedures (shared/api/desktop-contract.ts), spread into createHandlers. */
export function createDesktopHandlers({ autoLock, locker, logLevel }: DesktopServices): Pick<Handlers, keyof typeof desktopProcedures> {
  return {
    'settings.getAutoLock': () => autoLock.get(),
    'settings.setAutoLock': (ctx, input) => autoLock.set(ctx, input),
    'session.lock': (ctx) => locker.lockOwn(ctx),
    'settings.getLogLevel': () => logLevel.get(),
    'settings.setLogLevel': (ctx, input) => logLevel.set(ctx, input),
  };
}
