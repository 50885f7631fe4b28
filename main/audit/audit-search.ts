import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { LocalDb } from '../../db/local/database.js';
import { caseIdByReference, referencesOf } from '../../db/local/retention/repository.js';
import { auditEvents } from '../../db/local/schema.js';
import { contract, PROCEDURE_NAMES } from '../../shared/api/contract.js';
import type { AuditCategory, AuditEntry, AuditFilter, CaseReads } from '../../shared/retention/retention-contract.js';
import { dutchToday } from '../../shared/cases/cases.js';
import { procedureLabel } from '../../shared/audit/labels.js';
import { toCsv } from '../../shared/reports/csv.js';
import { addDays } from '../../shared/deadlines/dates.js';
import { ROLE_LABELS } from '../../shared/staff/roles.js';
import { present as presentEvents } from './audit-view.js';
import { DomainError } from '../platform/errors.js';

/**
 * The audit view: filtered browsing, "wie heeft dit dossier ingezien", CSV export. Reading
 * personal data is every successful call of a procedure the contract marks as a read of a case
 * (case.get, dossier.pdf, identity.viewCopy …) with the case it opened; those show as "ingezien".
 * Requester names are never in audit events, so the auditor cannot see them here; case
 * references are shown (a reference is a pseudonym the auditor cannot resolve: they cannot open
 * cases), which is what "who viewed case AVG-2026-0042" needs.
 */
export const READ_CASE_PROCEDURES: readonly string[] = PROCEDURE_NAMES.filter((p) => contract[p].audit === 'read' && contract[p].record === 'case');
/** Changes: audited writes, and the retention work the system or the dpo does on a case. */
export const CHANGE_PROCEDURES: readonly string[] = [
  ...PROCEDURE_NAMES.filter((p) => contract[p].audit === 'write'),
  'retention.shred',
  'retention.destroy',
  'retention.destroyLetters',
  'retention.scheduled',
  'handover.confirm',
];

export const AUDIT_CATEGORY_LABELS: Readonly<Record<AuditCategory, string>> = {
  ingezien: 'Ingezien',
  gewijzigd: 'Gewijzigd',
  geweigerd: 'Geweigerd',
  fout: 'Fout',
  overig: 'Overig',
};

export function categoryOf(event: { procedure: string; outcome: string; recordType: string | null; recordId: string | null }): AuditCategory {
  if (event.outcome === 'denied') return 'geweigerd';
  if (event.outcome === 'error') return 'fout';
  if (READ_CASE_PROCEDURES.includes(event.procedure) && event.recordId !== null) return 'ingezien';
  if (CHANGE_PROCEDURES.includes(event.procedure)) return 'gewijzigd';
  return 'overig';
}

/** The instant a Dutch calendar day begins (Amsterdam is UTC+1 in winter, UTC+2 in summer). */
export function startOfDutchDay(date: string): string {
  const midnight = new Date(`${date}T00:00:00Z`).getTime();
  const summer = new Date(midnight - 2 * 3_600_000);
  return (dutchToday(summer) === date ? summer : new Date(midnight - 3_600_000)).toISOString();
}

function categoryCondition(category: AuditCategory): SQL | undefined {
  const t = auditEvents;
  switch (category) {
    case 'geweigerd':
      return eq(t.outcome, 'denied');
    case 'fout':
      return eq(t.outcome, 'error');
    case 'ingezien':
      return and(eq(t.outcome, 'ok'), inArray(t.procedure, [...READ_CASE_PROCEDURES]), isNotNull(t.recordId));
    case 'gewijzigd':
      return and(eq(t.outcome, 'ok'), inArray(t.procedure, [...CHANGE_PROCEDURES]));
    case 'overig':
      return and(
        eq(t.outcome, 'ok'),
        notInArray(t.procedure, [...CHANGE_PROCEDURES]),
        or(notInArray(t.procedure, [...READ_CASE_PROCEDURES]), isNull(t.recordId)),
      );
  }
}

