import { z } from 'zod';
import { AUTHORITY_KINDS, DOCUMENT_TYPES, ID_METHODS, ID_OUTCOMES, ID_SUBJECTS } from './identity-types.js';
import { isoDateSchema } from '../cases/case-schemas.js';

/** 15 MB of file as base64 (and some). */
export const MAX_COPY_BASE64 = 21 * 1024 * 1024;

export const identityDocumentSchema = z
  .object({
    documentType: z.enum(DOCUMENT_TYPES),
    issuingCountry: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/u, 'is een drielettercode, zoals NLD'),
    documentNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{5,20}$/u, 'bestaat uit 5 tot 20 letters en cijfers'),
    expiry: isoDateSchema,
    surname: z.string().trim().min(1).max(200),
    birthDate: isoDateSchema,
    mrz: z.array(z.string().max(60)).max(3).optional(),
  })
  .strict();

const caseAndSubject = { caseId: z.uuid(), subject: z.enum(ID_SUBJECTS) };

export const identityCheckInput = z.object({ ...caseAndSubject, document: identityDocumentSchema }).strict();

export const checkResultSchema = z.object({
  check: z.enum(['land', 'geldigheid', 'naam', 'geboortedatum', 'documentnummer', 'mrz']),
  ok: z.boolean(),
  message: z.string(),
});

export const identityRecordInput = z
  .object({
    ...caseAndSubject,
    method: z.enum(ID_METHODS),
    outcome: z.enum(ID_OUTCOMES),
    reason: z.string().trim().max(2000).optional(),
    document: identityDocumentSchema.optional(),
    /** For a representative: how their authority was shown, and that it was checked. */
    authority: z.enum(AUTHORITY_KINDS).optional(),
    authorityChecked: z.boolean().optional(),
    /** For "bekende klant": customer number, address and date of birth were compared and match. */
    customerDataMatch: z.boolean().optional(),
  })
  .strict();

export const identityCheckViewSchema = z.object({
  id: z.string(),
  subject: z.enum(ID_SUBJECTS),
  method: z.enum(ID_METHODS),
  outcome: z.enum(ID_OUTCOMES),
  reason: z.string().nullable(),
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  issuingCountry: z.string().nullable(),
  documentNumberTail: z.string().nullable(),
  expiry: z.string().nullable(),
  checksPassed: z.array(z.string()),
  authority: z.enum(AUTHORITY_KINDS).nullable(),
  copiesDestroyed: z.number().int(),
  verifiedBy: z.string().nullable(),
  /** The name of who verified, also when their account is no longer active. */
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string(),
});

export const idCopyViewSchema = z.object({
  id: z.string(),
  subject: z.enum(ID_SUBJECTS).nullable(),
  masked: z.boolean(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  uploadedAt: z.string(),
});

export const identityViewSchema = z.object({
  representationRequired: z.boolean(),
  hasRepresentative: z.boolean(),
  requesterVerified: z.boolean(),
  representativeVerified: z.boolean(),
  checks: z.array(identityCheckViewSchema),
  copies: z.array(idCopyViewSchema),
});

export const uploadCopyInput = z
  .object({
    ...caseAndSubject,
    fileName: z.string().trim().min(1).max(255),
    /** 15 MB of file as base64. */
    dataBase64: z
      .string()
      .max(MAX_COPY_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/u, 'is geen geldige bestandsinhoud'),
  })
  .strict();

export const copyRef = z.object({ caseId: z.uuid(), copyId: z.uuid() }).strict();

export const maskInput = z
  .object({
    caseId: z.uuid(),
    copyId: z.uuid(),
    boxes: z
      .array(z.object({ x: z.number().min(0), y: z.number().min(0), width: z.number().positive(), height: z.number().positive() }).strict())
      .min(1, 'Teken minstens één vlak.')
      .max(50),
  })
  .strict();
