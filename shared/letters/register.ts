import type { DocumentSource } from '../dossier/dossier.js';

/**
 * The register of processing activities (art. 30 AVG) as far as an access letter needs it
 * (art. 15(1) AVG): per activity the purpose, the legal basis, the categories of data, the
 * recipients, transfers outside the EEA, the retention and the source. The defaults below are
 * taken from the privacy policy (§4 retention, §6–§11 processing and recipients); an admin edits
 * the register in the app, and the handler ticks the activities that apply to a requester.
 */
export interface Recipient {
  /** By name where known (WoningNet, Belastingdienst …), otherwise null and only the category. */
  name: string | null;
  category: string;
}

export interface ProcessingActivity {
  id: string;
  name: string;
  purpose: string;
  legalBasis: string;
  dataCategories: string[];
  recipients: Recipient[];
  transfersOutsideEea: string;
  retention: string;
  source: string;
  /** Where the policy describes it, e.g. "§6". */
  policyReference: string;
  sortOrder: number;
  /**
   * Automated decision-making with legal or similarly significant effect (art. 22 AVG), with its
   * logic, significance and consequences in the letter's words (art. 15(1)(h)); null when none.
   */
  automatedDecision: string | null;
}

/** Art. 15(1)(h) where no activity declares automated decision-making. */
export const NO_AUTOMATED_DECISIONS = 'Wij nemen geen besluiten die uitsluitend op geautomatiseerde verwerking berusten, ook niet op basis van profilering.';

/** §11: the corporation keeps information inside the EEA. */
export const NO_TRANSFER = 'Geen. Wij bewaren en verwerken uw gegevens binnen de Europese Economische Ruimte (§11).';

/** §4 of the policy, in the words a letter uses. */
export const RETENTION_CONTRACT =
  'Uiterlijk twee jaar nadat de overeenkomst is geëindigd en alle lopende zaken zijn afgehandeld; langer alleen als een wettelijke bewaarplicht dat vereist (§4).';
export const RETENTION_PURPOSE =
  'Uiterlijk vijf jaar nadat de gegevens voor dit doel zijn verwerkt, of eerder zodra zij voor dit doel niet meer nodig zijn; langer alleen als een wettelijke bewaarplicht dat vereist (§4).';

const r = (category: string, name: string | null = null): Recipient => ({ name, category });
const WONINGNET = r('Derden belast met woonruimteverdeling', 'WoningNet');
const GEMEENTEN = r('Overheidsorganen', 'Gemeenten');
const BELASTINGDIENST = r('Overheidsorganen', 'Belastingdienst');
const AANNEMERS = r('Aannemers en andere opdrachtnemers (dienstverleners)');
const DEURWAARDERS = r('Deurwaarders');
const ADVOCATEN = r('Advocaten');
const NOTARISSEN = r('Notarissen');
const ACCOUNTANTS = r('Accountants');
const POLITIE = r('Overheidsorganen', 'Politie en justitie');
const TOEZICHT = r('Toezichthouders', 'Autoriteit Woningcorporaties');
const HOSTING = r('Verwerkers die onze centrale database en de Digitale Applicaties voor ons hosten');

