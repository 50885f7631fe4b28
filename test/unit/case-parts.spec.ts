import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { getTableColumns } from 'drizzle-orm';
import * as central from '../../db/central/schema.js';
import { CASE_PARTS, centralColumns, SHREDDED_ROLES } from '../../db/local/cases/case-parts.js';
import { hasLocalCaseFile } from '../../db/local/handover/repository.js';
import { deleteCaseRows, destroyLetterRows, shredCaseRows } from '../../db/local/retention/repository.js';
import { freshStores } from '../support/store.js';
import { sqlWhere } from '../support/case-parts.js';

/**
 * The registry of what belongs to a case held against the store itself, after every migration:
 * a table or column the registry does not claim fails here, and so does a personal column that
 * shredding leaves behind. The store is the real SQLCipher one the app opens.
 */

const freshStore = freshStores();

type Sqlite = Database.Database;

function columnsOf(sqlite: Sqlite, table: string): string[] {
  return (sqlite.prepare('SELECT name, hidden FROM pragma_table_xinfo(?)').all(table) as { name: string; hidden: number }[])
    .filter((c) => c.hidden === 0)
    .map((c) => c.name);
}

/**
 * What the schema says belongs to a case: `cases`, every table with a `case_id` column, and every
 * table with a foreign key to one of those (a redacted version hangs off a document).
 */
function caseTablesOf(sqlite: Sqlite): Set<string> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const found = new Set(['cases', ...tables.filter((t) => columnsOf(sqlite, t).includes('case_id'))]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of tables) {
      if (found.has(t)) continue;
      const parents = (sqlite.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(t) as string[]).filter((p) => p !== 'staff');
      if (parents.some((p) => found.has(p) && p !== 'processing_activities')) {
        found.add(t);
        grew = true;
      }
    }
  }
  return found;
}

/** Everything the schema has of a case that the registry does not claim (and claims the schema does not have). */
function unclaimed(sqlite: Sqlite): string[] {
  const problems: string[] = [];
  const registered = new Map(CASE_PARTS.map((p) => [p.name, p]));
  for (const table of caseTablesOf(sqlite)) if (!registered.has(table)) problems.push(`table ${table} is not in CASE_PARTS`);
  for (const part of CASE_PARTS) {
    const actual = columnsOf(sqlite, part.name);
    if (actual.length === 0) problems.push(`CASE_PARTS names ${part.name}, which the store does not have`);
    for (const column of actual) if (!(column in part.columns)) problems.push(`column ${part.name}.${column} is not in CASE_PARTS`);
    for (const column of Object.keys(part.columns))
      if (!actual.includes(column)) problems.push(`CASE_PARTS names ${part.name}.${column}, which the store does not have`);
  }
  return problems;
}

/** Column names that say they hold a person's data; such a column must not be classed as plain data. */
const PERSONAL_NAME = /(^|_)(name|birth|address|email|phone|requester|representative|iban|bsn|text|comment|reason|note|description|terms|content|data)(_|$)/u;
/** Columns whose name sounds personal but that hold a category picked from a list. */
const NOT_PERSONAL = new Set(['cases.requester_relation', 'cases.representative_kind']);

const MARK = 'MERKTEKEN';

/**
 * One row in every part for the case, every column filled: personal and key columns with a marker
 * naming where it sits, the others with a value unique to the case (foreign keys off, so no part
 * needs a real parent).
 */
