import { sql } from 'drizzle-orm';
import type { LocalDb } from '../../db/local/database.js';
import { handlerNames } from '../../db/local/cases/repository.js';
import { dutchToday, isClosed, type CaseStatus, type Channel } from '../../shared/cases/cases.js';
import { DECISION_KINDS } from '../../shared/letters/types.js';
import { computeReport, type Report, type ReportCase } from '../../shared/reports/reports.js';
import type { RequestType } from '../../shared/cases/request-types.js';
import type { CallContext } from '../platform/call-context.js';

interface RawReportRow {
  reference: string;
  type: RequestType;
  channel: Channel;
  received_on: string;
  due_on: string;
  extension_months: number;
  status: CaseStatus;
  handler_id: string | null;
  closed_at: string | null;
  decision_sent: string | null;
  outcome: string | null;
  third_parties: number;
  redacted: number;
}

/**
 * The rows a report is computed from, one per case received up to the end of the period. Counts
 * of a shredded case come from what was kept at shredding (its third parties and redacted
 * versions are gone by then).
 */
export function reportRows(db: LocalDb, to: string): ReportCase[] {
  const kinds = sql.join(
    DECISION_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  const raw = db.all<RawReportRow>(sql`
    SELECT c.reference, c.type, c.channel, c.received_on, c.due_on, c.extension_months, c.status, c.handler_id, r.closed_at,
           (SELECT min(l.sent_on) FROM letters l WHERE l.case_id = c.id AND l.kind IN (${kinds})) AS decision_sent,
           (SELECT d.outcome FROM decisions d WHERE d.case_id = c.id ORDER BY d.created_at DESC LIMIT 1) AS outcome,
           coalesce(r.third_parties_heard, (SELECT count(*) FROM third_parties t WHERE t.case_id = c.id AND t.hearing_status IN ('toestemming', 'geen_toestemming'))) AS third_parties,
           coalesce(r.redacted_documents, (SELECT count(DISTINCT v.document_id) FROM redacted_versions v JOIN documents d ON d.id = v.document_id WHERE d.case_id = c.id)) AS redacted
      FROM cases c LEFT JOIN case_retention r ON r.case_id = c.id
     WHERE c.received_on <= ${to}`);
  const names = handlerNames(db);
  return raw.map((r) => {
    const closedOn = r.closed_at ? dutchToday(new Date(r.closed_at)) : null;
    const closed = isClosed(r.status);
    return {
      reference: r.reference,
      type: r.type,
      channel: r.channel,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      extensionMonths: r.extension_months,
      status: r.status,
      completedOn: r.decision_sent ?? (closed ? closedOn : null),
      outcome: r.outcome ?? (closed ? r.status : null),
      thirdPartiesHeard: r.third_parties,
      redactedDocuments: r.redacted,
      handlerName: r.handler_id ? (names.get(r.handler_id) ?? null) : null,
    };
  });
}

/** The dpo gets the figures with the cases behind them; the auditor only the figures. */
export function buildReport(db: LocalDb, ctx: CallContext, input: { from: string; to: string }): Report {
  const session = ctx.requireSession();
  ctx.setRecord(null);
  return computeReport(reportRows(db, input.to), { from: input.from, to: input.to, today: dutchToday(ctx.now) }, session.roles.includes('dpo'));
}
