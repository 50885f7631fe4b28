import type { OsNotification } from '../../shared/work/os-bridge.js';
import { osNotificationSchema } from '../../shared/work/os-notification.js';

/** What the notifier needs of Electron's `Notification`; a fake in the tests. */
export interface NotificationPort {
  isSupported(): boolean;
  show(notification: OsNotification): void;
}

/** At most this many notifications per minute: a page gone wrong cannot flood the action centre. */
export const NOTIFY_LIMIT_PER_MINUTE = 10;

/**
 * The main-process side of a Windows notification: the payload comes from the page over IPC, so it
 * is checked like any other input (shape, length), and rate-limited. Never throws: a notification
 * that cannot be shown is not worth an error in the main process.
 */
export function createOsNotifier(port: NotificationPort, now: () => number = Date.now): (payload: unknown) => boolean {
  const recent: number[] = [];
  return (payload) => {
    const parsed = osNotificationSchema.safeParse(payload);
    if (!parsed.success) return false;
    const at = now();
    while (recent.length > 0 && (recent[0] ?? 0) <= at - 60_000) recent.shift();
    if (recent.length >= NOTIFY_LIMIT_PER_MINUTE) return false;
    try {
      if (!port.isSupported()) return false;
      port.show(parsed.data);
    } catch {
      return false;
    }
    recent.push(at);
    return true;
  };
}
