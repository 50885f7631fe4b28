import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { listStaff } from '../../db/local/staff/repository.js';
import { isAllowed } from '../../shared/staff/permissions.js';
import { noProtection, type KeyProtector } from '../platform/key-protector.js';
import { Keyring } from '../platform/keyring.js';
import type { Vault } from '../platform/vault.js';
import { DomainError } from '../platform/errors.js';

/**
 * A backup is one ZIP with a consistent copy of the encrypted store (VACUUM INTO writes it with the
 * same key), the keyring and the encrypted case files, plus a manifest with each entry's SHA-256.
 * Everything in it is already encrypted: it opens only with the password of a dpo or admin of this
 * desktop or its recovery key. Nothing is decrypted to make it.
 */
const MANIFEST = 'avg-desk-backup.json';
const FORMAT = 1;

interface Manifest {
  format: number;
  createdAt: string;
  files: Record<string, string>;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The case files the store knows: a half-written `.part` or a file whose row never committed is no part of a backup. */
function caseFiles(vault: Vault): string[] {
  const rows = vault.open.sqlite.prepare('SELECT case_id AS caseId, id FROM case_files').all() as { caseId: string; id: string }[];
  return rows.map((r) => join(vault.dataDir, 'cases', r.caseId, `${r.id}.avgf`)).filter((p) => existsSync(p));
}

/** `.backup-<pid>-<uuid>.store.tmp`: the pid tells a later start whether the backup that wrote it still runs. */
const SNAPSHOT = /^\.backup-(\d+)-[0-9a-f-]{36}\.store\.tmp$/u;

/**
 * A consistent copy of the store (VACUUM INTO, same key) under a name nobody else uses, inside the
 * data folder (owner-only, and the store's own disk) and created owner-only before SQLite writes
 * into it: a backup killed halfway leaves only an encrypted file no one else can read, which the
 * next start removes.
 */
export function snapshotStore(vault: Vault): string {
  const path = join(vault.dataDir, `.backup-${process.pid}-${randomUUID()}.store.tmp`);
  closeSync(openSync(path, 'wx', 0o600));
  try {
    vault.open.sqlite.prepare('VACUUM INTO ?').run(path);
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  return path;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the snapshots of backups whose process is gone (killed halfway); returns how many. */
export function removeStaleSnapshots(dataDir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = SNAPSHOT.exec(name)?.[1];
    if (pid === undefined || running(Number(pid))) continue;
    rmSync(join(dataDir, name), { force: true });
    removed += 1;
  }
  return removed;
}

/** Whose passwords open a backup: the active dpo and admin accounts (the permission matrix's backup.create). */
function backupHolders(vault: Vault): Set<string> {
  return new Set(
    listStaff(vault.open.db)
      .filter((s) => s.active && isAllowed(s.roles, 'backup.create'))
      .map((s) => s.id),
  );
}

/** Where the backup may go: an absolute path, not inside the data folder, in an existing folder. */
function checkTarget(dataDir: string, path: string): string {
  if (!isAbsolute(path)) throw new DomainError('VALIDATION', 'Geef een volledig pad voor het back-upbestand.');
  const target = resolve(path);
  const data = resolve(dataDir);
  if (target === data || target.startsWith(data + sep))
    throw new DomainError('VALIDATION', 'Zet de back-up niet in de gegevensmap zelf: die gaat bij een defect mee verloren.');
  if (!existsSync(dirname(target))) throw new DomainError('VALIDATION', 'De map voor de back-up bestaat niet.');
  if (existsSync(target)) throw new DomainError('CONFLICT', 'Dat bestand bestaat al. Kies een andere naam.');
  return target;
}

/** The name a backup made today is offered under (the Save dialog, the browser's download). */
export function backupFileName(now: Date): string {
  return `avg-desk-${now.toISOString().slice(0, 10)}.zip`;
}

/**
 * A backup to `path`, or, without one, in the answer (browser mode's download: the same encrypted
 * zip, never written here).
 */
export function createBackup(
  vault: Vault,
  path: string | undefined,
  now: Date,
): { path?: string; fileName: string; dataBase64?: string; bytes: number; files: number } {
  const target = path === undefined ? undefined : checkTarget(vault.dataDir, path);
  const { zip, files } = backupZip(vault, now);
  const fileName = target === undefined ? backupFileName(now) : basename(target);
  if (target === undefined) return { fileName, dataBase64: zip.toString('base64'), bytes: zip.length, files };
  // Beside the target (rename stays on one disk), under a name no other file has.
  const tmp = `${target}.${randomUUID()}.part`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      writeSync(fd, zip);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return { path: target, fileName, bytes: zip.length, files };
}

function backupZip(vault: Vault, now: Date): { zip: Buffer; files: number } {
  const snapshot = snapshotStore(vault);
  try {
    const entries: Zippable = {
      'store.db': readFileSync(snapshot),
      // Without the OS-user lock, so it restores on another computer; only the dpo's and admins' wrappings.
      'keyring.json': Buffer.from(vault.loadKeyring().portable(backupHolders(vault))),
    };
    for (const file of caseFiles(vault)) entries[relative(vault.dataDir, file).split(sep).join('/')] = readFileSync(file);
    const manifest: Manifest = { format: FORMAT, createdAt: now.toISOString(), files: {} };
    for (const [name, bytes] of Object.entries(entries)) manifest.files[name] = sha256(bytes as Uint8Array);
    entries[MANIFEST] = Buffer.from(JSON.stringify(manifest, null, 2));
    // Encrypted content does not compress: store only.
    return { zip: Buffer.from(zipSync(entries, { level: 0 })), files: Object.keys(entries).length - 3 };
  } finally {
    rmSync(snapshot, { force: true });
  }
}

/** What a restore writes; any of these in the data folder means it is not a fresh installation. */
const RESTORED = ['store.db', 'store.db-wal', 'store.db-shm', 'keyring.json', 'cases'];

/** Undoes a restore whose credentials did not open it (the store must be closed). */
export function removeRestored(dataDir: string): void {
  for (const name of RESTORED) rmSync(join(dataDir, name), { recursive: true, force: true });
}

/**
 * Restores a backup into a fresh installation (a data folder without a store, keyring or case
 * files; the app's own logs or Chromium folder may be there) after checking every entry against
 * the manifest. The keyring is locked with this computer's protector. Opening it afterwards needs
 * a staff password or the recovery key, as always.
 */
export function restoreBackup(source: string | Uint8Array, dataDir: string, protector: KeyProtector = noProtection): { files: number; createdAt: string } {
  if (RESTORED.some((name) => existsSync(join(dataDir, name))))
    throw new DomainError('CONFLICT', 'Herstel alleen in een lege gegevensmap; deze map bevat al gegevens.');
  // A path (desktop, CLI), or the bytes of a file chosen in browser mode.
  if (typeof source === 'string') {
    if (!isAbsolute(source)) throw new DomainError('VALIDATION', 'Geef het volledige pad van het back-upbestand.');
    if (!existsSync(source) || !statSync(source).isFile()) throw new DomainError('VALIDATION', 'Het back-upbestand bestaat niet.');
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(typeof source === 'string' ? readFileSync(source) : source);
  } catch {
    throw new DomainError('VALIDATION', 'Dit bestand is geen AVG Desk-back-up of het is beschadigd.');
  }
  const manifestBytes = entries[MANIFEST];
  if (!manifestBytes) throw new DomainError('VALIDATION', 'Dit bestand is geen AVG Desk-back-up (het overzicht ontbreekt).');
  const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as Manifest;
  if (manifest.format !== FORMAT) throw new DomainError('VALIDATION', 'Deze back-up komt uit een andere versie van AVG Desk.');
  for (const [name, hash] of Object.entries(manifest.files)) {
    const bytes = entries[name];
    if (!bytes || sha256(bytes) !== hash)
      throw new DomainError('VALIDATION', 'De back-up is beschadigd: een bestand ontbreekt of is gewijzigd. Er is niets hersteld.');
    if (name.includes('..') || isAbsolute(name)) throw new DomainError('VALIDATION', 'De back-up bevat een ongeldige bestandsnaam. Er is niets hersteld.');
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The keyring last: a restore that stops halfway leaves a folder that counts as not set up.
  const names = Object.keys(manifest.files).sort((a, b) => Number(a === 'keyring.json') - Number(b === 'keyring.json'));
  for (const name of names) {
    const path = join(dataDir, ...name.split('/'));
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (name === 'keyring.json') {
      Keyring.adopt(path, Buffer.from(entries[name] ?? new Uint8Array()).toString('utf8'), protector);
      continue;
    }
    const fd = openSync(path, 'w', 0o600);
    try {
      writeSync(fd, entries[name] ?? new Uint8Array());
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return { files: Object.keys(manifest.files).length, createdAt: manifest.createdAt };
}
