/**
 * Dutch text of the handover of a case file to another desktop: the action on the
 * case's overview and the import on the work queue. Merged into nl.ts by app/i18n/index.ts.
 */
export const handoverNl = {
  handover: {
    title: 'Overdragen aan andere computer',
    intro:
      'Draagt de privacy officer deze zaak over aan een behandelaar op een andere computer? Maak dan een versleuteld overdrachtsbestand. De nieuwe behandelaar leest het in; daarna wordt het dossier op deze computer vernietigd.',
    action: 'Overdragen aan andere computer',
    dialogTitle: 'Zaak {{reference}} overdragen',
    dialogIntro:
      'Het bestand bevat het hele dossier, versleuteld met het wachtwoord dat u hier kiest. Werk na het overdragen niet meer aan deze zaak op deze computer.',
    path: 'Overdrachtsbestand',
    pathHint: 'Volledig pad, bijvoorbeeld E:\\AVG-2026-0001.avgh op een USB-stick of in een gedeelde map. Niet in de gegevensmap van AVG Desk.',
    password: 'Wachtwoord voor het bestand',
    passwordHint: 'Kies een nieuw wachtwoord, niet uw eigen wachtwoord.',
    repeat: 'Wachtwoord herhalen',
    mismatch: 'De wachtwoorden zijn niet gelijk.',
    submit: 'Overdrachtsbestand maken',
    doneTitle: 'Overdrachtsbestand gemaakt',
    done: 'Zaak {{reference}} staat met {{count}} bestanden in {{path}}.',
    doneDownload: 'Zaak {{reference}} is met {{count}} bestanden gedownload als {{fileName}}.',
    outOfBand:
      'Geef het wachtwoord telefonisch door aan de nieuwe behandelaar, nooit per e-mail en nooit samen met het bestand. Zodra de nieuwe behandelaar het bestand heeft ingelezen en beide computers hebben gesynchroniseerd, wordt het dossier op deze computer vernietigd.',
    import: {
      action: 'Overdracht importeren',
      title: 'Overdracht importeren',
      intro: 'Lees een zaak in die een collega aan u heeft overgedragen. Het wachtwoord heeft u telefonisch gekregen.',
      path: 'Overdrachtsbestand',
      pathHint: 'Volledig pad van het bestand, bijvoorbeeld E:\\AVG-2026-0001.avgh.',
      password: 'Wachtwoord van het bestand',
      submit: 'Importeren',
      done: 'Zaak {{reference}} is ingelezen en aan u toegewezen.',
    },
    required: 'Vul dit veld in.',
  },
} as const;

export type HandoverMessages = typeof handoverNl;
