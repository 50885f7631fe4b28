import { checkTemplateText } from './fields.js';
import { REQUIRED_SLOTS, SLOTS, VARIANTS, type LetterTemplate, type TemplateBlock } from './template-types.js';
import { LETTER_KIND_LABELS, type LetterKind } from './types.js';

/**
 * The default text of every letter kind: plain Dutch (B1 where the law allows), in the policy's
 * terms. An admin may replace a template in Beheer; the slots (the statements the law requires)
 * stay generated from the case, see template-types.ts.
 */
const SALUTATION = 'Geachte {geadresseerde.naam},';
const CLOSING = 'Met vriendelijke groet,';

const CONTACT: TemplateBlock = {
  type: 'paragraph',
  text: 'Heeft u vragen over deze brief? Neem dan contact op met {behandelaar.naam} via {organisatie.telefoon} of {organisatie.email}. Vermeld daarbij ons kenmerk {kenmerk}.',
};
const ON_BEHALF: TemplateBlock = { type: 'paragraph', text: 'U heeft dit verzoek gedaan namens {verzoeker.naam}.', when: ['vertegenwoordiger'] };

function template(kind: LetterKind, subject: string, blocks: TemplateBlock[]): LetterTemplate {
  return { kind, subject, salutation: SALUTATION, blocks, closing: CLOSING };
}

/** Every decision ends with the art. 15(1)(h) statement, the remedies and the FG. */
const DECISION_END: TemplateBlock[] = [
  { type: 'slot', slot: 'geautomatiseerd' },
  { type: 'slot', slot: 'rechtsmiddelen' },
  { type: 'slot', slot: 'fg' },
  CONTACT,
];

