import { unzipSync } from 'fflate';
import { DatasetError, MAX_DATASET_COLUMNS, MAX_DATASET_ROWS, type Dataset } from '../../../shared/dossier/datasets.js';

/**
 * The first worksheet of an XLSX file as a table of text, read with fflate and the sheet XML
 * itself. Safe by construction: only the four parts needed are inflated, each at most 50 MB
 * uncompressed (a zip bomb stops at the size in its directory); the XML is scanned with patterns,
 * never given to a parser, so no DTD, entity expansion or external reference is ever processed —
 * only the five predefined entities and character references are decoded.
 */
const MAX_PART_BYTES = 50 * 1024 * 1024;

function decode(xml: string): string {
  return xml.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/giu, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return named[e.toLowerCase()] ?? '';
  });
}

/** The text runs of a string item (<si> or <is>): phonetic runs (<rPh>) are not part of the value. */
function textOf(item: string): string {
  return decode([...item.replace(/<rPh\b[\s\S]*?<\/rPh>/gu, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/gu)].map((m) => m[1] ?? '').join(''));
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/u.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

export function parseXlsx(bytes: Uint8Array): Dataset {
  const text = new TextDecoder();
  let parts: Record<string, Uint8Array>;
  try {
    const wanted = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml']);
    parts = unzipSync(bytes, { filter: (f) => (wanted.has(f.name) || /^xl\/worksheets\/sheet\d+\.xml$/u.test(f.name)) && f.originalSize <= MAX_PART_BYTES });
  } catch {
    throw new DatasetError('Het Excel-bestand (XLSX) is niet leesbaar.');
  }
  const workbook = parts['xl/workbook.xml'];
  const rels = parts['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) throw new DatasetError('Het Excel-bestand (XLSX) is niet leesbaar.');
  const firstSheet = /<sheet\b[^>]*\br:id="([^"]+)"/u.exec(text.decode(workbook))?.[1];
  const target = [...text.decode(rels).matchAll(/<Relationship\b[^>]*>/gu)].map((m) => m[0]).find((r) => r.includes(`Id="${firstSheet ?? ''}"`));
  const path = target ? /Target="([^"]+)"/u.exec(target)?.[1] : undefined;
  const sheet = path ? parts[path.startsWith('/') ? path.slice(1) : `xl/${path}`] : undefined;
  if (!sheet) throw new DatasetError('Het Excel-bestand (XLSX) heeft geen werkblad.');
  const shared = parts['xl/sharedStrings.xml'];
  const strings = shared ? [...text.decode(shared).matchAll(/<si>([\s\S]*?)<\/si>/gu)].map((m) => textOf(m[1] ?? '')) : [];

  const grid: string[][] = [];
  for (const row of text.decode(sheet).matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/gu)) {
    if (grid.length > MAX_DATASET_ROWS) throw new DatasetError(`Het bestand heeft meer dan ${String(MAX_DATASET_ROWS)} rijen.`);
    const cells: string[] = [];
    let next = 0;
    for (const c of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/gu)) {
      const attrs = c[1] ?? '';
      const ref = /\br="([A-Z]+\d+)"/u.exec(attrs)?.[1];
      const index = ref ? columnIndex(ref) : next;
      if (index >= MAX_DATASET_COLUMNS) throw new DatasetError(`Het bestand heeft meer dan ${String(MAX_DATASET_COLUMNS)} kolommen.`);
      const type = /\bt="([^"]+)"/u.exec(attrs)?.[1] ?? 'n';
      const inner = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/u.exec(inner)?.[1];
      cells[index] =
        type === 's'
          ? (strings[Number(v)] ?? '')
          : type === 'inlineStr'
            ? textOf(inner)
            : type === 'b'
              ? v === '1'
                ? 'WAAR'
                : 'ONWAAR'
              : v === undefined
                ? ''
                : decode(v);
      next = index + 1;
    }
    grid.push(Array.from({ length: cells.length }, (_, i) => cells[i] ?? ''));
  }
  const [header, ...rows] = grid.filter((r) => r.some((c) => c.trim() !== ''));
  if (!header) throw new DatasetError('Het werkblad is leeg.');
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  return {
    columns: Array.from({ length: width }, (_, i) => header[i]?.trim() || `kolom ${String(i + 1)}`),
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
  };
}
