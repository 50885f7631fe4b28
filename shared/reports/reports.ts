import { CHANNEL_LABELS, CHANNELS, isAwaitingDecision, REQUEST_TYPE_LABELS, type CaseStatus, type Channel } from '../cases/cases.js';
import { toCsv } from './csv.js';
import { addDays, addMonths, type IsoDate } from '../deadlines/dates.js';
import { workingDaysLeft } from '../deadlines/deadlines.js';
import { REQUEST_TYPES, type RequestType } from '../cases/request-types.js';

/**
 * The privacy team's figures per period, computed from plain rows (pure; the store supplies the
 * rows). Two populations, both named on the screen:
 * - received in the period: requests by type and channel, extensions used, overdue now (still
 *   open today and past the due date);
 * - completed in the period (the decision letter was sent, or the case closed without one):
 *   outcomes, on time (completed on or before the due date, extension included), handling time in
 *   working days from receipt to completion (Saturdays, Sundays and the holidays of the deadline
 *   engine do not count), third parties heard (a view was received: consent or no consent) and
 *   documents redacted.
 * Median: the middle value, or the mean of the two middle values. 90th percentile: nearest rank
 * (the smallest value with at least 90 % of the values at or below it).
 */
export interface ReportCase {
  reference: string;
  type: RequestType;
  channel: Channel;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  extensionMonths: number;
  status: CaseStatus;
  /** The day the first decision letter was sent; for a case closed without one, the closing day. */
  completedOn: IsoDate | null;
  /** The recorded decision (toegewezen, deels …) or, without one, the closing status. */
  outcome: string | null;
  thirdPartiesHeard: number;
  redactedDocuments: number;
  handlerName: string | null;
}

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  toegewezen: 'Toegewezen',
  deels: 'Deels toegewezen',
  afgewezen: 'Afgewezen',
  gegrond: 'Klacht gegrond',
  deels_gegrond: 'Klacht deels gegrond',
  ongegrond: 'Klacht ongegrond',
  afgewezen_kennelijk_ongegrond: 'Afgewezen: kennelijk ongegrond',
  afgewezen_buitensporig: 'Afgewezen: buitensporig',
  kennelijk_ongegrond: 'Kennelijk ongegrond of buitensporig',
  ingetrokken: 'Ingetrokken',
  niet_ontvankelijk: 'Niet-ontvankelijk',
  afgesloten: 'Afgesloten zonder besluit',
};

export const outcomeLabel = (outcome: string): string => OUTCOME_LABELS[outcome] ?? outcome;

export interface CaseFigures {
  reference: string;
  type: RequestType;
  channel: Channel;
  receivedOn: IsoDate;
  dueOn: IsoDate;
  completedOn: IsoDate | null;
  workingDays: number | null;
  onTime: boolean | null;
  outcome: string | null;
  extended: boolean;
  handlerName: string | null;
}

