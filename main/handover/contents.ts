import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import {
  CARRIED_PARTS,
  carriedRows,
  readCaseContent,
  staffIdsOfContent,
  staffRefs,
  wrappedKeysOf,
  type CaseContent,
  type StaffRef,
} from '../../db/local/handover/repository.js';
import type { CaseVault } from '../platform/case-vault.js';
import { DomainError } from '../platform/errors.js';
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

/** A carried part's rows in the manifest: each must name the bundle's case (checked in decodeContents). */
function partShape(part: (typeof CARRIED_PARTS)[number]): z.ZodType {
  const link = part.link.kind === 'column' ? part.link.column : part.link.kind === 'parent' ? part.link.column : undefined;
  const linkKey = link ? Object.entries(part.sqlNames).find(([, column]) => column === link)?.[0] : undefined;
  const row = z.object(linkKey ? { [linkKey]: UUID } : {}).loose();
  const shape = part.handover.shape;
  const schema = shape === 'one' ? row : shape === 'oneOrNone' ? row.nullable() : shape === 'activityIds' ? z.array(z.string()) : z.array(row);
  return part.handover.mayBeAbsent ? schema.optional().transform((v) => v ?? []) : schema;
}

/** The outer shape, checked before anything is trusted; row contents are checked against the case below. */
const manifestShape = z.object({
  format: z.literal(CONTENT_FORMAT),
  caseId: UUID,
  exportedAt: z.string(),
  exportedBy: UUID,
  staff: z.array(z.object({ id: UUID, userName: z.string().min(1), fullName: z.string(), roles: z.array(z.string()), centralId: z.string().nullable() })),
  content: z.object({
    ...Object.fromEntries(CARRIED_PARTS.map((part) => [part.handover.key, partShape(part)])),
    case: z.object({ id: UUID, reference: z.string() }).loose(),
    files: z.array(z.object({ id: UUID, caseId: UUID }).loose()),
    documents: z.array(z.object({ id: UUID, caseId: UUID }).loose()),
    letters: z.array(z.object({ caseId: UUID, fileId: UUID.nullable() }).loose()),
    activities: z.array(z.object({ id: z.string() }).loose()),
    outbox: z.array(z.object({ id: UUID, kind: z.string() }).loose()),
  }),
  files: z.array(z.object({ id: UUID, offset: z.number().int().min(0), length: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/u) })),
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every staff id the case's rows name, so the other desktop can find (or add) the same people. */
function staffIdsOf(content: CaseContent, exportedBy: string): string[] {
  return [...new Set([exportedBy, ...staffIdsOfContent(content)])];
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
    ...content.letters.flatMap((l) =>
      l.fileId
        ? [
            {
              id: l.fileId,
              caseId,
              kind: 'document' as const,
              subject: null,
              mime: 'application/pdf',
              size: l.fileSize ?? 0,
              width: null,
              height: null,
              sha256: l.sha256 ?? '',
              masked: false,
              maskedBy: null,
              maskedAt: null,
              createdBy: l.draftedBy,
              createdAt: l.draftedAt,
            },
          ]
        : [],
    ),
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
  const manifest = { ...(raw as Manifest), content: parsed.data.content as unknown as CaseContent };
  const { caseId, content } = manifest;
  // Every row names the bundle's case, directly or through one of its documents.
  const documentIds = new Set(content.documents.map((d) => d.id));
  const ofCase = carriedRows(content).every(({ part, row }) => {
    const { link } = part;
    if (link.kind === 'payload') return true;
    const key = Object.entries(part.sqlNames).find(([, column]) => column === link.column)?.[0] ?? '';
    return link.kind === 'parent' ? link.parent === 'documents' && documentIds.has(String(row[key])) : row[key] === caseId;
  });
  if (!ofCase) throw damaged();
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
