import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_LEVELS, type LogLevel } from '../shared/api/desktop-contract.js';

/**
 * Technical log lines, one JSON object per line. Only the fields declared here can be logged, none
 * of which is meant to carry personal data: no names, no input, no error messages from below (they
 * can quote values) — error class names and codes only. As a second line of defence every string is
 * scrubbed of what looks like an e-mail address, a BSN or other long number, an IBAN or a phone
 * number before it is written.
 */
export interface LogFields {
  event: string;
  procedure?: string;
  code?: string;
  correlationId?: string;
  errorName?: string;
  detail?: string;
}

export { LOG_LEVELS, type LogLevel } from '../shared/api/desktop-contract.js';

export interface Logger {
  debug(fields: LogFields): void;
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
  /** The admin's log-level setting, applied from the next line on. */
  setLevel(level: LogLevel): void;
  readonly level: LogLevel;
}

const SCRUBBERS: [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[e-mail]'],
  [/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/gu, '[iban]'],
  [/(?:\+|00)\d[\d\s-]{7,}\d/gu, '[telefoon]'],
  [/\d[\d\s.-]{6,}\d/gu, '[nummer]'],
];

/** Replaces what looks like personal data in a log string. */
export function scrub(text: string): string {
  return SCRUBBERS.reduce((t, [re, replacement]) => t.replace(re, replacement), text);
}

function line(level: LogLevel, fields: LogFields, now: Date): string {
  const clean: Record<string, string> = { level, at: now.toISOString() };
  for (const [key, value] of Object.entries(fields)) if (typeof value === 'string') clean[key] = scrub(value).slice(0, 500);
  return `${JSON.stringify(clean)}\n`;
}

function leveled(initial: LogLevel, write: (text: string) => void): Logger {
  let minimum = initial;
  const at = (level: LogLevel) => (fields: LogFields) => {
    if (LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(minimum)) write(line(level, fields, new Date()));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (level) => {
      minimum = level;
    },
    get level() {
      return minimum;
    },
  };
}

export const stderrLogger: Logger = leveled('info', (text) => process.stderr.write(text));
/** Writes nothing, whatever its level. */
export const silentLogger: Logger = leveled('error', () => {});

/**
 * Rotating files in the app's log folder: `avg-desk.log`, and at `maxBytes` it becomes
 * `avg-desk.1.log` (older ones shift up; `keep` files in all). A failing disk never stops the app.
 */
export function fileLogger(options: { dir: string; level?: LogLevel; maxBytes?: number; keep?: number }): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 5;
  const current = join(options.dir, 'avg-desk.log');
  const rotated = (n: number) => join(options.dir, `avg-desk.${n}.log`);
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  return leveled(options.level ?? 'info', (text) => {
    try {
      let size = 0;
      try {
        size = statSync(current).size;
      } catch {
        size = 0;
      }
      if (size + text.length > maxBytes) {
        rmSync(rotated(keep - 1), { force: true });
        for (let n = keep - 2; n >= 1; n--) {
          try {
            renameSync(rotated(n), rotated(n + 1));
          } catch {
            // That generation did not exist yet.
          }
        }
        renameSync(current, rotated(1));
      }
      appendFileSync(current, text, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
  });
}
