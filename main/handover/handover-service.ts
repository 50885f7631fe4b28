import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve, sep } from 'node:path';
import { sql } from 'drizzle-orm';
import type { LocalDb } from '../../db/local/database.js';
import { findCase, insertCase, updateCase } from '../../db/local/cases/repository.js';
import {
  findHandoverExport,
  findLocalStaff,
  hasLocalCaseFile,
  insertCaseContent,
  insertHandoverExport,
  mapContentStaff,
  type CaseContent,
  type StaffRef,
} from '../../db/local/handover/repository.js';
import { insertOutbox } from '../../db/local/letters/repository.js';
import { insertStaff } from '../../db/local/staff/repository.js';
import type { HandoverExportResult, HandoverImportResult } from '../../shared/handover/handover-contract.js';
import { isClosed } from '../../shared/cases/cases.js';
import { passwordProblems } from '../../shared/staff/password.js';
import { ROLES, type Role } from '../../shared/staff/roles.js';
import { mayExportHandover } from '../../shared/cases/access.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { loadCase } from '../cases/case-access.js';
import type { CaseVault } from '../platform/case-vault.js';
import { DomainError } from '../platform/errors.js';
import { bundleSha256, openBundle, sealBundle } from './bundle.js';
import { collectCase, decodeContents, encodeContents, type Manifest } from './contents.js';

/** The outbox kind the central sync turns into a row of `handovers` (db/local/sync/outbox-kinds.ts). */
export const OUTBOX_HANDOVER = 'handover' as const;

/** A bundle larger than this is refused before it is read (1 GiB; a case file is far smaller). */
const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

/** Where a bundle may be written: an absolute path in an existing folder, outside the data folder, not over a file. */
function exportTarget(dataDir: string, path: string): string {
  if (!isAbsolute(path))
    throw new DomainError('VALIDATION', 'Geef een volledig pad voor het overdrachtsbestand, bijvoorbeeld op een USB-stick of een netwerkmap.');
  const target = resolve(path);
  const data = resolve(dataDir);
  if (target === data || target.startsWith(data + sep)) throw new DomainError('VALIDATION', 'Zet het overdrachtsbestand niet in de gegevensmap van AVG Desk.');
  if (!existsSync(dirname(target))) throw new DomainError('VALIDATION', 'De map voor het overdrachtsbestand bestaat niet.');
  if (existsSync(target)) throw new DomainError('CONFLICT', 'Dat bestand bestaat al. Kies een andere naam.');
  return target;
}

function readBundleFile(path: string): Buffer {
  if (!isAbsolute(path)) throw new DomainError('VALIDATION', 'Geef het volledige pad van het overdrachtsbestand.');
  try {
    if (statSync(path).size > MAX_BUNDLE_BYTES) throw new DomainError('VALIDATION', 'Dit bestand is te groot voor een overdrachtsbestand.');
    return readFileSync(path);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('NOT_FOUND', 'Het overdrachtsbestand is niet gevonden of kan niet worden gelezen.', { cause: error });
  }
}

/** Writes next to the target, fsyncs, and only then takes the real name: never a half bundle under it. */
function writeDurably(target: string, bytes: Buffer): string {
  const part = `${target}.part`;
  const fd = openSync(part, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return part;
}

/**
 * The people the bundle's rows name, on this desktop: the same person by central id or user name,
 * otherwise added without a password (known for names, cannot sign in here) — as the sync does.
 */
function mapStaff(db: LocalDb, refs: readonly StaffRef[], at: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const ref of refs) {
    let local = findLocalStaff(db, ref);
    if (!local) {
      local = randomUUID();
      const roles = ROLES.filter((r) => (ref.roles as readonly string[]).includes(r)) as Role[];
      insertStaff(db, {
        id: local,
        userName: ref.userName,
        fullName: ref.fullName,
        roles,
        active: false,
        centralId: ref.centralId,
        createdAt: at,
        updatedAt: at,
      });
    }
    map.set(ref.id, local);
  }
  return map;
}

/** The bundle's rows with every staff id replaced by this desktop's id of the same person. */
function remapStaff(content: CaseContent, map: ReadonlyMap<string, string>): CaseContent {
  return mapContentStaff(content, (value) => {
    const local = map.get(value);
    if (!local) throw new DomainError('VALIDATION', 'Het overdrachtsbestand noemt een medewerker die er niet in staat. Er is niets ingelezen.');
    return local;
  });
}

/**
 * Handing a case file over to a handler on another desktop: the export writes an
 * encrypted bundle and remembers its SHA-256; the import fills the case in on the new desktop and
 * tells the central database (outbox kind `handover`); the old desktop shreds its copy once the
 * central database reports the import (confirm.ts).
 */
export class HandoverService {
  constructor(
    private readonly vault: Vault,
    private readonly caseVault: CaseVault,
  ) {}

