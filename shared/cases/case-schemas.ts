import { z } from 'zod';
import {
  CASE_STATUSES,
  CHANNELS,
  CORRECTION_KINDS,
  RELATIONS,
  REPRESENTATIVE_KINDS,
  SECOND_CHANNEL_METHODS,
  SECOND_CHANNEL_OUTCOMES,
  TASK_KINDS,
} from './cases.js';
import { isValidIsoDate } from '../deadlines/dates.js';
import { REQUEST_TYPES } from './request-types.js';

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'moet een datum zijn als JJJJ-MM-DD')
  .refine(isValidIsoDate, 'is geen bestaande datum');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const requestTypeSchema = z.enum(REQUEST_TYPES);
export const caseStatusSchema = z.enum(CASE_STATUSES);

export const requesterSchema = z.object({
  name: z.string().trim().min(1).max(200),
  birthDate: isoDateSchema.optional(),
  address: optionalText(500),
  email: z
    .email('is geen geldig e-mailadres')
    .max(254)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  phone: optionalText(40),
  relation: z.enum(RELATIONS),
  customerNumber: optionalText(40),
  legallyIncapacitated: z.boolean().default(false),
});

export const representativeSchema = z.object({
  kind: z.enum(REPRESENTATIVE_KINDS),
  name: z.string().trim().min(1).max(200),
  /** e.g. "ouder met gezag", "voogd", "volmacht van 3 november 2026". */
  basis: optionalText(500),
});

export const caseCreateSchema = z
  .object({
    type: requestTypeSchema,
    correctionKinds: z.array(z.enum(CORRECTION_KINDS)).max(CORRECTION_KINDS.length).default([]),
    requester: requesterSchema.strict(),
    channel: z.enum(CHANNELS),
    received: isoDateSchema,
    writtenAndSigned: z.boolean(),
    requestText: z.string().max(20_000).default(''),
    representative: representativeSchema.strict().optional(),
    handlerId: z.uuid().optional(),
  })
  .strict();

export const caseTaskSchema = z.object({ id: z.string(), kind: z.enum(TASK_KINDS), status: z.enum(['open', 'done']), dueOn: z.string().nullable() });

const deadlineView = { dueOn: z.string(), workingDaysLeft: z.number().int(), urgency: z.enum(['ok', 'warning', 'overdue', 'none']) };

/** One row of the work queue. `requesterName` and `customerNumber` are null for who may not see case content. */
export const queueRowSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: requestTypeSchema,
  status: caseStatusSchema,
  receivedOn: z.string(),
  requesterName: z.string().nullable(),
  customerNumber: z.string().nullable(),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  ...deadlineView,
});
export type QueueRow = z.infer<typeof queueRowSchema>;

export const QUEUE_SORT_COLUMNS = ['reference', 'type', 'requesterName', 'receivedOn', 'dueOn', 'status', 'handlerName'] as const;

export const queueQuerySchema = z
  .object({
    search: z.string().max(200).optional(),
    types: z.array(requestTypeSchema).max(REQUEST_TYPES.length).optional(),
    statuses: z.array(caseStatusSchema).max(CASE_STATUSES.length).optional(),
    /** A handler's id, or 'none' for unassigned cases. */
    handler: z.union([z.uuid(), z.literal('none')]).optional(),
    due: z.enum(['overdue', 'thisWeek']).optional(),
    /** By default only cases whose decision is still to be taken. */
    includeClosed: z.boolean().default(false),
    sort: z.enum(QUEUE_SORT_COLUMNS).default('dueOn'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    limit: z.number().int().min(1).max(20_000).default(5000),
  })
  .strict();
export type QueueQuery = z.input<typeof queueQuerySchema>;

export const queueSchema = z.object({
  rows: z.array(queueRowSchema),
  total: z.number().int(),
  counts: z.object({ open: z.number().int(), dueThisWeek: z.number().int(), overdue: z.number().int() }),
  /** Whether rows carry case content (requester) for this user. */
  showsContent: z.boolean(),
});

export const caseDetailSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: requestTypeSchema,
  correctionKinds: z.array(z.enum(CORRECTION_KINDS)),
  status: caseStatusSchema,
  statusReason: z.string().nullable(),
  requester: z.object({
    name: z.string(),
    birthDate: z.string().nullable(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    relation: z.enum(RELATIONS),
    customerNumber: z.string().nullable(),
    legallyIncapacitated: z.boolean(),
    ageOnReceipt: z.number().int().nullable(),
  }),
  representative: representativeSchema.extend({ basis: z.string().nullable() }).nullable(),
  representationRequired: z.boolean(),
  channel: z.enum(CHANNELS),
  receivedOn: z.string(),
  writtenAndSigned: z.boolean(),
  requestText: z.string(),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  createdAt: z.string(),
  ...deadlineView,
  originalDueOn: z.string(),
  dueBasis: z.enum(['beleid', 'avg-plafond', 'verlenging']),
  extensionMonths: z.number().int(),
  extensionReason: z.string().nullable(),
  extendedOn: z.string().nullable(),
  suspendedDays: z.number().int(),
  suspendedSince: z.string().nullable(),
  tasks: z.array(caseTaskSchema),
  allowedTransitions: z.array(caseStatusSchema),
  /** §9: whether a change asked through this channel is verified another way first, and how it was. */
  changeVerification: z.object({
    required: z.boolean(),
    recorded: z
      .object({
        method: z.enum(SECOND_CHANNEL_METHODS),
        outcome: z.enum(SECOND_CHANNEL_OUTCOMES),
        verifiedByName: z.string().nullable(),
        verifiedAt: z.string(),
      })
      .nullable(),
  }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseCreatedSchema = z.object({
  id: z.string(),
  reference: z.string(),
  due: z.string(),
  /** References of open cases of the same type for the same requester; empty for intake (see possibleDuplicate). */
  duplicates: z.array(z.string()),
  possibleDuplicate: z.boolean(),
});

const termSchema = z.union([z.object({ weeks: z.number().int().min(1).max(26) }).strict(), z.object({ months: z.number().int().min(1).max(6) }).strict()]);

/** The deadline policy setting: a term per request type and whether ID waiting suspends the clock. */
export const deadlinePolicySchema = z
  .object({
    terms: z.object({ inzage: termSchema, correctie: termSchema, verzet: termSchema, dataportabiliteit: termSchema, klacht: termSchema }).strict(),
    suspendWhileAwaitingId: z.boolean(),
  })
  .strict();
