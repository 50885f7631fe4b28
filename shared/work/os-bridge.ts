/**
 * The desktop's own bridge next to the procedures (the desktop app only): the page asks the main
 * process for a Windows notification, or for the Open or Save dialog. No zod here: the sandboxed preload bundles this file.
 */
export const OS_NOTIFY_CHANNEL = 'avg-desk-os:notify';
/** The object the preload exposes as `window.avgDeskOs`. */
export const OS_KEY = 'avgDeskOs';

export interface OsNotification {
  title: string;
  body: string;
}

export const OS_FILE_CHANNEL = 'avg-desk-os:choose-file';
/** What a file dialog is for; the main process owns its title, file type and suggested name. */
export const FILE_PURPOSES = ['backup', 'restore', 'handover-export', 'handover-import'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export interface DesktopOs {
  /** Resolves true when Windows was asked to show it; false when refused (invalid, too many, unsupported). */
  notify(notification: OsNotification): Promise<boolean>;
  /** The Windows Save or Open dialog for `purpose`: the chosen full path, or null when cancelled. */
  chooseFile(purpose: FilePurpose): Promise<string | null>;
}
