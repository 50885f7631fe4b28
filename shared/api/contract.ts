import { z } from 'zod';
import type { Action } from '../staff/permissions.js';
import { ROLES } from '../staff/roles.js';
import type { ProcedureName } from './procedures.js';
import { documentViewSchema, importInput, thirdPartyAddInput, thirdPartyUpdateInput, thirdPartyViewSchema } from '../dossier/dossier-schemas.js';
import {
  jobViewSchema,
  readJobViewSchema,
  redactionSchema,
  searchAllInput,
  searchAllOutput,
  suggestInput,
  suggestOutput,
} from '../redaction/redaction-schemas.js';
import { isProcedureName } from './procedures.js';
import { fileResult, fileSource, oneFileSource, TRANSFER_BODY_BYTES } from './file-transfer.js';
import type { FieldLabels } from './validation.js';
import { MAX_IMPORT_BASE64 } from '../dossier/dossier-schemas.js';
import {
  checkResultSchema,
  copyRef,
  identityCheckInput,
  identityCheckViewSchema,
  identityRecordInput,
  identityViewSchema,
  maskInput,
  uploadCopyInput,
  MAX_COPY_BASE64,
} from '../identity/identity-schemas.js';
import {
  caseCreatedSchema,
  caseCreateSchema,
  caseDetailSchema,
  caseStatusSchema,
  deadlinePolicySchema,
  isoDateSchema,
  queueQuerySchema,
  queueSchema,
  requestTypeSchema,
} from '../cases/case-schemas.js';
import { letterProcedures } from '../letters/letter-contract.js';
import { retentionProcedures } from '../retention/retention-contract.js';
import { desktopProcedures } from '../settings/desktop-contract.js';
import { syncProcedures } from '../sync/sync-contract.js';
import { handoverProcedures } from '../handover/handover-contract.js';
import { gateProcedures } from '../signing/gate-contract.js';
import { workProcedures } from '../work/work-contract.js';
import { notificationProcedures } from '../work/notification-contract.js';
import { sourcesProcedures } from '../dossier/sources-contract.js';

export { PROCEDURE_NAMES, isProcedureName, type ProcedureName } from './procedures.js';

/**
 * The API contract: every procedure the renderer (or the CLI) can call, declared once.
 * The main process parses every input against `input` before any service runs; both transports
 * (Electron IPC and loopback HTTP) carry exactly these procedures.
 *
 * `audit`: 'write' procedures change data, 'read' procedures show personal data; both are written
 * to the hash-chained audit trail with who, what and the outcome. 'none' is for procedures that
 * touch no personal data (setup status, own session).
 */
export type AuditKind = 'none' | 'read' | 'write';

export interface ProcedureSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  action: Action;
  audit: AuditKind;
  /** Record type named in the audit event (the record id comes from the handler). */
  record?: string;
  /** Polled in the background (status bar): does not keep the session from going idle. */
  passive?: true;
  /** The largest request body over HTTP, for procedures that carry a file; others take DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** Dutch labels of this procedure's fields where the shared table (validation.ts) means another field. */
  labels?: FieldLabels;
  input: I;
  output: O;
}

/** Enough for every input without a file (a logo or signature image included). */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Room for the JSON around a file's base64. */
const ENVELOPE_BYTES = 64 * 1024;

const text = (max: number) => z.string().trim().min(1).max(max);

export const userNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z][a-z0-9._-]{1,39}$/u,
    'Een gebruikersnaam bestaat uit 2 tot 40 kleine letters, cijfers, punten, streepjes of lage streepjes en begint met een letter.',
  );
export const fullNameSchema = text(200);
export const passwordSchema = z.string().min(1).max(1024);
export const roleSchema = z.enum(ROLES);
export const idSchema = z.uuid();