export const DEFAULT_REGISTER: readonly ProcessingActivity[] = [
  {
    id: 'woonruimteverdeling',
    name: 'Woonruimteverdeling en toewijzing',
    purpose: 'Woningen toewijzen aan woningzoekenden via een woonruimteverdeelsysteem.',
    legalBasis: 'Het sluiten van de huurovereenkomst (art. 6 lid 1 sub b AVG) en wettelijke verplichtingen uit de Woningwet en de Huisvestingswet (sub c).',
    dataCategories: [
      'Naam, adres en contactgegevens',
      'Geboortedatum',
      'Inschrijfnummer en inschrijfduur',
      'Samenstelling van het huishouden',
      'Zoekprofiel en reacties op woningen',
    ],
    recipients: [WONINGNET, GEMEENTEN],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_PURPOSE,
    source: 'Uzelf en WoningNet.',
    policyReference: '§6',
    sortOrder: 10,
    automatedDecision: null,
  },
  {
    id: 'inkomenstoets',
    name: 'Inkomenstoets',
    purpose: 'Toetsen of een kandidaat-huurder op grond van het huishoudinkomen in aanmerking komt voor de woning.',
    legalBasis: 'Wettelijke verplichting uit de Woningwet (art. 6 lid 1 sub c AVG).',
    dataCategories: ['Huishoudinkomen (inkomensverklaring)', 'Samenstelling van het huishouden'],
    recipients: [TOEZICHT, ACCOUNTANTS],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_PURPOSE,
    source: 'Uzelf (met de inkomensverklaring van de Belastingdienst).',
    policyReference: '§6',
    sortOrder: 20,
    automatedDecision: null,
  },
  {
    id: 'huuradministratie',
    name: 'Huuradministratie',
    purpose: 'De huur en de servicekosten innen, huurverhogingen en betalingsregelingen uitvoeren.',
    legalBasis: 'Uitvoering van de huurovereenkomst (art. 6 lid 1 sub b AVG) en de fiscale bewaarplicht (sub c).',
    dataCategories: ['Naam en adres', 'Contractnummer', 'Bankrekeningnummer (IBAN)', 'Betalingen en eventuele achterstanden'],
    recipients: [BELASTINGDIENST, DEURWAARDERS, ADVOCATEN, ACCOUNTANTS],
    transfersOutsideEea: NO_TRANSFER,
    retention: `${RETENTION_CONTRACT} Financiële gegevens bewaren wij zeven jaar, omdat de fiscale bewaarplicht (art. 52 Algemene wet inzake rijksbelastingen) dat vereist.`,
    source: 'Uzelf.',
    policyReference: '§6',
    sortOrder: 30,
    automatedDecision: null,
  },
  {
    id: 'onderhoud',
    name: 'Onderhoud en renovatie',
    purpose: 'Reparaties, planmatig onderhoud en renovatie van de woning uitvoeren en de bewoner daarover informeren.',
    legalBasis: 'Uitvoering van de huurovereenkomst (art. 6 lid 1 sub b AVG).',
    dataCategories: ['Naam, adres en contactgegevens', 'Reparatieverzoeken en afspraken', 'Bijzonderheden over de toegang tot de woning'],
    recipients: [AANNEMERS],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_CONTRACT,
    source: 'Uzelf en de aannemers die het werk uitvoeren.',
    policyReference: '§6',
    sortOrder: 40,
    automatedDecision: null,
  },
  {
    id: 'overlast-woonfraude',
    name: 'Overlast- en woonfraudebestrijding',
    purpose: 'Toezien op de naleving van de huurverplichtingen: overlast en woonfraude voorkomen, beperken en oplossen.',
    legalBasis: 'Uitvoering van de huurovereenkomst (art. 6 lid 1 sub b AVG) en ons gerechtvaardigd belang bij een leefbare woonomgeving (sub f).',
    dataCategories: ['Naam en adres', 'Meldingen en klachten', 'Verslagen van gesprekken en waarnemingen', 'Gemaakte afspraken'],
    recipients: [GEMEENTEN, POLITIE, ADVOCATEN, DEURWAARDERS],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_PURPOSE,
    source: 'Uzelf, buurtbewoners en andere melders, de gemeente en de politie.',
    policyReference: '§6 en §11',
    sortOrder: 50,
    automatedDecision: null,
  },
  {
    id: 'huurbeeindiging',
    name: 'Huurbeëindiging en oplevering',
    purpose: 'De huurovereenkomst beëindigen, de woning laten opleveren en de eindafrekening maken.',
    legalBasis: 'Uitvoering van de huurovereenkomst (art. 6 lid 1 sub b AVG).',
    dataCategories: ['Naam, adres en nieuw adres', 'Datum einde huur', 'Inspectierapport van de oplevering', 'Eindafrekening'],
    recipients: [AANNEMERS, DEURWAARDERS],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_CONTRACT,
    source: 'Uzelf.',
    policyReference: '§6',
    sortOrder: 60,
    automatedDecision: null,
  },
  {
    id: 'verkoop',
    name: 'Verkoop en levering van vastgoed',
    purpose: 'Woningen en ander vastgoed verkopen en leveren.',
    legalBasis: 'Het sluiten en uitvoeren van de koopovereenkomst (art. 6 lid 1 sub b AVG).',
    dataCategories: ['Naam, adres en contactgegevens', 'Koopovereenkomst', 'Gegevens over de financiering voor zover nodig voor de levering'],
    recipients: [NOTARISSEN, ADVOCATEN],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_CONTRACT,
    source: 'Uzelf.',
    policyReference: '§6',
    sortOrder: 70,
    automatedDecision: null,
  },
  {
    id: 'vve-beheer',
    name: 'VvE-beheer',
    purpose: 'Het beheer uitvoeren voor een Vereniging van Eigenaars, met de gegevens van de appartementseigenaren.',
    legalBasis: 'Uitvoering van de beheerovereenkomst met de VvE (art. 6 lid 1 sub b en f AVG).',
    dataCategories: ['Naam, adres en contactgegevens', 'Appartementsrecht', 'Bijdragen en betalingen'],
    recipients: [AANNEMERS, ACCOUNTANTS],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_CONTRACT,
    source: 'De VvE en uzelf.',
    policyReference: '§6',
    sortOrder: 80,
    automatedDecision: null,
  },
  {
    id: 'klantcontact',
    name: 'Klantcontact: vragen, klachten en meldingen',
    purpose: 'Uw vragen beantwoorden, uw meldingen afhandelen en uw klachten behandelen.',
    legalBasis: 'Uitvoering van de overeenkomst (art. 6 lid 1 sub b AVG) en ons gerechtvaardigd belang bij goede dienstverlening (sub f).',
    dataCategories: ['Naam en contactgegevens', 'Uw vraag, klacht of melding', 'Correspondentie'],
    recipients: [AANNEMERS],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_PURPOSE,
    source: 'Uzelf.',
    policyReference: '§8',
    sortOrder: 90,
    automatedDecision: null,
  },
  {
    id: 'mijn-alliantie',
    name: 'Mijn Alliantie-account en De Alliantie App',
    purpose: 'Uw account aanmaken en beveiligen en u de functies van Mijn Alliantie leveren.',
    legalBasis: 'Uitvoering van de gebruikersvoorwaarden (art. 6 lid 1 sub b AVG) en ons gerechtvaardigd belang bij de beveiliging (sub f).',
    dataCategories: [
      'Voor- en achternaam, adres en geboortedatum',
      'E-mailadres en inloggegevens',
      'IP-adres, type browser, computersysteem en bezochte pagina’s',
    ],
    recipients: [HOSTING],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_CONTRACT,
    source: 'Uzelf; gegevens over uw gebruik worden automatisch gegenereerd.',
    policyReference: '§9',
    sortOrder: 100,
    automatedDecision: null,
  },
  {
    id: 'nieuwsbrief',
    name: 'Nieuwsbrief',
    purpose: 'U de nieuwsbrief sturen waarvoor u zich heeft aangemeld.',
    legalBasis: 'Uw toestemming (art. 6 lid 1 sub a AVG); u kunt zich met elke nieuwsbrief afmelden.',
    dataCategories: ['E-mailadres', 'Naam en geslacht (om de nieuwsbrief persoonlijk te maken)'],
    recipients: [],
    transfersOutsideEea: NO_TRANSFER,
    retention: 'Tot u zich afmeldt.',
    source: 'Uzelf.',
    policyReference: '§10',
    sortOrder: 110,
    automatedDecision: null,
  },
  {
    id: 'klanttevredenheid',
    name: 'Klanttevredenheidsonderzoek',
    purpose: 'Onze dienstverlening verbeteren met onderzoeken waaraan u vrijwillig deelneemt; de uitkomsten zijn niet tot u te herleiden.',
    legalBasis: 'Ons gerechtvaardigd belang bij betere dienstverlening (art. 6 lid 1 sub f AVG); deelname is vrijwillig.',
    dataCategories: ['Contactgegevens', 'Uw antwoorden'],
    recipients: [],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_PURPOSE,
    source: 'Uzelf.',
    policyReference: '§7',
    sortOrder: 120,
    automatedDecision: null,
  },
  {
    id: 'verantwoording',
    name: 'Intern beheer, verantwoording en accountantscontrole',
    purpose: 'Onze bedrijfsvoering beheren en verantwoording afleggen aan toezichthouders en de accountant.',
    legalBasis: 'Wettelijke verplichtingen uit de Woningwet (art. 6 lid 1 sub c AVG).',
    dataCategories: ['Gegevens uit de huuradministratie en de woonruimteverdeling, voor zover nodig voor de controle'],
    recipients: [ACCOUNTANTS, TOEZICHT],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_PURPOSE,
    source: 'Onze eigen administratie.',
    policyReference: '§6',
    sortOrder: 130,
    automatedDecision: null,
  },
  {
    id: 'avg-verzoeken',
    name: 'Behandeling van verzoeken en klachten over persoonsgegevens',
    purpose: 'Uw verzoeken om inzage, correctie, verzet en dataportabiliteit en uw klachten behandelen.',
    legalBasis: 'Wettelijke verplichting uit de AVG (art. 6 lid 1 sub c AVG).',
    dataCategories: ['Uw verzoek en onze correspondentie', 'Hoe uw identiteit is vastgesteld (zonder kopie van het identiteitsbewijs)'],
    recipients: [r('Autoriteit Persoonsgegevens en de rechter, als u een klacht of verzoekschrift indient')],
    transfersOutsideEea: NO_TRANSFER,
    retention: RETENTION_PURPOSE,
    source: 'Uzelf.',
    policyReference: '§13 tot en met §16',
    sortOrder: 140,
    automatedDecision: null,
  },
];

