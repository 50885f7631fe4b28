import { contract, isProcedureName, maxBodyBytes } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { isPublicAction } from '../../shared/staff/permissions.js';
import { createDispatcher, type Dispatch } from './dispatcher.js';
import { createHandlers } from './handlers.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { stderrLogger, type Logger } from '../platform/log.js';
import { AuthService } from '../staff/auth.js';
import { LoginThrottle, SessionStore } from '../staff/sessions.js';
import { AutoLockSetting, SessionLocker } from '../settings/auto-lock.js';
import { LogLevelSetting } from '../settings/log-level.js';
import { RestoreService } from '../settings/restore.js';
import { removeStaleSnapshots } from '../settings/backup.js';
import { CaseVault } from '../platform/case-vault.js';
import { RetentionService } from '../retention/retention.js';
import { SyncService } from '../sync/sync-service.js';
import { HandoverService } from '../handover/handover-service.js';
import { CaseService } from '../cases/cases.js';
import { DossierService } from '../dossier/dossier.js';
import { stopWarmWorkers } from '../redaction/index.js';
import { RedactionService } from '../redaction/redaction-service.js';
import { IdentityService } from '../identity/identity.js';
import { createLetterServices } from '../letters/index.js';
import { QueueService } from '../cases/queue.js';
import { MyWorkService } from '../work/my-work.js';
import { NotificationService } from '../work/notifications.js';
import { StaffService } from '../staff/staff.js';
import { noProtection, type KeyProtector } from '../platform/key-protector.js';
import { CaseFileStore } from '../platform/case-files.js';
import type { KdfCost } from '../platform/keyring.js';
import { Vault } from '../platform/vault.js';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  protector?: KeyProtector;
  migrationsFolder?: string;
  /** The bundled redaction worker (out/main/worker.js) in the desktop app; next to the sources otherwise. */
  redactionWorkerUrl?: URL;
  /**
   * Start the redaction thread and PDFium at each sign-in, ahead of the first job: the app's windows,
   * not the CLI (one command, then gone) nor tests.
   */
  warmRedaction?: boolean;
  /**
   * argon2id's cost for new passwords; the production cost (DEFAULT_KDF) unless a test composes the
   * backend. Deliberately no environment variable or setting reaches it: a shipped app cannot be made cheaper.
   */
  kdfCost?: KdfCost;
  /** Fixes the sign-out after this much inactivity; by default it follows the auto-lock setting (10 minutes). */
  idleTimeoutSeconds?: number;
}

export interface Backend {
  dispatch: Dispatch;
  /**
   * Before a transport reads a request's body: whether the call may bring one (a public procedure,
   * or a live session) and how large. Null: answer with dispatch(name, {}, token), body unread.
   */
  admit(name: string, token: string | null): { maxBodyBytes: number } | null;
  /** Ends sessions whose idle time has passed and locks the store when nobody is left. */
  sweep(): void;
  /** The OS locked the screen or went to sleep: every session ends as locked, the key leaves memory. */
  lockAll(): void;
  close(): void;
  readonly dataDir: string;
}

/** Wires the services for one data directory. Used by the Electron main process, the web server and the CLI. */
export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const vault = new Vault(options.dataDir, options.protector ?? noProtection, options.migrationsFolder, options.kdfCost);
  const logger = options.logger ?? stderrLogger;
  const autoLock = new AutoLockSetting(vault);
  const sessions = new SessionStore(clock, options.idleTimeoutSeconds ?? (() => autoLock.minutes() * 60));
  const locker = new SessionLocker(vault, sessions);
  const logLevel = new LogLevelSetting(vault, logger);
  const auth = new AuthService(vault, sessions, new LoginThrottle(clock));
  const staff = new StaffService(vault, sessions);
  const caseFiles = new CaseFileStore(options.dataDir);
  const unfinished = caseFiles.removeUnfinished();
  if (unfinished > 0) logger.info({ event: 'unfinished-case-files-removed', detail: String(unfinished) });
  const snapshots = removeStaleSnapshots(options.dataDir);
  if (snapshots > 0) logger.info({ event: 'backup-snapshots-removed', detail: String(snapshots) });
  // Which case files have a row is known only once a password opened the store: checked at the first opening.
  let orphansChecked = false;
  vault.whenOpened(({ sqlite }) => {
    if (orphansChecked) return;
    orphansChecked = true;
    try {
      const known = new Set(sqlite.prepare('SELECT id FROM case_files').pluck().all() as string[]);
      const orphans = caseFiles.removeOrphans(known);
      if (orphans > 0) logger.info({ event: 'orphan-case-files-removed', detail: String(orphans) });
    } catch (error) {
      logger.warn({ event: 'orphan-case-files-check-failed', errorName: error instanceof Error ? error.name : typeof error });
    }
  });
  const caseVault = new CaseVault(caseFiles);
  const redaction = new RedactionService(vault, caseVault, clock, options.redactionWorkerUrl);
  if (options.warmRedaction) {
    vault.whenOpened(() => {
      try {
        redaction.warm();
      } catch (error) {
        // Never in the way of a sign-in: a job then starts its own thread.
        logger.warn({ event: 'redaction-warm-failed', errorName: error instanceof Error ? error.name : typeof error });
      }
    });
  }
  const retention = new RetentionService(vault, caseVault);
  const sync = new SyncService(vault, caseVault, clock, logger);
  const dispatch = createDispatcher({
    vault,
    sessions,
    clock,
    logger,
    handlers: createHandlers({
      vault,
      auth,
      staff,
      cases: new CaseService(vault),
      queue: new QueueService(vault),
      identity: new IdentityService(vault, caseVault),
      dossier: new DossierService(vault, caseVault),
      redaction,
      letters: createLetterServices(vault, caseVault, (staffId, password, refusal) => auth.confirmPassword(staffId, password, refusal)),
      retention,
      desktop: { autoLock, locker, logLevel, restore: new RestoreService(vault, auth) },
      sync,
      handover: new HandoverService(vault, caseVault),
      work: new MyWorkService(vault),
      notifications: new NotificationService(vault),
    }),
  });
  return {
    dispatch: async (name, input, token) => {
      const result = await dispatch(name, input, token);
      // A sign-in opens the store, where the admin's log level is kept.
      if (result.ok && name === 'session.login') logLevel.applyStored();
      return result;
    },
    admit: (name, token) => {
      if (!isProcedureName(name)) return null;
      if (!isPublicAction(contract[name].action) && !sessions.isLive(token)) return null;
      return { maxBodyBytes: maxBodyBytes(name) };
    },
    sweep: () => {
      // Once a day while the store is open: shred the case files that are due, propose a destruction list.
      retention.scheduled(clock, logger);
      auth.lockIfIdle();
      sync.scheduledRun(sessions.mostRecent());
    },
    lockAll: () => locker.lockAll(),
    close: () => {
      vault.lock();
      if (options.warmRedaction) stopWarmWorkers();
    },
    dataDir: options.dataDir,
  };
}

export type { Result };
