import { formatDutchDate } from '../deadlines/dates.js';
import type { AnyLetterInput, LetterCase } from './data.js';
import { AP, APPEAL_TERM } from './slots.js';
import { isDecisionKind, PARTS, type Block, type LetterContent, type LetterKind, type PartName } from './types.js';

/** Every text of a letter in reading order, one line per piece: for checks and tests. */
export function letterText(content: LetterContent): string {
  const blockText = (b: Block): string[] => {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        return [b.text];
      case 'list':
        return b.items;
      case 'table':
        return [b.columns.join(' | '), ...b.rows.map((r) => r.join(' | '))];
      case 'fields':
        return b.fields.map((f) => `${f.label}: ${f.value}`);
    }
  };
  return [
    content.addressee.name,
    ...content.addressee.lines,
    content.reference.subject,
    content.salutation,
    ...content.blocks.flatMap(blockText),
    content.closing,
  ].join('\n');
}

/** The parts a kind always has, whatever the letter recorded when it was drafted. */
function minimumParts(kind: LetterKind): PartName[] {
  const parts: PartName[] = isDecisionKind(kind) ? ['rechtsmiddelen', 'fg', 'art15_1_h'] : [];
  switch (kind) {
    case 'besluit-inzage':
      return [...parts, 'art15_3', 'art15_1', 'art15_1_e', 'art15_1_f', 'art15_4'];
    case 'besluit-afwijzing-inzage':
      return [...parts, 'gronden', 'motivering', 'art15_4', 'art15_1_e', 'art15_1_f'];
    case 'besluit-dataportabiliteit':
      return [...parts, 'art15_4'];
    case 'besluit-niet-ontvankelijk':
    case 'beslissing-op-klacht':
    case 'afwijzing':
      return [...parts, 'motivering'];
    case 'verlengingsbericht':
      return ['verlenging'];
    case 'kennisgeving-ontvangers':
      return ['art19'];
    case 'klacht-termijn-verstreken':
      return ['rechtsmiddelen'];
    default:
      return parts;
  }
}

const hasContent = (b: Block): boolean => {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return b.text.trim().length > 0;
    case 'list':
      return b.items.some((i) => i.trim().length > 0);
    case 'table':
      return b.rows.length > 0;
    case 'fields':
      return b.fields.some((f) => f.value.trim().length > 0);
  }
};

/** Art. 15(1)(a)–(d), (g) and 15(2) per activity, by the labels the register block has. */
const ACTIVITY_FIELDS: readonly [string, string][] = [
  ['Doel', 'de doeleinden (artikel 15, lid 1 onder a AVG)'],
  ['Gegevens', 'de categorieën van persoonsgegevens (artikel 15, lid 1 onder b AVG)'],
  ['Ontvangers', 'de ontvangers (artikel 15, lid 1 onder c AVG)'],
  ['Bewaartermijn', 'de bewaartermijn (artikel 15, lid 1 onder d AVG)'],
  ['Bron', 'de bron (artikel 15, lid 1 onder g AVG)'],
  ['Buiten de EER', 'de doorgifte buiten de Europese Economische Ruimte (artikel 15, lid 2 AVG)'],
];

/**
 * The required parts (types.ts PARTS) a letter lost in an edit: a part of the kind, or one the
 * draft had, without a block that still carries it; a table or field block fewer than drafted;
 * an activity without one of its art. 15(1) fields. Each named in Dutch.
 */
export function missingParts(content: LetterContent): string[] {
  const problems: string[] = [];
  const drafted = content.requiredParts ?? [];
  const required = new Set<PartName>([...minimumParts(content.kind), ...drafted]);
  for (const part of required) {
    const present = content.blocks.filter((b) => b.part === part && hasContent(b));
    const fixedDrafted = drafted.filter((p) => p === part).length;
    const fixedPresent = present.filter((b) => b.type === 'table' || b.type === 'fields').length;
    if (present.length === 0) problems.push(`De brief mist een verplicht onderdeel: ${PARTS[part]}. U mag dat anders formuleren, maar niet weglaten.`);
    else if (fixedDrafted > 1 && fixedPresent < fixedDrafted)
      problems.push(`De brief mist ${fixedDrafted - fixedPresent} van de ${fixedDrafted} verplichte blokken van ${PARTS[part]}.`);
  }
  for (const b of content.blocks) {
    if (b.part !== 'art15_1' || b.type !== 'fields') continue;
    for (const [label, what] of ACTIVITY_FIELDS) {
      if (!b.fields.some((f) => f.label === label && f.value.trim().length > 0)) problems.push(`Bij een verwerking ontbreekt ${what}.`);
    }
  }
  return [...new Set(problems)];
}

/**
 * What a letter must still say after the handler edited its text; each problem in Dutch. Run on
 * submit, so an edit cannot remove the remedies from a decision or the new date from an extension.
 */
export function contentProblems(content: LetterContent, c: Pick<LetterCase, 'type' | 'dueOn' | 'extensionMonths' | 'extensionReason'>): string[] {
  const text = letterText(content).replace(/\s+/gu, ' ');
  const problems: string[] = [];
  const need = (phrase: string, what: string) => {
    if (!text.includes(phrase)) problems.push(`De brief moet ${what} vermelden ("${phrase}").`);
  };
  if (isDecisionKind(content.kind)) {
    need(AP.name, 'de Autoriteit Persoonsgegevens');
    need(AP.address, 'het adres van de Autoriteit Persoonsgegevens');
    need(APPEAL_TERM, 'de termijn van zes weken voor rechtbank en Autoriteit Persoonsgegevens');
    need('rechtbank', 'het verzoekschrift bij de rechtbank');
    if (content.kind !== 'beslissing-op-klacht') need('klacht indienen bij', 'de mogelijkheid van een klacht');
  }
  if (content.kind === 'klacht-termijn-verstreken') {
    need(AP.name, 'de Autoriteit Persoonsgegevens');
    need(APPEAL_TERM, 'de termijn van zes weken voor rechtbank en Autoriteit Persoonsgegevens');
    need('rechtbank', 'de verzoekschriftprocedure bij de rechtbank');
  }
  if (content.kind === 'verlengingsbericht' && c.extensionMonths > 0) {
    need(formatDutchDate(c.dueOn), 'de nieuwe uiterste datum');
    if (c.extensionReason) need(c.extensionReason.replace(/\s+/gu, ' '), 'de reden van de verlenging');
  }
  problems.push(...missingParts(content));
  if (content.blocks.length === 0) problems.push('De brief heeft geen inhoud.');
  return problems;
}

/** The decision a letter records (for the central register); null for letters that decide nothing. */
export function decisionOutcome(input: AnyLetterInput): string | null {
  switch (input.kind) {
    case 'besluit-inzage':
    case 'besluit-dataportabiliteit':
      return (input.data.withheld?.length ?? 0) > 0 || input.documents.redacted > 0 ? 'deels' : 'toegewezen';
    case 'besluit-correctie':
    case 'besluit-verzet':
    case 'beslissing-op-klacht':
      return input.data.outcome;
    case 'afwijzing':
      return `afgewezen_${input.data.ground}`;
    case 'besluit-niet-ontvankelijk':
      return `niet_ontvankelijk_${input.data.ground}`;
    case 'besluit-geen-gegevens':
      return 'geen_gegevens';
    case 'besluit-afwijzing-inzage':
      return input.data.outcome;
    case 'besluit-verzet-direct-marketing':
      return 'toegewezen';
    default:
      return null;
  }
}
