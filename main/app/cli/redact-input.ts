import { z } from 'zod';
import type { PersonIdentifiers } from '../../../shared/redaction/person-variants.js';
import { COMMAND_LINE_WARNING, readInput } from './case-commands.js';
import { CliError, type CommandContext } from './commands.js';

/**
 * Who and what `avg-desk redact` looks for: from --input (a JSON file or stdin) and from the
 * command line. Names belong in the file: shells and package managers (npm's debug log) keep a
 * command's arguments, so names given there still work but get a warning on stderr.
 *
 *   {"persons": [{"name": "…", "address": "…", "email": "…", "phone": "…"}],
 *    "requester": {"name": "…", "address": "…", "email": "…", "phone": "…", "customerNumber": "…", "iban": "…", "bsn": "…"},
 *    "terms": ["…"]}
 */

const text = z.string().trim().min(1).max(500);
const optional = text.nullish();
const person = z.object({ name: text, address: optional, email: optional, phone: optional }).strict();
const schema = z
  .object({
    persons: z.array(person).max(200).optional(),
    requester: person.extend({ customerNumber: optional, iban: optional, bsn: optional }).strict().optional(),
    terms: z.array(text).max(500).optional(),
  })
  .strict();

/** The options that carry names, addresses or other personal data. */
const PERSONAL = ['person', 'person-address', 'person-email', 'person-phone', 'requester', 'requester-address', 'requester-email', 'term'] as const;

export interface RedactTargets {
  persons: PersonIdentifiers[];
  requester: PersonIdentifiers | undefined;
  terms: string[];
}

/** Where a problem sits, as `persons[0].name`: never the value itself, which is personal data. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${String(p)}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** The file's persons, requester and terms, plus those on the command line (whose requester wins). */
export async function redactTargets(
  ctx: CommandContext,
  fromCommandLine: { persons: PersonIdentifiers[]; requester: PersonIdentifiers | undefined; terms: string[] },
): Promise<RedactTargets> {
  if (PERSONAL.some((o) => ctx.options[o] !== undefined)) ctx.warn(COMMAND_LINE_WARNING);
  const parsed = schema.safeParse(await readInput(ctx));
  if (!parsed.success) {
    const where = [...new Set(parsed.error.issues.map((i) => pathOf(i.path) || 'de invoer'))].join(', ');
    throw new CliError(
      `De invoer klopt niet bij ${where}. Verwacht: {"persons": [{"name": "…", "address": "…"}], "requester": {"name": "…"}, "terms": ["…"]}.`,
      2,
    );
  }
  const file = parsed.data;
  return {
    persons: [...(file.persons ?? []), ...fromCommandLine.persons],
    requester: fromCommandLine.requester ?? file.requester,
    terms: [...(file.terms ?? []), ...fromCommandLine.terms],
  };
}
