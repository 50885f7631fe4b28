import { appendFileSync, closeSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_LEVELS, type LogLevel } from '../../shared/settings/desktop-contract.js';

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

export { LOG_LEVELS, type LogLevel } from '../../shared/settings/desktop-contract.js';

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

const RETRY_PAUSES_MS = [0, 10, 50];
/** Something to wait on synchronously: a log call cannot await. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** A rotation lock older than this was left by a writer that died while rotating. */
const STALE_LOCK_MS = 10_000;

/**
 * Rotating files in the app's log folder: `avg-desk.log`, and at `maxBytes` it becomes
 * `avg-desk.1.log` (older ones shift up; `keep` files in all).
 *
 * More than one process writes here (the app, a CLI beside it), so: every line is appended with
 * its own open in append mode (O_APPEND: whole lines, and a writer never holds a file that was
 * renamed under it), and only the writer holding `avg-desk.log.lock` (created exclusively) rotates,
 * after checking the size again; the others append and go on. A line whose write fails is tried
 * again (the folder made anew) and, if it still fails, stderr says so once until writing works
 * again: IT must be able to find the line with the number a user was shown, and a silent gap
 * would hide why it is missing. A failing disk never stops the app.
 */
export function fileLogger(options: { dir: string; level?: LogLevel; maxBytes?: number; keep?: number }): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 5;
  const current = join(options.dir, 'avg-desk.log');
  const lock = join(options.dir, 'avg-desk.log.lock');
  const rotated = (n: number) => join(options.dir, `avg-desk.${n}.log`);
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  let reported = false;

  const sizeOf = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };

  function takeLock(): boolean {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      try {
        if (Date.now() - statSync(lock).mtimeMs < STALE_LOCK_MS) return false;
        rmSync(lock, { force: true });
        closeSync(openSync(lock, 'wx', 0o600));
        return true;
      } catch {
        return false;
      }
    }
  }

  function rotateIfFull(adding: number): void {
    if (sizeOf(current) + adding <= maxBytes || !takeLock()) return;
    try {
      // Another writer may have rotated between our look and the lock.
      if (sizeOf(current) + adding <= maxBytes) return;
      rmSync(rotated(keep - 1), { force: true });
      for (let n = keep - 2; n >= 1; n--) {
        try {
          renameSync(rotated(n), rotated(n + 1));
        } catch {
          // That generation did not exist yet.
        }
      }
      renameSync(current, rotated(1));
    } finally {
      rmSync(lock, { force: true });
    }
  }

  function append(text: string): void {
    try {
      rotateIfFull(text.length);
    } catch {
      // A rotation that failed only means a larger file; the line itself must still be written.
    }
    appendFileSync(current, text, { mode: 0o600 });
  }

  /** Transient failures (too many open files under load, a folder removed) pass: a few tries, briefly apart. */
  function appendWithRetries(text: string): void {
    for (let attempt = 0; ; attempt++) {
      try {
        append(text);
        return;
      } catch (error) {
        if (attempt >= RETRY_PAUSES_MS.length) throw error;
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        else Atomics.wait(PAUSE, 0, 0, RETRY_PAUSES_MS[attempt]);
      }
    }
  }

  return leveled(options.level ?? 'info', (text) => {
    try {
      appendWithRetries(text);
      reported = false;
    } catch (error) {
      if (reported) return;
      reported = true;
      try {
        process.stderr.write(
          `AVG Desk kan niet in het logbestand schrijven (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'}): ${current}. Regels gaan verloren tot dat weer lukt.\n`,
        );
      } catch {
        // Logging must never take the app down.
      }
    }
  });
}
