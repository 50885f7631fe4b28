import { z } from 'zod';
import type { ValidationIssue } from './result.js';

/** Dutch names of input fields, for messages such as "Gebruikersnaam: is verplicht." */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  userName: 'Gebruikersnaam',
  fullName: 'Naam',
  password: 'Wachtwoord',
  currentPassword: 'Huidig wachtwoord',
  newPassword: 'Nieuw wachtwoord',
  roles: 'Functies',
  staffId: 'Medewerker',
  active: 'Actief',
  limit: 'Aantal',
  beforeSeq: 'Vanaf',
  type: 'Soort verzoek',
  correctionKinds: 'Soort correctie',
  requester: 'Verzoeker',
  name: 'Naam',
  birthDate: 'Geboortedatum',
  address: 'Adres',
  email: 'E-mailadres',
  phone: 'Telefoonnummer',
  relation: 'Klantrelatie',
  customerNumber: 'Klant- of contractnummer',
  channel: 'Kanaal',
  received: 'Datum ontvangst',
  writtenAndSigned: 'Schriftelijk en ondertekend',
  requestText: 'Tekst van het verzoek',
  representative: 'Vertegenwoordiger',
  kind: 'Soort brief',
  'representative.kind': 'Soort vertegenwoordiging',
  basis: 'Grondslag',
  handlerId: 'Behandelaar',
  id: 'Zaak',
  to: 'Nieuwe status',
  reason: 'Reden',
  months: 'Verlenging in maanden',
  on: 'Datum',
  taskId: 'Taak',
  search: 'Zoeken',
  statuses: 'Status',
  types: 'Soort verzoek',
  weeks: 'Weken',
  suspendWhileAwaitingId: 'Opschorten tijdens identificatie',
  caseId: 'Zaak',
  subject: 'Wie',
  method: 'Methode',
  outcome: 'Uitkomst',
  document: 'Document',
  documentType: 'Documentsoort',
  issuingCountry: 'Land van uitgifte',
  documentNumber: 'Documentnummer',
  expiry: 'Geldig tot',
  surname: 'Achternaam',
  mrz: 'MRZ',
  authority: 'Bevoegdheid',
  fileName: 'Bestandsnaam',
  dataBase64: 'Bestand',
  copyId: 'Kopie',
  boxes: 'Maskeervlakken',
  source: 'Bron',
  documentDate: 'Datum document',
  description: 'Omschrijving',
  role: 'Rol',
  hearingStatus: 'Status horen',
  note: 'Notitie',
  documentIds: 'Documenten',
  documentId: 'Document',
  version: 'Versie',
  terms: 'Zoektermen',
  patterns: 'Patronen',
  thirdPartyIds: 'Derden',
  redactions: 'Lakvlakken',
  jobId: 'Taak',
  recoveryKey: 'Herstelsleutel',
  path: 'Bestand',
  // Letters
  letterId: 'Brief',
  data: 'Gegevens van de brief',
  addressee: 'Geadresseerde',
  yourLetterOf: 'Uw brief van',
  replyBy: 'Reactiedatum',
  missing: 'Wat ontbreekt',
  thirdPartyId: 'Derde',
  withheld: 'Niet verstrekt',
  what: 'Wat',
  why: 'Waarom',
  changes: 'Wijzigingen',
  item: 'Gegeven',
  from: 'Was',
  'changes.to': 'Wordt',
  'changes.decision': 'Besluit',
  reasons: 'Motivering',
  recipientsInformed: 'Geïnformeerde ontvangers',
  notInformed: 'Niet geïnformeerd',
  ground: 'Grond',
  explanation: 'Toelichting',
  processing: 'Gebruik van gegevens',
  legalObligation: 'Wettelijke verplichting',
  complaint: 'Klacht',
  measures: 'Maatregelen',
  withdrawnOn: 'Datum intrekking',
  subjectLine: 'Onderwerp',
  salutation: 'Aanhef',
  blocks: 'Tekst',
  'blocks.type': 'Soort tekstblok',
  closing: 'Slot',
  text: 'Tekst',
  items: 'Opsomming',
  columns: 'Kolommen',
  rows: 'Rijen',
  fields: 'Velden',
  label: 'Label',
  lines: 'Adresregels',
  comment: 'Toelichting',
  sentOn: 'Verzenddatum',
  template: 'Sjabloon',
  'template.subject': 'Onderwerp',
  when: 'Voorwaarde',
  slot: 'Vast onderdeel',
  p12Base64: 'PKCS#12-bestand',
  postalAddress: 'Postadres',
  visitingAddress: 'Bezoekadres',
  kvk: 'KvK-nummer',
  place: 'Plaats',
  logoPngBase64: 'Logo',
  functionTitle: 'Functie',
  signaturePngBase64: 'Handtekening',
  includeInactive: 'Ook vervallen verwerkingen',
  activityIds: 'Verwerkingen',
  activityId: 'Verwerking',
  activity: 'Verwerking',
  'activity.id': 'Code',
  'activity.source': 'Bron',
  purpose: 'Doel',
  legalBasis: 'Grondslag',
  dataCategories: 'Soorten gegevens',
  recipients: 'Ontvangers',
  category: 'Categorie',
  transfersOutsideEea: 'Doorgifte buiten de EER',
  retention: 'Bewaartermijn',
  policyReference: 'Verwijzing naar het reglement',
  sortOrder: 'Volgorde',
  url: 'Adres',
  intervalMinutes: 'Interval',
  loginRole: 'Inlognaam',
};