/** The SQL conditions of a filter; null when it names a case that never existed (nothing matches). */
function conditions(db: LocalDb, filter: AuditFilter, beforeSeq?: number): SQL[] | null {
  const t = auditEvents;
  const where: (SQL | undefined)[] = [];
  if (filter.staffId) where.push(eq(t.actorId, filter.staffId));
  if (filter.caseReference) {
    const caseId = caseIdByReference(db, filter.caseReference);
    if (!caseId) return null;
    where.push(and(eq(t.recordType, 'case'), eq(t.recordId, caseId)));
  }
  if (filter.procedure) where.push(eq(t.procedure, filter.procedure));
  if (filter.category) where.push(categoryCondition(filter.category));
  if (filter.from) where.push(gte(t.at, startOfDutchDay(filter.from)));
  if (filter.to) where.push(lt(t.at, startOfDutchDay(addDays(filter.to, 1))));
  if (beforeSeq !== undefined) where.push(lt(t.seq, beforeSeq));
  return where.filter((w): w is SQL => w !== undefined);
}

/** The audit view's events with what this view adds: the kind of event and the case's reference. */
function present(db: LocalDb, rows: (typeof auditEvents.$inferSelect)[]): AuditEntry[] {
  const references = rows.some((r) => r.recordType === 'case') ? referencesOf(db) : new Map<string, string>();
  return presentEvents(db, rows).map((event) => ({
    ...event,
    category: categoryOf(event),
    caseReference: event.recordType === 'case' && event.recordId ? (references.get(event.recordId) ?? null) : null,
  }));
}

function query(db: LocalDb, filter: AuditFilter, limit: number, beforeSeq?: number): AuditEntry[] {
  if (filter.from && filter.to && filter.from > filter.to) throw new DomainError('VALIDATION', 'De begindatum ligt na de einddatum.');
  const where = conditions(db, filter, beforeSeq);
  if (where === null) return [];
  const rows = db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(limit)
    .all();
  return present(db, rows);
}

/** Newest first, filtered, a page at a time (`beforeSeq` of the last event shown). */
export function searchAuditEvents(db: LocalDb, input: { filter: AuditFilter; beforeSeq?: number | undefined; limit: number }): AuditEntry[] {
  return query(db, input.filter, input.limit, input.beforeSeq);
}

/** "Wie heeft dit dossier ingezien": every read of the case, and per staff member how often and when. */
export function caseReads(db: LocalDb, caseReference: string): CaseReads {
  if (!caseIdByReference(db, caseReference)) throw new DomainError('NOT_FOUND', `Zaak ${caseReference} bestaat niet (meer) op deze computer.`);
  const reads = query(db, { caseReference, category: 'ingezien' }, 10_000);
  const byStaff = new Map<string, CaseReads['byStaff'][number]>();
  for (const read of reads) {
    const key = read.actorId ?? '';
    const entry = byStaff.get(key);
    if (!entry) byStaff.set(key, { actorId: read.actorId, actorName: read.actorName, count: 1, firstAt: read.at, lastAt: read.at });
    else {
      entry.count += 1;
      if (read.at < entry.firstAt) entry.firstAt = read.at;
      if (read.at > entry.lastAt) entry.lastAt = read.at;
    }
  }
  return { caseReference, byStaff: [...byStaff.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt)), reads };
}

const EXPORT_LIMIT = 50_000;
const OUTCOME_LABELS = { ok: 'Gelukt', denied: 'Geweigerd', error: 'Fout' } as const;
const amsterdam = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The filtered events as CSV (Dutch headers, Dutch local time), newest first. */
export function exportAuditEvents(db: LocalDb, filter: AuditFilter): { csv: string; count: number; truncated: boolean } {
  const rows = query(db, filter, EXPORT_LIMIT + 1);
  const truncated = rows.length > EXPORT_LIMIT;
  const shown = rows.slice(0, EXPORT_LIMIT);
  const csv = toCsv(
    ['Volgnummer', 'Tijdstip', 'Medewerker', 'Functies', 'Handeling', 'Soort', 'Zaaknummer', 'Record', 'Uitkomst'],
    shown.map((e) => [
      e.seq,
      amsterdam.format(new Date(e.at)),
      e.actorName ?? '',
      e.roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join(', '),
      procedureLabel(e.procedure),
      AUDIT_CATEGORY_LABELS[e.category],
      e.caseReference ?? '',
      e.recordType === 'case' ? '' : [e.recordType, e.recordId].filter(Boolean).join(' '),
      OUTCOME_LABELS[e.outcome],
    ]),
  );
  return { csv, count: shown.length, truncated };
}
