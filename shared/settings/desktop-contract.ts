import { z } from 'zod';
import type { ProcedureSpec } from '../api/contract.js';

/**
 * The desktop's own procedures, spread into the contract in contract.ts: the auto-lock
 * setting, locking one's own session, and the log level. Both settings are policy of this desktop,
 * kept in the local settings table.
 */
export const AUTO_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const;

export const autoLockSchema = z
  .object({
    minutes: z
      .number()
      .int('Geef een heel aantal minuten.')
      .min(AUTO_LOCK_MINUTES.min, `Kies minstens ${AUTO_LOCK_MINUTES.min} minuut.`)
      .max(AUTO_LOCK_MINUTES.max, `Kies hoogstens ${AUTO_LOCK_MINUTES.max} minuten.`),
  })
  .strict();
export type AutoLock = z.infer<typeof autoLockSchema>;

/** The levels of the file log; the same names as `AVG_DESK_LOG_LEVEL`. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const logLevelSchema = z.object({ level: z.enum(LOG_LEVELS) }).strict();

const empty = z.object({}).strict();

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const desktopProcedures = {
  /** Every signed-in staff member reads it: the app locks itself after this many idle minutes. */
  'settings.getAutoLock': procedure({ action: 'session.use', audit: 'none', input: empty, output: autoLockSchema }),
  'settings.setAutoLock': procedure({ action: 'settings.manage', audit: 'write', record: 'settings', input: autoLockSchema, output: autoLockSchema }),
  /** Ends the caller's session as "locked": the old token is refused with a Dutch message, the key leaves memory with the last session. */
  'session.lock': procedure({ action: 'session.use', audit: 'write', record: 'staff', input: empty, output: z.object({}) }),
  'settings.getLogLevel': procedure({ action: 'settings.manage', audit: 'none', input: empty, output: logLevelSchema }),
  'settings.setLogLevel': procedure({ action: 'settings.manage', audit: 'write', record: 'settings', input: logLevelSchema, output: logLevelSchema }),
};
