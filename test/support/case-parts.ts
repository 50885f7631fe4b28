import type { CasePart } from '../../db/local/cases/case-parts.js';

/** A part's rows of one case as plain SQL with one `?` for the case id (for better-sqlite3 statements in tests). */
export function sqlWhere(part: CasePart): string {
  const { link } = part;
  if (link.kind === 'column') return `"${link.column}" = ?`;
  if (link.kind === 'parent') return `"${link.column}" IN (SELECT id FROM "${link.parent}" WHERE "${link.parentColumn}" = ?)`;
  return `json_extract(payload, '$.${link.field}') = ?`;
}
