import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { CASE_PARTS, columnsWithRole, propertiesWithRole, rowsOfCase, type CasePart } from '../cases/case-parts.js';
import { holdsCaseFile } from '../cases/case-rows.js';
import { outboxStaffIds, remapOutboxStaff } from '../sync/outbox-kinds.js';
import type { LocalDb } from '../database.js';
import { handoverExports } from './schema.js';
import { type decisions, type letters, processingActivities } from '../letters/schema.js';
import type { outbox } from '../sync/schema.js';
import { type caseRetention, type legalHolds } from '../retention/schema.js';
import { type datasets, type sourceSearches } from '../dossier/schema.js';
import { type caseFiles, type caseTasks, type cases, type documents, type identityChecks, type redactedVersions, staff, type thirdParties } from '../schema.js';

export type HandoverExportRow = typeof handoverExports.$inferSelect;

/**
 * Every local row of one case, as a handover bundle carries it (main/handover): one field
 * per part CASE_PARTS marks as carried. Keys are left out: the receiving desktop makes its own
 * case key and wraps every file again.
 */
export interface CaseContent {
  case: typeof cases.$inferSelect;
  tasks: (typeof caseTasks.$inferSelect)[];
  identityChecks: (typeof identityChecks.$inferSelect)[];
  files: Omit<typeof caseFiles.$inferSelect, 'wrappedKey'>[];
  documents: (typeof documents.$inferSelect)[];
  thirdParties: (typeof thirdParties.$inferSelect)[];
  redactedVersions: (typeof redactedVersions.$inferSelect)[];
  sourceSearches: (typeof sourceSearches.$inferSelect)[];
  datasets: (typeof datasets.$inferSelect)[];
  letters: Omit<typeof letters.$inferSelect, 'fileKey'>[];
  decisions: (typeof decisions.$inferSelect)[];
  /** The processing register entries the case ticked (the other desktop may not have them yet). */
  activities: (typeof processingActivities.$inferSelect)[];
  activityIds: string[];
  retention: typeof caseRetention.$inferSelect | null;
  holds: (typeof legalHolds.$inferSelect)[];
  /** Decisions and letters of the case not yet sent to the central database: the new desktop sends them (same ids). */
  outbox: (typeof outbox.$inferSelect)[];
}

type Carried = CasePart & { table: SQLiteTable; handover: Extract<CasePart['handover'], { carried: true }> };

/** The parts a bundle carries, in insertion order. */
export const CARRIED_PARTS: readonly Carried[] = CASE_PARTS.filter((p): p is Carried => p.handover.carried && p.table !== undefined);

function withoutKeys(part: CasePart, row: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set(propertiesWithRole(part, ['key']));
  return Object.fromEntries(Object.entries(row).filter(([k]) => !keys.has(k)));
}

export function readCaseContent(db: LocalDb, caseId: string): CaseContent | undefined {
  const content: Record<string, unknown> = {};
  for (const part of CARRIED_PARTS) {
    const { order, only, shape, key } = part.handover;
    const where = only ? and(rowsOfCase(part, caseId), sql.raw(only)) : rowsOfCase(part, caseId);
    const rows = (
      db
        .select()
        .from(part.table)
        .where(where)
        .orderBy(...order.map((c) => sql`${sql.identifier(c)}`))
        .all() as Record<string, unknown>[]
    ).map((r) => withoutKeys(part, r));
    if (shape === 'one') {
      if (!rows[0]) return undefined;
      content[key] = rows[0];
    } else if (shape === 'oneOrNone') content[key] = rows[0] ?? null;
    else if (shape === 'activityIds') content[key] = rows.map((r) => r.activityId);
    else content[key] = rows;
  }
  const activityIds = content.activityIds as string[];
  content.activities = activityIds.length === 0 ? [] : db.select().from(processingActivities).where(inArray(processingActivities.id, activityIds)).all();
  return content as unknown as CaseContent;
}

/** The wrapped key of every file of the case (case files and signed letters), by file id. */
export function wrappedKeysOf(db: LocalDb, caseId: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  // A part with a key column wraps the file its file column names (the case key itself names no file).
  for (const part of CASE_PARTS) {
    const [fileColumn] = columnsWithRole(part, ['file']);
    if (!fileColumn) continue;
    for (const keyColumn of columnsWithRole(part, ['key'])) {
      const rows = db.all<{ id: string | null; key: Buffer | null }>(
        sql`SELECT ${sql.identifier(fileColumn)} AS id, ${sql.identifier(keyColumn)} AS key FROM ${sql.identifier(part.name)} WHERE ${rowsOfCase(part, caseId)}`,
      );
      for (const r of rows) if (r.id && r.key) keys.set(r.id, r.key);
    }
  }
  return keys;
}

/**
 * Whether this desktop holds anything of the case beyond its register row (what a pull from the
 * central database brings): a key, a file, a dossier, a letter or an identity check.
 */
export function hasLocalCaseFile(db: LocalDb, caseId: string): boolean {
  return holdsCaseFile(db, caseId);
}

/**
 * Inserts the dependent rows of an imported case (the case row itself goes through
 * repositories/cases.ts). A part's key column gets the key its file was wrapped with here.
 */
