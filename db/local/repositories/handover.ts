import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LocalDb } from '../database.js';
import { handoverExports } from '../schema-handover.js';
import { caseActivities, decisions, letters, outbox, processingActivities } from '../schema-letters.js';
import { caseRetention, legalHolds } from '../schema-retention.js';
import { caseFiles, caseTasks, cases, documents, identityChecks, redactedVersions, staff, thirdParties } from '../schema.js';

export type HandoverExportRow = typeof handoverExports.$inferSelect;

/**
 * Every local row of one case, as a handover bundle carries it (main/services/handover). Keys are
 * left out: the receiving desktop makes its own case key and wraps every file again.
 */
export interface CaseContent {
  case: typeof cases.$inferSelect;
  tasks: (typeof caseTasks.$inferSelect)[];
  identityChecks: (typeof identityChecks.$inferSelect)[];
  files: Omit<typeof caseFiles.$inferSelect, 'wrappedKey'>[];
  documents: (typeof documents.$inferSelect)[];
  thirdParties: (typeof thirdParties.$inferSelect)[];
  redactedVersions: (typeof redactedVersions.$inferSelect)[];
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

/** Kinds of outbox entries that travel with a case (the client's UUID keeps a resend harmless). */
const TRAVELLING_KINDS = ['decision', 'letter'];

export function readCaseContent(db: LocalDb, caseId: string): CaseContent | undefined {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) return undefined;
  const docs = db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(documents.createdAt, documents.id).all();
  const activityIds = db.select({ id: caseActivities.activityId }).from(caseActivities).where(eq(caseActivities.caseId, caseId)).all().map((r) => r.id);
  return {
    case: row,
    tasks: db.select().from(caseTasks).where(eq(caseTasks.caseId, caseId)).orderBy(caseTasks.createdAt, caseTasks.id).all(),
    identityChecks: db.select().from(identityChecks).where(eq(identityChecks.caseId, caseId)).orderBy(identityChecks.verifiedAt, identityChecks.id).all(),
    files: db
      .select()
      .from(caseFiles)
      .where(eq(caseFiles.caseId, caseId))
      .orderBy(caseFiles.createdAt, caseFiles.id)
      .all()
      .map(({ wrappedKey: _key, ...rest }) => rest),
    documents: docs,
    thirdParties: db.select().from(thirdParties).where(eq(thirdParties.caseId, caseId)).orderBy(thirdParties.createdAt, thirdParties.id).all(),
    redactedVersions:
      docs.length === 0
        ? []
        : db
            .select()
            .from(redactedVersions)
            .where(
              inArray(
                redactedVersions.documentId,
                docs.map((d) => d.id),
              ),
            )
            .orderBy(redactedVersions.createdAt, redactedVersions.id)
            .all(),
    letters: db
      .select()
      .from(letters)
      .where(eq(letters.caseId, caseId))
      .orderBy(letters.draftedAt, letters.id)
      .all()
      .map(({ fileKey: _key, ...rest }) => rest),
    decisions: db.select().from(decisions).where(eq(decisions.caseId, caseId)).orderBy(decisions.createdAt, decisions.id).all(),
    activities: activityIds.length === 0 ? [] : db.select().from(processingActivities).where(inArray(processingActivities.id, activityIds)).all(),
    activityIds,
    retention: db.select().from(caseRetention).where(eq(caseRetention.caseId, caseId)).get() ?? null,
    holds: db.select().from(legalHolds).where(eq(legalHolds.caseId, caseId)).orderBy(legalHolds.placedAt, legalHolds.id).all(),
    outbox: db
      .select()
      .from(outbox)
      .where(and(isNull(outbox.sentAt), inArray(outbox.kind, TRAVELLING_KINDS), sql`json_extract(${outbox.payload}, '$.caseId') = ${caseId}`))
      .orderBy(outbox.createdAt, outbox.id)
      .all(),
  };
}

/** The wrapped key of every file of the case (case files and signed letters), by file id. */
export function wrappedKeysOf(db: LocalDb, caseId: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const r of db.select({ id: caseFiles.id, key: caseFiles.wrappedKey }).from(caseFiles).where(eq(caseFiles.caseId, caseId)).all()) keys.set(r.id, r.key);
  for (const r of db.select({ id: letters.fileId, key: letters.fileKey }).from(letters).where(eq(letters.caseId, caseId)).all()) if (r.id && r.key) keys.set(r.id, r.key);
  return keys;
}

/**
 * Whether this desktop holds anything of the case beyond its register row (what a pull from the
 * central database brings): a key, a file, a dossier, a letter or an identity check.
 */
export function hasLocalCaseFile(db: LocalDb, caseId: string): boolean {
  const n = db.get<{ n: number }>(sql`
    SELECT (SELECT count(*) FROM case_keys WHERE case_id = ${caseId}) + (SELECT count(*) FROM case_files WHERE case_id = ${caseId})
         + (SELECT count(*) FROM documents WHERE case_id = ${caseId}) + (SELECT count(*) FROM third_parties WHERE case_id = ${caseId})
         + (SELECT count(*) FROM letters WHERE case_id = ${caseId}) + (SELECT count(*) FROM identity_checks WHERE case_id = ${caseId}) AS n`);
  return (n?.n ?? 0) > 0;
}

/** Inserts the dependent rows of an imported case (the case row itself goes through repositories/cases.ts). */
export function insertCaseContent(db: LocalDb, content: CaseContent, wrappedKeys: ReadonlyMap<string, Buffer>): void {
  const key = (fileId: string): Buffer => {
    const wrapped = wrappedKeys.get(fileId);
    if (!wrapped) throw new Error('file of the bundle without a new key');
    return wrapped;
  };
  for (const row of content.tasks) db.insert(caseTasks).values(row).onConflictDoNothing().run();
  for (const row of content.identityChecks) db.insert(identityChecks).values(row).run();
  for (const row of content.files) db.insert(caseFiles).values({ ...row, wrappedKey: key(row.id) }).run();
  for (const row of content.documents) db.insert(documents).values(row).run();
  for (const row of content.thirdParties) db.insert(thirdParties).values(row).run();
  for (const row of content.redactedVersions) db.insert(redactedVersions).values(row).run();
  for (const row of content.letters) db.insert(letters).values({ ...row, fileKey: row.fileId ? key(row.fileId) : null }).run();
  for (const row of content.decisions) db.insert(decisions).values(row).run();
  for (const row of content.activities) db.insert(processingActivities).values(row).onConflictDoNothing().run();
  for (const activityId of content.activityIds) db.insert(caseActivities).values({ caseId: content.case.id, activityId }).onConflictDoNothing().run();
  if (content.retention) db.insert(caseRetention).values(content.retention).onConflictDoNothing().run();
  for (const row of content.holds) db.insert(legalHolds).values(row).run();
  for (const row of content.outbox) db.insert(outbox).values(row).onConflictDoNothing().run();
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
  return db.update(handoverExports).set({ confirmedAt: at }).where(and(eq(handoverExports.id, id), isNull(handoverExports.confirmedAt))).run().changes > 0;
}

/** After a confirmed handover: this desktop's unsent entries of the case travelled with the bundle. */
export function dropCaseOutbox(db: LocalDb, caseId: string): void {
  db.run(sql`DELETE FROM outbox WHERE sent_at IS NULL AND kind IN ('case', 'decision', 'letter') AND json_extract(payload, '$.caseId') = ${caseId}`);
}
