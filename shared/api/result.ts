/**
 * Errors are data. Every procedure answers `Result`: the value, or a typed error whose message is
 * Dutch and safe to show (it never contains personal data).
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_PROCEDURE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'WRONG_CREDENTIALS',
  'LOCKED_OUT',
  'WEAK_PASSWORD',
  'LAST_ADMIN',
  'STORE_PROTECTED',
  'STORE_UNREADABLE',
  'TRANSPORT',
  'SYNC_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid input field, for code: where it is, which rule it broke, and its Dutch label and message. */
export interface ValidationIssue {
  /** The field's path in the input, dot-separated ('filter.to', 'blocks.2.text'). */
  path: string;
  /** zod's issue code: 'invalid_format', 'too_small', 'custom' … */
  code: string;
  /** The field's Dutch name as this procedure means it. */
  label: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** Dutch, for the user. Never personal data. */
  message: string;
  /** Further Dutch lines, e.g. each invalid field or each password rule not met. */
  details?: string[];
  /** For VALIDATION: the same fields, structured, so a form can put each message at its field. */
  issues?: ValidationIssue[];
  /** Shown to the user so IT can find the log line of an unexpected error. */
  correlationId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Default Dutch messages per code; services may give a more specific one. */
export const DEFAULT_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  VALIDATION: 'De invoer is niet geldig.',
  UNKNOWN_PROCEDURE: 'Deze opdracht bestaat niet.',
  UNAUTHENTICATED: 'U bent niet aangemeld. Meld u opnieuw aan.',
  SESSION_EXPIRED: 'Uw sessie is verlopen. Meld u opnieuw aan.',
  SESSION_LOCKED: 'AVG Desk is vergrendeld. Voer uw wachtwoord opnieuw in om verder te werken.',
  FORBIDDEN: 'U heeft geen toestemming voor deze handeling.',
  NOT_FOUND: 'Het gevraagde gegeven bestaat niet (meer).',
  CONFLICT: 'Dit gegeven bestaat al.',
  NOT_INITIALIZED: 'AVG Desk is op deze computer nog niet ingericht.',
  ALREADY_INITIALIZED: 'AVG Desk is op deze computer al ingericht.',
  WRONG_CREDENTIALS: 'Gebruikersnaam of wachtwoord is onjuist.',
  LOCKED_OUT: 'Te veel mislukte pogingen. Wacht even en probeer het opnieuw.',
  WEAK_PASSWORD: 'Het wachtwoord is niet sterk genoeg.',
  LAST_ADMIN: 'Er moet minstens één actieve beheerder overblijven.',
  STORE_PROTECTED: 'Deze gegevens zijn gebonden aan de Windows-gebruiker en zijn alleen in de desktop-app te openen.',
  STORE_UNREADABLE: 'De lokale gegevens kunnen niet worden gelezen. Neem contact op met IT.',
  TRANSPORT: 'De verbinding met AVG Desk is verbroken. Probeer het opnieuw.',
  SYNC_FAILED: 'De synchronisatie met de centrale database is mislukt. Uw werk blijft bewaard op deze computer.',
  INTERNAL: 'Er ging onverwacht iets mis. Controleer of uw wijziging is opgeslagen en geef IT het foutnummer door.',
};

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message?: string, details?: string[], issues?: ValidationIssue[]): Result<T> {
  const error: ApiError = { code, message: message ?? DEFAULT_MESSAGES[code] };
  if (details && details.length > 0) error.details = details;
  if (issues && issues.length > 0) error.issues = issues;
  return { ok: false, error };
}
