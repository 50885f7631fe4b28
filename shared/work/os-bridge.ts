/**
 * The desktop's own bridge next to the procedures (the desktop app only): the page asks the main
 * process for a Windows notification. No zod here: the sandboxed preload bundles this file.
 */
export const OS_NOTIFY_CHANNEL = 'avg-desk-os:notify';
/** The object the preload exposes as `window.avgDeskOs`. */
export const OS_KEY = 'avgDeskOs';

export interface OsNotification {
  title: string;
  body: string;
}

export interface DesktopOs {
  /** Resolves true when Windows was asked to show it; false when refused (invalid, too many, unsupported). */
  notify(notification: OsNotification): Promise<boolean>;
}
