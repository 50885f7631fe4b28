import type { DesktopBridge, DesktopEvents } from '../../shared/api/client.js';

declare global {
  interface Window {
    /** Present only in the desktop app, where the Electron preload exposes it (BRIDGE_KEY). */
    readonly avgDesk?: DesktopBridge;
    /** Desktop only: the main process's lock message (OS lock screen or sleep). */
    readonly avgDeskEvents?: DesktopEvents;
  }
}

export {};
