import { parseArgs } from 'node:util';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { LETTER_KINDS } from '../../../shared/letters/types.js';
import { ROLES } from '../../../shared/staff/roles.js';
import type { Backend } from '../backend.js';
import type { Clock } from '../../platform/clock.js';
import { defaultDataDir } from '../../platform/paths.js';
import { CASE_COMMANDS } from './case-commands.js';
import { CliError, COMMANDS, type Call, type Command } from './commands.js';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /** Tests fix the time; the command line itself runs on the system clock. */
  clock?: Clock;
  /** The whole of stdin (--input -); tests give it directly. */
  stdin?: () => Promise<string>;
}

const ALL_COMMANDS: readonly Command[] = [...CASE_COMMANDS, ...COMMANDS];

const USAGE = `Gebruik: avg-desk [--data MAP] [--json] OPDRACHT

Opdrachten:
  init --admin GEBRUIKER --name "Volledige naam"     eerste beheerder (wachtwoord uit AVG_DESK_PASSWORD)
  staff add GEBRUIKER --name "Naam" --role FUNCTIE…  medewerker toevoegen (wachtwoord uit AVG_DESK_NEW_PASSWORD)
  staff list                                         medewerkers tonen
  audit verify                                       de auditketen controleren
  case create --input BESTAND.json|- --type SOORT --received JJJJ-MM-DD
              [--relation huurder] [--channel brief] [--handler GEBRUIKER] [--unsigned]
              [--correction verbetering,aanvulling,verwijdering,afscherming] [--representative-kind wettelijk_vertegenwoordiger|gemachtigde]
                                                     verzoek registreren; persoonsgegevens (requester:
                                                     name, birthDate, address, email, phone,
                                                     customerNumber; representative: name, basis) in
                                                     JSON uit een bestand of stdin. Ook mogelijk, met
                                                     een waarschuwing: --requester "Naam" --birthdate
                                                     --address "Straat 1, 1234 AB Plaats" --email
                                                     --phone --customer --representative "Naam"
  case list                                          de zaken die u mag zien
  case status ZAAK --to STATUS [--reason "…"]       status wijzigen (bijv. in-behandeling, besluit-in-concept)
  identity record ZAAK --person requester|representative --method balie|mijn-alliantie|kopie|klant
              --outcome vastgesteld|niet-vastgesteld|meer-informatie [--document-type SOORT]
              [--authority ouderlijk-gezag|voogdij|curatele-mentorschap|volmacht] [--reason "…"]
              [--input BESTAND.json|-]               identiteit vastleggen (documentgegevens in --input:
                                                     {"document": {...}}); --authority: gezien en
                                                     gecontroleerd
  redact IN.pdf [--input PERSONEN.json|-] [--patterns bsn,iban,phone,email] [--ocr] --out UIT.pdf
                                                     lakken buiten een zaak (zonder gegevensmap);
                                                     --input: {"persons": [{"name", "address",
                                                     "email", "phone"}], "requester": {…},
                                                     "terms": […]}; elke persoon wordt in elke
                                                     schrijfwijze gezocht (achternaam, voornaam,
                                                     initialen, adres); gegevens van de verzoeker
                                                     blijven staan; --ocr leest scans en
                                                     onleesbare tekst met OCR. Ook (met een
                                                     waarschuwing): --person "Naam"
                                                     [--person-address …] [--person-email …]
                                                     [--person-phone …] [--requester "Naam"
                                                     [--requester-address …] [--requester-email …]]
                                                     [--term "Naam"]
  backup --out BESTAND.zip                            versleutelde back-up van gegevens en dossiers
  restore --from BESTAND.zip                         herstellen in een lege gegevensmap (--data)
  recover --admin GEBRUIKER                          nieuw wachtwoord met de herstelsleutel (AVG_DESK_RECOVERY_KEY)
  deadline --type SOORT --received JJJJ-MM-DD [--extend-months N]   uiterste datum (zonder gegevensmap)
  settings signing --p12 BESTAND                     certificaat van de organisatie (wachtwoord uit AVG_DESK_P12_PASSWORD)
  signer profile --function "FUNCTIE"               eigen functie onder de handtekening (vereist om te ondertekenen)
  letter draft ZAAK --kind SOORT [--details BESTAND.json]   brief opstellen (ZAAK: id of AVG-JJJJ-NNNN)
  letter list ZAAK                                   brieven van een zaak
  letter submit BRIEF                                ter ondertekening aanbieden
  letter sign BRIEF --out BESTAND.pdf                ondertekenen (niet door wie de brief schreef)
  letter sent BRIEF                                  als verzonden markeren
  package build ZAAK --out BESTAND.zip               inzagepakket maken
  retention run [--dry-run]                          afgesloten dossiers vernietigen die aan de beurt zijn (FG)
  report --from JJJJ-MM-DD --to JJJJ-MM-DD           rapportage over een periode (FG, auditor)
  sync [--central postgres://AANMELDING@SERVER/DB]  één synchronisatie met de centrale database (wachtwoord uit
                                                     AVG_DESK_CENTRAL_PASSWORD, anders de opgeslagen aanmelding)
  central migrate --central URL                      centrale database inrichten of bijwerken (als eigenaar)
  central staff add --central URL --user GEBRUIKER --name "Naam" --roles handler,signer [--password-stdin]
                                                     aanmelding in de centrale database (als beheerder of eigenaar)

Het handelende account komt uit AVG_DESK_USER en AVG_DESK_PASSWORD.
Functies: ${ROLES.join(', ')}. Soorten: inzage, correctie, verzet, dataportabiliteit, klacht.
Brieven (--kind): ${LETTER_KINDS.join(', ')}.`;

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const details = result.error.details?.length ? `\n  ${result.error.details.join('\n  ')}` : '';
  throw new CliError(`${result.error.message}${details}`, 1);
}

