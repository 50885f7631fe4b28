import type { AnyLetterInput } from '../../shared/letters/data.js';
import { DEFAULT_REGISTER } from '../../shared/letters/register.js';
import type { LetterKind } from '../../shared/letters/types.js';
import { type LETTER_CASE, letterInput } from './letters.js';

/**
 * A short and a long letter of every kind, for the layout check. The long variant stretches what
 * a handler can type (reasons, changes, withheld items, recipients) and the case (a long name, a
 * representative, an extension reason), so page breaks fall at many different places. `padding`
 * adds sentences to the free text: the layout test renders several paddings, so a heading, a
 * field set or the closing lands at a page foot in at least one of them.
 */
export type LetterVariant = 'short' | 'long';
type Sample = (variant: LetterVariant, padding: number) => AnyLetterInput;

const SENTENCE =
  'Wij hebben hierbij ook de stukken uit het huurdossier, de correspondentie met de wijkbeheerder en de notities van het klantcontactcentrum betrokken. ';
const text = (base: string, variant: LetterVariant, padding: number): string => (variant === 'short' ? base : `${base} ${SENTENCE.repeat(2 + padding).trim()}`);

const LONG_CASE = {
  requester: {
    name: 'Łukasz Aleksander Nguyễn-Özdemir van den Bergh-Ağaoğlu',
    address: 'Burgemeester van Karnebeek-Weißstraße 1234 bis, 1234 AB Hilversum',
    customerNumber: 'K-104233',
  },
};
const EXTENDED = {
  extensionMonths: 2,
  extensionReason: 'Het dossier beslaat drie afdelingen en twaalf jaar huurgeschiedenis.',
  dueOn: '2027-01-30',
  originalDueOn: '2026-11-30',
};

function caseFor(variant: LetterVariant, extra: Partial<typeof LETTER_CASE> = {}): { case: Partial<typeof LETTER_CASE> } {
  return { case: { ...(variant === 'long' ? LONG_CASE : {}), ...extra } };
}

const THIRD_PARTY = { id: '6d7c1c36-1e0b-4d8e-9b8e-1a2b3c4d5e6f', name: 'Pieter Post', role: 'melder van overlast' };

function withheld(variant: LetterVariant, padding: number) {
  if (variant === 'short') return [];
  return Array.from({ length: 3 + padding }, (_, i) => ({
    what: `Notitie ${String(i + 1)} van de wijkbeheerder over een buurtbemiddeling`,
    why: text('Vertrouwelijk juridisch advies van onze advocaat.', 'long', i % 3),
  }));
}

