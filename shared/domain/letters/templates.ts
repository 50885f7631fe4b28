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

export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = {
  ontvangstbevestiging: template('ontvangstbevestiging', 'Ontvangstbevestiging van uw {soort_verzoek}', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. Met deze brief bevestigen wij de ontvangst.' },
    ON_BEHALF,
    { type: 'paragraph', text: 'Wij behandelen uw verzoek onder kenmerk {kenmerk}. Wij beslissen uiterlijk op {uiterste_datum}.', when: ['verzoek'] },
    {
      type: 'paragraph',
      text: 'Als wij meer tijd nodig hebben, bijvoorbeeld omdat uw verzoek ingewikkeld is, laten wij u dat vóór die datum weten, met de reden. De termijn kan dan met ten hoogste twee maanden worden verlengd (artikel 12, lid 3 AVG).',
      when: ['verzoek'],
    },
    {
      type: 'paragraph',
      text: 'Om zeker te weten dat het verzoek van u komt, stellen wij uw identiteit vast (§13 van ons privacyreglement). Hebben wij daarvoor iets van u nodig, dan hoort u dat van ons.',
      when: ['verzoek'],
    },
    {
      type: 'paragraph',
      text: 'Wij behandelen uw klacht onder kenmerk {kenmerk} volgens onze klachtenprocedure (§16 van ons privacyreglement). U ontvangt onze beslissing uiterlijk op {uiterste_datum}.',
      when: ['klacht'],
    },
    CONTACT,
  ]),
  'verzoek-om-identificatie': template('verzoek-om-identificatie', 'Uw {soort_verzoek}: wilt u uw identiteit aantonen?', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen.' },
    {
      type: 'paragraph',
      text: 'Voordat wij uw verzoek behandelen, moeten wij zeker weten dat het van u komt. Zo voorkomen wij dat iemand anders uw persoonsgegevens te zien krijgt of laat wijzigen (artikel 12, lid 6 AVG en §13 van ons privacyreglement). U kunt uw identiteit op een van deze manieren aantonen:',
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
    { type: 'paragraph', text: 'Wilt u dit vóór {reactie_datum} regelen? Zolang wij uw identiteit niet hebben vastgesteld, kunnen wij uw verzoek niet verder behandelen.' },
    CONTACT,
  ]),
  'verzoek-om-aanvulling': template('verzoek-om-aanvulling', 'Uw {soort_verzoek}: wij hebben meer informatie nodig', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. Om uw verzoek te kunnen behandelen, hebben wij nog het volgende van u nodig:' },
    { type: 'slot', slot: 'ontbrekend' },
    {
      type: 'paragraph',
      text: 'Volgens ons privacyreglement dient u een verzoek om inzage, correctie of verzet schriftelijk in en ondertekent u het zelf (§13 tot en met §15).',
      when: ['verzoek'],
    },
    { type: 'paragraph', text: 'Wilt u de ontbrekende informatie vóór {reactie_datum} sturen naar {organisatie.naam}, {organisatie.postadres}, of afgeven bij onze balie?' },
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
    { type: 'paragraph', text: 'Op {datum_ontvangst} heeft u ons gevraagd welke persoonsgegevens wij van {betrokkene} verwerken. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    {
      type: 'paragraph',
      text: 'Wij geven u inzage. U ontvangt een kopie van de persoonsgegevens die wij van {betrokkene} verwerken (artikel 15, lid 3 AVG), ook in een gestructureerd, algemeen gebruikt en machineleesbaar formaat (§13 van ons privacyreglement).',
    },
    { type: 'slot', slot: 'bijlagen' },
    { type: 'slot', slot: 'verwerkingen' },
    { type: 'slot', slot: 'achtergehouden' },
    { type: 'slot', slot: 'rechten' },
    { type: 'slot', slot: 'rechtsmiddelen' },
    CONTACT,
  ]),
  'besluit-dataportabiliteit': template('besluit-dataportabiliteit', 'Besluit op uw verzoek om uw gegevens in een machineleesbaar formaat', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} heeft u ons gevraagd om uw persoonsgegevens in een machineleesbaar formaat. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    {
      type: 'paragraph',
      text: 'Wij willigen uw verzoek in. U ontvangt de persoonsgegevens die u zelf aan ons heeft verstrekt en die wij op grond van uw toestemming of een overeenkomst geautomatiseerd verwerken, in een gestructureerd, gangbaar en machineleesbaar formaat: JSON en CSV, met een toelichting (artikel 20 AVG). U mag deze gegevens aan een andere organisatie geven.',
    },
    { type: 'paragraph', text: 'Wilt u dat wij de gegevens rechtstreeks aan een andere organisatie sturen? Laat het ons weten; als dat technisch mogelijk is, doen wij dat (artikel 20, lid 2 AVG).' },
    { type: 'slot', slot: 'bijlagen' },
    { type: 'slot', slot: 'achtergehouden' },
    { type: 'slot', slot: 'rechtsmiddelen' },
    CONTACT,
  ]),
  'besluit-correctie': template('besluit-correctie', 'Besluit op uw verzoek om correctie van uw persoonsgegevens', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} heeft u ons gevraagd {gevraagde_correctie}. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    { type: 'paragraph', text: 'Wij willigen uw verzoek in. Wij hebben uw gegevens aangepast zoals hieronder staat (artikel 16 en 17 AVG en §14 van ons privacyreglement).', when: ['toegewezen'] },
    { type: 'paragraph', text: 'Wij willigen uw verzoek gedeeltelijk in. Hieronder staat welke wijzigingen wij wel en welke wij niet hebben doorgevoerd, en waarom.', when: ['deels'] },
    { type: 'paragraph', text: 'Wij wijzen uw verzoek af. Hieronder leest u waarom.', when: ['afgewezen'] },
    { type: 'slot', slot: 'wijzigingen' },
    { type: 'slot', slot: 'motivering' },
    { type: 'slot', slot: 'ontvangers' },
    { type: 'slot', slot: 'rechtsmiddelen' },
    CONTACT,
  ]),
  'besluit-verzet': template('besluit-verzet', 'Besluit op uw verzet tegen het gebruik van uw persoonsgegevens', [
    {
      type: 'paragraph',
      text: 'Op {datum_ontvangst} heeft u bezwaar gemaakt tegen het gebruik van uw persoonsgegevens voor: {verzet.verwerking}. U heeft daarbij uw bijzondere persoonlijke omstandigheden toegelicht (artikel 21 AVG en §15 van ons privacyreglement).',
    },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    { type: 'paragraph', text: 'Wij willigen uw verzet in. Wij stoppen met dit gebruik van uw persoonsgegevens.', when: ['toegewezen'] },
    { type: 'paragraph', text: 'Wij willigen uw verzet gedeeltelijk in. Hieronder leest u wat wij wel en niet stoppen, en waarom.', when: ['deels'] },
    { type: 'paragraph', text: 'Wij wijzen uw verzet af. Hieronder leest u waarom.', when: ['afgewezen'] },
    { type: 'slot', slot: 'motivering' },
    { type: 'slot', slot: 'wettelijke_plicht' },
    { type: 'slot', slot: 'rechtsmiddelen' },
    CONTACT,
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
    { type: 'slot', slot: 'rechtsmiddelen' },
    CONTACT,
  ]),
  afwijzing: template('afwijzing', 'Besluit op uw {soort_verzoek}: afwijzing', [
    { type: 'paragraph', text: 'Op {datum_ontvangst} hebben wij uw {verzoek} ontvangen. In deze brief leest u ons besluit.' },
    ON_BEHALF,
    { type: 'heading', text: 'Ons besluit' },
    { type: 'paragraph', text: 'Wij wijzen uw verzoek af, omdat het {afwijzing.grond} is (artikel 12, lid 5 AVG).' },
    { type: 'slot', slot: 'motivering' },
    { type: 'slot', slot: 'rechtsmiddelen' },
    CONTACT,
  ]),
  'bevestiging-intrekking': template('bevestiging-intrekking', 'Bevestiging: u heeft uw {soort_verzoek} ingetrokken', [
    { type: 'paragraph', text: 'Op {intrekking.datum} heeft u ons laten weten dat u uw {verzoek} intrekt. Met deze brief bevestigen wij dat. Wij behandelen uw verzoek niet verder.' },
    { type: 'paragraph', text: 'De gegevens over de behandeling van uw verzoek bewaren wij niet langer dan ons privacyreglement toestaat (§4). U kunt altijd opnieuw een verzoek indienen.' },
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