/** Runs one CLI command; returns the process exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        admin: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        type: { type: 'string' },
        requester: { type: 'string' },
        birthdate: { type: 'string' },
        received: { type: 'string' },
        relation: { type: 'string' },
        channel: { type: 'string' },
        handler: { type: 'string' },
        unsigned: { type: 'boolean' },
        'extend-months': { type: 'string' },
        kind: { type: 'string' },
        details: { type: 'string' },
        p12: { type: 'string' },
        function: { type: 'string' },
        out: { type: 'string' },
        term: { type: 'string', multiple: true },
        person: { type: 'string', multiple: true },
        'person-address': { type: 'string', multiple: true },
        'person-email': { type: 'string', multiple: true },
        'person-phone': { type: 'string', multiple: true },
        'requester-address': { type: 'string' },
        'requester-email': { type: 'string' },
        from: { type: 'string' },
        patterns: { type: 'string' },
        ocr: { type: 'boolean' },
        to: { type: 'string' },
        'dry-run': { type: 'boolean' },
        central: { type: 'string' },
        user: { type: 'string' },
        roles: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        input: { type: 'string' },
        correction: { type: 'string' },
        address: { type: 'string' },
        email: { type: 'string' },
        phone: { type: 'string' },
        customer: { type: 'string' },
        incapacitated: { type: 'boolean' },
        representative: { type: 'string' },
        'representative-kind': { type: 'string' },
        'representative-basis': { type: 'string' },
        method: { type: 'string' },
        outcome: { type: 'string' },
        'document-type': { type: 'string' },
        authority: { type: 'string' },
        reason: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const command = ALL_COMMANDS.find((c) => c.words.every((w, i) => positionals[i] === w));
  if (!command) {
    io.err(`${positionals.length ? `Onbekende opdracht: ${positionals.join(' ')}\n\n` : ''}${USAGE}\n`);
    return 2;
  }

  let backend: Backend | null = null;
  let token: string | null = null;
  const dataDir = values.data ?? defaultDataDir(io.env);
  // The backend (SQLCipher, PDF, pg …) loads only for the commands that use it: `deadline` and `--help` stay quick.
  const open = async (): Promise<Backend> => {
    if (backend) return backend;
    const [{ createBackend }, { silentLogger }] = await Promise.all([import('../backend.js'), import('../../platform/log.js')]);
    return (backend ??= createBackend({ dataDir, logger: silentLogger, ...(io.clock ? { clock: io.clock } : {}) }));
  };
  try {
    const callPublic: Call = async (name, input) => unwrap(await (await open()).dispatch(name, input, null)) as ProcedureOutput<typeof name>;
    return await command.run({
      args: positionals.slice(command.words.length),
      options: values,
      env: io.env,
      dataDir,
      callPublic,
      async signIn() {
        const userName = io.env.AVG_DESK_USER;
        const password = io.env.AVG_DESK_PASSWORD;
        if (!userName || !password) throw new CliError('Zet AVG_DESK_USER en AVG_DESK_PASSWORD: het account waarmee de opdracht wordt uitgevoerd.', 2);
        const session = await callPublic('session.login', { userName, password });
        token = session.token;
        return async (name, input) => unwrap(await (await open()).dispatch(name, input, session.token)) as ProcedureOutput<typeof name>;
      },
      print: (human, machine) => io.out(values.json ? `${JSON.stringify(machine, null, 2)}\n` : `${human}\n`),
      warn: (text) => io.err(text),
      readStdin: io.stdin ?? (() => Promise.reject(new CliError('Er is geen invoer op stdin.', 2))),
      json: values.json,
    });
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    io.err(`Er ging onverwacht iets mis (${error instanceof Error ? error.name : 'onbekend'}).\n`);
    return 1;
  } finally {
    const b = backend as Backend | null;
    if (b && token) await b.dispatch('session.logout', {}, token);
    b?.close();
  }
}
