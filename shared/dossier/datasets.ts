import { findMentions, type PersonIdentifiers } from '../redaction/person-variants.js';

/**
 * Structured exports from source systems (CSV, JSON; XLSX is read in the main process into the
 * same shape): a table of text cells. Pure, so the parsing and the cell-level redaction are tested
 * without a store.
 */
export interface Dataset {
  columns: string[];
  rows: string[][];
}

export const DATASET_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** Limits, so an export cannot exhaust the desktop: documented in the README. */
export const MAX_DATASET_BYTES = 10 * 1024 * 1024;
export const MAX_DATASET_ROWS = 50_000;
export const MAX_DATASET_COLUMNS = 200;

/** What replaces a cell that names someone who may not be shown. */
export const REDACTED_CELL = '[gelakt]';

export class DatasetError extends Error {
  constructor(readonly dutchMessage: string) {
    super(dutchMessage);
    this.name = 'DatasetError';
  }
}

function checked(dataset: Dataset): Dataset {
  if (dataset.columns.length === 0) throw new DatasetError('Het bestand bevat geen kolommen.');
  if (dataset.columns.length > MAX_DATASET_COLUMNS) throw new DatasetError(`Het bestand heeft meer dan ${String(MAX_DATASET_COLUMNS)} kolommen.`);
  if (dataset.rows.length > MAX_DATASET_ROWS) throw new DatasetError(`Het bestand heeft meer dan ${String(MAX_DATASET_ROWS)} rijen.`);
  const width = dataset.columns.length;
  return { columns: dataset.columns, rows: dataset.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')) };
}

/** RFC 4180 with the separator a Dutch or other export uses: semicolon, comma or tab (the most frequent outside quotes in the first line). */
export function parseCsv(text: string): Dataset {
  const body = text.replace(/^\uFEFF/u, '');
  const firstLine = body.split(/\r?\n/u, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/gu, '');
  const separator = [';', ',', '\t'].map((s) => ({ s, n: unquoted.split(s).length - 1 })).sort((a, b) => b.n - a.n)[0]?.s ?? ';';
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
    if (records.length > MAX_DATASET_ROWS + 1) throw new DatasetError(`Het bestand heeft meer dan ${String(MAX_DATASET_ROWS)} rijen.`);
  }
  if (quoted) throw new DatasetError('Het CSV-bestand is niet goed afgesloten: er mist een aanhalingsteken.');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonEmpty = records.filter((r) => r.some((f) => f.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) throw new DatasetError('Het CSV-bestand is leeg.');
  return checked({ columns: header.map((h) => h.trim()), rows });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** An array of records, or an object holding one such array (as many exports wrap it). Nested values stay JSON text in their cell. */
export function parseJsonDataset(text: string): Dataset {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    throw new DatasetError('Het JSON-bestand is niet leesbaar.');
  }
  if (!Array.isArray(value) && typeof value === 'object' && value !== null) {
    const arrays = Object.values(value).filter((v): v is unknown[] => Array.isArray(v));
    value = arrays.length === 1 ? arrays[0] : [value];
  }
  if (!Array.isArray(value)) throw new DatasetError('Het JSON-bestand bevat geen lijst met gegevens.');
  const records = value.map((r): Record<string, unknown> =>
    typeof r === 'object' && r !== null && !Array.isArray(r) ? (r as Record<string, unknown>) : { waarde: r },
  );
  const columns: string[] = [];
  for (const r of records) for (const key of Object.keys(r)) if (!columns.includes(key)) columns.push(key);
  return checked({ columns, rows: records.map((r) => columns.map((c) => cellText(r[c]))) });
}

/**
 * Cell by cell: a cell that mentions anyone of `hidden` (by any of the ways the person can be
 * written: name, surname with initials or titles, address, e-mail, phone …) becomes REDACTED_CELL.
 * A column header that names someone is redacted too. The requester's own data stays.
 */
export function redactDataset(
  dataset: Dataset,
  hidden: readonly PersonIdentifiers[],
  requester?: PersonIdentifiers,
): { dataset: Dataset; redactedCells: number } {
  let redactedCells = 0;
  const clean = (cell: string): string => {
    if (cell.trim() === '' || !hidden.some((p) => findMentions(cell, p, requester).length > 0)) return cell;
    redactedCells += 1;
    return REDACTED_CELL;
  };
  const columns = dataset.columns.map(clean);
  const rows = dataset.rows.map((r) => r.map(clean));
  return { dataset: { columns, rows }, redactedCells };
}
