import { readFileSync, writeFileSync } from 'node:fs';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract.js';
import { dutchToday, STATUS_LABELS } from '../../../shared/cases/cases.js';
import { formatDutchDate, isValidIsoDate } from '../../../shared/deadlines/dates.js';
import { REQUEST_TYPES, type RequestType } from '../../../shared/cases/request-types.js';
import { LETTER_KIND_LABELS, LETTER_KINDS } from '../../../shared/letters/types.js';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/staff/roles.js';
import { resolve } from 'node:path';
import { DomainError } from '../../platform/errors.js';
import type { PersonIdentifiers } from '../../../shared/redaction/person-variants.js';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export type Call = <P extends ProcedureName>(name: P, input: ProcedureInput<P>) => Promise<ProcedureOutput<P>>;

export interface Options {
  admin?: string | undefined;
  name?: string | undefined;
  role?: string[] | undefined;
  type?: string | undefined;
  requester?: string | undefined;
  birthdate?: string | undefined;
  received?: string | undefined;
  relation?: string | undefined;
  channel?: string | undefined;
  handler?: string | undefined;
  unsigned?: boolean | undefined;
  'extend-months'?: string | undefined;
  from?: string | undefined;
  term?: string[] | undefined;
  person?: string[] | undefined;
  'person-address'?: string[] | undefined;
  'person-email'?: string[] | undefined;
  'person-phone'?: string[] | undefined;
  'requester-address'?: string | undefined;
  'requester-email'?: string | undefined;
  patterns?: string | undefined;
  ocr?: boolean | undefined;
  kind?: string | undefined;
  details?: string | undefined;
  p12?: string | undefined;
  function?: string | undefined;
  out?: string | undefined;
  to?: string | undefined;
  'dry-run'?: boolean | undefined;
  central?: string | undefined;
  user?: string | undefined;
  roles?: string | undefined;
  'password-stdin'?: boolean | undefined;
  input?: string | undefined;
  correction?: string | undefined;
  address?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  customer?: string | undefined;
  incapacitated?: boolean | undefined;
  representative?: string | undefined;
  'representative-kind'?: string | undefined;
  'representative-basis'?: string | undefined;
  method?: string | undefined;
  outcome?: string | undefined;
  'document-type'?: string | undefined;
  authority?: string | undefined;
  reason?: string | undefined;
}

/** --person with the --person-address/-email/-phone given after it (the n-th detail belongs to the n-th person). */
function personsOf(options: Options): PersonIdentifiers[] {
  const names = options.person ?? [];
  const details = { address: options['person-address'] ?? [], email: options['person-email'] ?? [], phone: options['person-phone'] ?? [] };
  for (const [key, values] of Object.entries(details)) {
    if (values.length > names.length)
      throw new CliError(`Elke --person-${key === 'address' ? 'address' : key} hoort bij een --person "Naam" (in dezelfde volgorde).`, 2);
  }
  return names.map((name, i) => ({ name, address: details.address[i], email: details.email[i], phone: details.phone[i] }));
}

export interface CommandContext {
  args: string[];
  options: Options;
  env: NodeJS.ProcessEnv;
  /** Signs in as AVG_DESK_USER / AVG_DESK_PASSWORD; the session ends after the command. */
  signIn(): Promise<Call>;
  /** The data folder (from --data or the default), for commands that work on files. */
  dataDir: string;
  /** Calls a public procedure (no session). */
  callPublic: Call;
  /** Prints the human text, or the machine value with --json. */
  print(human: string, machine: unknown): void;
  /** A warning on stderr; the command goes on. */
  warn(text: string): void;
  /** Everything on stdin, for --input - and passwords. */
  readStdin(): Promise<string>;
  json: boolean;
}

export interface Command {
  words: string[];
  run(ctx: CommandContext): Promise<number>;
}

function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new CliError(`Zet de omgevingsvariabele ${name}.`, 2);
  return value;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], what: string, fallback?: T): T {
  const v = value ?? fallback;
  if (v === undefined) throw new CliError(`Geef ${what}: ${allowed.join(', ')}.`, 2);
  if (!(allowed as readonly string[]).includes(v)) throw new CliError(`Onbekende waarde "${v}" voor ${what}. Kies uit: ${allowed.join(', ')}.`, 2);
  return v as T;
}

export function date(value: string | undefined, what: string): string {
  if (!value) throw new CliError(`Geef ${what} als JJJJ-MM-DD.`, 2);
  if (!isValidIsoDate(value)) throw new CliError(`${what} "${value}" is geen bestaande datum (JJJJ-MM-DD).`, 2);
  return value;
}

