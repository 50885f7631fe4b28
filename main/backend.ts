import type { Result } from '../shared/api/result.js';
import { createDispatcher, type Dispatch } from './api/dispatcher.js';
import { createHandlers } from './api/handlers.js';
import { systemClock, type Clock } from './clock.js';
import { stderrLogger, type Logger } from './log.js';
import { AuthService } from './services/auth.js';
import { LoginThrottle, SessionStore } from './services/sessions.js';
import { CaseVault } from './services/case-vault.js';
import { CaseService } from './services/cases.js';
import { DossierService } from './services/dossier.js';
import { RedactionService } from './services/redaction-service.js';
import { IdentityService } from './services/identity.js';
import { createLetterServices } from './services/letters/index.js';
import { QueueService } from './services/queue.js';
import { StaffService } from './services/staff.js';
import { noProtection, type KeyProtector } from './store/key-protector.js';
import { CaseFileStore } from './store/case-files.js';
import { Vault } from './store/vault.js';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  protector?: KeyProtector;
  migrationsFolder?: string;
  /** The bundled redaction worker (out/main/worker.js) in the desktop app; next to the sources otherwise. */
  redactionWorkerUrl?: URL;
  /** Sign-out after this much inactivity; default 10 minutes. */
  idleTimeoutSeconds?: number;
}

export interface Backend {
  dispatch: Dispatch;
  /** Ends sessions whose idle time has passed and locks the store when nobody is left. */
  sweep(): void;
  close(): void;
  readonly dataDir: string;
}

/** Wires the services for one data directory. Used by the Electron main process, the web server and the CLI. */
export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? systemClock;
  const vault = new Vault(options.dataDir, options.protector ?? noProtection, options.migrationsFolder);
  const sessions = new SessionStore(clock, options.idleTimeoutSeconds ?? 600);
  const auth = new AuthService(vault, sessions, new LoginThrottle(clock));
  const staff = new StaffService(vault, sessions);
  const caseVault = new CaseVault(new CaseFileStore(options.dataDir));
  const dispatch = createDispatcher({
    vault,
    sessions,
    clock,
    logger: options.logger ?? stderrLogger,
    handlers: createHandlers({
      vault,
      auth,
      staff,
      cases: new CaseService(vault),
      queue: new QueueService(vault),
      identity: new IdentityService(vault, caseVault),
      dossier: new DossierService(vault, caseVault),
      redaction: new RedactionService(vault, caseVault, clock, options.redactionWorkerUrl),
      letters: createLetterServices(vault, caseVault),
    }),
  });
  return {
    dispatch,
    sweep: () => auth.lockIfIdle(),
    close: () => vault.lock(),
    dataDir: options.dataDir,
  };
}

export type { Result };
