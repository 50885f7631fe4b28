import { z } from 'zod';

/** The central database connection of this desktop (functioneel beheer) and the sync interval. */
export const syncSettingsSchema = z
  .object({
    /** postgres://host:port/database?sslmode=verify-full — without user name or password. */
    url: z
      .string()
      .trim()
      .max(500)
      .regex(/^postgres(ql)?:\/\/[^\s@]+$/u, 'Geef een adres als postgres://server:5432/avgdesk?sslmode=verify-full, zonder gebruikersnaam of wachtwoord.')
      .nullable(),
    intervalMinutes: z.number().int().min(1).max(1440),
  })
  .strict();
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

/**
 * "Nu synchroniseren" sends nothing; the CLI may name another central database for this run, with
 * the login in the address (postgres://login:password@server/database).
 */
export const syncRunInput = z
  .object({
    url: z
      .string()
      .trim()
      .max(500)
      .regex(/^postgres(ql)?:\/\/\S+$/u, 'Geef een adres dat begint met postgres://.')
      .optional(),
  })
  .strict();

/** A staff member's own login for the central database. */
export const centralCredentialsInput = z
  .object({
    loginRole: z
      .string()
      .trim()
      .min(1)
      .max(63)
      .regex(/^[a-z_][a-z0-9_]*$/u, 'Een inlognaam bestaat uit kleine letters, cijfers en _.'),
    password: z.string().min(1).max(200),
  })
  .strict();

export const syncStatusSchema = z.object({
  configured: z.boolean(),
  hasCredentials: z.boolean(),
  /** The central login name stored for the signed-in staff member (not a secret; the password never leaves the store). */
  loginRole: z.string().nullable(),
  running: z.boolean(),
  lastSuccessAt: z.string().nullable(),
  /** Dutch, never personal data. */
  lastError: z.string().nullable(),
  /** Changes (cases, decisions, letters) not yet in the central database. */
  waiting: z.number().int(),
  /** Unsent changes the central database refused at the last run: the case number and why, in Dutch. */
  refused: z.array(z.object({ reference: z.string(), reason: z.string() })),
  /** Handlers and signers on this desktop without a central login: their cases wait centrally as pending. */
  withoutCentralLogin: z.array(z.string()),
  /** Audit events not yet sent (a sync's own event always waits for the next run). */
  auditWaiting: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  intervalMinutes: z.number().int(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncRunResultSchema = z.object({ pushed: z.number().int(), pulled: z.number().int(), waiting: z.number().int(), auditEvents: z.number().int() });