  /**
   * Allowed to the dpo, and to the handler the case is assigned to on this desktop (the one who
   * holds the file). Only open cases move; a closed case stays for retention.
   */
  async exportCase(ctx: CallContext, input: { caseId: string; path?: string | undefined; password: string }): Promise<HandoverExportResult> {
    const session = ctx.requireSession();
    const db = this.vault.open.db;
    const row = loadCase(db, ctx, input.caseId);
    if (!mayExportHandover(session, row)) {
      throw new DomainError('FORBIDDEN', 'Alleen de privacy officer of de behandelaar van deze zaak kan haar overdragen.');
    }
    if (isClosed(row.status))
      throw new DomainError('CONFLICT', 'Een afgesloten zaak wordt niet overgedragen; zij blijft hier tot de bewaartermijn verstrijkt.');
    const problems = passwordProblems(input.password);
    if (problems.length > 0) throw new DomainError('WEAK_PASSWORD', 'Het wachtwoord voor het overdrachtsbestand is niet sterk genoeg.', { details: problems });
    // Without a path the bundle goes back in the answer (browser mode's download), written nowhere here.
    const target = input.path === undefined ? undefined : exportTarget(this.vault.dataDir, input.path);
    const at = ctx.now.toISOString();
    const contents = collectCase(db, this.caseVault, row.id, session.staffId, at);
    const plaintext = encodeContents(contents);
    let bundle: Buffer;
    try {
      bundle = await sealBundle(plaintext, input.password, this.vault.kdfCost);
    } finally {
      plaintext.fill(0);
      for (const bytes of contents.files.values()) bytes.fill(0);
    }
    const sha256 = bundleSha256(bundle);
    const remember = () =>
      ctx.commit((tx) =>
        insertHandoverExport(tx, { id: randomUUID(), caseId: row.id, bundleSha256: sha256, exportedBy: session.staffId, exportedAt: at, confirmedAt: null }),
      );
    const result = {
      caseId: row.id,
      reference: row.reference,
      fileName: `overdracht-${row.reference}.avgh`,
      bytes: bundle.length,
      files: contents.files.size,
      bundleSha256: sha256,
    };
    if (target === undefined) {
      remember();
      return { ...result, dataBase64: bundle.toString('base64') };
    }
    const part = writeDurably(target, bundle);
    try {
      remember();
      renameSync(part, target);
    } catch (error) {
      rmSync(part, { force: true });
      throw error;
    }
    return { ...result, path: target, fileName: basename(target) };
  }

  /**
   * For a handler: the case arrives assigned to them. A case this desktop only knows from the
   * central register (no files) is filled in; a case whose file is already here is refused.
   */
  async importBundle(ctx: CallContext, input: { path?: string | undefined; dataBase64?: string | undefined; password: string }): Promise<HandoverImportResult> {
    const session = ctx.requireSession();
    const bundle = input.path === undefined ? Buffer.from(input.dataBase64 ?? '', 'base64') : readBundleFile(input.path);
    const sha256 = bundleSha256(bundle);
    const plaintext = await openBundle(bundle, input.password);
    const { manifest, files } = decodeContents(plaintext);
    ctx.setRecord(manifest.caseId);
    const db = this.vault.open.db;
    if (findHandoverExport(db, sha256))
      throw new DomainError('CONFLICT', 'Dit overdrachtsbestand is op deze computer gemaakt. Het wordt ingelezen op de computer van de nieuwe behandelaar.');
    const written: string[] = [];
    try {
      const reference = ctx.commit((tx) => this.apply(tx, manifest, files, session.staffId, sha256, ctx.now.toISOString(), written));
      return { caseId: manifest.caseId, reference, files: files.size };
    } catch (error) {
      // Nothing of a failed import stays: its rows rolled back, its ciphertexts go (their keys were never stored).
      for (const fileId of written) this.caseVault.removeCiphertext(manifest.caseId, fileId);
      throw error;
    } finally {
      plaintext.fill(0);
    }
  }

  private apply(db: LocalDb, manifest: Manifest, files: ReadonlyMap<string, Buffer>, importer: string, sha256: string, at: string, written: string[]): string {
    const caseId = manifest.caseId;
    const existing = findCase(db, caseId);
    if (existing && hasLocalCaseFile(db, caseId)) {
      throw new DomainError('CONFLICT', `Zaak ${existing.reference} staat met haar dossier al op deze computer. Een overdracht wordt maar één keer ingelezen.`);
    }
    const clash = db.get<{ id: string } | undefined>(sql`SELECT id FROM cases WHERE reference = ${manifest.content.case.reference} AND id <> ${caseId}`);
    if (clash)
      throw new DomainError(
        'CONFLICT',
        `Op deze computer staat al een andere zaak met zaaknummer ${manifest.content.case.reference}. Neem contact op met de privacy officer.`,
      );
    const staffMap = mapStaff(db, manifest.staff, at);
    const content = remapStaff(manifest.content, staffMap);
    const { id: _id, reference, ...fields } = content.case;
    if (existing) updateCase(db, caseId, { ...fields, handlerId: importer, updatedAt: at });
    else insertCase(db, { ...content.case, handlerId: importer, updatedAt: at });
    const caseKey = this.caseVault.caseKey(db, caseId, at);
    const wrapped = new Map<string, Buffer>();
    for (const [fileId, bytes] of files) {
      written.push(fileId);
      wrapped.set(fileId, this.caseVault.write(caseKey, caseId, fileId, bytes).wrappedKey);
    }
    insertCaseContent(db, content, wrapped);
    insertOutbox(db, {
      id: randomUUID(),
      kind: OUTBOX_HANDOVER,
      payload: { id: randomUUID(), caseId, fromStaffId: staffMap.get(manifest.exportedBy) ?? null, toStaffId: importer, bundleSha256: sha256 },
      createdAt: at,
      sentAt: null,
    });
    return reference;
  }
}