/** "WoningNet (derden belast met woonruimteverdeling); deurwaarders": name where known, else category. */
export function describeRecipients(recipients: readonly Recipient[]): string {
  if (recipients.length === 0) return 'Wij verstrekken deze gegevens niet aan anderen.';
  return recipients.map((x) => (x.name ? `${x.name} (${x.category.charAt(0).toLowerCase()}${x.category.slice(1)})` : x.category)).join('; ');
}

/** The activity of the default register whose records a dossier source holds ("Anders" points at none). */
export const ACTIVITY_OF_SOURCE: Readonly<Record<DocumentSource, string | null>> = {
  huuradministratie: 'huuradministratie',
  onderhoud: 'onderhoud',
  klantcontact: 'klantcontact',
  overlastdossier: 'overlast-woonfraude',
  woonruimteverdeling: 'woonruimteverdeling',
  vve_beheer: 'vve-beheer',
  anders: null,
};

/**
 * The activities a case's dossier points at, to start the access letter from: those whose records
 * its documents came from, and the systems where the requester's data was found. Only activities
 * the register holds (`registerIds`, in its order); the handler still adds and removes.
 */
export function activitiesFromDossier(registerIds: readonly string[], sources: readonly DocumentSource[], foundIn: readonly string[]): string[] {
  const wanted = new Set<string | null>([...sources.map((s) => ACTIVITY_OF_SOURCE[s]), ...foundIn]);
  return registerIds.filter((id) => wanted.has(id));
}
