import { createBackend, type Backend } from '../../main/app/backend.js';
import { fixedClock } from '../../main/platform/clock.js';
import { silentLogger, type Logger } from '../../main/platform/log.js';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { Role } from '../../shared/staff/roles.js';
import { ADMIN, STRONG_PASSWORD, TEST_START, value } from './basics.js';
import { TEST_KDF } from './kdf.js';

export { ADMIN, STRONG_PASSWORD, TEST_START, tempDir, value } from './basics.js';

export function makeBackend(dataDir: string, start = TEST_START, idleTimeoutSeconds = 600, logger: Logger = silentLogger) {
  const clock = fixedClock(start);
  const backend = createBackend({ kdfCost: TEST_KDF, dataDir, clock, logger, idleTimeoutSeconds });
  return { backend, clock, call: typed(backend) };
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
