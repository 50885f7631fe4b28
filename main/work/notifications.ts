import { CASE_STATUSES, dutchToday, isAwaitingDecision } from '../../shared/cases/cases.js';
import { formatDutchDate } from '../../shared/deadlines/dates.js';
import { workingDaysLeft } from '../../shared/deadlines/deadlines.js';
import { LETTER_KIND_LABELS, type LetterKind } from '../../shared/letters/types.js';
import type { NotificationView } from '../../shared/work/notification-contract.js';
import { caseAccessCondition } from '../../db/local/cases/access-sql.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';

/** How far back the bell looks, and how many it shows. */
const WINDOW_DAYS = 30;
const LIMIT = 50;
/** A term this close (working days) is announced. */
const DEADLINE_WORKING_DAYS = 5;

const AWAITING = CASE_STATUSES.filter(isAwaitingDecision)
  .map((s) => `'${s}'`)
  .join(', ');

interface LetterEvent {
  id: string;
  case_id: string;
  reference: string;
  kind: LetterKind;
  at: string;
}

/**
 * The caller's notifications, newest first: for a signer the letters put before them; for a
 * handler their letters signed or sent back, the cases assigned to them by someone else, and the
 * terms of their open cases that end within five working days.
 */
export class NotificationService {
  constructor(private readonly vault: Vault) {}

  mine(ctx: CallContext): NotificationView[] {
    const session = ctx.requireSession();
    const sqlite = this.vault.open.sqlite;
    const since = new Date(ctx.now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
    const me = session.staffId;
    const out: NotificationView[] = [];
    const letters = (where: string, at: string) =>
      sqlite
        .prepare(
          `SELECT l.id, l.case_id, c.reference, l.kind, ${at} AS at
             FROM letters l JOIN cases c ON c.id = l.case_id
            WHERE ${where} AND ${at} >= @since ORDER BY ${at} DESC LIMIT ${LIMIT}`,
        )
        .all({ me, since }) as LetterEvent[];

    if (session.roles.includes('signer')) {
      // Four-eyes: a letter one wrote or edited is not put before oneself.
      for (const l of letters(
        `l.status = 'ter_ondertekening' AND l.drafted_by != @me AND NOT EXISTS (SELECT 1 FROM json_each(l.author_ids) WHERE value = @me)`,
        'l.submitted_at',
      )) {
        out.push({
          id: `submitted-${l.id}-${l.at}`,
          kind: 'ter_ondertekening',
          at: l.at,
          caseId: l.case_id,
          caseReference: l.reference,
          text: `${LETTER_KIND_LABELS[l.kind]} (${l.reference}) wacht op uw handtekening.`,
        });
      }
    }
    // The cases one works on, by the rule the services check (shared/cases/access.ts).
    const mine = caseAccessCondition(session.roles, 'work');
    if (mine !== '0') {
      for (const l of letters(`${mine} AND l.status = 'ondertekend'`, 'l.signed_at')) {
        out.push({
          id: `signed-${l.id}`,
          kind: 'ondertekend',
          at: l.at,
          caseId: l.case_id,
          caseReference: l.reference,
          text: `${LETTER_KIND_LABELS[l.kind]} (${l.reference}) is ondertekend en kan worden verzonden.`,
        });
      }
      for (const l of letters(`${mine} AND l.status = 'concept' AND l.returned_by IS NOT NULL`, 'l.updated_at')) {
        out.push({
          id: `returned-${l.id}-${l.at}`,
          kind: 'teruggestuurd',
          at: l.at,
          caseId: l.case_id,
          caseReference: l.reference,
          text: `${LETTER_KIND_LABELS[l.kind]} (${l.reference}) is teruggestuurd door de tekenbevoegde.`,
        });
      }
      // The last assignment of each of one's cases (its registration with a handler, or a case.assign) by someone else.
      const assigned = sqlite
        .prepare(
          `SELECT c.id, c.reference, e.at
             FROM cases c JOIN audit_events e ON e.seq = (
                  SELECT max(x.seq) FROM audit_events x
                   WHERE x.record_id = c.id AND x.procedure IN ('case.assign', 'case.create') AND x.outcome = 'ok')
            WHERE ${mine} AND c.status IN (${AWAITING}) AND (e.actor_id IS NULL OR e.actor_id != @me) AND e.at >= @since
            ORDER BY e.at DESC LIMIT ${LIMIT}`,
        )
        .all({ me, since }) as { id: string; reference: string; at: string }[];
      for (const c of assigned)
        out.push({
          id: `assigned-${c.id}-${c.at}`,
          kind: 'toegewezen',
          at: c.at,
          caseId: c.id,
          caseReference: c.reference,
          text: `Zaak ${c.reference} is aan u toegewezen.`,
        });

      const today = dutchToday(ctx.now);
      const open = sqlite
        .prepare(
          `SELECT c.id, c.reference, c.due_on FROM cases c WHERE ${mine} AND c.status IN (${AWAITING}) AND c.suspended_since IS NULL AND c.due_on >= @today ORDER BY c.due_on`,
        )
        .all({ me, today }) as { id: string; reference: string; due_on: string }[];
      // Announced once a day: the notification is "new" from the start of today.
      const startOfToday = new Date(`${today}T00:00:00Z`).toISOString();
      for (const c of open) {
        const left = workingDaysLeft(today, c.due_on);
        if (left > DEADLINE_WORKING_DAYS) break;
        const when = left === 0 ? 'vandaag' : left === 1 ? 'binnen 1 werkdag' : `binnen ${left} werkdagen`;
        out.push({
          id: `deadline-${c.id}-${today}`,
          kind: 'termijn',
          at: startOfToday,
          caseId: c.id,
          caseReference: c.reference,
          text: `De termijn van ${c.reference} loopt ${when} af (${formatDutchDate(c.due_on)}).`,
        });
      }
    }
    return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, LIMIT);
  }
}