export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = {
  ontvangstbevestiging: template('ontvangstbevestiging', 'Ontvangstbevestiging van uw {soort_verzoek}', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. Met deze brief bevestigen wij de ontvangst.' },
    ON_BEHALF,
    {
      type: 'paragraph',
      text: 'Wij behandelen uw verzoek onder kenmerk {kenmerk}. Wij beslissen uiterlijk op {uiterste_datum}.',
      when: ['verzoek', 'binnen_termijn'],
    },
    {
      type: 'paragraph',
      text: 'Als wij meer tijd nodig hebben, bijvoorbeeld omdat uw verzoek ingewikkeld is, laten wij u dat vóór die datum weten, met de reden. De termijn kan dan met ten hoogste twee maanden worden verlengd (artikel 12, lid 3 AVG).',
      when: ['verzoek', 'binnen_termijn'],
    },
    {
      type: 'paragraph',
      text: 'Wij behandelen uw verzoek onder kenmerk {kenmerk}. De wettelijke termijn om op uw verzoek te beslissen is op {uiterste_datum} verstreken. Het spijt ons dat wij nog niet hebben beslist. Wij beslissen zo snel mogelijk.',
      when: ['verzoek', 'termijn_verstreken'],
    },
    {
      type: 'paragraph',
      text: 'Omdat wij niet binnen de termijn hebben beslist, kunt u binnen zes weken na {uiterste_datum} een verzoekschrift indienen bij de rechtbank (artikel 35 Uitvoeringswet AVG). U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens (artikel 77 AVG).',
      when: ['verzoek', 'termijn_verstreken'],
    },
    {
      type: 'paragraph',
      text: 'Om zeker te weten dat het verzoek van u komt, stellen wij uw identiteit vast (§13 van ons privacyreglement). Hebben wij daarvoor iets van u nodig, dan hoort u dat van ons.',
      when: ['verzoek'],
    },
    {
      type: 'paragraph',
      text: 'Wij behandelen uw klacht onder kenmerk {kenmerk} volgens onze klachtenprocedure (§16 van ons privacyreglement). U ontvangt onze beslissing uiterlijk op {uiterste_datum}.',
      when: ['klacht', 'binnen_termijn'],
    },
    {
      type: 'paragraph',
      text: 'Wij behandelen uw klacht onder kenmerk {kenmerk} volgens onze klachtenprocedure (§16 van ons privacyreglement). De termijn van die procedure is op {uiterste_datum} verstreken; het spijt ons dat u onze beslissing nog niet heeft. U hoeft daar niet op te wachten: binnen zes weken na {uiterste_datum} kunt u een verzoekschriftprocedure bij de rechtbank starten of de Autoriteit Persoonsgegevens vragen te bemiddelen (§16 van ons privacyreglement).',
      when: ['klacht', 'termijn_verstreken'],
    },
    CONTACT,
  ]),
  'verzoek-om-identificatie': template('verzoek-om-identificatie', 'Uw {soort_verzoek}: wilt u uw identiteit aantonen?', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen.' },
    {
      type: 'paragraph',
      text: 'Voordat wij uw verzoek behandelen, moeten wij zeker weten dat het van u komt. Zo voorkomen wij dat iemand anders {gegevens} te zien krijgt of laat wijzigen (artikel 12, lid 6 AVG en §13 van ons privacyreglement). U kunt uw identiteit op een van deze manieren aantonen:',
    },
    {
      type: 'list',
      items: [
        'Kom langs bij onze balie met een geldig paspoort, identiteitskaart of rijbewijs. Wij maken dan geen kopie.',
        'Of stuur ons een kopie van uw identiteitsbewijs. Maak daarop uw burgerservicenummer (BSN) en uw pasfoto onleesbaar; die hebben wij niet nodig. De app KopieID van de Rijksoverheid helpt daarbij.',
        'Of dien uw verzoek in via Mijn Alliantie, nadat u bent ingelogd.',
      ],
    },
    { type: 'paragraph', text: 'Wij gebruiken de kopie alleen om uw identiteit vast te stellen en vernietigen haar direct daarna.' },
    {
      type: 'paragraph',
      text: 'U doet het verzoek namens {verzoeker.naam}. Wilt u daarom ook aantonen dat u dat mag, bijvoorbeeld met een uittreksel uit het gezagsregister of een schriftelijke volmacht?',
      when: ['vertegenwoordiger'],
    },
    {
      type: 'paragraph',
      text: 'Wilt u dit vóór {reactie_datum} regelen? Zolang wij uw identiteit niet hebben vastgesteld, kunnen wij uw verzoek niet verder behandelen.',
    },
    CONTACT,
  ]),
  'verzoek-om-aanvulling': template('verzoek-om-aanvulling', 'Uw {soort_verzoek}: wij hebben meer informatie nodig', [
    {
      type: 'paragraph',
      text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. Om uw verzoek te kunnen behandelen, hebben wij nog het volgende van u nodig:',
    },
    { type: 'slot', slot: 'ontbrekend' },
    {
      type: 'paragraph',
      text: 'Volgens ons privacyreglement dient u een verzoek om inzage of correctie schriftelijk in en ondertekent u het zelf (§13 en §14).',
      when: ['inzage', 'correctie', 'dataportabiliteit'],
    },
    { type: 'paragraph', text: 'Volgens ons privacyreglement dient u verzet schriftelijk in, met de redenen waarop het berust (§15).', when: ['verzet'] },
    {
      type: 'paragraph',
      text: 'Wilt u de ontbrekende informatie vóór {reactie_datum} sturen naar {organisatie.naam}, {organisatie.postadres}, of afgeven bij onze balie?',
    },
    CONTACT,
  ]),
  'zienswijze-derde': template('zienswijze-derde', 'Wij vragen uw mening over het verstrekken van gegevens over u', [
    {
      type: 'paragraph',
      text: 'Wij hebben een verzoek ontvangen van iemand die wil weten welke persoonsgegevens wij over hem of haar verwerken (artikel 15 AVG). In de stukken die wij daarvoor moeten verstrekken, staan ook gegevens over u, als {derde.rol}.',
    },
    {
      type: 'paragraph',
      text: 'Volgens ons privacyreglement (§13) vragen wij eerst uw mening (zienswijze) voordat wij deze stukken verstrekken. Wilt u ons vóór {reactie_datum} laten weten of u ermee instemt dat uw gegevens in de stukken leesbaar blijven?',
    },
    {
      type: 'paragraph',
      text: 'Stemt u niet in, of horen wij niets van u, dan maken wij uw gegevens onleesbaar voordat wij de stukken verstrekken. Uw antwoord gebruiken wij alleen voor de behandeling van dit verzoek.',
    },
    CONTACT,
  ]),
  verlengingsbericht: template('verlengingsbericht', 'Verlenging van de termijn voor uw {soort_verzoek}', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. Wij zouden uiterlijk op {oorspronkelijke_datum} beslissen.' },
    {
      type: 'paragraph',
      text: 'Het lukt ons niet om binnen die termijn zorgvuldig te beslissen. Wij verlengen de termijn daarom met {verlenging} (artikel 12, lid 3 AVG). Wij laten u dit weten vóór het einde van de oorspronkelijke termijn, zoals de wet voorschrijft.',
    },
    { type: 'slot', slot: 'verlenging' },
    CONTACT,
  ]),
  'besluit-inzage': template('besluit-inzage', 'Besluit op uw verzoek om inzage', [
    {
      type: 'paragraph',
      text: 'Op {datum_ontvangst} heeft u ons gevraagd welke persoonsgegevens wij van {betrokkene} verwerken. In deze brief leest u ons besluit.',
    },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    { type: 'paragraph', text: 'Wij geven u inzage.' },
    { type: 'slot', slot: 'kopie' },
    { type: 'slot', slot: 'bijlagen' },
    { type: 'slot', slot: 'verwerkingen' },
    { type: 'slot', slot: 'achtergehouden' },
    { type: 'slot', slot: 'rechten' },
    ...DECISION_END,
  ]),
  'besluit-dataportabiliteit': template('besluit-dataportabiliteit', 'Besluit op uw verzoek om gegevens in een machineleesbaar formaat', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} heeft u ons gevraagd om {gegevens} in een machineleesbaar formaat. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    {
      type: 'paragraph',
      text: 'Wij willigen uw verzoek in. U ontvangt de persoonsgegevens die {betrokkene} zelf aan ons heeft verstrekt en die wij op grond van toestemming of een overeenkomst geautomatiseerd verwerken, in een gestructureerd, gangbaar en machineleesbaar formaat: JSON en CSV, met een toelichting (artikel 20 AVG). Deze gegevens mogen aan een andere organisatie worden gegeven.',
    },
    {
      type: 'paragraph',
      text: 'Wilt u dat wij de gegevens rechtstreeks aan een andere organisatie sturen? Laat het ons weten; als dat technisch mogelijk is, doen wij dat (artikel 20, lid 2 AVG).',
    },
    { type: 'slot', slot: 'bijlagen' },
    { type: 'slot', slot: 'achtergehouden' },
    ...DECISION_END,
  ]),
  'besluit-correctie': template('besluit-correctie', 'Besluit op uw verzoek om correctie van {gegevens}', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} heeft u ons gevraagd {gevraagde_correctie}. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    {
      type: 'paragraph',
      text: 'Wij willigen uw verzoek in. Wij hebben de gegevens aangepast zoals hieronder staat (artikel 16 en 17 AVG en §14 van ons privacyreglement).',
      when: ['toegewezen'],
    },
    {
      type: 'paragraph',
      text: 'Wij willigen uw verzoek gedeeltelijk in. Hieronder staat welke wijzigingen wij wel en welke wij niet hebben doorgevoerd, en waarom.',
      when: ['deels'],
    },
    { type: 'paragraph', text: 'Wij wijzen uw verzoek af. Hieronder leest u waarom.', when: ['afgewezen'] },
    { type: 'slot', slot: 'wijzigingen' },
    { type: 'slot', slot: 'motivering' },
    { type: 'slot', slot: 'ontvangers' },
    ...DECISION_END,
  ]),
  'besluit-verzet': template('besluit-verzet', 'Besluit op uw verzet tegen het gebruik van {gegevens}', [
    {
      type: 'paragraph',
      text: 'Op {datum_ontvangst} heeft u bezwaar gemaakt tegen het gebruik van {gegevens} voor: {verzet.verwerking} (artikel 21 AVG en §15 van ons privacyreglement).',
    },
    { type: 'paragraph', text: 'U heeft daarbij de bijzondere persoonlijke omstandigheden toegelicht waarop het verzet berust.', when: ['omstandigheden'] },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    { type: 'paragraph', text: 'Wij willigen uw verzet in. Wij stoppen met dit gebruik van {gegevens}.', when: ['toegewezen'] },
    { type: 'paragraph', text: 'Wij willigen uw verzet gedeeltelijk in. Hieronder leest u wat wij wel en niet stoppen, en waarom.', when: ['deels'] },
    { type: 'paragraph', text: 'Wij wijzen uw verzet af. Hieronder leest u waarom.', when: ['afgewezen'] },
    { type: 'slot', slot: 'motivering' },
    { type: 'slot', slot: 'wettelijke_plicht' },
    ...DECISION_END,
  ]),
  'beslissing-op-klacht': template('beslissing-op-klacht', 'Beslissing op uw klacht', [
    {
      type: 'paragraph',
      text: 'Op {datum_ontvangst} heeft u een klacht ingediend over de manier waarop wij met persoonsgegevens omgaan. Wij hebben uw klacht behandeld volgens onze klachtenprocedure (§16 van ons privacyreglement).',
    },
    { type: 'heading', text: 'Uw klacht' },
    { type: 'paragraph', text: '{klacht.omschrijving}' },
    { type: 'heading', text: 'Onze beslissing' },
    { type: 'paragraph', text: 'Wij vinden uw klacht gegrond.', when: ['gegrond'] },
    { type: 'paragraph', text: 'Wij vinden uw klacht gedeeltelijk gegrond.', when: ['deels_gegrond'] },
    { type: 'paragraph', text: 'Wij vinden uw klacht ongegrond.', when: ['ongegrond'] },
    { type: 'slot', slot: 'motivering' },
    { type: 'slot', slot: 'maatregelen' },
    ...DECISION_END,
  ]),
  afwijzing: template('afwijzing', 'Besluit op uw {soort_verzoek}: afwijzing', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    { type: 'paragraph', text: 'Wij wijzen uw verzoek af, omdat het {afwijzing.grond} is (artikel 12, lid 5 AVG).' },
    { type: 'slot', slot: 'motivering' },
    ...DECISION_END,
  ]),
  'bevestiging-intrekking': template('bevestiging-intrekking', 'Bevestiging: u heeft uw {soort_verzoek} ingetrokken', [
    {
      type: 'paragraph',
      text: 'Op {intrekking.datum} heeft u ons laten weten dat u uw {verzoek} intrekt. Met deze brief bevestigen wij dat. Wij behandelen uw verzoek niet verder.',
    },
    {
      type: 'paragraph',
      text: 'De gegevens over de behandeling van uw verzoek bewaren wij niet langer dan ons privacyreglement toestaat (§4). U kunt altijd opnieuw een verzoek indienen.',
    },
    CONTACT,
  ]),
  'besluit-niet-ontvankelijk': template('besluit-niet-ontvankelijk', 'Besluit op uw {soort_verzoek}: niet in behandeling genomen', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    {
      type: 'paragraph',
      text: 'Wij nemen uw verzoek niet in behandeling, omdat wij niet hebben kunnen vaststellen dat het van u komt (artikel 12, lid 6 AVG en §13 van ons privacyreglement). Zo voorkomen wij dat iemand anders {gegevens} te zien krijgt of laat wijzigen.',
      when: ['identiteit', 'zonder_vertegenwoordiger'],
    },
    {
      type: 'paragraph',
      text: 'Wij nemen uw verzoek niet in behandeling, omdat wij niet hebben kunnen vaststellen wie u bent en dat u namens {verzoeker.naam} mag optreden (artikel 12, lid 6 AVG en §13 van ons privacyreglement). Zo voorkomen wij dat iemand anders {gegevens} te zien krijgt of laat wijzigen.',
      when: ['identiteit', 'vertegenwoordiger'],
    },
    {
      type: 'paragraph',
      text: 'Wij nemen uw verzoek niet in behandeling, omdat het niet voldoet aan wat ons privacyreglement voor dit verzoek vraagt, ook niet nadat wij u hebben gevraagd het aan te vullen (§13 tot en met §15 van ons privacyreglement).',
      when: ['vormvereiste'],
    },
    { type: 'slot', slot: 'motivering' },
    {
      type: 'paragraph',
      text: 'U kunt altijd opnieuw een verzoek indienen. Toon dan uw identiteit aan, bijvoorbeeld aan onze balie met een geldig paspoort, identiteitskaart of rijbewijs.',
      when: ['identiteit'],
    },
    { type: 'paragraph', text: 'U kunt altijd opnieuw een verzoek indienen, met wat hierboven ontbrak.', when: ['vormvereiste'] },
    ...DECISION_END,
  ]),
  'besluit-geen-gegevens': template('besluit-geen-gegevens', 'Besluit op uw {soort_verzoek}: wij hebben geen gegevens', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    { type: 'paragraph', text: 'Wij hebben zorgvuldig gezocht, maar wij verwerken geen persoonsgegevens van {betrokkene} (artikel 15, lid 1 AVG).' },
    { type: 'slot', slot: 'gezocht' },
    { type: 'paragraph', text: 'Er is daarom niets dat wij kunnen verstrekken.', when: ['inzage', 'dataportabiliteit'] },
    { type: 'paragraph', text: 'Er is daarom niets dat wij kunnen corrigeren.', when: ['correctie'] },
    { type: 'paragraph', text: 'Er is daarom geen gebruik van gegevens dat wij kunnen stoppen.', when: ['verzet'] },
    {
      type: 'paragraph',
      text: 'Alleen de gegevens over de behandeling van dit verzoek (uw verzoek, onze brieven en hoe wij uw identiteit hebben vastgesteld) bewaren wij, niet langer dan ons privacyreglement toestaat (§4).',
    },
    ...DECISION_END,
  ]),
  'besluit-afwijzing-inzage': template('besluit-afwijzing-inzage', 'Besluit op uw verzoek om inzage', [
    {
      type: 'paragraph',
      text: 'Op {datum_ontvangst} heeft u ons gevraagd welke persoonsgegevens wij van {betrokkene} verwerken. In deze brief leest u ons besluit.',
    },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    { type: 'paragraph', text: 'Wij wijzen uw verzoek om inzage af.', when: ['afgewezen'] },
    { type: 'paragraph', text: 'Wij geven u gedeeltelijk inzage. Een deel van de gegevens verstrekken wij niet.', when: ['deels'] },
    { type: 'slot', slot: 'gronden' },
    { type: 'slot', slot: 'motivering' },
    { type: 'slot', slot: 'achtergehouden' },
    { type: 'slot', slot: 'kopie' },
    { type: 'slot', slot: 'bijlagen', when: ['deels'] },
    { type: 'slot', slot: 'verwerkingen' },
    { type: 'slot', slot: 'rechten' },
    ...DECISION_END,
  ]),
  'besluit-verzet-direct-marketing': template('besluit-verzet-direct-marketing', 'Besluit op uw verzet tegen direct marketing', [
    {
      type: 'paragraph',
      text: 'Op {datum_ontvangst} heeft u bezwaar gemaakt tegen het gebruik van {gegevens} voor direct marketing: {verzet.direct_marketing}.',
    },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    {
      type: 'paragraph',
      text: 'Wij willigen uw verzet in. Tegen direct marketing kunt u altijd bezwaar maken; wij wegen daarbij niets af en vragen geen reden (artikel 21, lid 2 en 3 AVG). Sinds {verzet.gestopt_op} gebruiken wij {gegevens} niet meer voor direct marketing.',
    },
    { type: 'paragraph', text: 'Wij bewaren alleen dat bezwaar is gemaakt, zodat wij niet opnieuw benaderen wie dat niet wil.' },
    ...DECISION_END,
  ]),
  'kennisgeving-ontvangers': template('kennisgeving-ontvangers', 'Correctie van persoonsgegevens die wij u hebben verstrekt', [
    {
      type: 'paragraph',
      text: 'Wij hebben u eerder persoonsgegevens verstrekt van {verzoeker.naam_klantnummer}. Op diens verzoek hebben wij een deel van die gegevens verbeterd, aangevuld, gewist of het gebruik ervan beperkt. Omdat de wet dat voorschrijft, laten wij u dat weten (artikel 19 AVG en §14 van ons privacyreglement):',
    },
    { type: 'slot', slot: 'kennisgeving' },
    {
      type: 'paragraph',
      text: 'Wilt u deze wijzigingen ook in uw eigen administratie doorvoeren? Gewiste gegevens verwijdert u; gegevens waarvan het gebruik is beperkt, bewaart u alleen nog.',
    },
    { type: 'paragraph', text: 'De betrokkene kan ons vragen aan wie wij deze kennisgeving hebben gestuurd; dan noemen wij ook u (artikel 19 AVG).' },
    CONTACT,
  ]),
  'klacht-termijn-verstreken': template('klacht-termijn-verstreken', 'Uw klacht: wij hebben niet op tijd beslist', [
    {
      type: 'paragraph',
      text: 'Op {datum_ontvangst} heeft u een klacht bij ons ingediend over de manier waarop wij met persoonsgegevens omgaan. Volgens onze klachtenprocedure hadden wij uiterlijk op {uiterste_datum} moeten beslissen. Dat is niet gelukt. Het spijt ons dat u zo lang moet wachten.',
    },
    { type: 'paragraph', text: 'Wij beslissen alsnog uiterlijk op {klacht.beslissing_uiterlijk}.', when: ['beslisdatum'] },
    { type: 'paragraph', text: 'Wij beslissen alsnog zo snel mogelijk.', when: ['geen_beslisdatum'] },
    { type: 'slot', slot: 'rechtsmiddelen' },
    CONTACT,
  ]),
};

