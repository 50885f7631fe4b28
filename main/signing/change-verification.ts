import type { LocalDb } from '../../db/local/database.js';
import { updateCase } from '../../db/local/cases/repository.js';
import { writeSetting } from '../../db/local/settings/repository.js';
import { isAwaitingDecision, type Channel, type SecondChannelMethod, type SecondChannelOutcome } from '../../shared/cases/cases.js';
import type { CallContext } from '../platform/call-context.js';
import { assertAssignedHandler, loadCase } from '../cases/case-access.js';
import { changeVerificationOf, secondChannelChannels } from './decision-readiness.js';
import { DomainError } from '../platform/errors.js';

/**
 * §9: "Wijzigingen die u via de Website en/of Applicatie wilt doorvoeren, verifiëren we eerst via
 * een andere weg voordat deze daadwerkelijk doorgevoerd worden." The handler records how the
 * requester confirmed (or did not confirm) the change through a second channel; the decision
 * gates let a correction decision carry out a change only after a confirmation.
 */
export function verifyChange(db: LocalDb, ctx: CallContext, input: { caseId: string; method: SecondChannelMethod; outcome: SecondChannelOutcome }) {
  const session = ctx.requireSession();
  const row = loadCase(db, ctx, input.caseId);
  assertAssignedHandler(session, row);
  if (row.type !== 'correctie')
    throw new DomainError('CONFLICT', 'Alleen een correctieverzoek wijzigt gegevens; deze zaak vraagt geen verificatie via een tweede kanaal.');
  if (!isAwaitingDecision(row.status)) throw new DomainError('CONFLICT', 'Op deze zaak is al beslist.');
  if (row.status === 'ter_ondertekening') throw new DomainError('CONFLICT', 'Het besluit ligt ter ondertekening; laat het eerst terugsturen.');
  const updated = ctx.commit((tx) =>
    updateCase(tx, row.id, {
      changeVerificationMethod: input.method,
      changeVerificationOutcome: input.outcome,
      changeVerifiedBy: session.staffId,
      changeVerifiedAt: ctx.now.toISOString(),
      updatedAt: ctx.now.toISOString(),
    }),
  );
  const recorded = changeVerificationOf(db, updated);
  if (!recorded) throw new Error('change verification not stored');
  return recorded;
}

export function getSecondChannel(db: LocalDb): { channels: Channel[] } {
  return { channels: secondChannelChannels(db) };
}

/** Functioneel beheer marks which intake channels count as "via Mijn Alliantie" for §9. */
export function setSecondChannel(ctx: CallContext, input: { channels: Channel[] }): { channels: Channel[] } {
  ctx.setRecord('secondChannelChannels');
  const channels = [...new Set(input.channels)];
  ctx.commit((tx) => writeSetting(tx, 'secondChannelChannels', channels, ctx.now.toISOString()));
  return { channels };
}
