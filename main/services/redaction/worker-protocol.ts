import { isRedactionFailure, type RedactionFailure } from './errors.js';
import type { Redaction, RedactionProgress } from './types.js';

/** Messages between `runRedactionInWorker` and worker.ts. Errors travel as their failure kind: a class does not survive structured cloning. */
export interface WorkerRequest {
  pdf: Uint8Array;
  redactions: Redaction[];
  dpi?: number | undefined;
}

export type WorkerReply = ({ type: 'progress' } & RedactionProgress) | { type: 'done'; pdf: Uint8Array } | { type: 'error'; failure: RedactionFailure };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isWorkerRequest(value: unknown): value is WorkerRequest {
  return isRecord(value) && value['pdf'] instanceof Uint8Array && Array.isArray(value['redactions']) && (value['dpi'] === undefined || typeof value['dpi'] === 'number');
}

export function isWorkerReply(value: unknown): value is WorkerReply {
  if (!isRecord(value)) return false;
  switch (value['type']) {
    case 'progress':
      return typeof value['done'] === 'number' && typeof value['total'] === 'number';
    case 'done':
      return value['pdf'] instanceof Uint8Array;
    case 'error':
      return isRedactionFailure(value['failure']);
    default:
      return false;
  }
}
