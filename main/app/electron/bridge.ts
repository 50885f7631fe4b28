import { IPC_PREFIX, type DesktopBridge, type IpcPayload } from '../../../shared/api/client.js';
import type { ProcedureInput, ProcedureOutput } from '../../../shared/api/contract.js';
import { PROCEDURE_NAMES, type ProcedureName } from '../../../shared/api/procedures.js';
import { fail, type Result } from '../../../shared/api/result.js';

/** One request over a channel; in the preload this is `ipcRenderer.invoke`, in tests an in-memory pipe. */
export type Invoke = (channel: string, payload: IpcPayload) => Promise<unknown>;

/**
 * The object the preload exposes as `window.avgDesk`: one function per procedure, each sending
 * `{ input, token }` on `IPC_PREFIX + name`. No electron import, so a test can run it against the
 * real backend without Electron. A failed invoke (no handler, main process gone) becomes a
 * TRANSPORT result, so the renderer only ever sees `Result`s.
 */
export function createBridge(invoke: Invoke): DesktopBridge {
  function method<P extends ProcedureName>(name: P): (input: ProcedureInput<P>, token: string | null) => Promise<Result<ProcedureOutput<P>>> {
    const channel = IPC_PREFIX + name;
    return async (input, token) => {
      try {
        // The main process answers every call on this channel with the Result of procedure P.
        return (await invoke(channel, { input, token })) as Result<ProcedureOutput<P>>;
      } catch {
        return fail('TRANSPORT');
      }
    };
  }
  const bridge = Object.fromEntries(PROCEDURE_NAMES.map((name) => [name, method(name)])) as DesktopBridge;
  return Object.freeze(bridge);
}
