import { z } from 'zod';

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
  kind: 'Soort vertegenwoordiging',
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
  terms: 'Termijnen',
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

/** One Dutch line per issue: "Gebruikersnaam: is verplicht." */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = [...issue.path].reverse().map(String).find((p) => FIELD_LABELS[p]) ?? issue.path.map(String).join('.');
    const label = FIELD_LABELS[field] ?? (field === '' ? 'Invoer' : field);
    return `${label}: ${issue.message}.`.replace(/\.\.$/u, '.');
  });
}
