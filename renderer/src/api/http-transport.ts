import type { ApiTransport } from '../../../shared/api/client.js';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract.js';
import { DEFAULT_MESSAGES, type Result } from '../../../shared/api/result.js';

/** A Result whenever the connection itself fails: the screens never see an exception. */
export function transportFailure<T>(): Result<T> {
  return { ok: false, error: { code: 'TRANSPORT', message: DEFAULT_MESSAGES.TRANSPORT } };
}

function isResult(body: unknown): boolean {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/**
 * Browser mode: `POST api/<procedure>` relative to the page, on the server that served it.
 * The server answers every call with a Result, also when it refuses one (then with a 4xx status).
 */
export class HttpTransport implements ApiTransport {
  constructor(private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {}

  async call<P extends ProcedureName>(name: P, input: ProcedureInput<P>, token: string | null): Promise<Result<ProcedureOutput<P>>> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    try {
      const response = await this.fetchImpl(`api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
      const body: unknown = await response.json();
      return isResult(body) ? (body as Result<ProcedureOutput<P>>) : transportFailure();
    } catch {
      return transportFailure();
    }
  }
}
