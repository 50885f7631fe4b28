import { formatDutchDate } from '../dates.js';
import type { AnyLetterInput, LetterDataByKind, LetterInput, Withheld } from './data.js';
import { LetterError } from './fields.js';
import { describeRecipients } from './register.js';
import type { SlotName } from './template-types.js';
import type { Block } from './types.js';

/**
 * The statements the law prescribes, generated from the case. Each slot returns its blocks with
 * its own heading, or nothing when it does not apply (no reasons in a granted request …), and
 * throws a Dutch LetterError when the handler left out what the law needs.
 */
export const AP = { name: 'Autoriteit Persoonsgegevens', address: 'Postbus 93374, 2509 AJ Den Haag' } as const;
export const APPEAL_TERM = 'zes weken';

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ type: 'paragraph', text: p }));

function remedies(input: LetterInput): Block[] {
  const org = input.organisation.name;
  const afterComplaint = input.kind === 'beslissing-op-klacht';
  const court = `Binnen ${APPEAL_TERM} na ontvangst van deze ${afterComplaint ? 'beslissing' : 'brief'} een verzoekschrift indienen bij de rechtbank (artikel 35 Uitvoeringswet AVG en §16 van ons privacyreglement).`;
  const ap = `Binnen ${APPEAL_TERM} na ontvangst van deze ${afterComplaint ? 'beslissing' : 'brief'} de ${AP.name} vragen te bemiddelen of te adviseren in uw geschil met ${org}. Het adres is: ${AP.name}, ${AP.address}.`;
  const complaint = `Een klacht indienen bij ${org}. Op uw klacht is onze klachtenprocedure van toepassing (§16 van ons privacyreglement).`;
  return [
    { type: 'heading', text: afterComplaint ? 'Bent u het niet eens met deze beslissing?' : 'Bent u het niet eens met dit besluit?' },
    { type: 'paragraph', text: afterComplaint ? 'Hiermee is onze klachtenprocedure afgerond. Als vervolgstap kunt u:' : 'Dan kunt u:' },
    { type: 'list', items: afterComplaint ? [court, ap] : [complaint, court, ap] },
    { type: 'paragraph', text: `U kunt ook altijd een klacht indienen bij de ${AP.name} (artikel 77 AVG).` },
  ];
}

function rights(): Block[] {
  return [
    { type: 'heading', text: 'Uw rechten' },
    { type: 'paragraph', text: 'Over uw persoonsgegevens kunt u ons vragen:' },
    {
      type: 'list',
      items: [
        'onjuiste gegevens te verbeteren of onvolledige gegevens aan te vullen (rectificatie, artikel 16 AVG en §14 van ons privacyreglement);',
        'gegevens te wissen (artikel 17 AVG);',
        'het gebruik van uw gegevens te beperken (artikel 18 AVG);',
        'uw gegevens niet meer te gebruiken: bezwaar of verzet (artikel 21 AVG en §15 van ons privacyreglement);',
        'de gegevens die u zelf aan ons gaf in een machineleesbaar formaat aan u of aan een andere organisatie te geven (dataportabiliteit, artikel 20 AVG).',
      ],
    },
    { type: 'paragraph', text: `U heeft ook het recht een klacht in te dienen bij de ${AP.name}, ${AP.address} (artikel 77 AVG).` },
  ];
}

