import type { DetectorKind } from '../../../../../shared/domain/detectors.js';
import { foldTerm } from '../../../../../shared/domain/detectors.js';
import type { ThirdPartyView } from '../dossier/useDossier.js';

/** The reason every box gets unless the handler chooses another (the backend's default too). */
export const DEFAULT_REASON = 'art. 15 lid 4 AVG';

/**
 * Legal grounds a handler can give a box; the code is printed in the margin of the output (ASCII,
 * at most 80 characters), the description helps choosing.
 */
export const REASONS: readonly { code: string; description: string }[] = [
  { code: DEFAULT_REASON, description: 'rechten en vrijheden van anderen (derden)' },
  { code: 'art. 41 lid 1 sub i UAVG', description: 'bescherming van de betrokkene of van de rechten van anderen' },
  { code: 'art. 41 lid 1 sub d UAVG', description: 'voorkomen en opsporen van strafbare feiten' },
  { code: 'art. 46 UAVG', description: 'burgerservicenummer' },
];

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
  /** A third party whose name this is (found by their name). */
  partyName?: string | undefined;
  accepted: boolean;
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

/** The third party whose name a found text is, if any (same folding as the search). */
export function partyOf(text: string, parties: readonly ThirdPartyView[]): ThirdPartyView | undefined {
  const folded = foldTerm(text);
  return parties.find((p) => foldTerm(p.name) === folded);
}

let counter = 0;
export function nextBoxId(): string {
  counter += 1;
  return `box-${counter}`;
}
