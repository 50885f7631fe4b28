import type { CaseService } from '../services/cases.js';
import { assertCanSeeContent, loadCase } from '../services/case-access.js';
import { getSecondChannel, setSecondChannel, verifyChange } from '../services/change-verification.js';
import { readinessOf } from '../services/decision-readiness.js';
import type { Vault } from '../store/vault.js';
import type { Handlers } from './context.js';

type GateProcedures = 'case.readiness' | 'case.setRepresentative' | 'case.verifyChange' | 'settings.getSecondChannel' | 'settings.setSecondChannel';

/** The premises of a decision (shared/domain/decision-gates.ts), spread into createHandlers. */
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
