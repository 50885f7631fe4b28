import type { SyncService } from './sync-service.js';
import type { Handler } from '../platform/call-context.js';

type SyncProcedure = 'sync.status' | 'sync.run' | 'sync.getSettings' | 'sync.setSettings' | 'sync.setCredentials';

/** An address given for one run: the login in it (if any) is used instead of the stored one, and never stored. */
function overrideFrom(url: string): { url: string; loginRole?: string; password?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url };
  }
  const loginRole = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), ...(loginRole ? { loginRole } : {}), ...(password ? { password } : {}) };
}

/** Procedure → sync service call. */
export function createSyncHandlers(sync: SyncService): { [P in SyncProcedure]: Handler<P> } {
  return {
    'sync.status': (ctx) => sync.status(ctx.requireSession().staffId),
    'sync.run': async (ctx, input) => {
      const session = ctx.requireSession();
      ctx.setRecord(null);
      return sync.run({ staffId: session.staffId, roles: session.roles }, input.url === undefined ? undefined : overrideFrom(input.url));
    },
    'sync.getSettings': () => sync.settings(),
    'sync.setSettings': (ctx, input) => {
      ctx.setRecord('sync.central');
      return ctx.commit((db) => sync.saveSettings(db, input));
    },
    'sync.setCredentials': (ctx, input) => {
      const session = ctx.requireSession();
      ctx.setRecord(session.staffId);
      ctx.commit((db) => sync.saveCredentials(db, session.staffId, input.loginRole, input.password));
      return {};
    },
  };
}
