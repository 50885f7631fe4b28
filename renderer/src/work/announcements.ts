import type { NotificationView } from '../../../shared/work/notification-contract.js';
export { desktopOs } from '../ui/desktop-os.js';

/** More new notifications than this at once: one summary toast instead of a stack. */
export const MAX_SINGLE_TOASTS = 3;

const announcedKey = (staffId: string) => `avgDesk.notificationsAnnounced.${staffId}`;
const osKey = (staffId: string) => `avgDesk.osNotifications.${staffId}`;

/**
 * What is new since the last announcement on this desktop (a time in localStorage, no content),
 * oldest first, and moves the mark on. The first time on a desktop nothing is "new" one by one: the
 * caller shows one summary of what is unread instead of everything of the past weeks.
 */
export function takeNew(staffId: string, items: readonly NotificationView[]): { fresh: NotificationView[]; firstTime: boolean } {
  const newest = items.reduce((max, n) => (n.at > max ? n.at : max), '');
  const since = localStorage.getItem(announcedKey(staffId));
  if (newest !== '' && (since === null || newest > since)) localStorage.setItem(announcedKey(staffId), newest);
  if (since === null) return { fresh: [], firstTime: true };
  return { fresh: items.filter((n) => n.at > since).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)), firstTime: false };
}

/**
 * Windows notifications are on unless the staff member turned them off (Mijn account): the point
 * is to reach someone working in another window, and their text has no names in it.
 */
export function osNotificationsOn(staffId: string): boolean {
  return localStorage.getItem(osKey(staffId)) !== 'off';
}

export function setOsNotifications(staffId: string, on: boolean): void {
  localStorage.setItem(osKey(staffId), on ? 'on' : 'off');
}