export interface Report {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  received: { total: number; byType: Record<RequestType, number>; byChannel: Record<Channel, number>; extensionsUsed: number; overdueNow: number };
  completed: {
    total: number;
    byOutcome: { outcome: string; label: string; count: number }[];
    onTime: number;
    late: number;
    onTimePercentage: number | null;
    medianWorkingDays: number | null;
    p90WorkingDays: number | null;
    thirdPartiesHeard: number;
    redactedDocuments: number;
  };
  byMonth: { month: string; received: number; completedOnTime: number; completedLate: number }[];
  /** Case by case, with references: only for whoever may see them (the dpo), otherwise null. */
  cases: CaseFigures[] | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Working days from receipt to completion: a case decided the day it came in took 0. */
export function handlingWorkingDays(receivedOn: IsoDate, completedOn: IsoDate): number {
  return completedOn <= receivedOn ? 0 : workingDaysLeft(receivedOn, completedOn);
}

const within = (date: IsoDate | null, from: IsoDate, to: IsoDate): date is IsoDate => date !== null && date >= from && date <= to;
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function monthsOf(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  return months;
}

export function computeReport(rows: readonly ReportCase[], period: { from: IsoDate; to: IsoDate; today: IsoDate }, withCases: boolean): Report {
  const { from, to, today } = period;
  const received = rows.filter((r) => within(r.receivedOn, from, to));
  const completed = rows.filter((r) => within(r.completedOn, from, to));
  const byType = zeros(REQUEST_TYPES);
  const byChannel = zeros(CHANNELS);
  for (const r of received) {
    byType[r.type] += 1;
    byChannel[r.channel] += 1;
  }
  const outcomes = new Map<string, number>();
  const days: number[] = [];
  let onTime = 0;
  for (const r of completed) {
    const outcome = r.outcome ?? 'afgesloten';
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    days.push(handlingWorkingDays(r.receivedOn, r.completedOn as IsoDate));
    if ((r.completedOn as IsoDate) <= r.dueOn) onTime += 1;
  }
  const byMonth = monthsOf(from, to).map((month) => ({
    month,
    received: received.filter((r) => r.receivedOn.startsWith(month)).length,
    completedOnTime: completed.filter((r) => r.completedOn?.startsWith(month) && r.completedOn <= r.dueOn).length,
    completedLate: completed.filter((r) => r.completedOn?.startsWith(month) && r.completedOn > r.dueOn).length,
  }));
  const cases = withCases
    ? [...new Set([...received, ...completed])]
        .sort((a, b) => a.reference.localeCompare(b.reference))
        .map((r) => ({
          reference: r.reference,
          type: r.type,
          channel: r.channel,
          receivedOn: r.receivedOn,
          dueOn: r.dueOn,
          completedOn: r.completedOn,
          workingDays: r.completedOn ? handlingWorkingDays(r.receivedOn, r.completedOn) : null,
          onTime: r.completedOn ? r.completedOn <= r.dueOn : null,
          outcome: r.outcome,
          extended: r.extensionMonths > 0,
          handlerName: r.handlerName,
        }))
    : null;
  return {
    from,
    to,
    today,
    received: {
      total: received.length,
      byType,
      byChannel,
      extensionsUsed: received.filter((r) => r.extensionMonths > 0).length,
      overdueNow: received.filter((r) => isAwaitingDecision(r.status) && today > r.dueOn).length,
    },
    completed: {
      total: completed.length,
      byOutcome: [...outcomes.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([outcome, count]) => ({ outcome, label: outcomeLabel(outcome), count })),
      onTime,
      late: completed.length - onTime,
      onTimePercentage: completed.length === 0 ? null : Math.round((onTime / completed.length) * 1000) / 10,
      medianWorkingDays: median(days),
      p90WorkingDays: percentile(days, 90),
      thirdPartiesHeard: completed.reduce((n, r) => n + r.thirdPartiesHeard, 0),
      redactedDocuments: completed.reduce((n, r) => n + r.redactedDocuments, 0),
    },
    byMonth,
    cases,
  };
}

export const PERIOD_KINDS = ['maand', 'kwartaal', 'jaar', 'anders'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The month, quarter or year that contains `date`. */
export function periodAround(kind: Exclude<PeriodKind, 'anders'>, date: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const first =
    kind === 'jaar' ? `${year}-01-01` : kind === 'kwartaal' ? `${year}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01` : `${date.slice(0, 7)}-01`;
  const months = kind === 'jaar' ? 12 : kind === 'kwartaal' ? 3 : 1;
  return { from: first, to: addDays(addMonths(first, months), -1) };
}

/** The report as CSV (Dutch headers): one line per figure. No references, no names. */
export function reportCsv(report: Report): string {
  const rows: (string | number | null)[][] = [
    ['Periode', 'Van', report.from],
    ['Periode', 'Tot en met', report.to],
    ['Ontvangen', 'Totaal', report.received.total],
    ...REQUEST_TYPES.map((t) => ['Soort verzoek', REQUEST_TYPE_LABELS[t], report.received.byType[t]]),
    ...CHANNELS.map((c) => ['Kanaal', CHANNEL_LABELS[c], report.received.byChannel[c]]),
    ['Ontvangen', 'Termijn verlengd', report.received.extensionsUsed],
    ['Ontvangen', 'Nu over de termijn', report.received.overdueNow],
    ['Afgehandeld', 'Totaal', report.completed.total],
    ...report.completed.byOutcome.map((o) => ['Uitkomst', o.label, o.count]),
    ['Afgehandeld', 'Op tijd', report.completed.onTime],
    ['Afgehandeld', 'Te laat', report.completed.late],
    ['Afgehandeld', 'Op tijd (%)', report.completed.onTimePercentage],
    ['Afgehandeld', 'Mediane behandelduur (werkdagen)', report.completed.medianWorkingDays],
    ['Afgehandeld', 'Behandelduur 90e percentiel (werkdagen)', report.completed.p90WorkingDays],
    ['Afgehandeld', 'Derden gehoord', report.completed.thirdPartiesHeard],
    ['Afgehandeld', 'Documenten gelakt', report.completed.redactedDocuments],
    ...report.byMonth.flatMap((m) => [
      ['Per maand: ontvangen', m.month, m.received],
      ['Per maand: op tijd afgehandeld', m.month, m.completedOnTime],
      ['Per maand: te laat afgehandeld', m.month, m.completedLate],
    ]),
  ];
  return toCsv(['Onderdeel', 'Omschrijving', 'Waarde'], rows);
}

/** The dpo's case list as CSV. */
export function reportCasesCsv(cases: readonly CaseFigures[]): string {
  return toCsv(
    ['Zaaknummer', 'Soort verzoek', 'Kanaal', 'Ontvangen', 'Uiterste datum', 'Afgehandeld', 'Werkdagen', 'Op tijd', 'Uitkomst', 'Verlengd', 'Behandelaar'],
    cases.map((c) => [
      c.reference,
      REQUEST_TYPE_LABELS[c.type],
      CHANNEL_LABELS[c.channel],
      c.receivedOn,
      c.dueOn,
      c.completedOn,
      c.workingDays,
      c.onTime === null ? '' : c.onTime ? 'ja' : 'nee',
      c.outcome ? outcomeLabel(c.outcome) : '',
      c.extended ? 'ja' : 'nee',
      c.handlerName,
    ]),
  );
}
