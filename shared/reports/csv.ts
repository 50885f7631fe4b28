/**
 * CSV as Dutch Excel opens it: semicolons between fields (the comma is the decimal separator in
 * Dutch), CRLF line ends, UTF-8 with a byte-order mark (otherwise Excel reads it as Windows-1252),
 * fields quoted when they hold a semicolon, quote or line break, quotes doubled.
 * A field that starts with = + - @ (or a tab or CR) would run as a formula: it gets a leading
 * apostrophe, which Excel shows as text.
 */
export const CSV_BOM = '\uFEFF';

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? formatDutchNumber(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[";\r\n]/u.test(text) || text !== text.trim() ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** 12.5 → "12,5": the decimal comma Dutch Excel expects. */
export function formatDutchNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10).replace('.', ',');
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n';
}
