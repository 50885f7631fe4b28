import type { z } from 'zod';
import type { queueQuerySchema, queueSchema, QueueRow } from '../../shared/cases/case-schemas.js';
import { CASE_STATUSES, dutchToday, isAwaitingDecision, isClosed, type CaseStatus } from '../../shared/cases/cases.js';
import { addDays, weekday } from '../../shared/deadlines/dates.js';
import { urgency, workingDaysLeft } from '../../shared/deadlines/deadlines.js';
import { toFtsQuery } from '../../shared/cases/search.js';
import type { CallContext } from '../platform/call-context.js';
import type { OpenStore } from '../platform/encrypted-db.js';
import type { Vault } from '../platform/vault.js';
import { caseAccessCondition } from '../../db/local/cases/access-sql.js';
import { canSeeContent, mayOnSome } from '../../shared/cases/access.js';

type Query = z.output<typeof queueQuerySchema>;
type Queue = z.output<typeof queueSchema>;
type Sqlite = OpenStore['sqlite'];

interface RawRow {
  id: string;
  reference: string;
  type: QueueRow['type'];
  status: CaseStatus;
  received_on: string;
  requester_name: string;
  customer_number: string | null;
  handler_id: string | null;
  handler_name: string | null;
  due_on: string;
  suspended_since: string | null;
}

const AWAITING = CASE_STATUSES.filter(isAwaitingDecision);
const CLOSED = CASE_STATUSES.filter(isClosed);
const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/** Sunday of the week of `today` (weeks run Monday to Sunday in the Netherlands). */
function endOfWeek(today: string): string {
  return addDays(today, (7 - weekday(today)) % 7);
}

/** The same counters from rows already fetched without filters. */
function countRows(rows: readonly QueueRow[], today: string, weekEnd: string): Queue['counts'] {
  let dueThisWeek = 0;
  let overdue = 0;
  for (const r of rows) {
    if (r.urgency === 'none') continue;
    if (r.dueOn < today) overdue += 1;
    else if (r.dueOn <= weekEnd) dueThisWeek += 1;
  }
  return { open: rows.length, dueThisWeek, overdue };
}

/**
 * The work queue: the cases a staff member may see, filtered, searched and sorted, with the
 * counters on top. Intake sees every case but no content; a handler sees their own cases with
 * content and the unassigned ones without; the dpo sees all with content.
 */
export class QueueService {
  private prepared: { sqlite: Sqlite; bySql: Map<string, ReturnType<Sqlite['prepare']>> } | null = null;
  private deadlines: { today: string; byDue: Map<string, { left: number; urgency: QueueRow['urgency'] }> } = { today: '', byDue: new Map() };

  constructor(private readonly vault: Vault) {}

  /**
   * The counters over every case the user may see, whatever the filters. Each is an index search
   * (cases_queue) or SQLite's quick count of a whole table: open is all minus closed, because
   * `NOT IN` cannot search an index and would test every case, at ten times the cost.
   */
  private counts(visibility: string, me: string, today: string): Queue['counts'] {
    const running = `c.status IN (${inList(AWAITING)}) AND c.suspended_since IS NULL`;
    return this.statement(
      `SELECT (SELECT count(*) FROM cases c WHERE ${visibility}) - (SELECT count(*) FROM cases c WHERE ${visibility} AND c.status IN (${inList(CLOSED)})) AS open,
              (SELECT count(*) FROM cases c WHERE ${visibility} AND ${running} AND c.due_on BETWEEN @today AND @weekEnd) AS dueThisWeek,
              (SELECT count(*) FROM cases c WHERE ${visibility} AND ${running} AND c.due_on < @today) AS overdue`,
    ).get({ me, today, weekEnd: endOfWeek(today) }) as Queue['counts'];
  }

  /**
   * Statements prepared once per open store: the queue asks the same few shapes again and again,
   * and preparing costs about as much as running them. Values are bound, never in the text, so
   * the number of shapes is bounded by the filter combinations.
   */
  private statement(sql: string): ReturnType<Sqlite['prepare']> {
    const sqlite = this.vault.open.sqlite;
    if (this.prepared?.sqlite !== sqlite) this.prepared = { sqlite, bySql: new Map() };
    let statement = this.prepared.bySql.get(sql);
    if (!statement) {
      // Many checkbox combinations are possible; keep only the recent shapes.
      if (this.prepared.bySql.size >= 64) this.prepared.bySql.clear();
      statement = sqlite.prepare(sql);
      this.prepared.bySql.set(sql, statement);
    }
    return statement;
  }