type Issue = z.core.$ZodRawIssue;

function dutchIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'is verplicht' : `moet minstens ${issue.minimum} tekens hebben`;
      if (issue.origin === 'array') return `moet minstens ${issue.minimum} keuze(s) bevatten`;
      return `moet minstens ${issue.minimum} zijn`;
    case 'too_big':
      if (issue.origin === 'string') return `mag hoogstens ${issue.maximum} tekens hebben`;
      if (issue.origin === 'array') return `mag hoogstens ${issue.maximum} keuzes bevatten`;
      return `mag hoogstens ${issue.maximum} zijn`;
    case 'invalid_type':
      return issue.input === undefined ? 'is verplicht' : 'heeft een ongeldige waarde';
    case 'invalid_format':
      return issue.format === 'uuid' ? 'is geen geldige verwijzing' : 'heeft niet de juiste vorm';
    case 'invalid_value':
      return 'heeft een onbekende waarde';
    case 'unrecognized_keys':
      return `bevat onbekende velden: ${issue.keys.join(', ')}`;
    default:
      return 'is ongeldig';
  }
}

let configured = false;

/**
 * Makes zod speak Dutch for every schema without a message of its own. Safe to call often.
 * `jitless` for the renderer: its Content Security Policy forbids the `new Function` zod's JIT uses.
 */
export function useDutchValidation(options: { jitless?: boolean } = {}): void {
  if (configured) return;
  z.config({ customError: dutchIssue, jitless: options.jitless ?? false });
  configured = true;
}

/** Labels of one procedure's fields where the shared table means something else ('to': an end date, not a status). */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * The Dutch name of an issue's field: the procedure's own labels first, then the shared table;
 * "parent.field" before "field" (list indexes skipped), so one name can mean different things in
 * different inputs.
 */
function labelOf(path: readonly PropertyKey[], labels: FieldLabels): string {
  const table = { ...FIELD_LABELS, ...labels };
  const named = path.map(String).filter((p) => !/^\d+$/u.test(p));
  const qualified = named.length >= 2 ? `${named.at(-2)}.${named.at(-1)}` : '';
  const field = table[qualified] ? qualified : ([...named].reverse().find((p) => table[p]) ?? path.map(String).join('.'));
  return table[field] ?? (field === '' ? 'Invoer' : field);
}

/** Each issue with its path, code, Dutch label and message. */
export function validationIssues(issues: readonly z.core.$ZodIssue[], labels: FieldLabels = {}): ValidationIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code, label: labelOf(issue.path, labels), message: issue.message }));
}

/** One Dutch line per issue: "Gebruikersnaam: is verplicht." */
export function describeIssues(issues: readonly z.core.$ZodIssue[], labels: FieldLabels = {}): string[] {
  return validationIssues(issues, labels).map(({ label, message }) => `${label}: ${message}.`.replace(/\.\.$/u, '.'));
}