function activities(input: LetterInput): Block[] {
  if (input.activities.length === 0) {
    throw new LetterError('Vink eerst in het verwerkingsregister aan welke verwerkingen voor deze verzoeker gelden; de brief somt ze op (artikel 15 lid 1 AVG).');
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

function withheld(input: LetterInput<'besluit-inzage'> | LetterInput<'besluit-dataportabiliteit'>): Block[] {
  const entries = [...(input.data.withheld ?? []), ...(input.documents.redacted > 0 ? [redactionNotice(input.documents.redacted)] : [])];
  const heading: Block = { type: 'heading', text: 'Wat wij niet of niet volledig verstrekken' };
  if (entries.length === 0) return [heading, { type: 'paragraph', text: 'Wij hebben geen gegevens achtergehouden en niets onleesbaar gemaakt.' }];
  return [
    heading,
    { type: 'paragraph', text: 'Het volgende verstrekken wij niet of niet volledig (artikel 15, lid 4 AVG):' },
    { type: 'table', columns: ['Wat', 'Waarom'], rows: entries.map((e) => [e.what, e.why]) },
  ];
}

function enclosures(input: LetterInput): Block[] {
  const { total, redacted } = input.documents;
  const items: string[] = [];
  if (total > 0) items.push(`${total === 1 ? 'Eén document' : `${total} documenten`} uit uw dossier als PDF${redacted > 0 ? `, waarvan ${redacted} met onleesbaar gemaakte gegevens van anderen` : ''}.`);
  items.push('Uw gegevens in de formaten JSON en CSV, met een toelichting (LEESMIJ.txt).');
  items.push('Een lijst met een controlegetal (SHA-256) van elk bestand (manifest.json), zodat u kunt nagaan dat niets is gewijzigd.');
  return [{ type: 'heading', text: 'Wat u van ons ontvangt' }, { type: 'list', items }];
}

function changes(data: LetterDataByKind['besluit-correctie']): Block[] {
  if (data.changes.length === 0) throw new LetterError('Vermeld welke wijzigingen de verzoeker vroeg en wat u per wijziging besloot.');
  const done = data.changes.filter((c) => c.decision === 'doorgevoerd').length;
  if (data.outcome === 'toegewezen' && done !== data.changes.length) throw new LetterError('Bij een toegewezen verzoek zijn alle wijzigingen doorgevoerd; kies anders "deels".');
  if (data.outcome === 'afgewezen' && done > 0) throw new LetterError('Bij een afgewezen verzoek is geen wijziging doorgevoerd; kies anders "deels".');
  if (data.outcome === 'deels' && (done === 0 || done === data.changes.length)) throw new LetterError('Bij een gedeeltelijk toegewezen verzoek is een deel van de wijzigingen doorgevoerd en een deel niet.');
  return [
    {
      type: 'table',
      columns: ['Gegeven', 'Was', 'Wordt', 'Besluit'],
      rows: data.changes.map((c) => [c.item, c.from ?? '—', c.to ?? (c.decision === 'doorgevoerd' ? 'verwijderd' : '—'), c.decision === 'doorgevoerd' ? 'Doorgevoerd' : 'Niet doorgevoerd']),
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
      if (!text) throw new LetterError(`Geef de redenen van de ${data.outcome === 'deels' ? 'gedeeltelijke ' : ''}afwijzing; die moeten in de brief staan (${input.kind === 'besluit-correctie' ? '§14' : '§15'}).`);
      return [{ type: 'heading', text: refusalHeading }, ...paragraphs(text)];
    }
    case 'beslissing-op-klacht': {
      const data = input.data;
      if (!data.reasons.trim()) throw new LetterError('Geef de overwegingen bij de beslissing op de klacht.');
      return [{ type: 'heading', text: 'Onze overwegingen' }, ...paragraphs(data.reasons)];
    }
    case 'afwijzing': {
      const data = input.data;
      if (!data.reasons.trim()) throw new LetterError('Geef de redenen waarom het verzoek kennelijk ongegrond of buitensporig is (artikel 12 lid 5 AVG).');
      return [
        { type: 'heading', text: 'Waarom wij uw verzoek afwijzen' },
        ...paragraphs(data.reasons),
        { type: 'paragraph', text: 'Het is aan ons om aan te tonen dat uw verzoek kennelijk ongegrond of buitensporig is (artikel 12, lid 5 AVG). Hierboven leest u waarop wij dat baseren.' },
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
    blocks.push({ type: 'paragraph', text: 'Wij hebben de correctie doorgegeven aan wie wij de onjuiste gegevens hadden verstrekt (artikel 19 AVG en §14 van ons privacyreglement):' });
    blocks.push({ type: 'list', items: informed });
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
    blocks.push({ type: 'paragraph', text });
  }
  if (blocks.length === 1) {
    throw new LetterError('Vermeld aan wie de correctie is doorgegeven, of waarom dat onmogelijk was of een onevenredige inspanning vergde (§14; artikel 19 AVG).');
  }
  return blocks;
}

function legalObligation(data: LetterDataByKind['besluit-verzet']): Block[] {
  const provision = data.legalObligation?.trim();
  if (!provision) return [];
  return [
    { type: 'heading', text: 'Verstrekking waartoe wij wettelijk verplicht zijn' },
    {
      type: 'paragraph',
      text: `Voor zover uw verzet gaat over het verstrekken van gegevens waartoe wij van overheidswege verplicht zijn, hoeven wij daaraan geen gevolg te geven (§15 van ons privacyreglement). Dat is hier het geval: ${provision}`,
    },
  ];
}

function missing(input: LetterInput<'verzoek-om-aanvulling'>): Block[] {
  const items = (input.data.missing ?? []).map((x) => x.trim()).filter((x) => x.length > 0);
  if (items.length === 0 && !input.case.writtenAndSigned) items.push('Uw verzoek op papier, of als bijlage bij een e-mail, door u ondertekend.');
  if (items.length === 0 && input.case.type === 'correctie') items.push('De wijzigingen die u voorstelt (§14 van ons privacyreglement).');
  if (items.length === 0 && input.case.type === 'verzet') items.push('De zwaarwegende persoonlijke omstandigheden waarop uw verzet berust (§15 van ons privacyreglement).');
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
      return rights();
    case 'verwerkingen':
      return activities(input);
    case 'achtergehouden':
      return input.kind === 'besluit-inzage' || input.kind === 'besluit-dataportabiliteit' ? withheld(input) : [];
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
