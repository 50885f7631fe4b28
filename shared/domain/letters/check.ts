import { formatDutchDate } from '../dates.js';
import type { AnyLetterInput, LetterCase } from './data.js';
import { AP, APPEAL_TERM } from './slots.js';
import { isDecisionKind, type Block, type LetterContent } from './types.js';

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
  return [content.addressee.name, ...content.addressee.lines, content.reference.subject, content.salutation, ...content.blocks.flatMap(blockText), content.closing].join('\n');
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
  if (content.kind === 'verlengingsbericht' && c.extensionMonths > 0) {
    need(formatDutchDate(c.dueOn), 'de nieuwe uiterste datum');
    if (c.extensionReason) need(c.extensionReason.replace(/\s+/gu, ' '), 'de reden van de verlenging');
  }
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
    default:
      return null;
  }
}
