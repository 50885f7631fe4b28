import { sql } from 'drizzle-orm';
import { caseAccessCondition } from '../../db/local/cases/access-sql.js';
import { findCase } from '../../db/local/cases/repository.js';
import { lettersWithStatus } from '../../db/local/letters/repository.js';
import { refusedByCase } from '../../db/local/sync/outbox.js';
import { openDestructionList } from '../../db/local/retention/repository.js';
import type { MyWork } from '../../shared/work/work-contract.js';
import { CASE_STATUSES, dutchToday, isAwaitingDecision } from '../../shared/cases/cases.js';
import { addDays, weekday } from '../../shared/deadlines/dates.js';
import type { RequestType } from '../../shared/cases/request-types.js';
import { urgency, workingDaysLeft } from '../../shared/deadlines/deadlines.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { possibleDuplicates, type OpenRequest } from '../../shared/work/duplicates.js';
import type { SessionInfo } from '../staff/sessions.js';
import { readinessOf } from '../signing/decision-readiness.js';
import { summaryOf } from '../letters/letter-input.js';

const AWAITING = CASE_STATUSES.filter(isAwaitingDecision)
  .map((s) => `'${s}'`)
  .join(', ');

interface OpenCaseRow {
  id: string;
  reference: string;
  type: RequestType;
  received_on: string;
  due_on: string;
  suspended_since: string | null;
  handler_name: string | null;
}

/** Sunday of the week of `today` (weeks run Monday to Sunday in the Netherlands). */
function endOfWeek(today: string): string {
  return addDays(today, (7 - weekday(today)) % 7);
}

/**
 * "Mijn werk": per function the caller holds, what waits for them. The handler's cases carry the
 * same next step as the case's Overzicht (readinessOf), so the two never disagree.
 */
export class MyWorkService {
  constructor(private readonly vault: Vault) {}

  mine(ctx: CallContext): MyWork {
    const session = ctx.requireSession();
    ctx.setRecord(null);
    const roles = new Set(session.roles);
    const today = dutchToday(ctx.now);
    return {
      today,
      handler: roles.has('handler') ? { cases: this.handlerCases(session, today) } : null,
      signer: roles.has('signer')
        ? { letters: lettersWithStatus(this.vault.open.db, 'ter_ondertekening').map((l) => summaryOf(this.vault.open.db, l, session.staffId, true)) }
        : null,
      dpo: roles.has('dpo') ? this.dpo(today) : null,
      intake: roles.has('intake')
        ? {
            unassigned: this.openCases('c.handler_id IS NULL', today).map((r) => ({ ...this.line(r, today), receivedOn: r.received_on })),
            possibleDuplicates: this.possibleDuplicates(),
          }
        : null,
    };
  }

  /** Among all open requests: the same person asking twice is one request for intake to merge or refer. */
  private possibleDuplicates(): NonNullable<MyWork['intake']>['possibleDuplicates'] {
    const rows = this.vault.open.sqlite
      .prepare(`SELECT reference, requester_name AS name, requester_email AS email, requester_address AS address FROM cases WHERE status IN (${AWAITING})`)
      .all() as OpenRequest[];
    return possibleDuplicates(rows);
  }

  private openCases(where: string, today: string, params: Record<string, string> = {}): OpenCaseRow[] {
    return this.vault.open.sqlite
      .prepare(
        `SELECT c.id, c.reference, c.type, c.received_on, c.due_on, c.suspended_since, s.full_name AS handler_name
           FROM cases c LEFT JOIN staff s ON s.id = c.handler_id
          WHERE c.status IN (${AWAITING}) AND ${where}
          ORDER BY c.due_on, c.reference`,
      )
      .all({ today, ...params }) as OpenCaseRow[];
  }

  private line(r: OpenCaseRow, today: string) {
    return { id: r.id, reference: r.reference, type: r.type, dueOn: r.due_on, ...this.deadline(r, today), handlerName: r.handler_name };
  }

  /** As the queue shows it: a suspended term has no urgency. */
  private deadline(r: OpenCaseRow, today: string) {
    const left = workingDaysLeft(today, r.due_on);
    return { workingDaysLeft: left, urgency: r.suspended_since === null ? urgency(today, r.due_on, left) : ('none' as const) };
  }

  /** The cases the caller works on, by the same rule the services check (shared/cases/access.ts). */
  private handlerCases(session: Pick<SessionInfo, 'staffId' | 'roles'>, today: string): NonNullable<MyWork['handler']>['cases'] {
    const db = this.vault.open.db;
    const weekEnd = endOfWeek(today);
    return this.openCases(caseAccessCondition(session.roles, 'work'), today, { me: session.staffId }).flatMap((r) => {
      const row = findCase(db, r.id);
      if (!row) return [];
      const running = r.suspended_since === null;
      return [
        {
          id: r.id,
          reference: r.reference,
          type: r.type,
          status: row.status,
          requesterName: row.requesterName,
          dueOn: r.due_on,
          ...this.deadline(r, today),
          overdue: running && r.due_on < today,
          dueThisWeek: running && r.due_on >= today && r.due_on <= weekEnd,
          nextStep: readinessOf(db, row).nextStep,
        },
      ];
    });
  }

  private dpo(today: string): NonNullable<MyWork['dpo']> {
    const db = this.vault.open.db;
    const list = openDestructionList(db);
    const items = list
      ? (db.get<{ n: number }>(sql`SELECT count(*) AS n FROM destruction_list_items WHERE list_id = ${list.id} AND removed_at IS NULL`)?.n ?? 0)
      : 0;
    const holds = db.all<{ caseId: string; reference: string; kind: string; reason: string; placedAt: string }>(sql`
      SELECT h.case_id AS caseId, c.reference AS reference, h.kind AS kind, h.reason AS reason, h.placed_at AS placedAt
        FROM legal_holds h JOIN cases c ON c.id = h.case_id
       WHERE h.lifted_at IS NULL
       ORDER BY h.placed_at`);
    return {
      overdue: this.openCases('c.suspended_since IS NULL AND c.due_on < @today', today).map((r) => this.line(r, today)),
      refusedSync: refusedByCase(db),
      destructionList: list ? { proposedAt: list.proposedAt, items } : null,
      holds,
    };
  }
}
