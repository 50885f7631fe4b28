import type { desktopProcedures } from '../../shared/settings/desktop-contract.js';
import type { AutoLockSetting, SessionLocker } from './auto-lock.js';
import type { LogLevelSetting } from './log-level.js';
import type { RestoreService } from './restore.js';
import type { Handlers } from '../platform/call-context.js';

export interface DesktopServices {
  autoLock: AutoLockSetting;
  locker: SessionLocker;
  logLevel: LogLevelSetting;
  restore: RestoreService;
}

/** The desktop's own procedures (shared/settings/desktop-contract.ts), spread into createHandlers. */
export function createDesktopHandlers({
  autoLock,
  locker,
  logLevel,
  restore,
}: DesktopServices): Pick<Handlers, keyof typeof desktopProcedures | 'setup.restore'> {
  return {
    'settings.getAutoLock': () => autoLock.get(),
    'settings.setAutoLock': (ctx, input) => autoLock.set(ctx, input),
    'session.lock': (ctx) => locker.lockOwn(ctx),
    'settings.getLogLevel': () => logLevel.get(),
    'settings.setLogLevel': (ctx, input) => logLevel.set(ctx, input),
    'setup.restore': (ctx, input) => restore.restore(ctx, input),
  };
}