/** Per kind; the Record type makes a new kind without a sample a type error, and the test fails on it too. */
export const LETTER_SAMPLES: Record<LetterKind, Sample> = {
  ontvangstbevestiging: (v) => letterInput('ontvangstbevestiging', {}, caseFor(v)),
  'verzoek-om-identificatie': (v) =>
    letterInput(
      'verzoek-om-identificatie',
      { replyBy: '2026-12-15' },
      caseFor(v, v === 'long' ? { representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Marta Nguyễn-Özdemir' } } : {}),
    ),
  'verzoek-om-aanvulling': (v, p) =>
    letterInput(
      'verzoek-om-aanvulling',
      {
        missing:
          v === 'short'
            ? ['Uw handtekening onder het verzoek.']
            : Array.from({ length: 4 + p }, (_, i) => text(`Onderdeel ${String(i + 1)} van uw verzoek.`, v, i % 2)),
      },
      caseFor(v),
    ),
  'zienswijze-derde': (v) =>
    letterInput(
      'zienswijze-derde',
      { thirdPartyId: THIRD_PARTY.id, address: v === 'short' ? 'Dorpsstraat 3, 1234 AB Hilversum' : 'Van Heemskerck van Beestlaan 117 hs, 1234 AB Hilversum' },
      { thirdParties: [THIRD_PARTY] },
    ),
  verlengingsbericht: (v, p) => letterInput('verlengingsbericht', {}, caseFor(v, { ...EXTENDED, extensionReason: text(EXTENDED.extensionReason, v, p) })),
  'besluit-inzage': (v, p) =>
    letterInput(
      'besluit-inzage',
      { withheld: withheld(v, p) },
      {
        ...caseFor(v),
        activities: v === 'short' ? DEFAULT_REGISTER.slice(0, 1) : DEFAULT_REGISTER.slice(0, 2 + (p % (DEFAULT_REGISTER.length - 1))),
        documents: { total: 3, redacted: 1 },
      },
    ),
  'besluit-dataportabiliteit': (v, p) =>
    letterInput(
      'besluit-dataportabiliteit',
      { withheld: withheld(v, p) },
      { ...caseFor(v, { type: 'dataportabiliteit' }), documents: { total: 2, redacted: 0 } },
    ),
  'besluit-correctie': (v, p) =>
    letterInput(
      'besluit-correctie',
      {
        outcome: v === 'short' ? 'toegewezen' : 'deels',
        changes:
          v === 'short'
            ? [{ item: 'Telefoonnummer', from: '06 1234 5678', to: '06 8765 4321', decision: 'doorgevoerd' }]
            : Array.from({ length: 6 + p }, (_, i) => ({
                item: `Gegeven ${String(i + 1)} in de huuradministratie`,
                from: 'Oude waarde met een lange omschrijving',
                to: 'Nieuwe waarde',
                decision: i % 2 === 0 ? 'doorgevoerd' : 'afgewezen',
              })),
        reasons: v === 'short' ? undefined : text('Een deel van de gegevens is juist vastgelegd.', v, p),
        recipientsInformed: v === 'short' ? ['WoningNet'] : ['WoningNet', 'Gemeente Hilversum', 'Aannemer Bouwbedrijf Ağaoğlu', 'Belastingdienst'],
      },
      caseFor(v, { type: 'correctie', correctionKinds: ['verbetering', 'aanvulling'] }),
    ),
  'besluit-verzet': (v, p) =>
    letterInput(
      'besluit-verzet',
      {
        outcome: 'afgewezen',
        processing: 'het delen van gegevens met de gemeente',
        reasons: text('Er zijn geen zwaarwegende persoonlijke omstandigheden gebleken.', v, p),
        legalObligation: v === 'short' ? undefined : text('De Huisvestingswet verplicht ons de gemeente te informeren.', v, p + 1),
      },
      caseFor(v, { type: 'verzet' }),
    ),
  'beslissing-op-klacht': (v, p) =>
    letterInput(
      'beslissing-op-klacht',
      {
        outcome: 'deels_gegrond',
        complaint: text('U klaagt dat wij uw e-mail niet beantwoordden.', v, p),
        reasons: text('Wij hebben op 3 november geantwoord.', v, p + 1),
        measures: v === 'short' ? undefined : text('Wij passen onze werkwijze aan.', v, p),
      },
      caseFor(v, { type: 'klacht' }),
    ),
  afwijzing: (v, p) =>
    letterInput(
      'afwijzing',
      { ground: 'buitensporig', reasons: text('U heeft deze maand vijf gelijke verzoeken gedaan, die wij alle hebben beantwoord.', v, p * 3) },
      caseFor(v),
    ),
  'bevestiging-intrekking': (v) => letterInput('bevestiging-intrekking', { withdrawnOn: '2026-11-20' }, caseFor(v)),
  'besluit-niet-ontvankelijk': (v, p) =>
    letterInput(
      'besluit-niet-ontvankelijk',
      {
        ground: 'identiteit',
        reasons: text('Op 4 november vroegen wij u uw identiteit aan te tonen, uiterlijk op 18 november. Wij hebben niets ontvangen.', v, p),
      },
      caseFor(v, v === 'long' ? { representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Marta Nguyễn-Özdemir' } } : {}),
    ),
  'besluit-geen-gegevens': (v, p) =>
    letterInput(
      'besluit-geen-gegevens',
      {
        searched:
          v === 'short' ? [] : Array.from({ length: 3 + p }, (_, i) => `Bronsysteem ${String(i + 1)}: huuradministratie, klantcontact en woonruimteverdeling`),
      },
      caseFor(v),
    ),
  'besluit-afwijzing-inzage': (v, p) =>
    letterInput(
      'besluit-afwijzing-inzage',
      {
        outcome: v === 'short' ? 'afgewezen' : 'deels',
        grounds: v === 'short' ? ['rechten_anderen'] : ['rechten_anderen', 'strafbare_feiten', 'bescherming_betrokkene'],
        reasons: text('Het dossier bestaat uit meldingen van buren die niet hebben ingestemd.', v, p),
        withheld: [{ what: 'Het overlastdossier', why: 'Meldingen van buren.' }, ...withheld(v, p)],
      },
      { ...caseFor(v), activities: DEFAULT_REGISTER.slice(0, v === 'short' ? 1 : 3), documents: { total: 2, redacted: 1 } },
    ),
  'besluit-verzet-direct-marketing': (v) =>
    letterInput(
      'besluit-verzet-direct-marketing',
      {
        processing:
          v === 'short' ? 'de nieuwsbrief' : 'aanbiedingen van partners per e-mail, per post en in De Alliantie App, ook na afloop van de huurovereenkomst',
      },
      caseFor(v, { type: 'verzet' }),
    ),
  'kennisgeving-ontvangers': (v, p) =>
    letterInput(
      'kennisgeving-ontvangers',
      {
        recipient: v === 'short' ? 'WoningNet' : 'Stichting Woonruimteverdeling Gooi en Vechtstreek, afdeling Inschrijvingen',
        address: 'Postbus 2, 3500 AA Utrecht',
        changes:
          v === 'short'
            ? [{ item: 'Telefoonnummer', action: 'verbeterd', to: '06 8765 4321' }]
            : Array.from({ length: 5 + p }, (_, i) => ({
                item: `Gegeven ${String(i + 1)} in de inschrijving`,
                action: i % 2 === 0 ? ('verbeterd' as const) : ('gewist' as const),
                to: 'Nieuwe waarde met een lange omschrijving',
              })),
      },
      caseFor(v, { type: 'correctie' }),
    ),
  'klacht-termijn-verstreken': (v) =>
    letterInput('klacht-termijn-verstreken', v === 'short' ? {} : { decisionBy: '2026-12-18' }, caseFor(v, { type: 'klacht', dueOn: '2026-11-20' })),
};
