import type { DesktopBridge } from '../../shared/api/client.js';

declare global {
  interface Window {
    /** Present only in the desktop app, where the Electron preload exposes it (BRIDGE_KEY). */
    readonly avgDesk?: DesktopBridge;
  }
}

export {};
