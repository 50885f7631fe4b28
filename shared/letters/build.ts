import type { CorrectionKind } from '../cases/cases.js';
import { addDays, formatDutchDate } from '../deadlines/dates.js';
import type { RequestType } from '../cases/request-types.js';
import type { AnyLetterInput, LetterCase } from './data.js';
import { fillText, LetterError, type FieldValues } from './fields.js';
import { dataOf, slotBlocks } from './slots.js';
import { applies, REQUIRED_SLOTS, type LetterTemplate, type TemplateBlock, type Variant } from './template-types.js';
import { DEFAULT_TEMPLATES } from './templates.js';
import { LETTER_CASE_TYPES, LETTER_KIND_LABELS, type Addressee, type Block, type LetterContent, type PartName } from './types.js';

/** How long a requester or third party gets to answer when the handler sets no date. */
export const DEFAULT_REPLY_DAYS = 14;

const SHORT: Readonly<Record<RequestType, string>> = {
  inzage: 'verzoek om inzage',
  correctie: 'verzoek om correctie',
  verzet: 'verzet',
  dataportabiliteit: 'verzoek om dataportabiliteit',
  klacht: 'klacht',
};

/** `data` is "uw persoonsgegevens", or "de persoonsgegevens van …" in a letter to a representative. */
function longRequest(c: LetterCase, data: string): string {
  return {
    inzage: `verzoek om inzage in ${data}`,
    correctie: `verzoek om correctie van ${data}`,
    verzet: `verzet tegen het gebruik van ${data}`,
    dataportabiliteit: `verzoek om ${data} in een machineleesbaar formaat`,
    klacht: 'klacht over de manier waarop wij met persoonsgegevens omgaan',
  }[c.type];
}

const CORRECTION_VERBS: Readonly<Record<CorrectionKind, string>> = {
  verbetering: 'te verbeteren',
  aanvulling: 'aan te vullen',
  verwijdering: 'te verwijderen',
  afscherming: 'af te schermen',
};

