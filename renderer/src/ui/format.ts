import { LANGUAGE } from './language.js';

const LOCALE = LANGUAGE === 'nl' ? 'nl-NL' : 'en-GB';

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "25 november 2026" */
export function formatDate(value: string | Date): string {
  return dateFormat.format(new Date(value));
}

/** "09:05" */
export function formatTime(value: string | Date): string {
  return timeFormat.format(new Date(value));
}

/** "25 november 2026 09:05" */
export function formatDateTime(value: string | Date): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * "25 november 2026" for a calendar date such as a due date ("2026-11-25"). Read as UTC, so no
 * time zone can move it to the day before.
 */
export function formatDay(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
