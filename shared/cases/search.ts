/**
 * Folding for search: lower case, accents removed, and the letters that Unicode does not decompose
 * mapped to their plain forms, so staff can type a name without its diacritics.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
  ŀ: 'l',
  ĸ: 'k',
  ŧ: 't',
  ŋ: 'n',
};

export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łđðøßæœıþħŀĸŧŋ]/gu, (c) => SPECIAL[c] ?? c);
}

/**
 * A user's search text as an FTS5 query: every word must match as a prefix. Words are quoted, so
 * nothing the user types is read as FTS syntax. Empty when there is nothing to search for.
 */
export function toFtsQuery(text: string): string {
  const words = foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.map((w) => `"${w}"*`).join(' ');
}
