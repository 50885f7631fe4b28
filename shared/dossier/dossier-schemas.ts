import { z } from 'zod';
import { DOCUMENT_FORMATS, DOCUMENT_SOURCES, HEARING_STATUSES } from './dossier.js';
import { isoDateSchema } from '../cases/case-schemas.js';

/** 40 MB of file as base64 (and some). */
export const MAX_IMPORT_BASE64 = 56 * 1024 * 1024;

export const documentViewSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  source: z.enum(DOCUMENT_SOURCES),
  documentDate: z.string().nullable(),
  description: z.string(),
  pages: z.number().int(),
  /** Zero-based pages whose text came from OCR, once the document was read for redaction; null before. */
  ocrPages: z.array(z.number().int()).nullable(),
  createdAt: z.string(),
  redacted: z.object({ id: z.string(), createdAt: z.string(), boxes: z.number().int(), thirdPartyIds: z.array(z.string()) }).nullable(),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

/** A file's name as the user's system gave it: no control characters. */
export const fileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((n) => ![...n].some((c) => c.charCodeAt(0) < 32), 'bevat ongeldige tekens');

export const importInput = z
  .object({
    caseId: z.uuid(),
    fileName: fileNameSchema,
    /** 40 MB of file as base64. */
    dataBase64: z
      .string()
      .max(MAX_IMPORT_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/u, 'is geen geldige bestandsinhoud'),
    source: z.enum(DOCUMENT_SOURCES),
    documentDate: isoDateSchema.optional(),
    description: z.string().trim().max(2000).default(''),
  })
  .strict();

export const thirdPartyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string(),
  hearingStatus: z.enum(HEARING_STATUSES),
  note: z.string().nullable(),
  documentIds: z.array(z.string()),
  /** Whether every document they occur in has a redacted version covering them. */
  redactedEverywhere: z.boolean(),
});

/** A contact detail of a third party; empty means not known (and clears it on update). */
const contact = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v));
const email = z
  .string()
  .trim()
  .max(254)
  .refine((v) => v === '' || z.email().safeParse(v).success, 'is geen geldig e-mailadres')
  .transform((v) => (v === '' ? null : v));

export const thirdPartyAddInput = z
  .object({
    caseId: z.uuid(),
    name: z.string().trim().min(2).max(200),
    address: contact(500).optional(),
    email: email.optional(),
    phone: contact(40).optional(),
    role: z.string().trim().min(1).max(100),
    documentIds: z.array(z.uuid()).max(1000).default([]),
  })
  .strict();

export const thirdPartyUpdateInput = z
  .object({
    caseId: z.uuid(),
    id: z.uuid(),
    address: contact(500).optional(),
    email: email.optional(),
    phone: contact(40).optional(),
    hearingStatus: z.enum(HEARING_STATUSES).optional(),
    note: z.string().trim().max(2000).optional(),
    documentIds: z.array(z.uuid()).max(1000).optional(),
  })
  .strict();