  /** Days left and urgency per due date, for the day they were computed on. */
  private deadlineOf(today: string, due: string): { left: number; urgency: QueueRow['urgency'] } {
    if (this.deadlines.today !== today) this.deadlines = { today, byDue: new Map() };
    let d = this.deadlines.byDue.get(due);
    if (!d) {
      const left = workingDaysLeft(today, due);
      this.deadlines.byDue.set(due, (d = { left, urgency: urgency(today, due, left) }));
    }
    return d;
  }

  list(ctx: CallContext, query: Query): Queue {
    const session = ctx.requireSession();
    const today = dutchToday(ctx.now);
    const params: Record<string, string | number> = { me: session.staffId, today };

    const visibility = caseAccessCondition(session.roles, 'seeInQueue');
    const where = [visibility];
    if (!query.includeClosed) where.push(`c.status NOT IN (${inList(CLOSED)})`);
    if (query.types?.length) where.push(`c.type IN (${inList(query.types)})`);
    if (query.statuses?.length) where.push(`c.status IN (${inList(query.statuses)})`);
    if (query.handler === 'none') where.push('c.handler_id IS NULL');
    else if (query.handler) {
      where.push('c.handler_id = @handler');
      params.handler = query.handler;
    }
    if (query.due) {
      where.push(`c.status IN (${inList(AWAITING)}) AND c.suspended_since IS NULL`);
      if (query.due === 'overdue') where.push('c.due_on < @today');
      else {
        where.push('c.due_on BETWEEN @today AND @weekEnd');
        params.weekEnd = endOfWeek(today);
      }
    }
    const fts = toFtsQuery(query.search ?? '');
    if (fts) {
      // Names only match where the user may see the content; reference and customer number everywhere.
      params.fts = fts;
      params.ftsRef = `{reference customer_number} : (${fts})`;
      const byRef = 'c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH @ftsRef)';
      const byAll = 'c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH @fts)';
      // The full index covers reference and customer number too: with all content visible (dpo) or
      // none (intake) one search does, and an OR of two would make SQLite run and merge both.
      const content = caseAccessCondition(session.roles, 'seeContent');
      if (content === '1') where.push(byAll);
      else if (content === '0') where.push(byRef);
      else where.push(`((${content} AND ${byAll}) OR ${byRef})`);
    }

    const rows = this.statement(
      `SELECT c.id, c.reference, c.type, c.status, c.received_on, c.requester_name, c.customer_number, c.handler_id,
                s.full_name AS handler_name, c.due_on, c.suspended_since
           FROM cases c LEFT JOIN staff s ON s.id = c.handler_id
          WHERE ${where.join(' AND ')}`,
    ).all(params) as RawRow[];

    const result: QueueRow[] = rows.map((r) => {
      const content = canSeeContent(session, { handlerId: r.handler_id });
      const running = isAwaitingDecision(r.status) && r.suspended_since === null;
      const deadline = this.deadlineOf(today, r.due_on);
      return {
        id: r.id,
        reference: r.reference,
        type: r.type,
        status: r.status,
        receivedOn: r.received_on,
        requesterName: content ? r.requester_name : null,
        customerNumber: content ? r.customer_number : null,
        handlerId: r.handler_id,
        handlerName: r.handler_name,
        dueOn: r.due_on,
        workingDaysLeft: deadline.left,
        urgency: running ? deadline.urgency : 'none',
      };
    });

    const key = query.sort;
    const dir = query.direction === 'asc' ? 1 : -1;
    // Names sort as Dutch readers expect; codes and ISO dates sort as plain strings (and fast).
    const compare = key === 'requesterName' || key === 'handlerName' ? collator.compare : (x: string, y: string) => (x < y ? -1 : 1);
    result.sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === y) return a.reference < b.reference ? -1 : 1;
      if (x === null) return 1; // empty values last, whatever the direction
      if (y === null) return -1;
      return dir * compare(x, y);
    });

    const unfiltered = !query.includeClosed && !query.types?.length && !query.statuses?.length && !query.handler && !query.due && !fts;
    const counts = unfiltered ? countRows(result, today, endOfWeek(today)) : this.counts(visibility, session.staffId, today);

    return { rows: result.slice(0, query.limit), total: result.length, counts, showsContent: mayOnSome(session, 'seeContent') };
  }
}
