import type { CaseRow } from '../../db/local/cases/repository.js';
import type { IdentityCheckRow } from '../../db/local/cases/case-files.js';
import { REQUEST_TYPE_LABELS, STATUS_LABELS } from '../../shared/cases/cases.js';
import { formatDutchDate } from '../../shared/deadlines/dates.js';
import { ID_METHOD_LABELS, ID_OUTCOME_LABELS } from '../../shared/identity/identity.js';
import { describeRecipients, type ProcessingActivity } from '../../shared/letters/register.js';

/**
 * The requester's data held in structured form, for the access package (§13: "gestructureerd,
 * algemeen gebruikt en machineleesbaar"): one JSON file with everything, the same as CSV tables,
 * and a short Dutch README. Staff identities and free text typed by staff about others stay out.
 */
export interface ExportDocument {
  file: string;
  source: string;
  documentDate: string | null;
  pages: number;
  redacted: boolean;
}

export interface RequesterExport {
  json: string;
  csv: Record<string, string>;
}

/** A data set from a source system as it goes to the requester: already redacted. */
export interface ExportDataset {
  file: string;
  system: string;
  columns: string[];
  rows: string[][];
  redactedCells: number;
}

function requesterFields(c: CaseRow): [string, string | null][] {
  return [
    ['naam', c.requesterName],
    ['geboortedatum', c.requesterBirthDate],
    ['adres', c.requesterAddress],
    ['e-mailadres', c.requesterEmail],
    ['telefoonnummer', c.requesterPhone],
    ['klantrelatie', c.requesterRelation],
    ['klant- of contractnummer', c.customerNumber],
  ];
}

function caseFields(c: CaseRow): [string, string | null][] {
  return [
    ['kenmerk', c.reference],
    ['soort verzoek', REQUEST_TYPE_LABELS[c.type]],
    ['soort correctie', c.correctionKinds.join(', ') || null],
    ['status', STATUS_LABELS[c.status]],
    ['ontvangen op', c.receivedOn],
    ['kanaal', c.channel],
    ['schriftelijk en ondertekend', c.writtenAndSigned ? 'ja' : 'nee'],
    ['tekst van het verzoek', c.requestText || null],
    ['vertegenwoordiger', c.representativeName],
    ['soort vertegenwoordiging', c.representativeKind],
    ['uiterste datum', c.dueOn],
    ['verlengd met (maanden)', c.extensionMonths > 0 ? String(c.extensionMonths) : null],
    ['reden verlenging', c.extensionReason],
  ];
}

/**
 * One CSV cell. Semicolons, because Dutch spreadsheet programs expect them; quoted when needed;
 * and a leading apostrophe before what a spreadsheet would run as a formula (CSV injection).
 */
