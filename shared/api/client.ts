import type { ProcedureInput, ProcedureName, ProcedureOutput } from './contract.js';
import type { Result } from './result.js';

/**
 * What the renderer (and any other caller) sees of the backend, whatever the transport:
 * Electron IPC in the desktop app, HTTP on loopback in browser mode, a direct call in tests.
 */
export interface ApiTransport {
  call<P extends ProcedureName>(name: P, input: ProcedureInput<P>, token: string | null): Promise<Result<ProcedureOutput<P>>>;
}

/** IPC channel names carry one fixed prefix, so the main process can refuse anything else. */
export const IPC_PREFIX = 'avg-desk:';
