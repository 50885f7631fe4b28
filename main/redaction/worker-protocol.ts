import { isRedactionFailure, type RedactionFailure } from './errors.js';
import type { OcrMode, ReadProgress } from './ocr-read.js';
import type { OcrLayer, PageReport, PageText, Redaction, RedactionProgress } from './types.js';

/** The workerData of a thread started ahead of its job: it warms up before its first request. */
export const WARM = 'warm';

/** Messages between `runRedactionInWorker` and worker.ts. Errors travel as their failure kind: a class does not survive structured cloning. */
export interface WorkerRequest {
  pdf: Uint8Array;
  redactions: Redaction[];
  dpi?: number | undefined;
  ocr?: OcrLayer[] | undefined;
}

/** Reading a document (text, and OCR where it is missing) runs in the same worker entry. */
export interface ReadRequest {
  kind: 'read';
  pdf: Uint8Array;
  ocr: OcrMode;
}

export type ReadReply = ({ type: 'progress' } & ReadProgress) | { type: 'read'; pages: PageText[] } | { type: 'error'; failure: RedactionFailure };

export function isReadRequest(value: unknown): value is ReadRequest {
  return isRecord(value) && value['kind'] === 'read' && value['pdf'] instanceof Uint8Array && ['off', 'missing', 'verify'].includes(String(value['ocr']));
}

export function isReadReply(value: unknown): value is ReadReply {
  if (!isRecord(value)) return false;
  if (value['type'] === 'read') return Array.isArray(value['pages']);
  if (value['type'] === 'progress') return typeof value['done'] === 'number' && typeof value['total'] === 'number' && typeof value['ocr'] === 'boolean';
  return value['type'] === 'error' && isRedactionFailure(value['failure']);
}

export type WorkerReply =
  | ({ type: 'progress' } & RedactionProgress)
  | { type: 'done'; pdf: Uint8Array; pages: PageReport[]; repaired: boolean; unlocked: boolean }
  | { type: 'error'; failure: RedactionFailure };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isWorkerRequest(value: unknown): value is WorkerRequest {
  return (
    isRecord(value) &&
    value['pdf'] instanceof Uint8Array &&
    Array.isArray(value['redactions']) &&
    (value['dpi'] === undefined || typeof value['dpi'] === 'number') &&
    (value['ocr'] === undefined || Array.isArray(value['ocr']))
  );
}

export function isWorkerReply(value: unknown): value is WorkerReply {
  if (!isRecord(value)) return false;
  switch (value['type']) {
    case 'progress':
      return typeof value['done'] === 'number' && typeof value['total'] === 'number';
    case 'done':
      return (
        value['pdf'] instanceof Uint8Array && Array.isArray(value['pages']) && typeof value['repaired'] === 'boolean' && typeof value['unlocked'] === 'boolean'
      );
    case 'error':
      return isRedactionFailure(value['failure']);
    default:
      return false;
  }
}
