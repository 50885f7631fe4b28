import { formatDutchDate } from '../deadlines/dates.js';
import { ACCESS_REFUSAL_GROUNDS, type AnyLetterInput, type LetterDataByKind, type LetterInput, type Withheld } from './data.js';
import { LetterError } from './fields.js';
import { describeRecipients, NO_AUTOMATED_DECISIONS } from './register.js';
import type { SlotName } from './template-types.js';
import type { Block, PartName } from './types.js';

/**
 * The statements the law prescribes, generated from the case. Each slot returns its blocks with
 * its own heading, or nothing when it does not apply (no reasons in a granted request …), and
 * throws a Dutch LetterError when the handler left out what the law needs.
 */
export const AP = { name: 'Autoriteit Persoonsgegevens', address: 'Postbus 93374, 2509 AJ Den Haag' } as const;
export const APPEAL_TERM = 'zes weken';

const paragraphs = (text: string, part?: PartName): Block[] =>
  text
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ type: 'paragraph', text: p, ...(part ? { part } : {}) }));

/** "uw persoonsgegevens", or whose they are in a letter to a representative. */
export function dataOf(input: AnyLetterInput): string {
  return input.case.representative && input.kind !== 'zienswijze-derde' && input.kind !== 'kennisgeving-ontvangers'
    ? `de persoonsgegevens van ${input.case.requester.name}`
    : 'uw persoonsgegevens';
}

/**
 * §16: after the complaint procedure (or when its term passed without a decision) the routes
 * are the court and the AP's mediation, within six weeks. Art. 35 UAVG is the route for
 * decisions on requests under art. 15–22, so it is named there only.
 */
function complaintRoutes(input: LetterInput, after: string): Block[] {
  const org = input.organisation.name;
  return [
    {
      type: 'list',
      items: [
        'een verzoekschriftprocedure bij de rechtbank starten (§16 onder a van ons privacyreglement);',
        `een verzoek indienen bij de ${AP.name} (${AP.address}) om te bemiddelen of te adviseren in uw geschil met ${org} (§16 onder b van ons privacyreglement).`,
      ],
      part: 'rechtsmiddelen',
    },
    { type: 'paragraph', text: `Dat kan binnen ${APPEAL_TERM} ${after} (§16 van ons privacyreglement).`, part: 'rechtsmiddelen' },
  ];
}

function remedies(input: AnyLetterInput): Block[] {
  const org = input.organisation.name;
  const art77: Block = { type: 'paragraph', text: `U kunt ook altijd een klacht indienen bij de ${AP.name} (artikel 77 AVG).`, part: 'rechtsmiddelen' };
  if (input.kind === 'klacht-termijn-verstreken') {
    return [
      { type: 'heading', text: 'Wat u nu kunt doen' },
      {
        type: 'paragraph',
        text: 'Omdat wij niet binnen de termijn van onze klachtenprocedure hebben beslist, hoeft u niet op onze beslissing te wachten. U kunt:',
      },
      ...complaintRoutes(input, `na ${formatDutchDate(input.case.dueOn)}, de dag waarop onze termijn afliep`),
      art77,
    ];
  }
  if (input.kind === 'beslissing-op-klacht') {
    return [
      { type: 'heading', text: 'Bent u het niet eens met deze beslissing?' },
      { type: 'paragraph', text: 'Hiermee is onze klachtenprocedure afgerond. Als vervolgstap kunt u:' },
      ...complaintRoutes(input, 'na ontvangst van deze beslissing'),
      art77,
    ];
  }
  const court = `Binnen ${APPEAL_TERM} na ontvangst van deze brief een verzoekschrift indienen bij de rechtbank (artikel 35 Uitvoeringswet AVG en §16 van ons privacyreglement).`;
  const ap = `Binnen ${APPEAL_TERM} na ontvangst van deze brief de ${AP.name} vragen te bemiddelen of te adviseren in uw geschil met ${org}. Het adres is: ${AP.name}, ${AP.address}.`;
  const complaint = `Een klacht indienen bij ${org}. Op uw klacht is onze klachtenprocedure van toepassing (§16 van ons privacyreglement).`;
  return [
    { type: 'heading', text: 'Bent u het niet eens met dit besluit?' },
    { type: 'paragraph', text: 'Dan kunt u:' },
    { type: 'list', items: [complaint, court, ap], part: 'rechtsmiddelen' },
    art77,
  ];
}

