/**
 * Calendar dates as ISO strings (`2026-11-25`), computed in UTC so no time zone or daylight saving
 * can shift a day. Deadlines are about days, not instants.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function parseIsoDate(date: IsoDate): Date {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`no such date: ${date}`);
  return d;
}

export function isValidIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export function toIsoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = parseIsoDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

/**
 * Same date `months` later; when that month is shorter, its last day (31 January + 1 month =
 * 28 or 29 February), as Regulation 1182/71 art. 3(2)(c) says.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = parseIsoDate(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return toIsoDate(target);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return parseIsoDate(date).getUTCDay();
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);
}

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `25 november 2026`: how dates read in the app and in letters. */
export function formatDutchDate(date: IsoDate): string {
  const d = parseIsoDate(date);
  return `${d.getUTCDate()} ${MONTHS_NL[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Whole years between a birth date and a date; a 29 February birthday counts on 1 March in other years. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(birthDate);
  const o = parseIsoDate(on);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  const birthdayThisYear = addMonths(birthDate, age * 12);
  // addMonths maps 29 Feb to 28 Feb in common years; the birthday is only reached on 1 March then.
  const reached = b.getUTCMonth() === 1 && b.getUTCDate() === 29 && birthdayThisYear.endsWith('-02-28') ? addDays(birthdayThisYear, 1) : birthdayThisYear;
  if (on < reached) age -= 1;
  return age;
}
