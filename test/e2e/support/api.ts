import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api/contract.js';
import type { Result } from '../../../shared/api/result.js';

/** Calls the browser-mode API from the test itself, to prepare data without clicking through it. */
export async function callApi<P extends ProcedureName>(
  baseUrl: string,
  name: P,
  input: ProcedureInput<P>,
  token: string | null = null,
): Promise<Result<ProcedureOutput<P>>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(new URL(`api/${name}`, baseUrl), { method: 'POST', headers, body: JSON.stringify(input) });
  return (await response.json()) as Result<ProcedureOutput<P>>;
}

/** The value of a call that has to succeed. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${result.error.details?.join(' ') ?? ''}`);
  return result.value;
}
