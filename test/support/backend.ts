import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../main/backend.js';
import { fixedClock } from '../../main/clock.js';
import { silentLogger, type Logger } from '../../main/log.js';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { Role } from '../../shared/roles.js';
import { TEST_KDF } from './kdf.js';

export const ADMIN = { userName: 'beheer', fullName: 'Beheerder Testpersoon', password: 'Zonnebloem-Veld-2026!' };
export const STRONG_PASSWORD = 'Tulpen-Bollen-Streek-77';

export function tempDir(prefix = 'avg-desk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The moment the tests' desktops live in; a test that compares with one must not use the real clock. */
export const TEST_START = new Date('2026-11-25T09:00:00Z');

export function makeBackend(dataDir: string, start = TEST_START, idleTimeoutSeconds = 600, logger: Logger = silentLogger) {
  const clock = fixedClock(start);
  const backend = createBackend({ kdfCost: TEST_KDF, dataDir, clock, logger, idleTimeoutSeconds });
  return { backend, clock, call: typed(backend) };
}

/** Unwraps a Result or fails the test with its Dutch message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${result.error.details?.join(' ') ?? ''}`);
  return result.value;
}

/** The dispatcher with the contract's types, as the renderer's client sees it. */
export function typed(backend: Backend) {
  return <P extends ProcedureName>(name: P, input: ProcedureInput<P> | unknown, token: string | null) =>
    backend.dispatch(name, input, token) as Promise<Result<ProcedureOutput<P>>>;
}

/** A fresh data directory with an admin and a signed-in session. */
export async function initialized(dataDir: string, options: { idleTimeoutSeconds?: number; logger?: Logger } = {}) {
  const made = makeBackend(dataDir, undefined, options.idleTimeoutSeconds, options.logger);
  const session = value(await typed(made.backend)('setup.createAdmin', ADMIN, null));
  return { ...made, call: typed(made.backend), adminToken: session.token, adminId: session.staff.id };
}

export async function addStaff(backend: Backend, adminToken: string, userName: string, roles: Role[], fullName = `Medewerker ${userName}`) {
  const call = typed(backend);
  const staff = value(await call('staff.add', { userName, fullName, roles, password: STRONG_PASSWORD }, adminToken));
  const session = value(await call('session.login', { userName, password: STRONG_PASSWORD }, null));
  return { id: staff.id, token: session.token };
}
