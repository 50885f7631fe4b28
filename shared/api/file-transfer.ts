import { z } from 'zod';

/** The largest file browser mode sends or receives in one call (a backup or a handover file), as base64. */
export const MAX_TRANSFER_BASE64 = 256 * 1024 * 1024;
/** The request body that carries one: the file and the JSON around it. */
export const TRANSFER_BODY_BYTES = MAX_TRANSFER_BASE64 + 64 * 1024;

/**
 * Where a file the backend reads comes from: a path (the desktop app's Open dialog, the CLI) or,
 * in browser mode, the bytes of the file chosen in the page. Exactly one: see `oneFileSource`.
 */
export function fileSource(missing: string) {
  return { path: z.string().trim().min(1, missing).max(1000).optional(), dataBase64: z.base64().max(MAX_TRANSFER_BASE64).optional() };
}
/** Exactly one of `path` and `dataBase64`. */
export function oneFileSource(missing: string) {
  return (input: { path?: string | undefined; dataBase64?: string | undefined }, ctx: z.RefinementCtx): void => {
    if ((input.path === undefined) === (input.dataBase64 === undefined)) ctx.addIssue({ code: 'custom', message: missing, path: ['path'] });
  };
}
/** What the backend wrote: to the path given, or, without one, in the answer for the page to download. */
export const fileResult = { path: z.string().optional(), fileName: z.string(), dataBase64: z.string().optional(), bytes: z.number().int() };
