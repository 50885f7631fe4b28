import { z } from 'zod';
import { CHANNELS } from '../cases/cases.js';
import { REQUEST_TYPES } from '../cases/request-types.js';
import { DESTRUCTION_KINDS, HOLD_KINDS } from './retention.js';
import { isoDateSchema } from '../cases/case-schemas.js';
import type { ProcedureSpec } from '../api/contract.js';

/**
 * Retention, reports and the audit view, spread into the contract in contract.ts.
 * Holds are audited as records of their case, so the case's timeline shows them.
 */
const empty = z.object({}).strict();
const caseRef = z.object({ caseId: z.uuid() }).strict();
const reason = (what: string) => z.string().trim().min(5, `Geef ${what} (minstens 5 tekens).`).max(2000);

export const retentionPolicySchema = z
  .object({
    graceDays: z.number().int().min(0, 'De respijttermijn is 0 dagen of meer.').max(365, 'De respijttermijn is hoogstens 365 dagen.'),
    registerYears: z.number().int().min(1, 'De bewaartermijn is minstens 1 jaar.').max(10, 'De bewaartermijn is hoogstens 10 jaar.'),
    // A policy stored before the letters had their own term reads with the default.
    letterYears: z
      .number()
      .int()
      .min(1, 'De bewaartermijn van brieven is minstens 1 jaar.')
      .max(10, 'De bewaartermijn van brieven is hoogstens 10 jaar.')
      .default(2),
  })
  .strict();

const requestType = z.enum(REQUEST_TYPES);

export const holdViewSchema = z.object({
  id: z.string(),
  kind: z.enum(HOLD_KINDS),
  reason: z.string(),
  placedBy: z.string().nullable(),
  placedAt: z.string(),
  liftedBy: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  active: z.boolean(),
});
export type HoldView = z.infer<typeof holdViewSchema>;

const localStateSchema = z.enum(['open', 'vernietigd', 'bewaarplicht', 'wacht_op_synchronisatie', 'bezwaartermijn', 'respijt', 'te_vernietigen']);

export const caseRetentionSchema = z.object({
  caseId: z.string(),
  closedOn: z.string().nullable(),
  local: z.object({
    state: localStateSchema,
    appealEndsOn: z.string().nullable(),
    graceEndsOn: z.string().nullable(),
    shredOn: z.string().nullable(),
    shreddedOn: z.string().nullable(),
    synced: z.boolean(),
  }),
  register: z.object({ destroyOn: z.string().nullable(), held: z.boolean(), onList: z.boolean() }),
  holds: z.array(holdViewSchema),
  mayPlaceHold: z.boolean(),
  mayLiftHold: z.boolean(),
});
export type CaseRetentionView = z.infer<typeof caseRetentionSchema>;

export const upcomingSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  requestType: requestType,
  what: z.enum(['dossier', ...DESTRUCTION_KINDS]),
  on: z.string(),
  state: z.string(),
});
export type UpcomingDestruction = z.infer<typeof upcomingSchema>;

export const destructionListSchema = z.object({
  id: z.string(),
  proposedAt: z.string(),
  proposedBy: z.string().nullable(),
  status: z.enum(['voorgesteld', 'uitgevoerd']),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  items: z.array(
    z.object({
      caseId: z.string(),
      kind: z.enum(DESTRUCTION_KINDS),
      reference: z.string(),
      requestType: requestType,
      closedOn: z.string(),
      destroyOn: z.string(),
      removed: z.boolean(),
      removedBy: z.string().nullable(),
      removeReason: z.string().nullable(),
      destroyedOn: z.string().nullable(),
    }),
  ),
});
export type DestructionListView = z.infer<typeof destructionListSchema>;

export const retentionRunSchema = z.object({
  today: z.string(),
  dryRun: z.boolean(),
  cases: z.array(z.object({ caseId: z.string(), reference: z.string(), shredOn: z.string(), shredded: z.boolean() })),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number().int());

export const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  received: z.object({
    total: z.number().int(),
    byType: countsOf(REQUEST_TYPES),
    byChannel: countsOf(CHANNELS),
    extensionsUsed: z.number().int(),
    overdueNow: z.number().int(),
  }),
  completed: z.object({
    total: z.number().int(),
    byOutcome: z.array(z.object({ outcome: z.string(), label: z.string(), count: z.number().int() })),
    onTime: z.number().int(),
    late: z.number().int(),
    onTimePercentage: z.number().nullable(),
    medianWorkingDays: z.number().nullable(),
    p90WorkingDays: z.number().nullable(),
    thirdPartiesHeard: z.number().int(),
    redactedDocuments: z.number().int(),
  }),
  byMonth: z.array(z.object({ month: z.string(), received: z.number().int(), completedOnTime: z.number().int(), completedLate: z.number().int() })),
  cases: z
    .array(
      z.object({
        reference: z.string(),
        type: requestType,
        channel: z.enum(CHANNELS),
        receivedOn: z.string(),
        dueOn: z.string(),
        completedOn: z.string().nullable(),
        workingDays: z.number().int().nullable(),
        onTime: z.boolean().nullable(),
        outcome: z.string().nullable(),
        extended: z.boolean(),
        handlerName: z.string().nullable(),
      }),
    )
    .nullable(),
});

