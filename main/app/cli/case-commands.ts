import type { ProcedureInput } from '../../../shared/api/contract.js';
import { CASE_STATUSES, CHANNELS, CORRECTION_KINDS, REPRESENTATIVE_KINDS, RELATIONS, STATUS_LABELS } from '../../../shared/cases/cases.js';
import { REQUEST_TYPES } from '../../../shared/cases/request-types.js';
import { AUTHORITY_KINDS, DOCUMENT_TYPES, type IdMethod, type IdOutcome } from '../../../shared/identity/identity-types.js';
import { caseIdOf, CliError, date, oneOf, readInputFile, type Command, type CommandContext } from './commands.js';

/**
 * Registering a case, recording identity and moving a case on from the command line, through the
 * same dispatcher as the app. Personal data come from a JSON file or stdin (--input), because
 * shells and package managers (npm's debug log) keep the arguments of a command.
 */

/** The options that carry personal data: allowed for compatibility, with a warning. */
const PERSONAL_OPTIONS = ['requester', 'birthdate', 'address', 'email', 'phone', 'customer', 'representative'] as const;

export const COMMAND_LINE_WARNING =
  'Let op: persoonsgegevens op de opdrachtregel komen terecht in de geschiedenis van de shell en in de logboeken van pakketbeheerders (zoals npm). Geef ze met --input BESTAND.json of --input - (stdin).\n';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** --input FILE or --input - (stdin): one JSON object. */
export async function readInput(ctx: CommandContext): Promise<Json> {
  const source = ctx.options.input;
  if (!source) return {};
  const text = source === '-' ? await ctx.readStdin() : readInputFile(source, 'Het invoerbestand').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(`${source === '-' ? 'De invoer op stdin' : source} bevat geen geldige JSON.`, 2);
  }
  if (!isObject(parsed)) throw new CliError('De invoer is één JSON-object, zoals {"requester": {"name": "…"}}.', 2);
  return parsed;
}

function section(input: Json, key: string): Json {
  const value = input[key];
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw new CliError(`"${key}" in de invoer is een JSON-object.`, 2);
  return value;
}

