import { z } from 'zod';
import { LETTER_KINDS } from '../../../shared/letters/types.js';
import { REQUEST_TYPES } from '../../../shared/cases/request-types.js';

/**
 * What the outbox carries to the central database (main/sync), one declaration per kind:
 * the payload's schema, which the writer's type comes from and the push parses with, and which of
 * its fields are local staff ids (a handover maps them to the other desktop's ids). Every entry is
 * written in the same transaction as the change it reports, and never holds a name or a text.
 */
const id = z.string().min(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

/** A letter was signed: what the central register needs and no more. */
const signedLetter = z.object({
  letterId: id,
  caseId: id,
  caseReference: z.string(),
  requestType: z.enum(REQUEST_TYPES),
  letterKind: z.enum(LETTER_KINDS),
  outcome: z.string().nullable(),
  decidedOn: day,
  draftedBy: id,
  signedBy: id,
  signedAt: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
});

export const OUTBOX_KINDS = {
  /** The case register row changed; the sync sends the row as it is at push time. */
  case: { payload: z.object({ caseId: id }), staff: [] },
  /** A decision letter was signed (the decision and the letter go centrally). */
  decision: { payload: signedLetter, staff: ['draftedBy', 'signedBy'] },
  /** Another letter was signed. */
  letter: { payload: signedLetter, staff: ['draftedBy', 'signedBy'] },
  /** A record was destroyed under the retention rules. */
  destruction: {
    payload: z.object({
      id,
      reference: z.string(),
      requestType: z.enum(REQUEST_TYPES),
      receivedOn: day,
      closedOn: day,
      destroyedOn: day,
      approvedBy: id,
      listId: id,
      recordType: z.enum(['case', 'letters']),
    }),
    staff: ['approvedBy'],
  },
  /** This desktop imported a handover bundle (main/handover); staff ids local, null when unknown. */
  handover: {
    payload: z.object({ id, caseId: id, fromStaffId: id.nullable(), toStaffId: id, bundleSha256: z.string().regex(/^[0-9a-f]{64}$/u) }),
    staff: ['fromStaffId', 'toStaffId'],
  },
} as const satisfies Record<string, { payload: z.ZodObject; staff: readonly string[] }>;

export type OutboxKind = keyof typeof OUTBOX_KINDS;
export type OutboxPayload<K extends OutboxKind> = z.infer<(typeof OUTBOX_KINDS)[K]['payload']>;

/** An entry as the writer gives it: the kind decides the payload's type. */
export type OutboxWrite = { [K in OutboxKind]: { id: string; kind: K; payload: OutboxPayload<K>; createdAt: string; sentAt: null } }[OutboxKind];

/** An entry as the push reads it: payload parsed by its kind's schema. */
export type OutboxEntry = { [K in OutboxKind]: { id: string; kind: K; payload: OutboxPayload<K>; createdAt: string } }[OutboxKind];

export function isOutboxKind(kind: string): kind is OutboxKind {
  return Object.prototype.hasOwnProperty.call(OUTBOX_KINDS, kind);
}

/** Checks a payload against its kind before it is written: a wrong field is a programming error, never stored. */
export function checkedPayload<K extends OutboxKind>(kind: K, payload: OutboxPayload<K>): OutboxPayload<K> {
  return OUTBOX_KINDS[kind].payload.parse(payload) as OutboxPayload<K>;
}

/**
 * A stored entry with its payload parsed; null for a kind of a later version of the app (left for
 * that version) or a payload that does not match its kind.
 */
export function parseOutboxEntry(row: { id: string; kind: string; payload: unknown; createdAt: string }): OutboxEntry | null {
  if (!isOutboxKind(row.kind)) return null;
  const parsed = OUTBOX_KINDS[row.kind].payload.safeParse(row.payload);
  if (!parsed.success) return null;
  return { id: row.id, kind: row.kind, payload: parsed.data, createdAt: row.createdAt } as OutboxEntry;
}

/** The local staff ids an entry's payload names. */
export function outboxStaffIds(row: { kind: string; payload: unknown }): string[] {
  if (!isOutboxKind(row.kind) || typeof row.payload !== 'object' || row.payload === null) return [];
  const payload = row.payload as Record<string, unknown>;
  return OUTBOX_KINDS[row.kind].staff.map((field) => payload[field]).filter((v): v is string => typeof v === 'string');
}

/** The payload with its staff ids replaced (`map` throws for an id it does not know). */
export function remapOutboxStaff<P>(row: { kind: string; payload: P }, map: (staffId: string) => string): P {
  if (!isOutboxKind(row.kind) || typeof row.payload !== 'object' || row.payload === null) return row.payload;
  const payload = { ...(row.payload as Record<string, unknown>) };
  for (const field of OUTBOX_KINDS[row.kind].staff) {
    const value = payload[field];
    if (typeof value === 'string') payload[field] = map(value);
  }
  return payload as P;
}
