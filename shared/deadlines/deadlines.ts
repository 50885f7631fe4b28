import { addDays, addMonths, type IsoDate, parseIsoDate, weekday } from './dates.js';
import { dutchPublicHolidays, holidayName } from './holidays.js';
import type { RequestType } from '../cases/request-types.js';

/**
 * The deadline engine. Pure: dates in, dates out.
 *
 * A request's term runs from the day of receipt, counted as Regulation 1182/71 says: a period in
 * weeks ends on the same weekday, a period in months on the same date (or the last day of a
 * shorter month), and a period that would end on a Saturday, Sunday or public holiday ends at the
 * end of the next working day instead.
 *
 * The due date is the earlier of the policy term (privacyreglement §13–§15: four weeks) and the
 * GDPR ceiling (art. 12(3): one month). Art. 12(3) governs requests under art. 15–22, not
 * complaints: a klacht has only the complaint procedure's term (default six weeks) and no extension.
 */
export { REQUEST_TYPES, type RequestType } from '../cases/request-types.js';

export type Term = { weeks: number } | { months: number };

export interface DeadlinePolicy {
  terms: Readonly<Record<RequestType, Term>>;
  /** Optional suspension while waiting for identification (off by default). */
  suspendWhileAwaitingId: boolean;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  terms: { inzage: { weeks: 4 }, correctie: { weeks: 4 }, verzet: { weeks: 4 }, dataportabiliteit: { weeks: 4 }, klacht: { weeks: 6 } },
  suspendWhileAwaitingId: false,
};

export const GDPR_CEILING_MONTHS = 1;
export const MAX_EXTENSION_MONTHS = 2;

export function hasGdprCeiling(type: RequestType): boolean {
  return type !== 'klacht';
}

export function isWorkingDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && holidayName(date) === undefined;
}

/** Art. 3(4): a period ending on a non-working day ends on the next working day. */
export function rollToWorkingDay(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export function addTerm(date: IsoDate, term: Term): IsoDate {
  return 'weeks' in term ? addDays(date, term.weeks * 7) : addMonths(date, term.months);
}

export interface DeadlineInput {
  type: RequestType;
  received: IsoDate;
  /** Extension under art. 12(3), in months (0, 1 or 2). */
  extensionMonths?: number;
  /** Calendar days the clock stood still while waiting for identification. */
  suspendedDays?: number;
}

export interface Deadline {
  /** The last day to decide and send. */
  due: IsoDate;
  /** The due date without extension: an extension must be announced before it. */
  originalDue: IsoDate;
  /** Why the date is what it is, for the case page. */
  basis: 'beleid' | 'avg-plafond' | 'verlenging';
  suspendedDays: number;
}

export function computeDeadline(input: DeadlineInput, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): Deadline {
  const extension = input.extensionMonths ?? 0;
  if (!Number.isInteger(extension) || extension < 0 || extension > MAX_EXTENSION_MONTHS) throw new RangeError('extension must be 0, 1 or 2 months');
  if (extension > 0 && !hasGdprCeiling(input.type)) throw new RangeError('a complaint term cannot be extended under art. 12(3)');
  const suspended = input.suspendedDays ?? 0;
  const start = addDays(input.received, suspended);

  const policyEnd = addTerm(start, policy.terms[input.type]);
  const ceilingEnd = hasGdprCeiling(input.type) ? addMonths(start, GDPR_CEILING_MONTHS) : null;
  const unextended = ceilingEnd !== null && ceilingEnd < policyEnd ? ceilingEnd : policyEnd;
  const originalDue = rollToWorkingDay(unextended);
  if (extension === 0) {
    return { due: originalDue, originalDue, basis: unextended === policyEnd ? 'beleid' : 'avg-plafond', suspendedDays: suspended };
  }
  // "Extended by two further months": the one-month period becomes three at most.
  const due = rollToWorkingDay(addMonths(start, GDPR_CEILING_MONTHS + extension));
  return { due, originalDue, basis: 'verlenging', suspendedDays: suspended };
}

const DAY_MS = 86_400_000;
const dayNumber = (date: IsoDate) => Math.round(parseIsoDate(date).getTime() / DAY_MS);
/** 1970-01-01 was a Thursday. 0 = Sunday … 6 = Saturday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

/** Working days in (from, to], for from <= to: weekdays by arithmetic, then the holidays on weekdays. */
function workingDaysAfter(from: IsoDate, to: IsoDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  let count = Math.floor((b - a) / 7) * 5;
  for (let d = b - ((b - a) % 7) + 1; d <= b; d++) {
    const w = weekdayOf(d);
    if (w !== 0 && w !== 6) count += 1;
  }
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of dutchPublicHolidays(year).keys()) {
      if (holiday > from && holiday <= to && weekday(holiday) !== 0 && weekday(holiday) !== 6) count -= 1;
    }
  }
  return count;
}

/**
 * Working days from `today` to `due`: 0 on the due date itself, negative when overdue (the
 * number of working days past it).
 */
export function workingDaysLeft(today: IsoDate, due: IsoDate): number {
  if (today === due) return 0;
  // Overdue: the working days from the due date up to yesterday, negated.
  // `0 - n`, not `-n`: a weekend after the due date is 0 working days late, not -0.
  return today < due ? workingDaysAfter(today, due) : 0 - workingDaysAfter(addDays(due, -1), addDays(today, -1));
}

export type Urgency = 'ok' | 'warning' | 'overdue';

/** Warning at five working days or fewer, overdue after the due date. */
export function urgency(today: IsoDate, due: IsoDate, daysLeft = workingDaysLeft(today, due)): Urgency {
  if (today > due) return 'overdue';
  return daysLeft <= 5 ? 'warning' : 'ok';
}