export const AUDIT_CATEGORIES = ['ingezien', 'gewijzigd', 'geweigerd', 'fout', 'overig'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const auditFilterSchema = z
  .object({
    staffId: z.uuid().optional(),
    /** A case by its reference (AVG-2026-0001); the auditor sees references, never requester names. */
    caseReference: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^AVG-\d{4}-\d{4}$/u, 'Een zaaknummer ziet eruit als AVG-2026-0001.')
      .optional(),
    procedure: z.string().trim().min(1).max(64).optional(),
    category: z.enum(AUDIT_CATEGORIES).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;
const AUDIT_FILTER_LABELS = {
  'filter.from': 'Vanaf',
  'filter.to': 'Tot en met',
  'filter.staffId': 'Medewerker',
  'filter.caseReference': 'Zaaknummer',
  'filter.procedure': 'Handeling',
  'filter.category': 'Soort',
};

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  roles: z.array(z.string()),
  procedure: z.string(),
  category: z.enum(AUDIT_CATEGORIES),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  caseReference: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'error']),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const caseReadsSchema = z.object({
  caseReference: z.string(),
  byStaff: z.array(
    z.object({ actorId: z.string().nullable(), actorName: z.string().nullable(), count: z.number().int(), firstAt: z.string(), lastAt: z.string() }),
  ),
  reads: z.array(auditEntrySchema),
});
export type CaseReads = z.infer<typeof caseReadsSchema>;

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const retentionProcedures = {
  'retention.getPolicy': procedure({ action: 'terms.manage', audit: 'none', input: empty, output: retentionPolicySchema }),
  'retention.setPolicy': procedure({ action: 'terms.manage', audit: 'write', record: 'settings', input: retentionPolicySchema, output: retentionPolicySchema }),
  'retention.forCase': procedure({ action: 'case.read', audit: 'read', record: 'case', input: caseRef, output: caseRetentionSchema }),
  'retention.placeHold': procedure({
    action: 'retention.hold',
    audit: 'write',
    record: 'case',
    input: z.object({ caseId: z.uuid(), kind: z.enum(HOLD_KINDS), reason: reason('de reden') }).strict(),
    output: caseRetentionSchema,
  }),
  'retention.liftHold': procedure({
    action: 'retention.manage',
    audit: 'write',
    record: 'case',
    input: z.object({ caseId: z.uuid(), holdId: z.uuid(), reason: reason('de reden van het opheffen') }).strict(),
    output: caseRetentionSchema,
  }),
  'retention.overview': procedure({
    action: 'retention.manage',
    audit: 'read',
    record: 'retention',
    input: z.object({ days: z.number().int().min(1).max(366).default(30) }).strict(),
    output: z.object({
      today: z.string(),
      policy: retentionPolicySchema,
      upcoming: z.array(upcomingSchema),
      openList: destructionListSchema.nullable(),
      pastLists: z.array(destructionListSchema),
    }),
  }),
  'retention.runLocal': procedure({
    action: 'retention.manage',
    audit: 'write',
    record: 'retention',
    input: z.object({ dryRun: z.boolean().default(false) }).strict(),
    output: retentionRunSchema,
  }),
  'retention.propose': procedure({ action: 'retention.manage', audit: 'write', record: 'retention', input: empty, output: destructionListSchema.nullable() }),
  'retention.removeItem': procedure({
    action: 'retention.manage',
    audit: 'write',
    record: 'retention',
    input: z.object({ listId: z.uuid(), caseId: z.uuid(), kind: z.enum(DESTRUCTION_KINDS).default('registratie'), reason: reason('de reden') }).strict(),
    output: destructionListSchema,
  }),
  'retention.approve': procedure({
    action: 'retention.manage',
    audit: 'write',
    record: 'retention',
    input: z.object({ listId: z.uuid() }).strict(),
    output: destructionListSchema,
  }),
  'report.get': procedure({
    action: 'report.read',
    audit: 'read',
    record: 'report',
    labels: { from: 'Vanaf', to: 'Tot en met' },
    input: z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .strict()
      .refine((p) => p.from <= p.to, { message: 'De begindatum ligt na de einddatum.', path: ['to'] }),
    output: reportSchema,
  }),
  'audit.search': procedure({
    action: 'audit.read',
    audit: 'read',
    record: 'audit',
    labels: AUDIT_FILTER_LABELS,
    input: z
      .object({
        filter: auditFilterSchema.default({}),
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.array(auditEntrySchema),
  }),
  'audit.caseReads': procedure({
    action: 'audit.read',
    audit: 'read',
    record: 'audit',
    input: z.object({ caseReference: auditFilterSchema.shape.caseReference.unwrap() }).strict(),
    output: caseReadsSchema,
  }),
  /** Everyone who can appear in the audit log (also former staff): the staff filter lists them all, not only those in the page loaded. */
  'audit.staff': procedure({
    action: 'audit.read',
    audit: 'none',
    input: empty,
    output: z.array(z.object({ id: z.string(), fullName: z.string(), active: z.boolean() })),
  }),
  'audit.export': procedure({
    action: 'audit.read',
    audit: 'read',
    record: 'audit',
    labels: AUDIT_FILTER_LABELS,
    input: z.object({ filter: auditFilterSchema.default({}) }).strict(),
    output: z.object({ csv: z.string(), count: z.number().int(), truncated: z.boolean() }),
  }),
} as const;
