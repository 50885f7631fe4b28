import type { SyncService } from '../services/sync/sync-service.js';
import type { Handler } from './context.js';

type SyncProcedure = 'sync.status' | 'sync.run' | 'sync.getSettings' | 'sync.setSettings' | 'sync.setCredentials';

/** Procedure → sync service call (issue 7). */
export function createSyncHandlers(sync: SyncService): { [P in SyncProcedure]: Handler<P> } {
  return {
    'sync.status': (ctx) => sync.status(ctx.requireSession().staffId),
    'sync.run': async (ctx) => {
      const session = ctx.requireSession();
      ctx.setRecord(null);
      return sync.run({ staffId: session.staffId, roles: session.roles });
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
