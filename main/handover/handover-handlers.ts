import type { HandoverService } from './handover-service.js';
import type { Handlers } from '../platform/call-context.js';

/** Handing a case file over to another desktop, spread into createHandlers. */
export function createHandoverHandlers(handover: HandoverService): Pick<Handlers, 'handover.export' | 'handover.import'> {
  return { 'handover.export': (ctx, input) => handover.exportCase(ctx, input), 'handover.import': (ctx, input) => handover.importBundle(ctx, input) };
}
