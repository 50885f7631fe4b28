import type { Backend } from '../../main/app/backend.js';
import { value, type typed } from './backend.js';

/**
 * Polls a redaction job (applying, or reading a scan) until it is no longer running; the messages
 * it showed on the way are added to `seen`.
 */
export async function finishedJob<T extends { state: string }>(
  backend: Backend,
  token: string,
  procedure: 'redaction.status' | 'redaction.readStatus',
  jobId: string,
  seen: string[] = [],
): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const r = await backend.dispatch(procedure, { jobId }, token);
    if (!r.ok) throw new Error(r.error.message);
    const job = r.value as T & { message?: string };
    if (job.message && !seen.includes(job.message)) seen.push(job.message);
    if (job.state !== 'running') return job;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('job did not finish');
}

/** Imports a PDF into the case's dossier as the neighbours' file (overlastdossier); its document id. */
export async function importPdf(call: ReturnType<typeof typed>, token: string, caseId: string, fileName: string, pdf: Uint8Array): Promise<string> {
  const imported = value(await call('dossier.import', { caseId, fileName, dataBase64: Buffer.from(pdf).toString('base64'), source: 'overlastdossier' }, token));
  return imported.documents[0]?.id ?? '';
}
