import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { LocalDb } from '../../../db/local/database.js';
import { readCaseContent, wrappedKeysOf, staffRefs, type CaseContent, type StaffRef } from '../../../db/local/repositories/handover.js';
import type { CaseVault } from '../case-vault.js';
import { DomainError } from '../errors.js';
import { DAMAGED } from './bundle.js';

/**
 * What a handover bundle carries once decrypted: a JSON manifest (every row of the case, the staff
 * its rows name, each file's place and SHA-256) followed by every case file's plaintext.
 *
 *   u32 manifest length ‖ manifest (UTF-8 JSON) ‖ file bytes, in manifest order
 */
export const CONTENT_FORMAT = 1;

export interface BundleFile {
  id: string;
  offset: number;
  length: number;
  sha256: string;
}

export interface Manifest {
  format: number;
  caseId: string;
  exportedAt: string;
  /** Local id (on the exporting desktop) of the staff member who exported. */
  exportedBy: string;
  staff: StaffRef[];
  content: CaseContent;
  files: BundleFile[];
}

export interface Contents {
  manifest: Manifest;
  files: Map<string, Buffer>;
}

const UUID = z.uuid();

/** The outer shape, checked before anything is trusted; row contents are checked against the case below. */
const manifestShape = z.object({
  format: z.literal(CONTENT_FORMAT),
  caseId: UUID,
  exportedAt: z.string(),
  exportedBy: UUID,
  staff: z.array(z.object({ id: UUID, userName: z.string().min(1), fullName: z.string(), roles: z.array(z.string()), centralId: z.string().nullable() })),
  content: z.object({
    case: z.object({ id: UUID, reference: z.string() }).loose(),
    tasks: z.array(z.object({ caseId: UUID }).loose()),
    identityChecks: z.array(z.object({ caseId: UUID }).loose()),
    files: z.array(z.object({ id: UUID, caseId: UUID }).loose()),
    documents: z.array(z.object({ id: UUID, caseId: UUID }).loose()),
    thirdParties: z.array(z.object({ caseId: UUID }).loose()),
    redactedVersions: z.array(z.object({ documentId: UUID }).loose()),
    letters: z.array(z.object({ caseId: UUID, fileId: UUID.nullable() }).loose()),
    decisions: z.array(z.object({ caseId: UUID }).loose()),
    activities: z.array(z.object({ id: z.string() }).loose()),
    activityIds: z.array(z.string()),
    retention: z.object({ caseId: UUID }).loose().nullable(),
    holds: z.array(z.object({ caseId: UUID }).loose()),
    outbox: z.array(z.object({ id: UUID, kind: z.string() }).loose()),
  }),
  files: z.array(z.object({ id: UUID, offset: z.number().int().min(0), length: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/u) })),
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every staff id the case's rows name, so the other desktop can find (or add) the same people. */
function staffIdsOf(content: CaseContent, exportedBy: string): string[] {
  const ids = new Set<string | null | undefined>([exportedBy, content.case.handlerId, content.case.createdBy, content.case.changeVerifiedBy]);
  for (const r of content.identityChecks) ids.add(r.verifiedBy);
  for (const r of content.files) [r.createdBy, r.maskedBy].forEach((id) => ids.add(id));
  for (const r of content.documents) ids.add(r.createdBy);
  for (const r of content.redactedVersions) ids.add(r.createdBy);
  for (const r of content.letters) [r.draftedBy, r.returnedBy, r.signedBy, r.sentBy, ...r.authorIds].forEach((id) => ids.add(id));
  for (const r of content.decisions) ids.add(r.signedBy);
  for (const r of content.holds) [r.placedBy, r.liftedBy].forEach((id) => ids.add(id));
  for (const r of content.outbox) [r.payload.draftedBy, r.payload.signedBy].forEach((id) => ids.add(typeof id === 'string' ? id : null));
  return [...ids].filter((id): id is string => typeof id === 'string');
}

/**
 * Reads every row of the case and decrypts every file of it (dossier, ID copies, renditions,
 * redacted versions, signed letters), in memory. Throws when a file cannot be read: a bundle
 * never leaves anything behind silently.
 */
export function collectCase(db: LocalDb, caseVault: CaseVault, caseId: string, exportedBy: string, exportedAt: string): Contents {
  const content = readCaseContent(db, caseId);
  if (!content) throw new DomainError('NOT_FOUND', 'Deze zaak bestaat niet.');
  const keys = wrappedKeysOf(db, caseId);
  const files = new Map<string, Buffer>();
  const rows = [
    ...content.files,
    ...content.letters.flatMap((l) => (l.fileId ? [{ id: l.fileId, caseId, kind: 'document' as const, subject: null, mime: 'application/pdf', size: l.fileSize ?? 0, width: null, height: null, sha256: l.sha256 ?? '', masked: false, maskedBy: null, maskedAt: null, createdBy: l.draftedBy, createdAt: l.draftedAt }] : [])),
  ];
  for (const row of rows) {
    const wrappedKey = keys.get(row.id);
    if (!wrappedKey) throw new DomainError('CONFLICT', 'De bestanden van deze zaak zijn op deze computer vernietigd; de zaak kan niet worden overgedragen.');
    if (!files.has(row.id)) files.set(row.id, caseVault.read(db, { ...row, wrappedKey }));
  }
  return {
    manifest: { format: CONTENT_FORMAT, caseId, exportedAt, exportedBy, staff: staffRefs(db, staffIdsOf(content, exportedBy)), content, files: [] },
    files,
  };
}

export function encodeContents({ manifest, files }: Contents): Buffer {
  let offset = 0;
  const list: BundleFile[] = [];
  for (const [id, bytes] of files) {
    list.push({ id, offset, length: bytes.length, sha256: sha256(bytes) });
    offset += bytes.length;
  }
  const json = Buffer.from(JSON.stringify({ ...manifest, files: list }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length, 0);
  return Buffer.concat([length, json, ...files.values()]);
}

function damaged(): DomainError {
  return new DomainError('VALIDATION', DAMAGED);
}

/** The inverse of encodeContents, with every row checked to belong to the bundle's case and every file to its SHA-256. */
export function decodeContents(plaintext: Buffer): Contents {
  if (plaintext.length < 4) throw damaged();
  const length = plaintext.readUInt32BE(0);
  if (4 + length > plaintext.length) throw damaged();
  let raw: unknown;
  try {
    raw = JSON.parse(plaintext.subarray(4, 4 + length).toString('utf8'));
  } catch {
    throw damaged();
  }
  const parsed = manifestShape.safeParse(raw);
  if (!parsed.success) throw damaged();
  const manifest = raw as Manifest;
  const { caseId, content } = manifest;
  const ofCase = [content.tasks, content.identityChecks, content.files, content.documents, content.thirdParties, content.letters, content.decisions, content.holds].every((rows) =>
    rows.every((r) => r.caseId === caseId),
  );
  const documentIds = new Set(content.documents.map((d) => d.id));
  if (content.case.id !== caseId || !ofCase || (content.retention && content.retention.caseId !== caseId) || !content.redactedVersions.every((r) => documentIds.has(r.documentId))) throw damaged();
  const body = plaintext.subarray(4 + length);
  const files = new Map<string, Buffer>();
  for (const f of manifest.files) {
    const bytes = body.subarray(f.offset, f.offset + f.length);
    if (bytes.length !== f.length || sha256(bytes) !== f.sha256) throw damaged();
    files.set(f.id, bytes);
  }
  const needed = [...content.files.map((f) => f.id), ...content.letters.flatMap((l) => (l.fileId ? [l.fileId] : []))];
  if (!needed.every((id) => files.has(id))) throw damaged();
  return { manifest, files };
}