function fillCase(sqlite: Sqlite, caseId: string): void {
  sqlite.pragma('foreign_keys = OFF');
  for (const part of CASE_PARTS) {
    const values = Object.entries(part.columns).map(([column, role]) => {
      const { link } = part;
      if (link.kind === 'column' && column === link.column) return caseId;
      if (link.kind === 'parent' && column === link.column) return `id-${caseId}-${link.parent}`;
      if (part.name === 'outbox' && column === 'payload') return JSON.stringify({ caseId });
      if (part.name === 'outbox' && column === 'kind') return 'decision';
      if (part.name === 'outbox' && column === 'sent_at') return null;
      // The index's integer key: SQLite assigns it.
      if (part.name === 'case_search_keys' && column === 'id') return null;
      if (column === 'id') return `id-${caseId}-${part.name}`;
      if (role === 'key') return Buffer.from(`${MARK} ${part.name}.${column}`);
      if ((SHREDDED_ROLES as readonly string[]).includes(role)) return `${MARK} ${part.name}.${column}`;
      return `${column}-${caseId}`;
    });
    const columns = Object.keys(part.columns);
    sqlite.prepare(`INSERT INTO "${part.name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...values);
  }
  sqlite.pragma('foreign_keys = ON');
}

/** Every place a marker of the case is still readable, as `table.column`. */
function markersLeft(sqlite: Sqlite, caseId: string): string[] {
  const left: string[] = [];
  for (const part of CASE_PARTS) {
    for (const [column, role] of Object.entries(part.columns)) {
      if (!(SHREDDED_ROLES as readonly string[]).includes(role)) continue;
      const n = sqlite
        .prepare(`SELECT count(*) FROM "${part.name}" WHERE ${sqlWhere(part)} AND CAST("${column}" AS TEXT) LIKE ?`)
        .pluck()
        .get(caseId, `%${MARK}%`) as number;
      if (n > 0) left.push(`${part.name}.${column}`);
    }
  }
  return left;
}

function rowCounts(sqlite: Sqlite, caseId: string): Record<string, number> {
  return Object.fromEntries(
    CASE_PARTS.map((p) => [
      p.name,
      sqlite
        .prepare(`SELECT count(*) FROM "${p.name}" WHERE ${sqlWhere(p)}`)
        .pluck()
        .get(caseId) as number,
    ]),
  );
}

describe('what belongs to a case (CASE_PARTS) against the migrated store', () => {
  it('claims every table that names a case and every column of it, and nothing the store does not have', () => {
    const store = freshStore();
    expect(unclaimed(store.sqlite)).toEqual([]);
  });

  it('reports a column or a table the registry does not claim', () => {
    const store = freshStore();
    store.sqlite.exec('ALTER TABLE third_parties ADD COLUMN nickname TEXT');
    store.sqlite.exec('CREATE TABLE case_notes (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, body TEXT)');
    store.sqlite.exec('CREATE TABLE note_attachments (id TEXT PRIMARY KEY, note_id TEXT REFERENCES case_notes(id))');
    expect(unclaimed(store.sqlite)).toEqual([
      'table case_notes is not in CASE_PARTS',
      'table note_attachments is not in CASE_PARTS',
      'column third_parties.nickname is not in CASE_PARTS',
    ]);
  });

  it('classes every column whose name sounds personal as personal (requester, third party, dossier, note or key)', () => {
    const store = freshStore();
    const plain: string[] = [];
    for (const table of caseTablesOf(store.sqlite)) {
      const part = CASE_PARTS.find((p) => p.name === table);
      for (const column of columnsOf(store.sqlite, table)) {
        const role = part?.columns[column];
        if (
          PERSONAL_NAME.test(column) &&
          !NOT_PERSONAL.has(`${table}.${column}`) &&
          (role === undefined || role === 'data' || role === 'staff' || role === 'staffList' || role === 'file')
        )
          plain.push(`${table}.${column}`);
      }
    }
    expect(plain).toEqual([]);
  });

  it('says for every personal or key column how shredding removes it', () => {
    const loose: string[] = [];
    for (const part of CASE_PARTS) {
      for (const [column, role] of Object.entries(part.columns)) {
        if (!(SHREDDED_ROLES as readonly string[]).includes(role)) continue;
        const removed = part.shred === 'delete' || (typeof part.shred === 'object' && column in part.shred.blank);
        if (!removed) loose.push(`${part.name}.${column}`);
      }
    }
    expect(loose).toEqual([]);
  });

  it('shredding leaves no personal value or key of the case in any part, and touches no other case', () => {
    const store = freshStore();
    const caseId = randomUUID();
    const other = randomUUID();
    fillCase(store.sqlite, caseId);
    fillCase(store.sqlite, other);
    expect(markersLeft(store.sqlite, caseId).length).toBeGreaterThan(20);
    expect(hasLocalCaseFile(store.db, caseId)).toBe(true);

    const shredded = store.db.transaction((tx) => shredCaseRows(tx, caseId, '2026-12-01T10:00:00.000Z'));
    expect(markersLeft(store.sqlite, caseId)).toEqual([]);
    // Every file the parts named, so its ciphertext can go.
    expect(new Set(shredded.fileIds)).toEqual(new Set([`id-${caseId}-case_files`, ...['file_id', 'pdf_file_id'].map((c) => `${c}-${caseId}`)]));
    expect(hasLocalCaseFile(store.db, caseId)).toBe(CASE_PARTS.some((p) => p.localFile && p.shred !== 'delete'));
    expect(markersLeft(store.sqlite, other).length).toBeGreaterThan(20);

    // Destruction removes what it deletes and keeps what records the destruction.
    const before = rowCounts(store.sqlite, caseId);
    store.db.transaction((tx) => deleteCaseRows(tx, caseId));
    const after = rowCounts(store.sqlite, caseId);
    for (const part of CASE_PARTS) {
      expect(after[part.name], part.name).toBe(part.destroy === 'delete' ? 0 : before[part.name]);
    }
    expect(Object.values(rowCounts(store.sqlite, other)).every((n) => n === 1)).toBe(true);
  });

  it("destroying a case's letters on their own term removes their text and keys, nothing else", () => {
    const store = freshStore();
    const caseId = randomUUID();
    fillCase(store.sqlite, caseId);
    store.db.transaction((tx) => destroyLetterRows(tx, caseId));
    const left = markersLeft(store.sqlite, caseId);
    expect(left.filter((c) => c.startsWith('letters.'))).toEqual([]);
    expect(left).toContain('third_parties.name');
  });

  it("maps who asked one to one onto the central requester table, the push's and the pull's column list", () => {
    const requesterTable = Object.values(getTableColumns(central.caseRequesters))
      .map((c) => c.name)
      .filter((c) => c !== 'case_id' && c !== 'change_xid');
    expect(
      centralColumns('case_requesters')
        .map((c) => c.column)
        .sort(),
    ).toEqual(requesterTable.sort());
    const casesTable = Object.values(getTableColumns(central.cases)).map((c) => c.name);
    for (const c of centralColumns('cases')) expect(casesTable).toContain(c.column);
    // Every requester column of the case row travels: none is left only on one desktop.
    const cases = CASE_PARTS.find((p) => p.name === 'cases');
    const mapped = new Set(Object.keys(cases?.central ?? {}).map((k) => cases?.sqlNames[k]));
    const requesterOnly = Object.entries(cases?.columns ?? {}).filter(([column, role]) => role === 'requester' && !mapped.has(column));
    expect(requesterOnly).toEqual([]);
  });
});
