import { close, fsync, open } from 'node:fs';
import type { OpenStore } from '../platform/encrypted-db.js';
import { appendAuditEvent, type AuditFields } from './audit.js';

/**
 * Read events without a disk flush on the caller's path. A read's event is committed, in the same
 * hash chain, before the data is returned (a crash or kill of the app after that keeps it), but
 * without the flush of the write-ahead log that a change waits for: that flush costs milliseconds
 * on every list, search and open. The log is flushed right after, off the main thread, so only a
 * power cut or crash of the operating system within that flush could lose a read event. Any next
 * change's own flush covers it as well.
 */
export class ReadEvents {
  private syncing: Promise<void> | null = null;
  private again = false;

  constructor(private readonly onSyncError: (error: unknown) => void) {}

  append(store: OpenStore, at: Date, fields: AuditFields): void {
    const { sqlite, db } = store;
    // exec, not pragma(): that prepares a statement object and reads back rows at every call.
    sqlite.exec('PRAGMA synchronous = NORMAL');
    try {
      sqlite.transaction(() => appendAuditEvent(db, at, fields))();
    } finally {
      sqlite.exec('PRAGMA synchronous = FULL');
    }
    this.flushSoon(`${sqlite.name}-wal`);
  }

  /** Resolves once the events appended so far are on disk (for closing and for tests). */
  async settled(): Promise<void> {
    while (this.syncing) await this.syncing;
  }

  /** One flush at a time; events appended during a flush get one more flush after it. */
  private flushSoon(wal: string): void {
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = flushFile(wal)
      .catch(this.onSyncError)
      .finally(() => {
        this.syncing = null;
        if (this.again) {
          this.again = false;
          this.flushSoon(wal);
        }
      });
  }
}

/** fsync of the file by its name: the flush covers what SQLite wrote through its own handle. */
function flushFile(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    open(file, 'r+', (openError, fd) => {
      // No log file: a checkpoint moved everything into the database and flushed it.
      if (openError) return (openError as NodeJS.ErrnoException).code === 'ENOENT' ? resolve() : reject(openError);
      fsync(fd, (syncError) => close(fd, () => (syncError ? reject(syncError) : resolve())));
    });
  });
}
