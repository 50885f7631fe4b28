import type { ProcedureInput, ProcedureOutput } from '../../../shared/api/contract.js';
import type { DetectorKind } from '../../../shared/redaction/detectors.js';

/** The reason every box gets unless the handler chooses another (the backend's default too). */
export const DEFAULT_REASON = 'art. 15 lid 4 AVG';
/** The backend's ground for someone else's BSN. */
export const BSN_GROUND = 'art. 46 UAVG en art. 15 lid 4 AVG';

/**
 * Legal grounds a handler can give a box; the code is printed in the margin of the output (ASCII,
 * at most 80 characters), the description helps choosing.
 */
export const REASONS: readonly { code: string; description: string }[] = [
  { code: DEFAULT_REASON, description: 'rechten en vrijheden van anderen (derden)' },
  { code: BSN_GROUND, description: 'burgerservicenummer van een ander' },
  { code: 'art. 41 lid 1 sub i UAVG', description: 'bescherming van de betrokkene of van de rechten van anderen' },
  { code: 'art. 41 lid 1 sub d UAVG', description: 'voorkomen en opsporen van strafbare feiten' },
  { code: 'art. 41 lid 1 sub g UAVG', description: 'toezicht en inspectie door de overheid' },
  { code: 'art. 41 lid 1 sub j UAVG', description: 'inning van civielrechtelijke vorderingen' },
  { code: 'art. 46 UAVG', description: 'burgerservicenummer' },
];

export type Whose = 'third_party' | 'requester' | 'unknown';

export type BoxSource = 'term' | 'pattern' | 'manual';

/** A box to redact, suggested by the backend or drawn by the handler, in PDF user space. */
export interface ReviewBox {
  id: string;
  /** Zero-based page index, as the backend counts. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  reason: string;
  source: BoxSource;
  text: string;
  kind?: DetectorKind | undefined;
  /** Whose data this is, as the backend recognised it; none for a box drawn by hand. */
  whose?: Whose | undefined;
  /** The third party, short ("M. Brinkhorst"). */
  whoseLabel?: string | undefined;
  accepted: boolean;
  /** The requester's own data in an access request: no default, the handler must choose. */
  undecided: boolean;
}

export interface PageGeometry {
  page: number;
  width: number;
  height: number;
  toView: [number, number, number, number, number, number];
  annotations: number;
  /** Whether the page has usable text: none (a scan), blank, unreadable (glyphs that map to nothing), text. */
  layer: 'text' | 'none' | 'blank' | 'unreadable';
  /** Why OCR read the page ("geen tekstlaag; OCR gebruikt"), or null. */
  ocr: string | null;
}

let counter = 0;
export function nextBoxId(): string {
  counter += 1;
  return `box-${counter}`;
}

type Suggestion = ProcedureOutput<'redaction.suggest'>['suggestions'][number];

/**
 * New suggestions in place of the old ones: a decision and a ground already chosen on the same box
 * (same page, text and place) stay; boxes drawn by hand are kept after them.
 */
export function mergeSuggestions(boxes: readonly ReviewBox[], suggestions: readonly Suggestion[]): ReviewBox[] {
  const keyOf = (b: { page: number; text: string; x: number; y: number }) => `${b.page}:${b.text}:${Math.round(b.x)}:${Math.round(b.y)}`;
  const decided = new Map(boxes.filter((b) => b.source !== 'manual').map((b) => [keyOf(b), b]));
  const suggested = suggestions.map((s): ReviewBox => {
    const before = decided.get(keyOf(s));
    return {
      id: nextBoxId(),
      page: s.page,
      x: s.x,
      y: s.y,
      width: s.width,
      height: s.height,
      source: s.source,
      text: s.text,
      kind: s.kind,
      whose: s.whose,
      whoseLabel: s.whoseLabel,
      ...(before
        ? { reason: before.reason, accepted: before.accepted, undecided: before.undecided }
        : { reason: s.reason || DEFAULT_REASON, accepted: s.preAccepted, undecided: !s.preAccepted }),
    };
  });
  return [...suggested, ...boxes.filter((b) => b.source === 'manual')];
}

/** The accepted boxes as redaction.start takes them. */
export function toRedactions(boxes: readonly ReviewBox[]): ProcedureInput<'redaction.start'>['redactions'] {
  return boxes
    .filter((b) => b.accepted && !b.undecided)
    .map((b) => ({
      page: b.page,
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      reason: b.reason,
      source: b.source,
      text: b.text.slice(0, 500),
      ...(b.kind ? { kind: b.kind } : {}),
    }));
}

/** The boxes of one document under review, as the page and the list beside it show them. */
export interface Review {
  geometry: PageGeometry[];
  boxes: ReviewBox[];
  /** The page shown (zero-based). */
  pageIndex: number;
  focusedId: string | null;
}

/** A document being redacted: its pages' geometry from the backend (null until it came) and the boxes under review. */
export interface Work extends Omit<Review, 'geometry'> {
  documentId: string;
  geometry: PageGeometry[] | null;
}
