import type { ErrorCode, ValidationIssue } from '../../shared/api/result.js';

/**
 * A failure the user can cause or fix. The dispatcher turns it into `{ok: false, error}` with the
 * Dutch message. Messages never carry personal data; `cause` is for logs of the technical kind only.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly dutchMessage: string | undefined;
  readonly details: string[] | undefined;
  readonly issues: ValidationIssue[] | undefined;

  constructor(code: ErrorCode, dutchMessage?: string, options?: { cause?: unknown; details?: string[]; issues?: ValidationIssue[] }) {
    super(code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.dutchMessage = dutchMessage;
    this.details = options?.details;
    this.issues = options?.issues;
  }
}
