import type { CaseService } from '../cases/cases.js';
import { assertCanSeeContent, loadCase } from '../cases/case-access.js';
import { getSecondChannel, setSecondChannel, verifyChange } from './change-verification.js';
import { readinessOf } from './decision-readiness.js';
import type { Vault } from '../platform/vault.js';
import type { Handlers } from '../platform/call-context.js';

type GateProcedures = 'case.readiness' | 'case.setRepresentative' | 'case.verifyChange' | 'settings.getSecondChannel' | 'settings.setSecondChannel';

/** The premises of a decision (shared/signing/decision-gates.ts), spread into createHandlers. */
export function createGateHandlers(vault: Vault, cases: CaseService): Pick<Handlers, GateProcedures> {
  return {
    'case.readiness': (ctx, input) => {
      const row = loadCase(vault.open.db, ctx, input.caseId);
      assertCanSeeContent(ctx.requireSession(), row);
      return readinessOf(vault.open.db, row);
    },
    'case.setRepresentative': (ctx, input) => cases.setRepresentative(ctx, input),
    'case.verifyChange': (ctx, input) => verifyChange(vault.open.db, ctx, input),
    'settings.getSecondChannel': () => getSecondChannel(vault.open.db),
    'settings.setSecondChannel': (ctx, input) => setSecondChannel(ctx, input),
  };
}
