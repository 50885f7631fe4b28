import { z } from 'zod';
import { CHANNELS, SECOND_CHANNEL_METHODS, SECOND_CHANNEL_OUTCOMES } from '../cases/cases.js';
import { GATE_IDS } from './decision-gates.js';
import { NEXT_STEP_IDS, NEXT_STEP_TABS } from '../work/next-step.js';
import { caseDetailSchema, representativeSchema } from '../cases/case-schemas.js';
import type { ProcedureSpec } from '../api/contract.js';

/**
 * The premises of a decision (shared/signing/decision-gates.ts), spread into the contract in
 * contract.ts: the checklist "Klaar voor besluit", recording a representative after intake, the
 * §9 verification of a change through a second channel, and which channels need it.
 */
export const gateItemSchema = z.object({
  id: z.enum(GATE_IDS),
  label: z.string(),
  ok: z.boolean(),
  missing: z.array(z.string()),
  tab: z.enum(['overview', 'identity', 'thirdParties', 'redaction', 'letters']),
});
export type GateItemView = z.infer<typeof gateItemSchema>;

export const nextStepSchema = z.object({ id: z.enum(NEXT_STEP_IDS), label: z.string(), detail: z.string().nullable(), tab: z.enum(NEXT_STEP_TABS) });
export type NextStepView = z.infer<typeof nextStepSchema>;

export const readinessSchema = z.object({
  items: z.array(gateItemSchema),
  ready: z.boolean(),
  /** The decision letter in progress whose gates these are, if any. */
  letterKind: z.string().nullable(),
  letterLabel: z.string().nullable(),
  /** The one thing to do next on the case (shared/work/next-step.ts); null once it is decided and sent. */
  nextStep: nextStepSchema.nullable(),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const changeVerificationInput = z
  .object({ caseId: z.uuid(), method: z.enum(SECOND_CHANNEL_METHODS), outcome: z.enum(SECOND_CHANNEL_OUTCOMES) })
  .strict();

export const changeVerificationSchema = z.object({
  method: z.enum(SECOND_CHANNEL_METHODS),
  outcome: z.enum(SECOND_CHANNEL_OUTCOMES),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string(),
});

const secondChannelSettingSchema = z.object({ channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length) }).strict();

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const gateProcedures = {
  'case.readiness': procedure({ action: 'case.read', audit: 'read', record: 'case', input: z.object({ caseId: z.uuid() }).strict(), output: readinessSchema }),
  'case.setRepresentative': procedure({
    action: 'case.work',
    audit: 'write',
    record: 'case',
    input: z.object({ id: z.uuid(), representative: representativeSchema.strict().nullable() }).strict(),
    output: caseDetailSchema,
  }),
  'case.verifyChange': procedure({ action: 'case.work', audit: 'write', record: 'case', input: changeVerificationInput, output: changeVerificationSchema }),
  'settings.getSecondChannel': procedure({ action: 'settings.manage', audit: 'none', input: z.object({}).strict(), output: secondChannelSettingSchema }),
  'settings.setSecondChannel': procedure({
    action: 'settings.manage',
    audit: 'write',
    record: 'settings',
    input: secondChannelSettingSchema,
    output: secondChannelSettingSchema,
  }),
} as const;