function rights(input: AnyLetterInput): Block[] {
  return [
    { type: 'heading', text: 'Uw rechten' },
    { type: 'paragraph', text: `Over ${dataOf(input)} kunt u ons vragen:` },
    {
      type: 'list',
      part: 'art15_1_e',
      items: [
        'onjuiste gegevens te verbeteren of onvolledige gegevens aan te vullen (rectificatie, artikel 16 AVG en §14 van ons privacyreglement);',
        'gegevens te wissen (artikel 17 AVG);',
        'het gebruik van uw gegevens te beperken (artikel 18 AVG);',
        'uw gegevens niet meer te gebruiken: bezwaar of verzet (artikel 21 AVG en §15 van ons privacyreglement);',
        'de gegevens die u zelf aan ons gaf in een machineleesbaar formaat aan u of aan een andere organisatie te geven (dataportabiliteit, artikel 20 AVG).',
      ],
    },
    { type: 'paragraph', text: `U heeft ook het recht een klacht in te dienen bij de ${AP.name}, ${AP.address} (artikel 77 AVG).`, part: 'art15_1_f' },
  ];
}

/** Art. 15(3): the copy. A full refusal of access gives none. */
function copy(input: AnyLetterInput): Block[] {
  if (input.kind === 'besluit-afwijzing-inzage' && input.data.outcome === 'afgewezen') return [];
  const whose = input.case.representative ? `die wij van ${input.case.requester.name} verwerken` : 'die wij van u verwerken';
  const rest = input.kind === 'besluit-afwijzing-inzage' ? ', behalve wat hieronder staat onder "Wat wij niet of niet volledig verstrekken"' : '';
  return [
    {
      type: 'paragraph',
      text: `U ontvangt een kopie van de persoonsgegevens ${whose}${rest} (artikel 15, lid 3 AVG), ook in een gestructureerd, algemeen gebruikt en machineleesbaar formaat (§13 van ons privacyreglement).`,
      part: 'art15_3',
    },
  ];
}

/** Art. 15(1)(h) from the register: the declared logic, or that there is none. */
function automated(input: AnyLetterInput): Block[] {
  const declared = input.automatedDecisions.filter((d) => d.logic.trim().length > 0);
  if (declared.length === 0)
    return [
      { type: 'heading', text: 'Geautomatiseerde besluitvorming' },
      { type: 'paragraph', text: NO_AUTOMATED_DECISIONS, part: 'art15_1_h' },
    ];
  return [
    { type: 'heading', text: 'Geautomatiseerde besluitvorming' },
    {
      type: 'paragraph',
      text: 'Bij de volgende verwerkingen nemen wij besluiten die uitsluitend op geautomatiseerde verwerking berusten (artikel 15, lid 1 onder h en artikel 22 AVG):',
      part: 'art15_1_h',
    },
    { type: 'fields', fields: declared.map((d) => ({ label: d.activity, value: d.logic.trim() })), part: 'art15_1_h' },
  ];
}

function dpo(input: AnyLetterInput): Block[] {
  const { name, email, phone, address } = input.organisation.dpo;
  const contact = [email, phone, address].map((x) => x.trim()).filter((x) => x.length > 0);
  if (!name.trim() || contact.length === 0)
    throw new LetterError('Vul in Beheer bij het briefpapier de gegevens van de functionaris gegevensbescherming in; elk besluit noemt ze.');
  return [
    {
      type: 'paragraph',
      text: `Heeft u een vraag of klacht over hoe wij met persoonsgegevens omgaan? U kunt ook terecht bij onze functionaris gegevensbescherming: ${name.trim()}, ${dutchOr(contact)}.`,
      part: 'fg',
    },
  ];
}