export function insertCaseContent(db: LocalDb, content: CaseContent, wrappedKeys: ReadonlyMap<string, Buffer>): void {
  const key = (fileId: unknown): Buffer | null => {
    if (typeof fileId !== 'string') return null;
    const wrapped = wrappedKeys.get(fileId);
    if (!wrapped) throw new Error('file of the bundle without a new key');
    return wrapped;
  };
  for (const row of content.activities) db.insert(processingActivities).values(row).onConflictDoNothing().run();
  const fields = content as unknown as Record<string, unknown>;
  for (const part of CARRIED_PARTS) {
    const { shape, ifAbsent } = part.handover;
    if (shape === 'one') continue;
    const value = fields[part.handover.key];
    const rows =
      shape === 'activityIds'
        ? ((value ?? []) as string[]).map((activityId) => ({ caseId: content.case.id, activityId }))
        : shape === 'oneOrNone'
          ? value
            ? [value]
            : []
          : ((value ?? []) as unknown[]);
    const keyColumns = propertiesWithRole(part, ['key']);
    const [fileColumn] = propertiesWithRole(part, ['file']);
    for (const row of rows as Record<string, unknown>[]) {
      const keys = Object.fromEntries(keyColumns.map((k) => [k, key(fileColumn ? row[fileColumn] : undefined)]));
      const insert = db.insert(part.table).values({ ...row, ...keys });
      if (ifAbsent) insert.onConflictDoNothing().run();
      else insert.run();
    }
  }
}

/** Each carried row of a content with the part it belongs to. */
export function carriedRows(content: CaseContent): { part: Carried; row: Record<string, unknown> }[] {
  const fields = content as unknown as Record<string, unknown>;
  return CARRIED_PARTS.flatMap((part) => {
    const value = fields[part.handover.key];
    const rows = part.handover.shape === 'activityIds' ? [] : Array.isArray(value) ? value : value ? [value] : [];
    return (rows as Record<string, unknown>[]).map((row) => ({ part, row }));
  });
}

/** Every local staff id the case's rows name (its staff columns and its outbox payloads). */
export function staffIdsOfContent(content: CaseContent): string[] {
  const ids = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string') ids.add(v);
  };
  for (const { part, row } of carriedRows(content)) {
    for (const k of propertiesWithRole(part, ['staff'])) add(row[k]);
    for (const k of propertiesWithRole(part, ['staffList'])) for (const v of row[k] as unknown[]) add(v);
  }
  for (const r of content.outbox) outboxStaffIds(r).forEach(add);
  return [...ids];
}

/** The content with every staff id replaced by `id(staffId)` (which throws for a person it does not know). */
export function mapContentStaff(content: CaseContent, id: (staffId: string) => string): CaseContent {
  const fields = content as unknown as Record<string, unknown>;
  const mapped: Record<string, unknown> = { ...fields };
  for (const part of CARRIED_PARTS) {
    const { key, shape } = part.handover;
    if (shape === 'activityIds') continue;
    const staff = propertiesWithRole(part, ['staff']);
    const lists = propertiesWithRole(part, ['staffList']);
    const mapRow = (row: Record<string, unknown>): Record<string, unknown> => {
      const out = { ...row };
      for (const k of staff) if (typeof out[k] === 'string') out[k] = id(out[k]);
      for (const k of lists) out[k] = (out[k] as string[]).map(id);
      if (part.name === 'outbox') out.payload = remapOutboxStaff(row as { kind: string; payload: unknown }, id);
      return out;
    };
    const value = fields[key];
    mapped[key] = Array.isArray(value) ? (value as Record<string, unknown>[]).map(mapRow) : value ? mapRow(value as Record<string, unknown>) : value;
  }
  return mapped as unknown as CaseContent;
}

export type StaffRef = Pick<typeof staff.$inferSelect, 'id' | 'userName' | 'fullName' | 'roles' | 'centralId'>;

export function staffRefs(db: LocalDb, ids: readonly string[]): StaffRef[] {
  if (ids.length === 0) return [];
  return db
    .select({ id: staff.id, userName: staff.userName, fullName: staff.fullName, roles: staff.roles, centralId: staff.centralId })
    .from(staff)
    .where(inArray(staff.id, [...ids]))
    .all();
}

/** The same person on this desktop: by central id, else by user name (as the sync links them). */
export function findLocalStaff(db: LocalDb, ref: StaffRef): string | undefined {
  const byCentral = ref.centralId ? db.select({ id: staff.id }).from(staff).where(eq(staff.centralId, ref.centralId)).get() : undefined;
  return (byCentral ?? db.select({ id: staff.id }).from(staff).where(eq(staff.userName, ref.userName)).get())?.id;
}

export function insertHandoverExport(db: LocalDb, row: HandoverExportRow): void {
  db.insert(handoverExports).values(row).run();
}

export function findHandoverExport(db: LocalDb, bundleSha256: string): HandoverExportRow | undefined {
  return db.select().from(handoverExports).where(eq(handoverExports.bundleSha256, bundleSha256)).get();
}

export function confirmHandoverExport(db: LocalDb, id: string, at: string): boolean {
  return (
    db
      .update(handoverExports)
      .set({ confirmedAt: at })
      .where(and(eq(handoverExports.id, id), isNull(handoverExports.confirmedAt)))
      .run().changes > 0
  );
}

/** After a confirmed handover: this desktop's unsent entries of the case travelled with the bundle. */
export function dropCaseOutbox(db: LocalDb, caseId: string): void {
  db.run(sql`DELETE FROM outbox WHERE sent_at IS NULL AND kind IN ('case', 'decision', 'letter') AND json_extract(payload, '$.caseId') = ${caseId}`);
}
