import { z } from 'zod';
import { DATASET_FORMATS } from './datasets.js';
import type { ProcedureSpec } from '../api/contract.js';
import { fileNameSchema } from './dossier-schemas.js';

/**
 * Where the handler looked for the requester's data ("gezocht in", per system of the processing
 * register) and the structured exports taken from those systems, spread into the contract in
 * contract.ts. Reading them is reading case content; recording them is work on the case.
 */
const caseRef = z.object({ caseId: z.uuid() }).strict();
const activityId = z.string().trim().min(1, 'Kies een systeem uit het verwerkingsregister.').max(63);

export const sourceCheckSchema = z.object({
  activityId: z.string(),
  system: z.string(),
  searched: z.object({ found: z.boolean(), note: z.string(), by: z.string(), byName: z.string(), at: z.string() }).nullable(),
});
export type SourceCheckView = z.infer<typeof sourceCheckSchema>;

export const datasetViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  format: z.enum(DATASET_FORMATS),
  system: z.string(),
  activityId: z.string().nullable(),
  columns: z.number().int(),
  rows: z.number().int(),
  createdAt: z.string(),
});
export type DatasetViewSchema = z.infer<typeof datasetViewSchema>;

export const recordSearchInput = z
  .object({ caseId: z.uuid(), activityId, found: z.boolean(), note: z.string().trim().max(500, 'De toelichting is hoogstens 500 tekens.').default('') })
  .strict();

export const datasetImportInput = z
  .object({
    caseId: z.uuid(),
    fileName: fileNameSchema,
    /** 10 MB of export as base64. */
    dataBase64: z.string().max(14 * 1024 * 1024, 'De export is groter dan 10 MB.'),
    activityId,
  })
  .strict();

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const sourcesProcedures = {
  'sources.checklist': procedure({ action: 'case.read', audit: 'read', record: 'case', input: caseRef, output: z.array(sourceCheckSchema) }),
  'sources.record': procedure({ action: 'case.work', audit: 'write', record: 'case', input: recordSearchInput, output: z.array(sourceCheckSchema) }),
  'dataset.list': procedure({ action: 'case.read', audit: 'read', record: 'case', input: caseRef, output: z.array(datasetViewSchema) }),
  'dataset.import': procedure({ action: 'case.work', audit: 'write', record: 'case', input: datasetImportInput, output: datasetViewSchema }),
} as const;
