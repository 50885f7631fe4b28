import { foldForSearch } from '../cases/search.js';

export const DUPLICATE_BASES = ['naam', 'e-mail', 'adres'] as const;
export type DuplicateBasis = (typeof DUPLICATE_BASES)[number];

export interface OpenRequest {
  reference: string;
  name: string;
  email: string | null;
  address: string | null;
}

export interface PossibleDuplicate {
  references: string[];
  basis: DuplicateBasis[];
}

/** Case, accents, spaces and punctuation do not matter: "Dorpsstraat 1, 1234 AB" is "dorpsstraat 1 1234ab". */
function keyOf(basis: DuplicateBasis, request: OpenRequest): string | null {
  const value = basis === 'naam' ? request.name : basis === 'e-mail' ? request.email : request.address;
  if (value === null) return null;
  const folded = foldForSearch(value).replace(/[^\p{L}\p{N}@.]+/gu, '');
  return folded === '' ? null : folded;
}

/**
 * Open requests that may be the same person asking twice: the same requester name, e-mail address
 * or address. One entry per group of cases, with every ground they share, for intake to check
 * before the second is handled.
 */
export function possibleDuplicates(requests: readonly OpenRequest[]): PossibleDuplicate[] {
  const groups = new Map<string, { references: Set<string>; basis: Set<DuplicateBasis> }>();
  for (const basis of DUPLICATE_BASES) {
    const byKey = new Map<string, string[]>();
    for (const request of requests) {
      const key = keyOf(basis, request);
      if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), request.reference]);
    }
    for (const references of byKey.values()) {
      if (references.length < 2) continue;
      const id = [...references].sort().join(' ');
      const group = groups.get(id) ?? { references: new Set(references), basis: new Set<DuplicateBasis>() };
      group.basis.add(basis);
      groups.set(id, group);
    }
  }
  return [...groups.values()]
    .map((g) => ({ references: [...g.references].sort(), basis: DUPLICATE_BASES.filter((b) => g.basis.has(b)) }))
    .sort((a, b) => (a.references[0] ?? '').localeCompare(b.references[0] ?? ''));
}