/**
 * Dutch problems of a template an admin wants to save: unknown fields, malformed braces, unknown
 * conditions, and slots its kind requires that are missing or made conditional. Empty when fine.
 */
export function checkTemplate(kind: LetterKind, t: LetterTemplate): string[] {
  const problems: string[] = [];
  const label = LETTER_KIND_LABELS[kind];
  if (t.kind !== kind) problems.push(`Deze sjabloon hoort bij "${LETTER_KIND_LABELS[t.kind]}", niet bij "${label}".`);
  const texts = [t.subject, t.salutation, t.closing, ...t.blocks.flatMap((b) => (b.type === 'slot' ? [] : b.type === 'list' ? b.items : [b.text]))];
  for (const text of texts) problems.push(...checkTemplateText(text));
  for (const block of t.blocks) {
    for (const v of block.when ?? []) if (!Object.hasOwn(VARIANTS, v)) problems.push(`Onbekende voorwaarde "${v}".`);
    if (block.type === 'slot' && !Object.hasOwn(SLOTS, block.slot)) problems.push(`Onbekend vast onderdeel "${block.slot}".`);
  }
  for (const slot of REQUIRED_SLOTS[kind]) {
    const present = t.blocks.filter((b) => b.type === 'slot' && b.slot === slot);
    if (present.length === 0) problems.push(`De sjabloon voor "${label}" mist het verplichte onderdeel "${SLOTS[slot]}".`);
    else if (present.some((b) => b.when && b.when.length > 0)) problems.push(`Het verplichte onderdeel "${SLOTS[slot]}" mag geen voorwaarde hebben.`);
  }
  return [...new Set(problems)];
}
