import { z } from 'zod';
import type { ProcedureSpec } from '../api/contract.js';
import { fileResult, fileSource, oneFileSource, TRANSFER_BODY_BYTES } from '../api/file-transfer.js';

/**
 * Handing a case file over to a handler on another desktop, spread into the contract in
 * contract.ts. Both are audited as records of the case. The password protects the bundle and is
 * shared out of band (by phone); its strength is checked by the backend with shared/staff/password.ts.
 */
const MISSING = 'Kies het overdrachtsbestand.';
const password = z.string().min(1, 'Geef het wachtwoord van het overdrachtsbestand.').max(1024);

/** Without a path the bundle comes back in the answer (browser mode's download). */
export const handoverExportInput = z.object({ caseId: z.uuid(), path: fileSource(MISSING).path, password }).strict();
export const handoverImportInput = z
  .object({ ...fileSource(MISSING), password })
  .strict()
  .superRefine(oneFileSource(MISSING));

export const handoverExportResultSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  ...fileResult,
  files: z.number().int(),
  bundleSha256: z.string(),
});
export type HandoverExportResult = z.infer<typeof handoverExportResultSchema>;

export const handoverImportResultSchema = z.object({ caseId: z.string(), reference: z.string(), files: z.number().int() });
export type HandoverImportResult = z.infer<typeof handoverImportResultSchema>;

function procedure<I extends z.ZodType, O extends z.ZodType>(spec: ProcedureSpec<I, O>): ProcedureSpec<I, O> {
  return spec;
}

export const handoverProcedures = {
  'handover.export': procedure({ action: 'handover.export', audit: 'write', record: 'case', input: handoverExportInput, output: handoverExportResultSchema }),
  'handover.import': procedure({
    action: 'handover.import',
    audit: 'write',
    record: 'case',
    maxBodyBytes: TRANSFER_BODY_BYTES,
    input: handoverImportInput,
    output: handoverImportResultSchema,
  }),
} as const;