export const staffSchema = z.object({
  id: idSchema,
  userName: z.string(),
  fullName: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Staff = z.infer<typeof staffSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  staff: staffSchema,
  /** Seconds of inactivity after which the session ends. */
  idleTimeoutSeconds: z.number().int().positive(),
});
export type Session = z.infer<typeof sessionSchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  roles: z.array(roleSchema),
  procedure: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'error']),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  /** The first event that does not verify: altered, missing before it, or out of order. */
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  /**
   * Events verified without a signature: written without a signed-in member (refused calls without
   * a session, the first setup, the desktop's own scheduled work) or before a member's key existed.
   */
  unsigned: z.number().int().optional(),
  /**
   * The central database's copy of the chain (the sync fills it in); null while this desktop does
   * not verify it. Same shape as the local verification.
   */
  central: z
    .object({
      ok: z.boolean(),
      count: z.number().int(),
      firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
      /** Signed events of members who registered no key centrally (no central login): not checkable there. */
      unverifiable: z.number().int().optional(),
    })
    .nullable(),
  /**
   * This desktop's chain against the heads the central database anchored at each sync: `broken`
   * (events deleted, reordered or rewritten after they were anchored; then `ok` is false too),
   * `behind` (the newest events are not anchored yet), `anchored`, or `none` (never anchored).
   * `source` says whether the anchors were read now or kept from the last sync. Dutch `message`.
   */
  anchor: z
    .object({
      state: z.enum(['anchored', 'behind', 'broken', 'none']),
      anchoredSeq: z.number().int().nullable(),
      unanchored: z.number().int(),
      source: z.enum(['central', 'stored', 'none']),
      message: z.string(),
    })
    .optional(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

const empty = z.object({}).strict();
const caseRef = z.object({ id: idSchema }).strict();

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const contract = {
  'setup.status': procedure({ action: 'setup.read', audit: 'none', input: empty, output: z.object({ initialized: z.boolean() }) }),
  'setup.createAdmin': procedure({
    action: 'setup.create',
    audit: 'write',
    record: 'staff',
    input: z.object({ userName: userNameSchema, fullName: fullNameSchema, password: passwordSchema }).strict(),
    /** With the recovery key, shown once, for IT's safe. */
    output: sessionSchema.extend({ recoveryKey: z.string() }),
  }),
  'setup.recover': procedure({
    action: 'setup.recover',
    audit: 'write',
    record: 'staff',
    input: z
      .object({ recoveryKey: z.string().trim().min(20).max(100), userName: z.string().trim().toLowerCase().min(1).max(40), newPassword: passwordSchema })
      .strict(),
    output: z.object({}),
  }),
  /**
   * A fresh installation restores a backup and proves it opens: with a staff password (signs in)
   * or with the recovery key, which sets a new password for an admin (who then signs in).
   */
  'setup.restore': procedure({
    action: 'setup.recover',
    audit: 'write',
    record: 'staff',
    maxBodyBytes: TRANSFER_BODY_BYTES,
    input: z
      .discriminatedUnion('method', [
        z
          .object({
            method: z.literal('password'),
            ...fileSource('Kies het back-upbestand.'),
            userName: z.string().trim().toLowerCase().min(1).max(40),
            password: passwordSchema,
          })
          .strict(),
        z
          .object({
            method: z.literal('recoveryKey'),
            ...fileSource('Kies het back-upbestand.'),
            recoveryKey: z.string().trim().min(20).max(100),
            userName: z.string().trim().toLowerCase().min(1).max(40),
            newPassword: passwordSchema,
          })
          .strict(),
      ])
      .superRefine(oneFileSource('Kies het back-upbestand.')),
    output: z.object({ files: z.number().int(), createdAt: z.string(), session: sessionSchema.nullable() }),
  }),
  'setup.newRecoveryKey': procedure({
    action: 'settings.manage',
    audit: 'write',
    record: 'settings',
    input: empty,
    output: z.object({ recoveryKey: z.string() }),
  }),
  'backup.create': procedure({
    action: 'backup.create',
    audit: 'write',
    record: 'backup',
    // Without a path the backup comes back in the answer (browser mode's download).
    input: z.object({ path: z.string().trim().min(1).max(1000).optional() }).strict(),
    output: z.object({ ...fileResult, files: z.number().int() }),
  }),
  'session.login': procedure({
    action: 'session.login',
    audit: 'write',
    record: 'staff',
    input: z.object({ userName: z.string().trim().toLowerCase().min(1).max(40), password: passwordSchema }).strict(),
    output: sessionSchema,
  }),
  'session.logout': procedure({ action: 'session.use', audit: 'write', record: 'staff', input: empty, output: z.object({}) }),
  'session.me': procedure({ action: 'session.use', audit: 'none', input: empty, output: staffSchema }),
  'account.changePassword': procedure({
    action: 'account.changePassword',
    audit: 'write',
    record: 'staff',
    input: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    output: z.object({}),
  }),
  'staff.list': procedure({ action: 'staff.read', audit: 'read', record: 'staff', input: empty, output: z.array(staffSchema) }),
  'staff.add': procedure({
    action: 'staff.manage',
    audit: 'write',
    record: 'staff',
    input: z
      .object({
        userName: userNameSchema,
        fullName: fullNameSchema,
        roles: z.array(roleSchema).min(1, 'Kies minstens één functie.').max(ROLES.length),
        password: passwordSchema,
      })
      .strict(),
    output: staffSchema,
  }),
  'staff.setRoles': procedure({
    action: 'staff.manage',
    audit: 'write',
    record: 'staff',
    input: z.object({ staffId: idSchema, roles: z.array(roleSchema).min(1, 'Kies minstens één functie.').max(ROLES.length) }).strict(),
    output: staffSchema,
  }),
  'staff.setActive': procedure({
    action: 'staff.manage',
    audit: 'write',
    record: 'staff',
    input: z.object({ staffId: idSchema, active: z.boolean(), password: passwordSchema.optional() }).strict(),
    output: staffSchema,
  }),
  'staff.resetPassword': procedure({
    action: 'staff.manage',
    audit: 'write',
    record: 'staff',
    input: z.object({ staffId: idSchema, newPassword: passwordSchema }).strict(),
    output: z.object({}),
  }),
  'audit.list': procedure({
    action: 'audit.read',
    audit: 'read',
    record: 'audit',
    input: z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(auditEventSchema),
  }),
  'audit.verify': procedure({ action: 'audit.read', audit: 'read', record: 'audit', input: empty, output: auditVerificationSchema }),
  'staff.handlers': procedure({
    action: 'staff.directory',
    audit: 'none',
    input: empty,
    output: z.array(z.object({ id: idSchema, userName: z.string(), fullName: z.string() })),
  }),
  'deadline.preview': procedure({
    action: 'case.register',
    audit: 'none',
    input: z.object({ type: requestTypeSchema, received: isoDateSchema }).strict(),
    output: z.object({ due: z.string(), basis: z.enum(['beleid', 'avg-plafond', 'verlenging']), workingDaysLeft: z.number().int() }),
  }),
  'case.create': procedure({ action: 'case.register', audit: 'write', record: 'case', input: caseCreateSchema, output: caseCreatedSchema }),
  'case.duplicates': procedure({
    action: 'case.register',
    audit: 'read',
    record: 'case',
    input: z.object({ type: requestTypeSchema, name: z.string().trim().min(1).max(200), birthDate: isoDateSchema.optional() }).strict(),
    output: z.object({ references: z.array(z.string()), possibleDuplicate: z.boolean() }),
  }),
  /** The active handler with the fewest open cases, offered to intake as "voorgesteld"; intake still chooses. */
  'case.suggestHandler': procedure({
    action: 'case.register',
    audit: 'none',
    input: empty,
    output: z.object({ handlerId: idSchema.nullable(), openCases: z.number().int().min(0) }),
  }),
  'case.queue': procedure({ action: 'case.queue', audit: 'read', record: 'case', input: queueQuerySchema, output: queueSchema }),
  'case.get': procedure({ action: 'case.read', audit: 'read', record: 'case', input: caseRef, output: caseDetailSchema }),
  'case.timeline': procedure({ action: 'case.read', audit: 'read', record: 'case', input: caseRef, output: z.array(auditEventSchema) }),
  'case.assign': procedure({
    action: 'case.assign',
    audit: 'write',
    record: 'case',
    input: z.object({ id: idSchema, handlerId: idSchema }).strict(),
    output: z.object({}),
  }),
  'case.transition': procedure({
    action: 'case.work',
    audit: 'write',
    record: 'case',
    labels: { to: 'Nieuwe status' },
    input: z.object({ id: idSchema, to: caseStatusSchema, reason: z.string().trim().max(2000).optional() }).strict(),
    output: caseDetailSchema,
  }),
  'case.extend': procedure({
    action: 'case.extend',
    audit: 'write',
    record: 'case',
    input: z
      .object({
        id: idSchema,
        months: z.number().int().min(1).max(2),
        reason: z.string().trim().min(10, 'Geef de reden van de verlenging (minstens 10 tekens).').max(2000),
      })
      .strict(),
    output: z.object({ dueOn: z.string(), originalDueOn: z.string() }),
  }),
  'case.suspendForId': procedure({
    action: 'case.work',
    audit: 'write',
    record: 'case',
    input: z.object({ id: idSchema, on: isoDateSchema }).strict(),
    output: z.object({ dueOn: z.string(), suspendedSince: z.string().nullable() }),
  }),
  'case.resumeAfterId': procedure({
    action: 'case.work',
    audit: 'write',
    record: 'case',
    input: z.object({ id: idSchema, on: isoDateSchema }).strict(),
    output: z.object({ dueOn: z.string(), suspendedDays: z.number().int() }),
  }),
  'case.completeTask': procedure({
    action: 'case.work',
    audit: 'write',
    record: 'case',
    input: z.object({ id: idSchema, taskId: idSchema }).strict(),
    output: z.object({}),
  }),
  'settings.getDeadlinePolicy': procedure({ action: 'terms.manage', audit: 'none', input: empty, output: deadlinePolicySchema }),
  'settings.setDeadlinePolicy': procedure({
    action: 'terms.manage',
    audit: 'write',
    record: 'settings',
    input: deadlinePolicySchema,
    output: deadlinePolicySchema,
  }),
  'identity.get': procedure({ action: 'case.read', audit: 'read', record: 'case', input: z.object({ caseId: idSchema }).strict(), output: identityViewSchema }),
  'identity.uploadCopy': procedure({
    maxBodyBytes: MAX_COPY_BASE64 + ENVELOPE_BYTES,
    action: 'identity.registerCopy',
    audit: 'write',
    record: 'case',
    input: uploadCopyInput,
    output: z.object({ copyId: idSchema, width: z.number().int(), height: z.number().int() }),
  }),
  'identity.viewCopy': procedure({
    action: 'case.read',
    audit: 'read',
    record: 'case',
    input: copyRef,
    output: z.object({ dataBase64: z.string(), width: z.number().int(), height: z.number().int(), masked: z.boolean() }),
  }),
  'identity.maskCopy': procedure({ action: 'case.work', audit: 'write', record: 'case', input: maskInput, output: z.object({ copyId: idSchema }) }),
  'identity.confirmMasked': procedure({ action: 'case.work', audit: 'write', record: 'case', input: copyRef, output: z.object({}) }),
  'identity.check': procedure({ action: 'case.work', audit: 'none', input: identityCheckInput, output: z.array(checkResultSchema) }),
  'identity.record': procedure({ action: 'case.work', audit: 'write', record: 'case', input: identityRecordInput, output: identityCheckViewSchema }),
  'dossier.list': procedure({
    action: 'case.read',
    audit: 'read',
    record: 'case',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.array(documentViewSchema),
  }),
  'dossier.import': procedure({
    maxBodyBytes: MAX_IMPORT_BASE64 + ENVELOPE_BYTES,
    action: 'case.work',
    audit: 'write',
    record: 'case',
    input: importInput,
    output: z.object({ documents: z.array(documentViewSchema), skipped: z.array(z.string()) }),
  }),
  'dossier.pdf': procedure({
    action: 'case.read',
    audit: 'read',
    record: 'case',
    input: z.object({ caseId: idSchema, documentId: idSchema, version: z.enum(['original', 'redacted']).default('original') }).strict(),
    output: z.object({ dataBase64: z.string(), pages: z.number().int() }),
  }),
  'thirdParty.list': procedure({
    action: 'case.read',
    audit: 'read',
    record: 'case',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.array(thirdPartyViewSchema),
  }),
  'thirdParty.add': procedure({ action: 'case.work', audit: 'write', record: 'case', input: thirdPartyAddInput, output: thirdPartyViewSchema }),
  'thirdParty.update': procedure({ action: 'case.work', audit: 'write', record: 'case', input: thirdPartyUpdateInput, output: thirdPartyViewSchema }),
  'redaction.suggest': procedure({ action: 'case.read', audit: 'read', record: 'case', input: suggestInput, output: suggestOutput }),
  'redaction.searchAll': procedure({ action: 'case.read', audit: 'read', record: 'case', input: searchAllInput, output: searchAllOutput }),
  'redaction.start': procedure({
    action: 'case.work',
    audit: 'write',
    record: 'case',
    input: z
      .object({
        caseId: idSchema,
        documentId: idSchema,
        redactions: z.array(redactionSchema).max(20_000),
        thirdPartyIds: z.array(idSchema).max(200).default([]),
        /** Third parties whose name the text does not contain (a scan): the handler confirms the hand-drawn boxes cover them. */
        confirmedThirdPartyIds: z.array(idSchema).max(200).default([]),
      })
      .strict(),
    output: z.object({ jobId: idSchema }),
  }),
  'redaction.status': procedure({ action: 'case.work', audit: 'none', input: z.object({ jobId: idSchema }).strict(), output: jobViewSchema }),
  'redaction.cancel': procedure({ action: 'case.work', audit: 'write', input: z.object({ jobId: idSchema }).strict(), output: z.object({}) }),
  /** Reads a document for redaction, with OCR (offline) for pages that show something but have no usable text; a job, cancelled with redaction.cancel. */
  'redaction.read': procedure({
    action: 'case.read',
    audit: 'read',
    record: 'case',
    input: z.object({ caseId: idSchema, documentId: idSchema }).strict(),
    output: z.object({ jobId: idSchema }),
  }),
  'redaction.readStatus': procedure({ action: 'case.read', audit: 'none', input: z.object({ jobId: idSchema }).strict(), output: readJobViewSchema }),
  ...letterProcedures,
  ...retentionProcedures,
  ...desktopProcedures,
  ...syncProcedures,
  ...handoverProcedures,
  ...gateProcedures,
  ...sourcesProcedures,
  ...workProcedures,
  ...notificationProcedures,
} as const satisfies Record<ProcedureName, ProcedureSpec>;

export type Contract = typeof contract;
export type ProcedureInput<P extends ProcedureName> = z.input<Contract[P]['input']>;
export type ParsedInput<P extends ProcedureName> = z.output<Contract[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Contract[P]['output']>;

/** How large a request body the procedure takes over HTTP; unknown names get the default. */
export function maxBodyBytes(name: string): number {
  return isProcedureName(name) ? ((contract[name] as ProcedureSpec).maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) : DEFAULT_MAX_BODY_BYTES;
}
