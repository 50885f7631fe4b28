import { merge } from '../letters/letters.nl.js';

/** Dutch texts of "gezocht in" and the data sets from source systems, merged into the messages in index.ts. */
export const sourcesNl = {
  sources: {
    checklistTitle: 'Gezocht in',
    checklistIntro: 'De systemen uit het verwerkingsregister. Leg per systeem vast of u er naar gegevens van de verzoeker heeft gezocht en of u iets vond.',
    loading: 'Systemen laden…',
    system: 'Systeem',
    result: 'Resultaat',
    searchedBy: 'Door en wanneer',
    actions: 'Vastleggen',
    notSearched: 'Nog niet gezocht',
    found: 'Gegevens gevonden',
    notFound: 'Niets gevonden',
    byOn: '{{name}}, {{date}}',
    markFound: 'Gevonden',
    markNotFound: 'Niets gevonden',
    markFoundFor: 'Gegevens gevonden in {{system}}',
    markNotFoundFor: 'Niets gevonden in {{system}}',
    setsTitle: 'Gegevens uit systemen',
    setsIntro:
      'Exports uit een systeem (CSV, JSON of Excel) gaan mee in het pakket van een inzage of dataportabiliteit, als tabel. Waar een cel iemand noemt die geen toestemming gaf, staat daar [gelakt].',
    fromSystem: 'Uit systeem',
    chooseSystem: 'Kies een systeem',
    importFile: 'Export inlezen…',
    imported: '{{name}} is ingelezen ({{rows}} rijen).',
    noSets: 'Er zijn nog geen exports ingelezen.',
    file: 'Bestand',
    size: 'Omvang',
    rowsColumns: '{{rows}} rijen, {{columns}} kolommen',
    importedOn: 'Ingelezen op',
  },
} as const;

export type SourcesMessages = typeof sourcesNl;

/** The messages with these added, nested objects merged key by key. */
export function withSources<T extends object>(messages: T): T & SourcesMessages {
  return merge(messages as Readonly<Record<string, unknown>>, sourcesNl) as T & SourcesMessages;
}
