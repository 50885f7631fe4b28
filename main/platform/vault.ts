import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from './errors.js';
import { openEncryptedStore, type OpenStore } from './encrypted-db.js';
import type { KeyProtector } from './key-protector.js';
import { DEFAULT_KDF, Keyring, type KdfCost } from './keyring.js';

/**
 * The data directory of one desktop: the keyring and the encrypted store. The vault is locked
 * (no key in memory) until a staff member signs in, and locked again when the last one leaves.
 */
export class Vault {
  readonly keyringFile: string;
  readonly storeFile: string;
  private keyring: Keyring | null = null;
  private store: OpenStore | null = null;
  private dbKey: Buffer | null = null;
  private readonly openers: ((store: OpenStore) => void)[] = [];
  private holds = 0;
  /** Counts every closing, so a holder can tell whether the store was closed under it. */
  private closings = 0;

  constructor(
    readonly dataDir: string,
    readonly protector: KeyProtector,
    private readonly migrationsFolder?: string,
    /** argon2id's cost for new passwords (accounts, recovery key, handover bundles). */
    readonly kdfCost: KdfCost = DEFAULT_KDF,
  ) {
    this.keyringFile = join(dataDir, 'keyring.json');
    this.storeFile = join(dataDir, 'store.db');
  }

  isInitialized(): boolean {
    return Keyring.exists(this.keyringFile) && this.loadKeyring().hasEntries();
  }

  isOpen(): boolean {
    return this.store !== null;
  }

  /** The open store; throws when locked, which the dispatcher reports as "not signed in". */
  get open(): OpenStore {
    if (!this.store) throw new DomainError('UNAUTHENTICATED');
    return this.store;
  }

  get key(): Buffer {
    if (!this.dbKey) throw new DomainError('UNAUTHENTICATED');
    return this.dbKey;
  }

  loadKeyring(): Keyring {
    this.keyring ??= Keyring.load(this.keyringFile, this.protector, this.kdfCost);
    return this.keyring;
  }

  /** Forgets unsaved keyring changes of a failed operation; the file on disk is read again. */
  discardKeyringChanges(): void {
    this.keyring = null;
  }

  /**
   * First run: a new random database key and a new store. A store file without a keyring is what a
   * first-run setup that died halfway leaves; nobody can open it, so it is replaced.
   */
  create(): { keyring: Keyring; store: OpenStore } {
    if (this.isInitialized()) throw new DomainError('ALREADY_INITIALIZED');
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.storeFile + suffix, { force: true });
    this.dbKey = randomBytes(32);
    this.store = openEncryptedStore(this.storeFile, this.dbKey, this.migrationsFolder);
    this.keyring = Keyring.create(this.keyringFile, this.protector, this.kdfCost);
    return { keyring: this.keyring, store: this.store };
  }

  /** Work that needs the store's content but not a session, run each time the store is opened. */
  whenOpened(work: (store: OpenStore) => void): void {
    this.openers.push(work);
  }

  /** Opens the store with a key just unwrapped from the keyring (no-op when already open). */
  unlockWith(dbKey: Buffer): OpenStore {
    if (this.store && this.dbKey) {
      if (!this.dbKey.equals(dbKey)) throw new DomainError('STORE_UNREADABLE');
      dbKey.fill(0);
      return this.store;
    }
    const store = openEncryptedStore(this.storeFile, dbKey, this.migrationsFolder);
    this.store = store;
    this.dbKey = dbKey;
    for (const work of this.openers) work(store);
    return store;
  }

  /**
   * Re-encrypts the store under a new key (SQLCipher rekey). SQLite rekeys only outside WAL mode,
   * and leaving WAL needs this to be the only connection: with the CLI or another app on the same
   * folder it is refused in Dutch and nothing changes.
   */
  rekey(newKey: Buffer): void {
    const { sqlite } = this.open;
    const busy = () =>
      new DomainError(
        'CONFLICT',
        'De databasesleutel kon niet worden vernieuwd: AVG Desk is ook elders op deze gegevens geopend (bijvoorbeeld de opdrachtregel). Sluit dat en deactiveer opnieuw.',
      );
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      if (sqlite.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw busy();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw busy();
    }
    try {
      sqlite.pragma(`hexrekey='${newKey.toString('hex')}'`);
    } finally {
      sqlite.pragma('journal_mode = WAL');
    }
    this.dbKey?.fill(0);
    this.dbKey = Buffer.from(newKey);
  }

  /**
   * Setup, sign-in and recovery open the store before any session exists and then wait for
   * argon2id; the idle check ("nobody signed in") must not close it under them. A forced lock
   * (the OS locked the screen) still closes it; `closedMeanwhile` tells the holder so.
   */
  hold(): { release(): void; closedMeanwhile(): boolean } {
    this.holds += 1;
    const closings = this.closings;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.holds -= 1;
      },
      closedMeanwhile: () => this.closings !== closings,
    };
  }

  isHeld(): boolean {
    return this.holds > 0;
  }

  /** Closes the store and wipes the key from memory. */
  lock(): void {
    if (this.store || this.dbKey) this.closings += 1;
    this.store?.close();
    this.store = null;
    this.dbKey?.fill(0);
    this.dbKey = null;
  }
}
