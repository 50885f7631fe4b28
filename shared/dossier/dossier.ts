/** Where a dossier document comes from (the corporation's systems and files). */
export const DOCUMENT_SOURCES = ['huuradministratie', 'onderhoud', 'klantcontact', 'overlastdossier', 'woonruimteverdeling', 'vve_beheer', 'anders'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];
export const DOCUMENT_SOURCE_LABELS: Readonly<Record<DocumentSource, string>> = {
  huuradministratie: 'Huuradministratie',
  onderhoud: 'Onderhoud',
  klantcontact: 'Klantcontact',
  overlastdossier: 'Overlastdossier',
  woonruimteverdeling: 'Woonruimteverdeling',
  vve_beheer: 'VvE-beheer',
  anders: 'Anders',
};

export const DOCUMENT_FORMATS = ['pdf', 'image', 'email', 'text'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** §13: a third party is heard first; only consent releases their data. */
export const HEARING_STATUSES = ['te_horen', 'toestemming', 'geen_toestemming', 'niet_bereikbaar'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];
export const HEARING_LABELS: Readonly<Record<HearingStatus, string>> = {
  te_horen: 'Te horen',
  toestemming: 'Toestemming',
  geen_toestemming: 'Geen toestemming',
  niet_bereikbaar: 'Niet bereikbaar',
};

/** Whether a third party's data must be redacted before the requester gets access. */
export function mustRedact(status: HearingStatus): boolean {
  return status === 'geen_toestemming' || status === 'niet_bereikbaar';
}

/** Limits of a dossier document, documented in the README. */
export const MAX_DOCUMENT_BYTES = 40 * 1024 * 1024;
export const MAX_DOCUMENT_PAGES = 2000;
