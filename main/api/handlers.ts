import type { Vault } from '../store/vault.js';
import { listAuditEvents } from '../services/audit-view.js';
import { verifyAuditChain } from '../services/audit.js';
import type { AuthService } from '../services/auth.js';
import type { StaffService } from '../services/staff.js';
import type { Handlers } from './context.js';

export interface Services {
  vault: Vault;
  auth: AuthService;
  staff: StaffService;
}

/** Procedure → service call. Permission, validation and audit are the dispatcher's work, not here. */
export function createHandlers({ vault, auth, staff }: Services): Handlers {
  return {
    'setup.status': () => auth.status(),
    'setup.createAdmin': (ctx, input) => auth.createAdmin(ctx, input),
    'session.login': (ctx, input) => auth.login(ctx, input),
    'session.logout': (ctx) => auth.logout(ctx),
    'session.me': (ctx) => auth.me(ctx),
    'account.changePassword': (ctx, input) => auth.changePassword(ctx, input),
    'staff.list': () => staff.list(),
    'staff.add': (ctx, input) => staff.add(ctx, input),
    'staff.setRoles': (ctx, input) => staff.setRoles(ctx, input),
    'staff.setActive': (ctx, input) => staff.setActive(ctx, input),
    'staff.resetPassword': (ctx, input) => staff.resetPassword(ctx, input),
    'audit.list': (_ctx, input) => listAuditEvents(vault.open.db, input),
    'audit.verify': () => verifyAuditChain(vault.open.db),
  };
}
