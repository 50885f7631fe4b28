import { detect, findTerm, type DetectorKind } from '../../shared/redaction/detectors.js';
import { findMentions, shortLabel, type Mention, type MentionKind, type PersonIdentifiers } from '../../shared/redaction/person-variants.js';
import type { RequestType } from '../../shared/cases/request-types.js';
import { boxesForRange, DEFAULT_REASON, type PageText, type Rect, type Redaction } from './index.js';

/**
 * What to search for in a document and whose data each finding is. The engine (./redaction) says
 * where text is; this file decides which text matters, to whom it belongs and on what ground it
 * may be withheld.
 */
export type Whose = 'third_party' | 'requester' | 'unknown';

/** Others' BSN: the UAVG limits its use (art. 46) on top of the others' rights (art. 15 lid 4 AVG). */
export const BSN_GROUND = 'art. 46 UAVG en art. 15 lid 4 AVG';
/** The requester's own data may only be withheld on an exception of art. 41 UAVG, chosen by the handler. */
export const OWN_DATA_GROUND = 'art. 41 lid 1 sub i UAVG';

/** Request types in which the requester is entitled to their own data, so it is never withheld by default. */
const OWN_DATA_RELEASED: readonly RequestType[] = ['inzage', 'dataportabiliteit'];

export interface Party {
  id: string;
  person: PersonIdentifiers;
}

export interface SearchPlan {
  parties: readonly Party[];
  requester: PersonIdentifiers | null;
  caseType: RequestType | null;
  terms: readonly string[];
  patterns: readonly DetectorKind[];
}

export interface Suggestion extends Redaction {
  whose: Whose;
  thirdPartyId?: string | undefined;
  /** "M. Brinkhorst": who the handler is protecting, without the full name on every line. */
  whoseLabel?: string | undefined;
  /** False where the handler must choose (the requester's own data in an access request). */
  preAccepted: boolean;
}

interface Finding {
  start: number;
  end: number;
  source: 'term' | 'pattern';
  kind?: DetectorKind | undefined;
  partyId?: string | undefined;
}

const MENTION_DETECTOR: Partial<Record<MentionKind, DetectorKind>> = { bsn: 'bsn', iban: 'iban', email: 'email', telefoon: 'phone' };

function partyFindings(text: string, party: Party, requester: PersonIdentifiers | null): Finding[] {
  return findMentions(text, party.person, requester ?? undefined).map((m) => ({
    start: m.start,
    end: m.end,
    source: 'term',
    kind: MENTION_DETECTOR[m.kind],
    partyId: party.id,
  }));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function merge(findings: readonly Finding[]): Finding[][] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const groups: Finding[][] = [];
  let end = -1;
  for (const f of sorted) {
    const group = groups[groups.length - 1];
    if (group && f.start < end) {
      group.push(f);
      end = Math.max(end, f.end);
    } else {
      groups.push([f]);
      end = f.end;
    }
  }
  return groups;
}

/**
 * Suggestions for every page: the chosen third parties in every way they are written, the free
 * terms, and the chosen kinds of personal data. Findings that overlap become one suggestion; a
 * third party's name in it makes it theirs, otherwise the requester's identifiers make it the
 * requester's own data.
 */
export function suggestRedactions(pages: readonly PageText[], plan: SearchPlan): Suggestion[] {
  const terms = plan.terms.map((t) => t.trim()).filter((t) => t.length > 0);
  const labels = new Map(plan.parties.map((p) => [p.id, shortLabel(p.person.name)]));
  const ownNeedsChoice = plan.caseType !== null && OWN_DATA_RELEASED.includes(plan.caseType);
  const out: Suggestion[] = [];
  for (const page of pages) {
    const findings: Finding[] = [
      ...plan.parties.flatMap((p) => partyFindings(page.text, p, plan.requester)),
      ...terms.flatMap((term) => findTerm(page.text, term).map((m): Finding => ({ start: m.start, end: m.end, source: 'term' }))),
      ...(plan.patterns.length > 0
        ? detect(page.text, plan.patterns).map((c): Finding => ({ start: c.start, end: c.end, source: 'pattern', kind: c.kind }))
        : []),
    ];
    const own: Mention[] = plan.requester ? findMentions(page.text, plan.requester) : [];
    for (const group of merge(findings)) {
      const start = Math.min(...group.map((f) => f.start));
      const end = Math.max(...group.map((f) => f.end));
      const partyId = group.find((f) => f.partyId !== undefined)?.partyId;
      const whose: Whose = partyId !== undefined ? 'third_party' : own.some((m) => overlaps(m, { start, end })) ? 'requester' : 'unknown';
      const kind = group.find((f) => f.kind === 'bsn')?.kind ?? group.find((f) => f.kind !== undefined)?.kind;
      const source = group.some((f) => f.source === 'pattern') && partyId === undefined ? 'pattern' : 'term';
      const reason = whose === 'requester' ? OWN_DATA_GROUND : kind === 'bsn' ? BSN_GROUND : DEFAULT_REASON;
      const text = page.text.slice(start, end);
      for (const box of boxesForRange(page, start, end)) {
        out.push({
          page: page.page,
          ...box,
          reason,
          source,
          text,
          ...(kind ? { kind } : {}),
          whose,
          ...(partyId !== undefined ? { thirdPartyId: partyId, whoseLabel: labels.get(partyId) } : {}),
          preAccepted: !(whose === 'requester' && ownNeedsChoice),
        });
      }
    }
  }
  return out;
}

/** Where a third party is mentioned, as boxes (one per line of a mention), with the words found. */
export function mentionsOf(pages: readonly PageText[], party: Party, requester: PersonIdentifiers | null): { page: number; text: string; boxes: Rect[] }[] {
  return pages.flatMap((page) =>
    findMentions(page.text, party.person, requester ?? undefined).map((m) => ({ page: page.page, text: m.text, boxes: boxesForRange(page, m.start, m.end) })),
  );
}
