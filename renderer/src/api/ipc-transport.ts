import type { ApiTransport, DesktopBridge } from '../../../shared/api/client.js';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';
import { transportFailure } from './http-transport.js';

/** Desktop app: one preload bridge function per procedure; the main process answers over IPC. */
export class IpcTransport implements ApiTransport {
  constructor(private readonly bridge: DesktopBridge) {}

  async call<P extends ProcedureName>(name: P, input: ProcedureInput<P>, token: string | null): Promise<Result<ProcedureOutput<P>>> {
    const send: DesktopBridge[P] = this.bridge[name];
    try {
      return await send(input, token);
    } catch {
      return transportFailure();
    }
  }
}
