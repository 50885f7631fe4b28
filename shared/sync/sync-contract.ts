import { z } from 'zod';
import type { ProcedureSpec } from '../api/contract.js';
import { centralCredentialsInput, syncRunInput, syncRunResultSchema, syncSettingsSchema, syncStatusSchema } from './sync-schemas.js';

/** Sync with the central database, spread into the contract in contract.ts. */
const empty = z.object({}).strict();

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const syncProcedures = {
  'sync.status': procedure({ action: 'session.use', audit: 'none', passive: true, input: empty, output: syncStatusSchema }),
  'sync.run': procedure({ action: 'sync.run', audit: 'write', input: syncRunInput, output: syncRunResultSchema }),
  'sync.getSettings': procedure({ action: 'settings.manage', audit: 'none', input: empty, output: syncSettingsSchema }),
  'sync.setSettings': procedure({ action: 'settings.manage', audit: 'write', input: syncSettingsSchema, output: syncSettingsSchema }),
  'sync.setCredentials': procedure({ action: 'sync.run', audit: 'write', input: centralCredentialsInput, output: z.object({}) }),
} as const;
