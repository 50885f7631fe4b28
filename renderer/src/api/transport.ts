import { BRIDGE_KEY, type ApiTransport } from '../../../shared/api/client.js';
import { HttpTransport } from './http-transport.js';
import { IpcTransport } from './ipc-transport.js';

/** IPC when the desktop preload exposed its bridge, otherwise HTTP to the browser-mode server. */
export function createTransport(win: Window = window): ApiTransport {
  const bridge = win[BRIDGE_KEY];
  return bridge ? new IpcTransport(bridge) : new HttpTransport();
}
