/**
 * Technical log lines, one JSON object per line on stderr. Only the fields declared here can be
 * logged, none of which carry personal data: no names, no input, no error messages from below
 * (they can quote values), only error class names and codes.
 */
export interface LogFields {
  event: string;
  procedure?: string;
  code?: string;
  correlationId?: string;
  errorName?: string;
  detail?: string;
}

export interface Logger {
  info(fields: LogFields): void;
  error(fields: LogFields): void;
}

export const stderrLogger: Logger = {
  info: (fields) => process.stderr.write(`${JSON.stringify({ level: 'info', at: new Date().toISOString(), ...fields })}\n`),
  error: (fields) => process.stderr.write(`${JSON.stringify({ level: 'error', at: new Date().toISOString(), ...fields })}\n`),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };
