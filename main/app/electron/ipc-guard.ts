import type { IpcPayload } from '../../../shared/api/client.js';
import type { ProcedureName } from '../../../shared/api/procedures.js';
import { fail, type Result } from '../../../shared/api/result.js';
import type { Dispatch } from '../dispatcher.js';

/**
 * The checks the Electron main process makes before an IPC call reaches the dispatcher. Pure: no
 * `electron` import, so they are unit-tested in plain Node. Electron's own objects fit the
 * structural types below (`WebFrameMain` is a `FrameLike`, `IpcMainInvokeEvent` an `IpcEventLike`).
 */

/** What the guard reads of Electron's `WebFrameMain`. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  /** Electron ≥ 34: true once the frame has left the frame tree (e.g. replaced by a navigation). */
  readonly detached?: boolean;
}

/** What the guard reads of Electron's `IpcMainInvokeEvent`. */
export interface IpcEventLike {
  /** The sending `WebContents`; compared by identity with our window's. */
  readonly sender: object;
  readonly senderFrame: FrameLike | null;
}

/** Where our renderer is allowed to come from: the built index.html, or the dev server in development. */
export interface AppOrigin {
  /** `file://` URL of out/renderer/index.html; null when the dev server is used. */
  readonly indexFileUrl: string | null;
  /** Origin of the electron-vite dev server (`http://localhost:5173`); null in a packaged app. */
  readonly devServerOrigin: string | null;
  /** Windows file systems ignore case, and Chromium and Node may spell a drive letter differently. */
  readonly caseInsensitivePaths: boolean;
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decodedPath(url: URL, caseInsensitive: boolean): string | null {
  try {
    const path = decodeURIComponent(url.pathname);
    return caseInsensitive ? path.toLowerCase() : path;
  } catch {
    return null;
  }
}

/**
 * The dev server URL electron-vite passes in `ELECTRON_RENDERER_URL`, accepted only when it is
 * http(s) on loopback: whatever loads there gets the bridge to the backend.
 */
export function parseDevServerUrl(value: string | undefined): { url: string; origin: string } | null {
  if (!value) return null;
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') return null;
  return { url: url.href, origin: url.origin };
}

/**
 * True for our own renderer page only. A `file:` origin is opaque (every local file shares it), so
 * for the built app the exact path of our index.html must match; query and fragment may differ
 * (client-side routes). For the dev server the origin must match.
 */
export function isAppUrl(candidate: string, app: AppOrigin): boolean {
  const url = parseUrl(candidate);
  if (!url) return false;
  if (url.protocol === 'file:') {
    const expected = app.indexFileUrl === null ? null : parseUrl(app.indexFileUrl);
    if (!expected || expected.protocol !== 'file:' || url.host !== expected.host) return false;
    const actualPath = decodedPath(url, app.caseInsensitivePaths);
    return actualPath !== null && actualPath === decodedPath(expected, app.caseInsensitivePaths);
  }
  return app.devServerOrigin !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === app.devServerOrigin;
}

/**
 * An IPC sender is trusted when it is the main frame (not an iframe) of our own window's
 * WebContents, still attached, and showing our renderer page.
 */
export function isTrustedSender(event: IpcEventLike, trustedContents: object | null, app: AppOrigin): boolean {
  const frame = event.senderFrame;
  if (trustedContents === null || event.sender !== trustedContents) return false;
  if (!frame || frame.detached === true || frame.parent !== null) return false;
  return isAppUrl(frame.url, app);
}

/** A session token is 32 random bytes in base64url; anything far longer is not one of ours. */
const MAX_TOKEN_LENGTH = 256;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The payload the preload sends: exactly `{ input, token }` with token a string or null. The input
 * itself is checked by the dispatcher against the procedure's schema.
 */
export function parseIpcPayload(value: unknown): IpcPayload | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  if (!keys.includes('token') || keys.some((key) => key !== 'input' && key !== 'token')) return null;
  const token = value.token;
  if (token !== null && (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH)) return null;
  return { input: value.input, token };
}

export type IpcRefusal = 'sender' | 'payload';

export interface IpcHandlerOptions {
  procedure: ProcedureName;
  dispatch: Dispatch;
  /** Decides whether the event comes from our renderer; main.ts binds `isTrustedSender` to the window. */
  isTrusted(event: IpcEventLike): boolean;
  /** Told about each refusal, for a log line (never with the payload). */
  onRefused?(procedure: ProcedureName, reason: IpcRefusal): void;
}

export type IpcInvokeHandler = (event: IpcEventLike, payload: unknown) => Promise<Result<unknown>>;

const PAYLOAD_REFUSED = 'Het verzoek aan AVG Desk heeft een ongeldige vorm.';

/**
 * The `ipcMain.handle` listener of one procedure. Every refusal is a `Result`, never an exception,
 * so the renderer shows a Dutch message instead of Electron's "Error invoking remote method".
 */
export function createIpcHandler(options: IpcHandlerOptions): IpcInvokeHandler {
  const { procedure, dispatch } = options;
  return async (event, rawPayload) => {
    if (!options.isTrusted(event)) {
      options.onRefused?.(procedure, 'sender');
      return fail('FORBIDDEN');
    }
    const payload = parseIpcPayload(rawPayload);
    if (!payload) {
      options.onRefused?.(procedure, 'payload');
      return fail('VALIDATION', PAYLOAD_REFUSED);
    }
    try {
      return await dispatch(procedure, payload.input, payload.token);
    } catch {
      // The dispatcher never throws; this keeps a future regression from reaching the renderer as a raw error.
      return fail('INTERNAL');
    }
  };
}