const dutchOr = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} of ${items.at(-1) ?? ''}`);

function activities(input: AnyLetterInput): Block[] {
  if (input.kind === 'besluit-afwijzing-inzage' && input.data.outcome === 'afgewezen') return [];
  if (input.activities.length === 0) {
    throw new LetterError(
      'Vink eerst in het verwerkingsregister aan welke verwerkingen voor deze verzoeker gelden; de brief somt ze op (artikel 15 lid 1 AVG).',
    );
  }
  const blocks: Block[] = [
    { type: 'heading', text: 'Welke gegevens wij verwerken, waarvoor en van wie wij ze hebben' },
    {
      type: 'paragraph',
      text: 'Hieronder staat per doel welke gegevens wij gebruiken, op welke grond, aan wie wij ze verstrekken, of ze buiten de Europese Economische Ruimte komen, hoe lang wij ze bewaren en waar wij ze vandaan hebben (artikel 15, lid 1 AVG).',
    },
  ];
  for (const a of input.activities) {
    blocks.push({ type: 'heading', text: a.name });
    blocks.push({
      type: 'fields',
      part: 'art15_1',
      fields: [
        { label: 'Doel', value: a.purpose },
        { label: 'Grondslag', value: a.legalBasis },
        { label: 'Gegevens', value: a.dataCategories.join('; ') },
        { label: 'Ontvangers', value: describeRecipients(a.recipients) },
        { label: 'Buiten de EER', value: a.transfersOutsideEea },
        { label: 'Bewaartermijn', value: a.retention },
        { label: 'Bron', value: a.source },
      ],
    });
  }
  return blocks;
}

/** Third parties' data redacted in the dossier: always stated, with the ground (§13, art. 15(4)). */
export function redactionNotice(redacted: number): Withheld {
  return {
    what: `Gegevens van andere personen in ${redacted === 1 ? 'één document' : `${redacted} documenten`} (namen en andere gegevens waaraan zij te herkennen zijn) zijn onleesbaar gemaakt.`,
    why: 'Deze personen gaven geen toestemming of waren niet bereikbaar. Hun rechten en vrijheden gaan hier voor (artikel 15, lid 4 AVG en §13 van ons privacyreglement).',
  };
}

/** E-mail attachments the dossier could not read in: not in the package, and the requester is told how to get them. */
export function notReadInNotice(names: readonly string[]): Withheld {
  return {
    what: `${names.length === 1 ? 'Een bijlage die wij niet konden inlezen' : 'Bijlagen die wij niet konden inlezen'}: ${names.join('; ')}.`,
    why: 'Dit bestandstype kunnen wij niet omzetten voor het pakket. Het gaat niet om een weigering: vraag ons erom, dan sturen wij het u op een andere manier.',
  };
}

function withheld(input: LetterInput<'besluit-inzage'> | LetterInput<'besluit-dataportabiliteit'> | LetterInput<'besluit-afwijzing-inzage'>): Block[] {
  const own = input.data.withheld ?? [];
  if (input.kind === 'besluit-afwijzing-inzage' && own.length === 0) throw new LetterError('Vermeld wat u niet verstrekt en waarom (artikel 15, lid 4 AVG).');
  const notReadIn = input.documents.notReadIn ?? [];
  const entries = [
    ...own,
    ...(input.documents.redacted > 0 ? [redactionNotice(input.documents.redacted)] : []),
    ...(notReadIn.length > 0 ? [notReadInNotice(notReadIn)] : []),
  ];
  const heading: Block = { type: 'heading', text: 'Wat wij niet of niet volledig verstrekken' };
  if (entries.length === 0)
    return [heading, { type: 'paragraph', text: 'Wij hebben geen gegevens achtergehouden en niets onleesbaar gemaakt.', part: 'art15_4' }];
  return [
    heading,
    { type: 'paragraph', text: 'Het volgende verstrekken wij niet of niet volledig (artikel 15, lid 4 AVG):' },
    { type: 'table', columns: ['Wat', 'Waarom'], rows: entries.map((e) => [e.what, e.why]), part: 'art15_4' },
  ];
}

/** Art. 23 AVG / art. 41 UAVG: the grounds a refusal of access rests on, each named. */
function grounds(input: LetterInput<'besluit-afwijzing-inzage'>): Block[] {
  const chosen = [...new Set(input.data.grounds)];
  if (chosen.length === 0) throw new LetterError('Kies de wettelijke grond waarop u inzage beperkt (artikel 15, lid 4 AVG of artikel 41 UAVG).');
  return [
    { type: 'paragraph', text: 'Wij beperken uw recht op inzage op grond van artikel 23 AVG en artikel 41 Uitvoeringswet AVG, omdat dat nodig is voor:' },
    { type: 'list', items: chosen.map((g) => `${ACCESS_REFUSAL_GROUNDS[g]};`), part: 'gronden' },
  ];
}

/** Where the handler looked for data about the requester; stated only when recorded. */
function searched(input: LetterInput<'besluit-geen-gegevens'>): Block[] {
  const places = (input.data.searched ?? []).map((x) => x.trim()).filter((x) => x.length > 0);
  if (places.length === 0) return [];
  return [
    { type: 'paragraph', text: 'Wij hebben gezocht in:' },
    { type: 'list', items: places },
  ];
}

/** Art. 19: what the recipient must correct, erase or restrict in its own records. */
function notification(input: LetterInput<'kennisgeving-ontvangers'>): Block[] {
  if (input.data.changes.length === 0) throw new LetterError('Vermeld welke gegevens zijn gecorrigeerd, gewist of beperkt.');
  const verb = { verbeterd: 'Verbeterd', aangevuld: 'Aangevuld', gewist: 'Gewist', beperkt: 'Gebruik beperkt' } as const;
  return [
    {
      type: 'table',
      columns: ['Gegeven', 'Wat wij hebben gedaan', 'Juiste gegeven'],
      rows: input.data.changes.map((c) => [c.item, verb[c.action], c.action === 'gewist' || c.action === 'beperkt' ? '—' : (c.to?.trim() ?? '—') || '—']),
      part: 'art19',
    },
  ];
}

function enclosures(input: LetterInput): Block[] {
  const { total, redacted } = input.documents;
  const items: string[] = [];
  if (total > 0)
    items.push(
      `${total === 1 ? 'Eén document' : `${total} documenten`} uit het dossier als PDF${redacted > 0 ? `, waarvan ${redacted} met onleesbaar gemaakte gegevens van anderen` : ''}.`,
    );
  items.push(
    `${input.case.representative ? `De gegevens van ${input.case.requester.name}` : 'Uw gegevens'} in de formaten JSON en CSV, met een toelichting (LEESMIJ.txt).`,
  );
  items.push('Een lijst met een controlegetal (SHA-256) van elk bestand (manifest.json), zodat u kunt nagaan dat niets is gewijzigd.');
  return [
    { type: 'heading', text: 'Wat u van ons ontvangt' },
    { type: 'list', items },
  ];
}

function changes(data: LetterDataByKind['besluit-correctie']): Block[] {
  if (data.changes.length === 0) throw new LetterError('Vermeld welke wijzigingen de verzoeker vroeg en wat u per wijziging besloot.');
  const done = data.changes.filter((c) => c.decision === 'doorgevoerd').length;
  if (data.outcome === 'toegewezen' && done !== data.changes.length)
    throw new LetterError('Bij een toegewezen verzoek zijn alle wijzigingen doorgevoerd; kies anders "deels".');
  if (data.outcome === 'afgewezen' && done > 0) throw new LetterError('Bij een afgewezen verzoek is geen wijziging doorgevoerd; kies anders "deels".');
  if (data.outcome === 'deels' && (done === 0 || done === data.changes.length))
    throw new LetterError('Bij een gedeeltelijk toegewezen verzoek is een deel van de wijzigingen doorgevoerd en een deel niet.');
  return [
    {
      type: 'table',
      columns: ['Gegeven', 'Was', 'Wordt', 'Besluit'],
      rows: data.changes.map((c) => [
        c.item,
        c.from ?? '—',
        c.to ?? (c.decision === 'doorgevoerd' ? 'verwijderd' : '—'),
        c.decision === 'doorgevoerd' ? 'Doorgevoerd' : 'Niet doorgevoerd',
      ]),
    },
  ];
}

function reasons(input: AnyLetterInput): Block[] {
  const refusalHeading = 'Waarom wij uw verzoek niet (volledig) inwilligen';
  switch (input.kind) {
    case 'besluit-correctie':
    case 'besluit-verzet': {
      const data = input.data;
      const text = data.reasons?.trim() ?? '';
      if (data.outcome === 'toegewezen') return text ? [{ type: 'heading', text: 'Toelichting' }, ...paragraphs(text)] : [];
      if (!text)
        throw new LetterError(
          `Geef de redenen van de ${data.outcome === 'deels' ? 'gedeeltelijke ' : ''}afwijzing; die moeten in de brief staan (${input.kind === 'besluit-correctie' ? '§14' : '§15'}).`,
        );
      return [{ type: 'heading', text: refusalHeading }, ...paragraphs(text, 'motivering')];
    }
    case 'beslissing-op-klacht': {
      const data = input.data;
      if (!data.reasons.trim()) throw new LetterError('Geef de overwegingen bij de beslissing op de klacht.');
      return [{ type: 'heading', text: 'Onze overwegingen' }, ...paragraphs(data.reasons, 'motivering')];
    }
    case 'besluit-niet-ontvankelijk': {
      const data = input.data;
      if (!data.reasons.trim()) throw new LetterError('Geef de redenen: wat ontbrak, wat u de verzoeker vroeg en tot wanneer (artikel 12, lid 4 AVG).');
      return [{ type: 'heading', text: 'Waarom wij uw verzoek niet in behandeling nemen' }, ...paragraphs(data.reasons, 'motivering')];
    }
    case 'besluit-afwijzing-inzage': {
      const data = input.data;
      if (!data.reasons.trim()) throw new LetterError('Geef de redenen waarom deze beperking in dit geval nodig is (artikel 12, lid 4 en artikel 23 AVG).');
      return [{ type: 'heading', text: 'Waarom dat in uw geval nodig is' }, ...paragraphs(data.reasons, 'motivering')];
    }
    case 'afwijzing': {
      const data = input.data;
      if (!data.reasons.trim()) throw new LetterError('Geef de redenen waarom het verzoek kennelijk ongegrond of buitensporig is (artikel 12 lid 5 AVG).');
      return [
        { type: 'heading', text: 'Waarom wij uw verzoek afwijzen' },
        ...paragraphs(data.reasons, 'motivering'),
        {
          type: 'paragraph',
          text: 'Het is aan ons om aan te tonen dat uw verzoek kennelijk ongegrond of buitensporig is (artikel 12, lid 5 AVG). Hierboven leest u waarop wij dat baseren.',
        },
      ];
    }
    default:
      return [];
  }
}

function recipients(data: LetterDataByKind['besluit-correctie']): Block[] {
  if (data.outcome === 'afgewezen') return [];
  const informed = (data.recipientsInformed ?? []).map((x) => x.trim()).filter((x) => x.length > 0);
  const blocks: Block[] = [{ type: 'heading', text: 'Wie wij over de correctie hebben geïnformeerd' }];
  if (informed.length > 0) {
    blocks.push({
      type: 'paragraph',
      text: 'Wij hebben de correctie doorgegeven aan wie wij de onjuiste gegevens hadden verstrekt (artikel 19 AVG en §14 van ons privacyreglement):',
    });
    blocks.push({ type: 'list', items: informed, part: 'art19' });
  }
  const n = data.notInformed;
  if (n) {
    const explanation = n.explanation.trim();
    if (!explanation) throw new LetterError('Licht toe waarom de ontvangers niet over de correctie zijn geïnformeerd.');
    const text = {
      onmogelijk: `${informed.length > 0 ? 'Andere' : 'De'} ontvangers hebben wij niet geïnformeerd, omdat dat onmogelijk is (§14 van ons privacyreglement): ${explanation}`,
      onevenredige_inspanning: `${informed.length > 0 ? 'Andere' : 'De'} ontvangers hebben wij niet geïnformeerd, omdat dat een onevenredige inspanning zou vergen (§14 van ons privacyreglement): ${explanation}`,
      niet_verstrekt: `Wij hebben de gecorrigeerde gegevens aan niemand anders verstrekt; er was dus niemand om te informeren. ${explanation}`,
    }[n.ground];
    blocks.push({ type: 'paragraph', text, part: 'art19' });
  }
  if (blocks.length === 1) {
    throw new LetterError(
      'Vermeld aan wie de correctie is doorgegeven, of waarom dat onmogelijk was of een onevenredige inspanning vergde (§14; artikel 19 AVG).',
    );
  }
  return blocks;
}

/** §15's exception is a ground for refusing; a granted objection cannot rest on it. */
function legalObligation(data: LetterDataByKind['besluit-verzet']): Block[] {
  const provision = data.legalObligation?.trim();
  if (!provision) return [];
  if (data.outcome === 'toegewezen')
    throw new LetterError(
      'Een toegewezen verzet beroept zich niet op een wettelijke plicht tot verstrekking; laat dat veld leeg, of kies "deels" als u een deel om die reden niet stopt.',
    );
  return [
    { type: 'heading', text: 'Verstrekking waartoe wij wettelijk verplicht zijn' },
    {
      type: 'paragraph',
      text: `Voor zover uw verzet gaat over het verstrekken van gegevens waartoe wij van overheidswege verplicht zijn, hoeven wij daaraan geen gevolg te geven (§15 van ons privacyreglement). Dat is hier het geval: ${provision}`,
      part: 'motivering',
    },
  ];
}

function missing(input: LetterInput<'verzoek-om-aanvulling'>): Block[] {
  const items = (input.data.missing ?? []).map((x) => x.trim()).filter((x) => x.length > 0);
  // §15 asks a written, reasoned objection and no signature; §13 and §14 a written, signed request.
  if (items.length === 0 && !input.case.writtenAndSigned && input.case.type === 'verzet')
    items.push('Uw verzet op papier of per e-mail, met de redenen waarop het berust.');
  else if (items.length === 0 && !input.case.writtenAndSigned) items.push('Uw verzoek op papier, of als bijlage bij een e-mail, door u ondertekend.');
  if (items.length === 0 && input.case.type === 'correctie') items.push('De wijzigingen die u voorstelt (§14 van ons privacyreglement).');
  if (items.length === 0 && input.case.type === 'verzet')
    items.push('De zwaarwegende persoonlijke omstandigheden waarop uw verzet berust (§15 van ons privacyreglement).');
  if (items.length === 0) throw new LetterError('Geef aan wat er in het verzoek ontbreekt.');
  return [{ type: 'list', items }];
}

function extension(input: LetterInput): Block[] {
  const c = input.case;
  if (c.extensionMonths === 0 || !c.extensionReason) {
    throw new LetterError('Verleng eerst de termijn van de zaak, met de reden; het verlengingsbericht neemt de reden en de nieuwe datum daarvan over.');
  }
  return [
    {
      type: 'fields',
      part: 'verlenging',
      fields: [
        { label: 'Reden van de verlenging', value: c.extensionReason },
        { label: 'Oorspronkelijke uiterste datum', value: formatDutchDate(c.originalDueOn) },
        { label: 'Nieuwe uiterste datum', value: formatDutchDate(c.dueOn) },
      ],
    },
  ];
}

function measures(data: LetterDataByKind['beslissing-op-klacht']): Block[] {
  const text = data.measures?.trim();
  return text ? [{ type: 'heading', text: 'Wat wij doen' }, ...paragraphs(text)] : [];
}

/** The blocks of one slot for this letter. */
export function slotBlocks(slot: SlotName, input: AnyLetterInput): Block[] {
  switch (slot) {
    case 'rechtsmiddelen':
      return remedies(input);
    case 'rechten':
      return rights(input);
    case 'verwerkingen':
      return activities(input);
    case 'achtergehouden':
      return input.kind === 'besluit-inzage' || input.kind === 'besluit-dataportabiliteit' || input.kind === 'besluit-afwijzing-inzage' ? withheld(input) : [];
    case 'kopie':
      return copy(input);
    case 'geautomatiseerd':
      return automated(input);
    case 'fg':
      return dpo(input);
    case 'gronden':
      return input.kind === 'besluit-afwijzing-inzage' ? grounds(input) : [];
    case 'kennisgeving':
      return input.kind === 'kennisgeving-ontvangers' ? notification(input) : [];
    case 'gezocht':
      return input.kind === 'besluit-geen-gegevens' ? searched(input) : [];
    case 'bijlagen':
      return enclosures(input);
    case 'wijzigingen':
      return input.kind === 'besluit-correctie' ? changes(input.data) : [];
    case 'motivering':
      return reasons(input);
    case 'ontvangers':
      return input.kind === 'besluit-correctie' ? recipients(input.data) : [];
    case 'wettelijke_plicht':
      return input.kind === 'besluit-verzet' ? legalObligation(input.data) : [];
    case 'maatregelen':
      return input.kind === 'beslissing-op-klacht' ? measures(input.data) : [];
    case 'ontbrekend':
      return input.kind === 'verzoek-om-aanvulling' ? missing(input) : [];
    case 'verlenging':
      return extension(input);
  }
}