/** Command-line values override the file's; undefined keys are left out. */
function defined(values: Json): Json {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

async function handlerIdOf(call: Awaited<ReturnType<CommandContext['signIn']>>, userName: string | undefined): Promise<string | undefined> {
  if (!userName) return undefined;
  const handler = (await call('staff.handlers', {})).find((h) => h.userName === userName.toLowerCase());
  if (!handler) throw new CliError(`Er is geen actieve behandelaar met gebruikersnaam "${userName}".`, 1);
  return handler.id;
}

const PERSONS = { requester: 'verzoeker', representative: 'vertegenwoordiger' } as const;
const METHOD_WORDS = ['balie', 'mijn-alliantie', 'kopie', 'klant'] as const;
const METHODS: Readonly<Record<(typeof METHOD_WORDS)[number], IdMethod>> = {
  balie: 'balie',
  'mijn-alliantie': 'mijn_alliantie',
  kopie: 'kopie',
  klant: 'klantgegevens',
};
const OUTCOME_WORDS = ['vastgesteld', 'niet-vastgesteld', 'meer-informatie'] as const;
const OUTCOMES: Readonly<Record<(typeof OUTCOME_WORDS)[number], IdOutcome>> = {
  vastgesteld: 'geverifieerd',
  'niet-vastgesteld': 'afgewezen',
  'meer-informatie': 'meer_informatie',
};
const dashed = (value: string) => value.replace(/_/gu, '-');

export const CASE_COMMANDS: Command[] = [
  {
    words: ['case', 'create'],
    async run(ctx) {
      const { options, signIn, print } = ctx;
      const input = await readInput(ctx);
      const typed = PERSONAL_OPTIONS.filter((o) => options[o] !== undefined);
      if (typed.length > 0) ctx.warn(COMMAND_LINE_WARNING);
      const fileRequester = section(input, 'requester');
      const requester = {
        ...fileRequester,
        ...defined({
          name: options.requester,
          birthDate: options.birthdate ? date(options.birthdate, '--birthdate') : undefined,
          address: options.address,
          email: options.email,
          phone: options.phone,
          customerNumber: options.customer,
          relation: options.relation ? oneOf(options.relation, RELATIONS, '--relation') : undefined,
          legallyIncapacitated: options.incapacitated ? true : undefined,
        }),
      };
      if (typeof requester.name !== 'string' || requester.name.trim() === '')
        throw new CliError('Geef de naam van de verzoeker in --input (requester.name) of met --requester "Naam".', 2);
      requester.relation ??= 'huurder';
      const fileRepresentative = section(input, 'representative');
      const representative = {
        ...fileRepresentative,
        ...defined({
          name: options.representative,
          kind: options['representative-kind'] ? oneOf(options['representative-kind'], REPRESENTATIVE_KINDS, '--representative-kind') : undefined,
          basis: options['representative-basis'],
        }),
      };
      const hasRepresentative = Object.keys(representative).length > 0;
      if (hasRepresentative) representative.kind ??= 'wettelijk_vertegenwoordiger';
      const type = oneOf(options.type ?? (typeof input.type === 'string' ? input.type : undefined), REQUEST_TYPES, '--type');
      const received = options.received ?? (typeof input.received === 'string' ? input.received : undefined);
      const call = await signIn();
      const handlerId = await handlerIdOf(call, options.handler);
      // The contract checks every field and names what is wrong in Dutch.
      const request = {
        ...input,
        type,
        ...(options.correction ? { correctionKinds: options.correction.split(',').map((k) => oneOf(k.trim(), CORRECTION_KINDS, '--correction')) } : {}),
        requester,
        ...(hasRepresentative ? { representative } : {}),
        channel: oneOf(options.channel ?? (typeof input.channel === 'string' ? input.channel : undefined), CHANNELS, '--channel', 'brief'),
        received: date(received, '--received'),
        writtenAndSigned: options.unsigned ? false : typeof input.writtenAndSigned === 'boolean' ? input.writtenAndSigned : true,
        ...(handlerId ? { handlerId } : {}),
      } as ProcedureInput<'case.create'>;
      const created = await call('case.create', request);
      const warning = created.duplicates.length
        ? `\nLet op: er loopt al een verzoek van dezelfde soort van deze verzoeker: ${created.duplicates.join(', ')}.`
        : created.possibleDuplicate
          ? '\nLet op: mogelijk dubbel verzoek, vraag het privacyteam.'
          : '';
      print(`Zaak ${created.reference} geregistreerd; uiterste datum ${created.due}.${warning}`, {
        id: created.id,
        reference: created.reference,
        due: created.due,
        duplicates: created.duplicates,
        possibleDuplicate: created.possibleDuplicate,
      });
      return 0;
    },
  },
  {
    words: ['identity', 'record'],
    async run(ctx) {
      const { args, options, signIn, print } = ctx;
      const usage =
        'Gebruik: identity record ZAAK --person requester|representative --method balie|mijn-alliantie|kopie|klant --outcome vastgesteld|niet-vastgesteld|meer-informatie [--document-type SOORT] [--authority SOORT] [--reason "…"] [--input BESTAND.json]';
      if (!args[0]) throw new CliError(usage, 2);
      if ((options.person?.length ?? 0) > 1) throw new CliError('Geef --person één keer: requester of representative.', 2);
      const person = PERSONS[oneOf(options.person?.[0], ['requester', 'representative'] as const, '--person')];
      const method = METHODS[oneOf(options.method, METHOD_WORDS, '--method')];
      const outcome = OUTCOMES[oneOf(options.outcome, OUTCOME_WORDS, '--outcome')];
      const input = await readInput(ctx);
      const document = section(input, 'document');
      if (options['document-type']) document.documentType = oneOf(options['document-type'], DOCUMENT_TYPES, '--document-type');
      const authority = options.authority ? oneOf(options.authority.replace(/-/gu, '_'), AUTHORITY_KINDS, '--authority') : undefined;
      const reason = options.reason ?? (typeof input.reason === 'string' ? input.reason : undefined);
      const call = await signIn();
      const caseId = await caseIdOf(call, args[0]);
      const recorded = await call('identity.record', {
        caseId,
        subject: person,
        method,
        outcome,
        ...(reason ? { reason } : {}),
        ...(Object.keys(document).length > 0 ? { document } : {}),
        // Naming the authority on the command line is the handler's statement that they saw and checked it.
        ...(authority ? { authority, authorityChecked: true } : {}),
        ...(method === 'klantgegevens' && outcome === 'geverifieerd' ? { customerDataMatch: true } : {}),
      } as ProcedureInput<'identity.record'>);
      const who = person === 'verzoeker' ? 'verzoeker' : 'vertegenwoordiger';
      const what = outcome === 'geverifieerd' ? 'vastgesteld' : outcome === 'afgewezen' ? 'niet vastgesteld' : 'meer informatie nodig';
      print(`Identiteit van de ${who} ${what} (${dashed(recorded.method)}).`, recorded);
      return 0;
    },
  },
  {
    words: ['case', 'status'],
    async run({ args, options, signIn, print }) {
      if (!args[0] || !options.to)
        throw new CliError(`Gebruik: case status ZAAK --to STATUS [--reason "…"]. Statussen: ${CASE_STATUSES.map(dashed).join(', ')}.`, 2);
      const to = oneOf(options.to.replace(/-/gu, '_'), CASE_STATUSES, '--to');
      const call = await signIn();
      const detail = await call('case.transition', { id: await caseIdOf(call, args[0]), to, ...(options.reason ? { reason: options.reason } : {}) });
      print(`Zaak ${detail.reference} heeft nu de status "${STATUS_LABELS[detail.status]}".`, {
        id: detail.id,
        reference: detail.reference,
        status: detail.status,
      });
      return 0;
    },
  },
];
