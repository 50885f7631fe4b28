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

/**
 * What the Electron preload exposes on `window.avgDesk`: one function per procedure, nothing else
 * (never `ipcRenderer` itself). Each forwards `{input, token}` over the channel `IPC_PREFIX + name`.
 */
export type DesktopBridge = { readonly [P in ProcedureName]: (input: ProcedureInput<P>, token: string | null) => Promise<Result<ProcedureOutput<P>>> };

export const BRIDGE_KEY = 'avgDesk';

/**
 * The one message the main process sends on its own: the OS locked the screen or went to sleep, so
 * the backend has locked every session and the renderer shows the lock dialog. The preload exposes
 * only a subscription to it, on `window.avgDeskEvents`.
 */
export const LOCK_EVENT_CHANNEL = 'avg-desk-event:lock';
export const EVENTS_KEY = 'avgDeskEvents';
export interface DesktopEvents {
  /** Calls `listener` (without arguments) on each lock; returns the unsubscribe function. */
  onLock(listener: () => void): () => void;
}

/** The payload of every IPC call. */
export interface IpcPayload {
  input: unknown;
  token: string | null;
}
