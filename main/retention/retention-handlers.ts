import { listStaff } from '../../db/local/staff/repository.js';
import { buildReport } from '../reports/reports.js';
import { caseReads, exportAuditEvents, searchAuditEvents } from '../audit/audit-search.js';
import type { RetentionService } from './retention.js';
import type { Vault } from '../platform/vault.js';
import type { Handlers } from '../platform/call-context.js';

type RetentionProcedure =
  | 'retention.getPolicy'
  | 'retention.setPolicy'
  | 'retention.forCase'
  | 'retention.placeHold'
  | 'retention.liftHold'
  | 'retention.overview'
  | 'retention.runLocal'
  | 'retention.propose'
  | 'retention.removeItem'
  | 'retention.approve'
  | 'report.get'
  | 'audit.search'
  | 'audit.caseReads'
  | 'audit.staff'
  | 'audit.export';

/** Retention, reports and the audit view, spread into createHandlers. */
export function createRetentionHandlers(vault: Vault, retention: RetentionService): Pick<Handlers, RetentionProcedure> {
  return {
    'retention.getPolicy': () => retention.policy(),
    'retention.setPolicy': (ctx, input) => retention.setPolicy(ctx, input),
    'retention.forCase': (ctx, input) => retention.forCase(ctx, input.caseId),
    'retention.placeHold': (ctx, input) => retention.placeHold(ctx, input),
    'retention.liftHold': (ctx, input) => retention.liftHold(ctx, input),
    'retention.overview': (ctx, input) => retention.overview(ctx, input.days),
    'retention.runLocal': (ctx, input) => retention.runLocal(ctx, input.dryRun),
    'retention.propose': (ctx) => retention.propose(ctx),
    'retention.removeItem': (ctx, input) => retention.removeItem(ctx, input),
    'retention.approve': (ctx, input) => retention.approve(ctx, input.listId),
    'report.get': (ctx, input) => buildReport(vault.open.db, ctx, input),
    'audit.search': (_ctx, input) => searchAuditEvents(vault.open.db, input),
    'audit.caseReads': (_ctx, input) => caseReads(vault.open.db, input.caseReference),
    'audit.staff': () => listStaff(vault.open.db).map((s) => ({ id: s.id, fullName: s.fullName, active: s.active })),
    'audit.export': (_ctx, input) => exportAuditEvents(vault.open.db, input.filter),
  };
}
