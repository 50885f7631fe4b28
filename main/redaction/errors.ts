import { DomainError } from '../platform/errors.js';

export const REDACTION_FAILURES = [
  'empty',
  'not-pdf',
  'corrupt',
  'encrypted',
  'too-large',
  'too-many-pages',
  'invalid-redaction',
  'cancelled',
  'render-failed',
  'verification-failed',
  'ocr-failed',
  'failed',
] as const;
export type RedactionFailure = (typeof REDACTION_FAILURES)[number];

const MESSAGES: Readonly<Record<RedactionFailure, string>> = {
  empty: 'Het bestand is leeg (0 bytes).',
  'not-pdf': 'Het bestand is geen PDF.',
  corrupt: 'De PDF is beschadigd of onvolledig en kan niet betrouwbaar worden gelakt. Vraag om een nieuwe kopie van het document.',
  encrypted: 'De PDF is versleuteld of met een wachtwoord beveiligd en kan niet worden gelakt. Vraag om een onbeveiligde kopie.',
  'too-large': 'De PDF is groter dan 100 MB. Splits het document en lak de delen apart.',
  'too-many-pages': 'De PDF heeft meer dan 2.000 pagina’s. Splits het document en lak de delen apart.',
  'invalid-redaction': 'Een lakvlak is ongeldig: de pagina bestaat niet of de afmetingen kloppen niet.',
  cancelled: 'Het lakken is afgebroken. Er is geen gelakt bestand gemaakt.',
  'render-failed': 'Een pagina kon niet worden omgezet naar een afbeelding. Er is geen gelakt bestand gemaakt.',
  'verification-failed': 'De controle na het lakken klopte niet. Er is geen gelakt bestand gemaakt; neem contact op met IT.',
  'ocr-failed': 'De tekstherkenning (OCR) van een gescande pagina is mislukt. Er is geen gelakt bestand gemaakt; neem contact op met IT.',
  failed: 'Het lakken is mislukt door een onverwachte fout. Er is geen gelakt bestand gemaakt; neem contact op met IT.',
};

/** Input the user can fix is VALIDATION; a failed self-check is ours and goes to IT. */
const CODES: Partial<Record<RedactionFailure, 'INTERNAL'>> = {
  'verification-failed': 'INTERNAL',
  'render-failed': 'INTERNAL',
  'ocr-failed': 'INTERNAL',
  failed: 'INTERNAL',
};

/**
 * Why a redaction could not be made. The message is Dutch and never names the document's content;
 * `cause` (technical) is for the log only.
 */
export class RedactionError extends DomainError {
  readonly failure: RedactionFailure;
  override readonly dutchMessage: string;

  constructor(failure: RedactionFailure, options?: { cause?: unknown }) {
    super(CODES[failure] ?? 'VALIDATION', MESSAGES[failure], options);
    this.name = 'RedactionError';
    this.failure = failure;
    this.dutchMessage = MESSAGES[failure];
  }
}

export function isRedactionFailure(value: unknown): value is RedactionFailure {
  return typeof value === 'string' && (REDACTION_FAILURES as readonly string[]).includes(value);
}