export function readInputFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new CliError(`${what} ${path} kan niet worden gelezen.`, 1);
  }
}

/** Letters and packages are personal data: written for the owner only. */
function writeOutput(path: string | undefined, bytes: Buffer, what: string): void {
  if (!path) throw new CliError(`Geef --out BESTAND voor ${what}.`, 2);
  try {
    writeFileSync(path, bytes, { mode: 0o600 });
  } catch {
    throw new CliError(`${path} kan niet worden geschreven.`, 1);
  }
}

/** A case by its id or by its reference (AVG-2026-0001), as far as the caller may see it. */
export async function caseIdOf(call: Call, idOrReference: string | undefined): Promise<string> {
  if (!idOrReference) throw new CliError('Geef het zaaknummer (AVG-JJJJ-NNNN) of de id van de zaak.', 2);
  if (!/^AVG-\d{4}-\d{4}$/u.test(idOrReference)) return idOrReference;
  const row = (await call('case.queue', { search: idOrReference, includeClosed: true })).rows.find((r) => r.reference === idOrReference);
  if (!row) throw new CliError(`Zaak ${idOrReference} bestaat niet of is niet aan u toegewezen.`, 1);
  return row.id;
}

function letterId(args: string[]): string {
  const id = args[0];
  if (!id) throw new CliError('Geef de id van de brief.', 2);
  return id;
}

const labels = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r]).join(', ');

