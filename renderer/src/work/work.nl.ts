/**
 * Dutch text of "Mijn werk", the start page per function, and of the next-step card on a case's
 * Overzicht. Merged into nl.ts by app/i18n/index.ts. The steps' own lines come from
 * shared/work/next-step.ts.
 */
export const workNl = {
  nav: { work: 'Mijn werk', waiting_one: '1 wachtend', waiting_other: '{{count}} wachtend' },
  work: {
    title: 'Mijn werk',
    intro: 'Wat er vandaag op u wacht, per functie. Open een zaak om verder te gaan met de volgende stap.',
    loading: 'Uw werk laden…',
    refresh: 'Vernieuwen',
    open: 'Openen',
    handler: {
      title: 'Mijn zaken',
      empty: 'U heeft geen openstaande zaken.',
      dueThisWeek_one: '1 zaak moet deze week worden afgerond.',
      dueThisWeek_other: '{{count}} zaken moeten deze week worden afgerond.',
      overdue_one: '1 zaak is over de termijn.',
      overdue_other: '{{count}} zaken zijn over de termijn.',
      noneThisWeek: 'Deze week loopt geen termijn af.',
      columns: { case: 'Zaak', step: 'Volgende stap', due: 'Uiterste datum' },
      noStep: 'Geen stap open',
    },
    signer: {
      title: 'Brieven ter ondertekening',
      empty: 'Er wachten geen brieven op uw handtekening.',
      count_one: '1 brief wacht op uw handtekening.',
      count_other: '{{count}} brieven wachten op uw handtekening.',
      columns: { letter: 'Brief', case: 'Zaak', drafted: 'Opgesteld door', submitted: 'Aangeboden' },
      go: 'Naar Ondertekenen',
      own: 'door u opgesteld',
    },
    dpo: {
      overdue: 'Over de termijn',
      overdueEmpty: 'Geen zaak is over de termijn.',
      columns: { case: 'Zaak', type: 'Soort', due: 'Uiterste datum', handler: 'Behandelaar' },
      unassigned: 'Niet toegewezen',
      sync: 'Door de centrale database geweigerd',
      syncEmpty: 'Geen geweigerde synchronisaties.',
      destruction: 'Vernietigingslijst',
      destructionNone: 'Er ligt geen vernietigingslijst ter goedkeuring.',
      destructionOpen_one: 'Voorgesteld op {{date}}: 1 record wacht op uw goedkeuring.',
      destructionOpen_other: 'Voorgesteld op {{date}}: {{count}} records wachten op uw goedkeuring.',
      holds: 'Bewaarplichten (holds)',
      holdsEmpty: 'Er loopt geen bewaarplicht.',
      holdSince: 'sinds {{date}}',
      goRetention: 'Naar Bewaartermijnen',
    },
    intake: {
      title: 'Nog niet toegewezen',
      empty: 'Alle open verzoeken zijn aan een behandelaar toegewezen.',
      columns: { case: 'Zaak', type: 'Soort', received: 'Ontvangen', due: 'Uiterste datum' },
    },
    duplicates: {
      title: 'Mogelijk dubbel',
      empty: 'Geen open verzoeken met dezelfde verzoeker.',
      columns: { cases: 'Zaken', basis: 'Zelfde' },
      basis: { naam: 'naam', 'e-mail': 'e-mailadres', adres: 'adres' },
    },
  },
  notifications: {
    title: 'Meldingen',
    label: 'Meldingen',
    labelUnread_one: 'Meldingen: 1 nieuw',
    labelUnread_other: 'Meldingen: {{count}} nieuw',
    empty: 'Er zijn geen meldingen.',
    summary_one: 'U heeft 1 nieuwe melding. Zie de bel rechtsboven.',
    summary_other: 'U heeft {{count}} nieuwe meldingen. Zie de bel rechtsboven.',
    osTitle: 'Windows-meldingen',
    osSwitch: 'Meldingen ook als Windows-melding tonen',
    osHint:
      'Een brief die op u wacht, is ondertekend of teruggestuurd, een zaak die aan u is toegewezen of een termijn die binnen 5 werkdagen afloopt: ook als AVG Desk niet op de voorgrond staat. De melding noemt alleen het zaaknummer en de soort brief, geen namen.',
  },
  files: {
    browse: 'Bladeren…',
    download: 'Het bestand wordt gedownload; uw browser bewaart het in de map Downloads of vraagt waar.',
    unreadable: 'Het gekozen bestand kan niet worden gelezen.',
  },
  shortcuts: { tabs: 'Volgend tabblad: Alt+Page Down. Vorig tabblad: Alt+Page Up.' },
  nextStep: { title: 'Volgende stap', go: 'Ga naar {{tab}}', none: 'Er staat geen stap meer open op deze zaak.' },
};

export type WorkMessages = typeof workNl;