/** "a", "a en b", "a, b en c". */
export function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1) ?? ''}`;
}

/** Address lines from the one-line form the case holds ("Dorpsstraat 1, 1234 AB Hilversum"). */
export function addressLines(address: string): string[] {
  return address
    .split(/[\n,]/u)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * Who gets the letter: the third party for a zienswijze; whoever the handler named; the
 * representative (a legal representative at the requester's address; a gemachtigde only with an
 * address given); otherwise the requester.
 */
export function addresseeOf(input: AnyLetterInput): Addressee {
  const c = input.case;
  if (input.kind === 'zienswijze-derde') {
    const party = input.thirdParties.find((p) => p.id === input.data.thirdPartyId);
    if (!party) throw new LetterError('Kies een derde uit het register van deze zaak.');
    return { name: party.name, lines: addressLines(input.data.address) };
  }
  if (input.kind === 'kennisgeving-ontvangers') return { name: input.data.recipient, lines: addressLines(input.data.address) };
  if (input.data.addressee) return { name: input.data.addressee.name, lines: addressLines(input.data.addressee.address) };
  if (c.representative?.kind === 'gemachtigde') throw new LetterError('De brief gaat naar de gemachtigde: vul diens naam en adres in als geadresseerde.');
  const name = c.representative?.name ?? c.requester.name;
  if (!c.requester.address) throw new LetterError('Het adres van de verzoeker ontbreekt in de zaak: vul het adres van de geadresseerde in.');
  return { name, lines: addressLines(c.requester.address) };
}

/** The conditions that hold for this letter (see VARIANTS). */
export function variantsOf(input: AnyLetterInput): Set<Variant> {
  const v = new Set<Variant>([input.case.type, input.case.type === 'klacht' ? 'klacht' : 'verzoek']);
  const viaRepresentative = input.case.representative !== null && input.kind !== 'zienswijze-derde' && input.kind !== 'kennisgeving-ontvangers';
  v.add(viaRepresentative ? 'vertegenwoordiger' : 'zonder_vertegenwoordiger');
  v.add(input.today > input.case.dueOn ? 'termijn_verstreken' : 'binnen_termijn');
  if ('outcome' in input.data) v.add(input.data.outcome);
  if (input.kind === 'afwijzing') v.add(input.data.ground);
  if (input.kind === 'besluit-niet-ontvankelijk') v.add(input.data.ground);
  if (input.kind === 'besluit-verzet' && input.data.circumstancesGiven === true) v.add('omstandigheden');
  if (input.kind === 'klacht-termijn-verstreken') v.add(input.data.decisionBy ? 'beslisdatum' : 'geen_beslisdatum');
  return v;
}

/** The value of every field for this letter; null where a field does not apply. */
export function fieldValuesOf(input: AnyLetterInput, addressee: Addressee): FieldValues {
  const c = input.case;
  const org = input.organisation;
  const viaRepresentative = c.representative !== null && input.kind !== 'zienswijze-derde' && input.kind !== 'kennisgeving-ontvangers';
  const data = dataOf(input);
  const corrections = c.correctionKinds.map((k) => CORRECTION_VERBS[k]);
  const replyBy = 'replyBy' in input.data ? input.data.replyBy : undefined;
  const party = input.kind === 'zienswijze-derde' ? input.thirdParties.find((p) => p.id === input.data.thirdPartyId) : undefined;
  return {
    kenmerk: c.reference,
    datum: formatDutchDate(input.today),
    datum_ontvangst: formatDutchDate(c.receivedOn),
    uiterste_datum: formatDutchDate(c.dueOn),
    oorspronkelijke_datum: formatDutchDate(c.originalDueOn),
    nieuwe_datum: c.extensionMonths > 0 ? formatDutchDate(c.dueOn) : null,
    verlenging: c.extensionMonths === 0 ? null : c.extensionMonths === 1 ? 'één maand' : 'twee maanden',
    reden_verlenging: c.extensionReason,
    reactie_datum: formatDutchDate(replyBy ?? addDays(input.today, DEFAULT_REPLY_DAYS)),
    soort_verzoek: SHORT[c.type],
    verzoek: longRequest(c, data),
    gegevens: data,
    gevraagde_correctie: `${data} ${corrections.length > 0 ? dutchList(corrections) : 'te corrigeren'}`,
    betrokkene: viaRepresentative ? c.requester.name : 'u',
    'verzoeker.naam': c.requester.name,
    'verzoeker.adres': c.requester.address,
    'verzoeker.klantnummer': c.requester.customerNumber,
    'vertegenwoordiger.naam': c.representative?.name ?? null,
    'geadresseerde.naam': addressee.name,
    'derde.naam': party?.name ?? null,
    'derde.rol': party?.role ?? null,
    'behandelaar.naam': input.handlerName,
    'organisatie.naam': org.name,
    'organisatie.postadres': org.postalAddress.join(', '),
    'organisatie.telefoon': org.phone,
    'organisatie.email': org.email,
    'verzet.verwerking': input.kind === 'besluit-verzet' ? input.data.processing : null,
    'klacht.omschrijving': input.kind === 'beslissing-op-klacht' ? input.data.complaint : null,
    'intrekking.datum': input.kind === 'bevestiging-intrekking' ? formatDutchDate(input.data.withdrawnOn) : null,
    'afwijzing.grond': input.kind === 'afwijzing' ? (input.data.ground === 'kennelijk_ongegrond' ? 'kennelijk ongegrond' : 'buitensporig') : null,
    'verzet.gestopt_op': input.kind === 'besluit-verzet-direct-marketing' ? formatDutchDate(input.data.stoppedOn ?? input.today) : null,
    'verzet.direct_marketing': input.kind === 'besluit-verzet-direct-marketing' ? input.data.processing : null,
    'klacht.beslissing_uiterlijk': input.kind === 'klacht-termijn-verstreken' && input.data.decisionBy ? formatDutchDate(input.data.decisionBy) : null,
    'verzoeker.naam_klantnummer': c.requester.customerNumber ? `${c.requester.name} (klantnummer ${c.requester.customerNumber})` : c.requester.name,
  };
}

/** Checks that do not belong to one slot: the kind fits the request, dates make sense. */
function checkInput(input: AnyLetterInput): void {
  const types = LETTER_CASE_TYPES[input.kind];
  if (types && !types.includes(input.case.type)) {
    throw new LetterError(`Een brief "${LETTER_KIND_LABELS[input.kind]}" past niet bij een ${SHORT[input.case.type]}.`);
  }
  if ('replyBy' in input.data && input.data.replyBy && input.data.replyBy <= input.today)
    throw new LetterError('De reactiedatum moet na de datum van de brief liggen.');
  if (input.kind === 'bevestiging-intrekking' && (input.data.withdrawnOn < input.case.receivedOn || input.data.withdrawnOn > input.today)) {
    throw new LetterError('De datum van intrekking ligt tussen de ontvangst van het verzoek en vandaag.');
  }
  if (input.kind === 'verlengingsbericht' && (input.case.extensionMonths === 0 || !input.case.extensionReason)) {
    throw new LetterError('Verleng eerst de termijn van de zaak, met de reden; het verlengingsbericht neemt de reden en de nieuwe datum daarvan over.');
  }
  if (input.kind === 'verlengingsbericht' && input.today > input.case.originalDueOn) {
    throw new LetterError(
      `Het verlengingsbericht moet vóór het einde van de oorspronkelijke termijn (${formatDutchDate(input.case.originalDueOn)}) worden verstuurd (artikel 12 lid 3 AVG).`,
    );
  }
  if (input.kind === 'klacht-termijn-verstreken' && input.today <= input.case.dueOn) {
    throw new LetterError(
      `De termijn voor de beslissing op de klacht loopt nog tot en met ${formatDutchDate(input.case.dueOn)}; deze brief past pas daarna (§16).`,
    );
  }
  if (input.kind === 'klacht-termijn-verstreken' && input.data.decisionBy && input.data.decisionBy <= input.today) {
    throw new LetterError('De datum waarop u alsnog beslist, ligt na de datum van de brief.');
  }
  if (
    input.kind === 'besluit-verzet-direct-marketing' &&
    input.data.stoppedOn &&
    (input.data.stoppedOn < input.case.receivedOn || input.data.stoppedOn > input.today)
  ) {
    throw new LetterError('De datum waarop het gebruik voor direct marketing is gestopt, ligt tussen de ontvangst van het verzet en vandaag.');
  }
}

/**
 * The template's blocks, with any slot its kind requires and the template lacks (a template
 * saved before that slot became required) added at the end: a legal part is never lost.
 */
function blocksWithRequiredSlots(template: LetterTemplate): TemplateBlock[] {
  const present = new Set(template.blocks.flatMap((b) => (b.type === 'slot' && !(b.when && b.when.length > 0) ? [b.slot] : [])));
  return [...template.blocks, ...REQUIRED_SLOTS[template.kind].filter((slot) => !present.has(slot)).map((slot): TemplateBlock => ({ type: 'slot', slot }))];
}

/** A fixed block (table, fields) counts once each; a text part once, however many paragraphs it has. */
export function requiredPartsOf(blocks: readonly Block[]): PartName[] {
  const parts: PartName[] = [];
  for (const b of blocks) {
    if (!b.part) continue;
    if (b.type === 'table' || b.type === 'fields' || !parts.includes(b.part)) parts.push(b.part);
  }
  return parts;
}

/** Written requests have a letter date in the reference line: the one date the case records for the request. */
const WRITTEN_CHANNELS: ReadonlySet<string> = new Set(['brief', 'email']);

/** Template + case → letter content: fields filled, conditions applied, slots generated. */
export function buildLetter(input: AnyLetterInput, template: LetterTemplate = DEFAULT_TEMPLATES[input.kind]): LetterContent {
  checkInput(input);
  const addressee = addresseeOf(input);
  const values = fieldValuesOf(input, addressee);
  const variants = variantsOf(input);
  const fill = (text: string) => fillText(text, values);
  const blocks: Block[] = [];
  for (const block of blocksWithRequiredSlots(template)) {
    if (!applies(block.when, variants)) continue;
    if (block.type === 'slot') blocks.push(...slotBlocks(block.slot, input));
    else if (block.type === 'list') blocks.push({ type: 'list', items: block.items.map(fill) });
    else blocks.push({ type: block.type, text: fill(block.text) });
  }
  const subject = fill(template.subject);
  return {
    kind: input.kind,
    title: `${subject.charAt(0).toUpperCase()}${subject.slice(1)} – ${input.case.reference}`,
    addressee,
    reference: {
      ourReference: input.case.reference,
      date: input.today,
      yourLetterOf:
        WRITTEN_CHANNELS.has(input.case.channel) && input.kind !== 'zienswijze-derde' && input.kind !== 'kennisgeving-ontvangers'
          ? input.case.receivedOn
          : null,
      subject,
    },
    salutation: fill(template.salutation),
    blocks,
    closing: fill(template.closing),
    requiredParts: requiredPartsOf(blocks),
    signatory: { organisation: input.organisation.name, placeholder: 'Ondertekening volgt na goedkeuring door een tekenbevoegde.' },
  };
}