export const COMMANDS: Command[] = [
  // The central PostgreSQL (main/app/cli/central.ts): no data folder, an owner's or admin's connection.
  // Heavy modules (pg, PDFium, the backup reader) are imported by the command that needs them, not at start.
  { words: ['central', 'migrate'], run: async (ctx) => (await import('./central.js')).centralMigrate(ctx) },
  { words: ['central', 'staff', 'add'], run: async (ctx) => (await import('./central.js')).centralStaffAdd(ctx) },
  {
    words: ['init'],
    async run({ options, env, callPublic, print }) {
      if (!options.admin || !options.name) throw new CliError('Geef --admin GEBRUIKER en --name "Volledige naam".', 2);
      const session = await callPublic('setup.createAdmin', {
        userName: options.admin,
        fullName: options.name,
        password: requireEnv(env, 'AVG_DESK_PASSWORD'),
      });
      print(
        `AVG Desk is ingericht. Beheerder: ${session.staff.userName}.\n\nHerstelsleutel (eenmalig getoond; bewaar hem in de kluis van IT):\n  ${session.recoveryKey}\nZonder deze sleutel en zonder wachtwoord blijven de gegevens onleesbaar.`,
        { staff: session.staff, recoveryKey: session.recoveryKey },
      );
      return 0;
    },
  },
  {
    words: ['staff', 'add'],
    async run({ args, options, env, signIn, print }) {
      const userName = args[0];
      const roles = options.role ?? [];
      if (!userName || !options.name || roles.length === 0) throw new CliError('Gebruik: staff add GEBRUIKER --name "Naam" --role FUNCTIE [--role …]', 2);
      const checked = roles.map((r) => oneOf(r, ROLES, '--role'));
      const password = requireEnv(env, 'AVG_DESK_NEW_PASSWORD');
      const call = await signIn();
      const staff = await call('staff.add', { userName, fullName: options.name, roles: checked, password });
      print(`Medewerker ${staff.userName} toegevoegd (${labels(staff.roles)}).`, staff);
      return 0;
    },
  },
  {
    words: ['staff', 'list'],
    async run({ signIn, print }) {
      const staff = await (await signIn())('staff.list', {});
      print(staff.map((s) => `${s.userName}\t${s.fullName}\t${labels(s.roles)}\t${s.active ? 'actief' : 'inactief'}`).join('\n'), staff);
      return 0;
    },
  },
  {
    words: ['audit', 'verify'],
    async run({ signIn, print, json }) {
      const result = await (await signIn())('audit.verify', {});
      const anchor = result.anchor ? `\n${result.anchor.message}` : '';
      if (!result.ok) {
        const message = `Auditketen verbroken bij gebeurtenis ${result.firstBroken?.seq}: ${result.firstBroken?.reason}${anchor}`;
        if (!json) throw new CliError(message, 1);
        print(message, result);
        return 1;
      }
      const unsigned = result.unsigned
        ? `\n${result.unsigned} gebeurtenissen zonder handtekening, van vóór de handtekening van deze computer: geschreven zonder aangemelde medewerker (een geweigerde aanroep zonder inlog, de installatie, werk van AVG Desk zelf) of voordat die een sleutel had.`
        : '';
      print(`ok ${result.count} events${unsigned}${anchor}`, result);
      return 0;
    },
  },
  {
    words: ['case', 'list'],
    async run({ signIn, print }) {
      const queue = await (await signIn())('case.queue', { includeClosed: true, sort: 'reference' });
      const lines = queue.rows.map(
        (r) => `${r.reference}\t${r.type}\t${r.requesterName ?? '—'}\t${r.receivedOn}\t${r.dueOn}\t${STATUS_LABELS[r.status]}\t${r.handlerName ?? '—'}`,
      );
      print(lines.join('\n') || 'Geen zaken.', queue.rows);
      return 0;
    },
  },
  {
    words: ['deadline'],
    async run({ options, print }) {
      const type: RequestType = oneOf(options.type, REQUEST_TYPES, '--type');
      const months = Number(options['extend-months'] ?? 0);
      if (![0, 1, 2].includes(months)) throw new CliError('--extend-months is 0, 1 of 2 (art. 12 lid 3 AVG: hoogstens twee maanden).', 2);
      if (months > 0 && type === 'klacht') throw new CliError('De termijn van een klacht kan niet op grond van art. 12 lid 3 AVG worden verlengd.', 2);
      // The holiday calendar loads here, not with --help or the other commands.
      const { computeDeadline } = await import('../../../shared/deadlines/deadlines.js');
      const deadline = computeDeadline({ type, received: date(options.received, '--received'), extensionMonths: months });
      print(deadline.due, deadline);
      return 0;
    },
  },
  {
    words: ['settings', 'signing'],
    async run({ options, env, signIn, print }) {
      if (!options.p12) throw new CliError('Gebruik: settings signing --p12 BESTAND (wachtwoord uit AVG_DESK_P12_PASSWORD).', 2);
      const p12 = readInputFile(options.p12, 'Het PKCS#12-bestand');
      const password = env.AVG_DESK_P12_PASSWORD ?? '';
      if (!password) throw new CliError('Zet de omgevingsvariabele AVG_DESK_P12_PASSWORD.', 2);
      const info = await (await signIn())('settings.setSigning', { p12Base64: p12.toString('base64'), password });
      print(`Certificaat ingesteld: ${info.subject}, geldig tot ${formatDutchDate(dutchToday(new Date(info.validTo)))}, SHA-256 ${info.fingerprint}.`, info);
      return 0;
    },
  },
  {
    words: ['signer', 'profile'],
    async run({ options, signIn, print }) {
      if (!options.function) throw new CliError('Gebruik: signer profile --function "Teamleider Privacy"', 2);
      const profile = await (await signIn())('signer.setProfile', { functionTitle: options.function });
      print(`Functie onder uw handtekening: ${profile.functionTitle}.`, profile);
      return 0;
    },
  },
  {
    words: ['letter', 'draft'],
    async run({ args, options, signIn, print }) {
      const kind = oneOf(options.kind, LETTER_KINDS, '--kind');
      let data: unknown = {};
      if (options.details) {
        try {
          data = JSON.parse(readInputFile(options.details, 'Het bestand met gegevens').toString('utf8'));
        } catch (error) {
          if (error instanceof CliError) throw error;
          throw new CliError(`${options.details} bevat geen geldige JSON.`, 2);
        }
      }
      const call = await signIn();
      const caseId = await caseIdOf(call, args[0]);
      // The contract checks `data` against the kind; the CLI passes it on as given.
      const letter = await call('letter.draft', { caseId, kind, data } as ProcedureInput<'letter.draft'>);
      print(`${LETTER_KIND_LABELS[kind]} opgesteld voor ${letter.caseReference}: ${letter.id}`, {
        id: letter.id,
        caseReference: letter.caseReference,
        status: letter.status,
      });
      return 0;
    },
  },
  {
    words: ['letter', 'list'],
    async run({ args, signIn, print }) {
      const call = await signIn();
      const letters = await call('letter.list', { caseId: await caseIdOf(call, args[0]) });
      print(letters.map((l) => `${l.id}\t${l.kind}\t${l.status}\t${l.subject}`).join('\n') || 'Geen brieven.', letters);
      return 0;
    },
  },
  {
    words: ['letter', 'submit'],
    async run({ args, signIn, print }) {
      const letter = await (await signIn())('letter.submit', { letterId: letterId(args) });
      print(`Brief ${letter.id} ter ondertekening aangeboden.`, { id: letter.id, status: letter.status });
      return 0;
    },
  },
  {
    words: ['letter', 'sign'],
    async run({ args, options, env, signIn, print }) {
      if (!options.out) throw new CliError('Gebruik: letter sign BRIEF_ID --out BESTAND.pdf', 2);
      const signed = await (await signIn())('letter.sign', { letterId: letterId(args), password: requireEnv(env, 'AVG_DESK_PASSWORD') });
      writeOutput(options.out, Buffer.from(signed.pdfBase64, 'base64'), 'de ondertekende brief');
      print(`Brief ondertekend; SHA-256 ${signed.sha256}. Opgeslagen in ${options.out}.`, {
        id: signed.letterId,
        sha256: signed.sha256,
        signedAt: signed.signedAt,
        out: options.out,
      });
      return 0;
    },
  },
  {
    words: ['letter', 'sent'],
    async run({ args, signIn, print }) {
      const letter = await (await signIn())('letter.markSent', { letterId: letterId(args) });
      print(`Brief ${letter.id} verzonden op ${letter.sentOn ?? ''}.`, { id: letter.id, status: letter.status, sentOn: letter.sentOn });
      return 0;
    },
  },
  {
    words: ['package', 'build'],
    async run({ args, options, signIn, print }) {
      const call = await signIn();
      const built = await call('package.build', { caseId: await caseIdOf(call, args[0]) });
      writeOutput(options.out, Buffer.from(built.zipBase64, 'base64'), 'het pakket');
      print(`Pakket ${built.fileName} met ${built.files.length} bestanden opgeslagen in ${options.out ?? ''}.`, {
        fileName: built.fileName,
        files: built.files,
      });
      return 0;
    },
  },
  {
    words: ['redact'],
    async run(ctx) {
      const { args, options, print } = ctx;
      const input = args[0];
      if (!input || !options.out)
        throw new CliError('Gebruik: redact IN.pdf [--input PERSONEN.json|-] [--term "Naam"] [--patterns bsn,iban,phone,email] [--ocr] --out UIT.pdf', 2);
      const patterns = options.patterns ? [options.patterns] : [];
      const { redactTargets } = await import('./redact-input.js');
      const { persons, requester, terms } = await redactTargets(ctx, {
        persons: personsOf(options),
        requester: options.requester ? { name: options.requester, address: options['requester-address'], email: options['requester-email'] } : undefined,
        terms: options.term ?? [],
      });
      if (terms.length === 0 && patterns.length === 0 && persons.length === 0)
        throw new CliError('Geef minstens één persoon (in --input), --term of --patterns.', 2);
      const { fileNotes, redactFile } = await import('./redact.js');
      let result;
      try {
        result = await redactFile({ input, output: options.out, terms, patterns, persons, requester, ocr: options.ocr });
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : 'Lakken is mislukt.', 1);
      }
      const lines = result.perPage
        .filter((p) => p.boxes > 0 || p.ocr || p.warning)
        .map((p) => `Pagina ${p.page}: ${[`${p.boxes} vlak(ken)`, p.boxes > 0 ? p.result : null, p.ocr, p.warning].filter(Boolean).join('; ')}`);
      const own = result.requesterFindings > 0 ? [`${result.requesterFindings} vindplaats(en) met eigen gegevens van de verzoeker niet gelakt.`] : [];
      print(
        [
          ...lines,
          ...own,
          ...fileNotes(result),
          `${result.boxes} vlak(ken) gelakt op ${result.redactedPages} van ${result.pages} pagina's; geschreven naar ${options.out}.`,
        ].join('\n'),
        result,
      );
      if (result.readable.length > 0) {
        throw new CliError(
          `Nog leesbaar in het gelakte bestand: ${result.readable.map((r) => `persoon ${r.person} op pagina ${r.page}`).join(', ')}. Controleer het bestand en lak die vermeldingen zelf.`,
          1,
        );
      }
      return 0;
    },
  },
  {
    words: ['backup'],
    async run({ options, signIn, print }) {
      if (!options.out) throw new CliError('Gebruik: backup --out BESTAND.zip', 2);
      const result = await (await signIn())('backup.create', { path: resolve(options.out) });
      print(`Back-up geschreven naar ${result.path} (${result.files} dossierbestand(en), ${result.bytes} bytes).`, result);
      return 0;
    },
  },
  {
    words: ['restore'],
    async run({ options, dataDir, signIn, env, print }) {
      if (!options.from) throw new CliError('Gebruik: --data NIEUWE_MAP restore --from BESTAND.zip', 2);
      const { restoreBackup } = await import('../../settings/backup.js');
      let restored;
      try {
        restored = restoreBackup(resolve(options.from), dataDir);
      } catch (error) {
        if (error instanceof DomainError) throw new CliError(error.dutchMessage ?? error.code, 1);
        throw new CliError('Het back-upbestand kan niet worden gelezen.', 1);
      }
      // Prove it opens: with the acting account when given.
      if (env.AVG_DESK_USER && env.AVG_DESK_PASSWORD) {
        const me = await (await signIn())('session.me', {});
        print(`Hersteld: ${restored.files} bestanden uit de back-up van ${restored.createdAt}; ${me.userName} kan aanmelden.`, restored);
      } else {
        print(`Hersteld: ${restored.files} bestanden uit de back-up van ${restored.createdAt}.`, restored);
      }
      return 0;
    },
  },
  {
    // One sync run as the signed-in account; the login may be in --central, else the stored one is used.
    words: ['sync'],
    async run({ options, env, signIn, print }) {
      let url = options.central;
      if (url && env.AVG_DESK_CENTRAL_PASSWORD && !/:\/\/[^/@]*:[^/@]*@/u.test(url))
        url = url.replace(/:\/\/([^/@]+)@/u, (_m, user: string) => `://${user}:${encodeURIComponent(env.AVG_DESK_CENTRAL_PASSWORD ?? '')}@`);
      const result = await (await signIn())('sync.run', url ? { url } : {});
      print(
        `Gesynchroniseerd: ${result.pushed} wijziging(en) en ${result.auditEvents} auditgebeurtenis(sen) verstuurd, ${result.pulled} opgehaald` +
          (result.waiting > 0 ? `; ${result.waiting} wacht(en) op een collega met de juiste functie.` : '.'),
        result,
      );
      return 0;
    },
  },
  {
    words: ['retention', 'run'],
    async run({ options, signIn, print }) {
      const dryRun = options['dry-run'] === true;
      const result = await (await signIn())('retention.runLocal', { dryRun });
      const lines = result.cases.map((c) => `${c.reference}\t${c.shredOn}\t${c.shredded ? 'vernietigd' : 'te vernietigen'}`);
      const head = dryRun
        ? `Proefronde ${result.today}: ${result.cases.length} dossier(s) zouden worden vernietigd.`
        : `Ronde ${result.today}: ${result.cases.length} dossier(s) vernietigd.`;
      print([head, ...lines].join('\n'), result);
      return 0;
    },
  },
  {
    words: ['report'],
    async run({ options, signIn, print }) {
      const from = date(options.from, '--from');
      const to = date(options.to, '--to');
      if (from > to) throw new CliError('--from ligt na --to.', 2);
      const report = await (await signIn())('report.get', { from, to });
      const c = report.completed;
      print(
        [
          `Rapportage ${report.from} t/m ${report.to}`,
          `Ontvangen: ${report.received.total} (verlengd: ${report.received.extensionsUsed}, nu over de termijn: ${report.received.overdueNow})`,
          `Afgehandeld: ${c.total}, op tijd ${c.onTimePercentage ?? '—'}%, mediaan ${c.medianWorkingDays ?? '—'} werkdagen, 90e percentiel ${c.p90WorkingDays ?? '—'} werkdagen`,
          `Derden gehoord: ${c.thirdPartiesHeard}, documenten gelakt: ${c.redactedDocuments}`,
        ].join('\n'),
        report,
      );
      return 0;
    },
  },
  {
    words: ['recover'],
    async run({ options, env, callPublic, print }) {
      if (!options.admin)
        throw new CliError('Gebruik: recover --admin GEBRUIKER (herstelsleutel uit AVG_DESK_RECOVERY_KEY, nieuw wachtwoord uit AVG_DESK_NEW_PASSWORD)', 2);
      await callPublic('setup.recover', {
        recoveryKey: requireEnv(env, 'AVG_DESK_RECOVERY_KEY'),
        userName: options.admin,
        newPassword: requireEnv(env, 'AVG_DESK_NEW_PASSWORD'),
      });
      print(`Nieuw wachtwoord ingesteld voor ${options.admin}. Meld u aan en stel zo nodig de wachtwoorden van anderen opnieuw in.`, {
        userName: options.admin,
      });
      return 0;
    },
  },
];
