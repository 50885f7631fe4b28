import { value, type typed } from './backend.js';

type Call = ReturnType<typeof typed>;

/** The requester signed in through Mijn Alliantie: identity established, as a decision needs. */
export async function establishIdentity(call: Call, caseId: string, handlerToken: string): Promise<void> {
  value(await call('identity.record', { caseId, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'geverifieerd' }, handlerToken));
}

/** From wherever the case is to "besluit in concept", through "in behandeling" when needed. */
export async function toDecision(call: Call, caseId: string, handlerToken: string): Promise<void> {
  const status = value(await call('case.get', { id: caseId }, handlerToken)).status;
  if (status !== 'in_behandeling' && status !== 'derden_horen') value(await call('case.transition', { id: caseId, to: 'in_behandeling' }, handlerToken));
  value(await call('case.transition', { id: caseId, to: 'besluit_in_concept' }, handlerToken));
}