function cell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=@\t\r]/u.test(text) || (/^[+-]/u.test(text) && !/^[+-]?[\d\s().]+$/u.test(text))) text = `'${text}`;
  return /[;"\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

function csv(header: string[], rows: (string | number | boolean | null)[][]): string {
  // UTF-8 with a byte order mark, so spreadsheet programs read Ł and ễ correctly; CRLF per RFC 4180.
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function requesterExport(
  c: CaseRow,
  checks: readonly IdentityCheckRow[],
  activities: readonly ProcessingActivity[],
  documents: readonly ExportDocument[],
  datasets: readonly ExportDataset[],
  generatedOn: string,
  organisation: string,
): RequesterExport {
  const identity = checks.map((k) => ({
    wie: k.subject,
    methode: ID_METHOD_LABELS[k.method],
    uitkomst: ID_OUTCOME_LABELS[k.outcome],
    documentsoort: k.documentType,
    landVanUitgifte: k.issuingCountry,
    laatsteTekensDocumentnummer: k.documentNumberTail,
    geldigTot: k.expiry,
    controles: k.checksPassed,
    vastgesteldOp: k.verifiedAt.slice(0, 10),
    kopieenVernietigd: k.copiesDestroyed,
  }));
  const processing = activities.map((a) => ({
    doel: a.name,
    omschrijving: a.purpose,
    grondslag: a.legalBasis,
    gegevens: a.dataCategories,
    ontvangers: a.recipients.map((r) => ({ naam: r.name, categorie: r.category })),
    doorgifteBuitenEer: a.transfersOutsideEea,
    bewaartermijn: a.retention,
    bron: a.source,
  }));
  const json = {
    toelichting: 'De gegevens uit uw verzoek en uit de systemen waarin wij naar uw gegevens hebben gezocht, in gestructureerde vorm. Zie LEESMIJ.txt.',
    organisatie: organisation,
    aangemaaktOp: generatedOn,
    verzoeker: Object.fromEntries(requesterFields(c)),
    zaak: Object.fromEntries(caseFields(c)),
    identiteitscontroles: identity,
    verwerkingen: processing,
    documenten: documents,
    gegevensUitSystemen: datasets.map((d) => ({ bestand: d.file, systeem: d.system, kolommen: d.columns, rijen: d.rows, gelakteCellen: d.redactedCells })),
  };
  return {
    json: `${JSON.stringify(json, null, 2)}\n`,
    csv: {
      'gegevens/verzoeker.csv': csv(['veld', 'waarde'], requesterFields(c)),
      'gegevens/zaak.csv': csv(['veld', 'waarde'], caseFields(c)),
      'gegevens/identiteitscontroles.csv': csv(
        ['wie', 'methode', 'uitkomst', 'documentsoort', 'land van uitgifte', 'laatste tekens documentnummer', 'geldig tot', 'vastgesteld op'],
        identity.map((k) => [k.wie, k.methode, k.uitkomst, k.documentsoort, k.landVanUitgifte, k.laatsteTekensDocumentnummer, k.geldigTot, k.vastgesteldOp]),
      ),
      'gegevens/verwerkingen.csv': csv(
        ['doel', 'omschrijving', 'grondslag', 'gegevens', 'ontvangers', 'doorgifte buiten de EER', 'bewaartermijn', 'bron'],
        activities.map((a) => [
          a.name,
          a.purpose,
          a.legalBasis,
          a.dataCategories.join(', '),
          describeRecipients(a.recipients),
          a.transfersOutsideEea,
          a.retention,
          a.source,
        ]),
      ),
      'gegevens/documenten.csv': csv(
        ['bestand', 'bron', 'datum document', 'pagina’s', 'gelakt'],
        documents.map((d) => [d.file, d.source, d.documentDate, d.pages, d.redacted ? 'ja' : 'nee']),
      ),
      ...Object.fromEntries(datasets.map((d) => [d.file, csv(d.columns, d.rows)])),
    },
  };
}

/** What a file in the package is, in the README's words; the package lists every file it holds, and only those. */
export interface PackageEntry {
  path: string;
  description: string;
}

export function packageReadme(
  reference: string,
  generatedOn: string,
  organisation: string,
  entries: readonly PackageEntry[],
  notReadIn: readonly string[] = [],
): string {
  const missing =
    notReadIn.length === 0
      ? []
      : [
          'Niet in dit pakket: deze bijlagen van e-mails konden wij niet inlezen. Vraag ons erom, dan sturen wij ze u op een andere manier.',
          '',
          ...notReadIn.map((name) => `- ${name}`),
          '',
        ];
  return [
    `Uw gegevens bij ${organisation}`,
    `Kenmerk ${reference}, samengesteld op ${formatDutchDate(generatedOn)}`,
    '',
    'Wat zit er in dit pakket? Precies deze bestanden:',
    '',
    ...entries.map((e) => `- ${e.path}: ${e.description}`),
    '',
    ...missing,
    'De CSV-bestanden opent u met een spreadsheetprogramma zoals Excel of LibreOffice. De kolommen zijn',
    "gescheiden door puntkomma's; de tekens zijn UTF-8. Een controlegetal (SHA-256) in manifest.json",
    'controleert u in Windows met: certutil -hashfile BESTAND SHA256; op een Mac of in Linux met:',
    'shasum -a 256 BESTAND',
    '',
    'Over de identiteitscontrole bewaren wij alleen hoe uw identiteit is vastgesteld, nooit een kopie',
    'van uw identiteitsbewijs en alleen de laatste tekens van het documentnummer.',
    '',
    'Heeft u vragen? Neem dan contact met ons op en vermeld het kenmerk hierboven.',
    '',
  ].join('\r\n');
}
