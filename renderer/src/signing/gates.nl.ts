/**
 * Dutch text of the premises of a decision: the checklist "Klaar voor besluit", the representative
 * recorded after intake and the §9 verification through a second channel. Merged into nl.ts by
 * app/i18n/index.ts. The checklist's own lines come from shared/signing/decision-gates.ts.
 */
export const gatesNl = {
  gates: {
    title: 'Klaar voor besluit',
    intro: 'Een besluit kan pas ter ondertekening en ondertekend worden als alles hieronder in orde is.',
    forLetter: 'Voor de brief: {{label}}.',
    ready: 'Alles is in orde voor het besluit.',
    ok: 'In orde',
    missing: 'Ontbreekt',
    open: 'Naar {{tab}}',
    tabs: { overview: 'Overzicht', identity: 'Identiteit', thirdParties: 'Derden', redaction: 'Lakken', letters: 'Brieven' },
    representative: {
      record: 'Vertegenwoordiger vastleggen',
      change: 'Vertegenwoordiger wijzigen',
      title: 'Vertegenwoordiger',
      kind: 'Soort',
      name: 'Naam',
      basis: 'Grondslag (bijvoorbeeld: moeder met gezag)',
      save: 'Vastleggen',
      saved: 'De vertegenwoordiger is vastgelegd. Stel diens identiteit en bevoegdheid vast onder Identiteit.',
    },
    change: {
      title: 'Verificatie via een tweede kanaal (§9)',
      intro:
        'Dit correctieverzoek kwam binnen via {{channel}}. Een wijziging wordt pas doorgevoerd nadat de verzoeker haar via een ander kanaal heeft bevestigd.',
      method: 'Hoe geverifieerd',
      outcome: 'Uitkomst',
      record: 'Verificatie vastleggen',
      recorded: 'De verificatie is vastgelegd.',
      by: '{{outcome}}: {{method}}, door {{name}} op {{date}}.',
      none: 'Nog niet geverifieerd.',
    },
  },
} as const;

export type GatesMessages = typeof gatesNl;
