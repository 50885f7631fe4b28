import { z } from 'zod';
import { caseStatusSchema, requestTypeSchema } from '../cases/case-schemas.js';
import type { ProcedureSpec } from '../api/contract.js';
import { nextStepSchema } from '../signing/gate-contract.js';
import { letterSummarySchema } from '../letters/letter-schemas.js';
import { DUPLICATE_BASES } from './duplicates.js';

/**
 * "Mijn werk": what waits for the caller, per function they hold. A section is null for a function
 * the caller does not have, so nobody sees more than their function's own screens would show them:
 * intake sees case numbers and dates without names, as in the queue.
 */
const handlerCaseSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: requestTypeSchema,
  status: caseStatusSchema,
  requesterName: z.string(),
  dueOn: z.string(),
  workingDaysLeft: z.number().int(),
  urgency: z.enum(['ok', 'warning', 'overdue', 'none']),
  /** The term runs (not suspended) and ends before today, or this week. */
  overdue: z.boolean(),
  dueThisWeek: z.boolean(),
  nextStep: nextStepSchema.nullable(),
});

const caseLineSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: requestTypeSchema,
  dueOn: z.string(),
  workingDaysLeft: z.number().int(),
  urgency: z.enum(['ok', 'warning', 'overdue', 'none']),
  handlerName: z.string().nullable(),
});

export const myWorkSchema = z.object({
  today: z.string(),
  handler: z.object({ cases: z.array(handlerCaseSchema) }).nullable(),
  signer: z.object({ letters: z.array(letterSummarySchema) }).nullable(),
  dpo: z
    .object({
      overdue: z.array(caseLineSchema),
      refusedSync: z.array(z.object({ reference: z.string(), reason: z.string() })),
      destructionList: z.object({ proposedAt: z.string(), items: z.number().int() }).nullable(),
      holds: z.array(z.object({ caseId: z.string(), reference: z.string(), kind: z.string(), reason: z.string(), placedAt: z.string() })),
    })
    .nullable(),
  intake: z
    .object({
      unassigned: z.array(caseLineSchema.extend({ receivedOn: z.string() })),
      /** Open requests with the same requester name, e-mail or address: case numbers and the ground, no names. */
      possibleDuplicates: z.array(z.object({ references: z.array(z.string()), basis: z.array(z.enum(DUPLICATE_BASES)) })),
    })
    .nullable(),
});
export type MyWork = z.infer<typeof myWorkSchema>;

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const workProcedures = {
  'work.mine': procedure({ action: 'work.read', audit: 'read', record: 'case', input: z.object({}).strict(), output: myWorkSchema }),
} as const;
