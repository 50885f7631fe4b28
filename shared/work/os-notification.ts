import { z } from 'zod';
import type { OsNotification } from './os-bridge.js';

/**
 * A Windows notification (the desktop app only): what the page may ask the main process to show.
 * The text is a notification's own line from the bell — case number and letter kind, never a name —
 * so nothing personal lands in the Windows action centre or on the lock screen.
 */
export const osNotificationSchema = z
  .object({ title: z.string().trim().min(1).max(80), body: z.string().trim().min(1).max(300) })
  .strict() satisfies z.ZodType<OsNotification>;
export type { OsNotification } from './os-bridge.js';
