import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, EVENTS_KEY, LOCK_EVENT_CHANNEL, type DesktopEvents } from '../../../shared/api/client.js';
import { OS_FILE_CHANNEL, OS_KEY, OS_NOTIFY_CHANNEL, type DesktopOs } from '../../../shared/work/os-bridge.js';
import { createBridge } from './bridge.js';

/**
 * Runs sandboxed (built as CommonJS: a sandboxed preload cannot be an ES module) and may require
 * only 'electron'; everything else is bundled. It exposes one function per procedure and never
 * `ipcRenderer` itself, so the page can reach nothing but the avg-desk: channels.
 */
contextBridge.exposeInMainWorld(
  BRIDGE_KEY,
  createBridge((channel, payload) => ipcRenderer.invoke(channel, payload)),
);

const events: DesktopEvents = {
  onLock(listener) {
    // The page gets no IpcRendererEvent (it would reach ipcRenderer through event.sender).
    const forward = (): void => listener();
    ipcRenderer.on(LOCK_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(LOCK_EVENT_CHANNEL, forward);
    };
  },
};
contextBridge.exposeInMainWorld(EVENTS_KEY, events);

// Only the payload goes over; the main process validates it and decides (setting, rate limit).
const os: DesktopOs = {
  notify: async (notification) => (await ipcRenderer.invoke(OS_NOTIFY_CHANNEL, { title: notification.title, body: notification.body })) === true,
  chooseFile: async (purpose) => {
    const chosen: unknown = await ipcRenderer.invoke(OS_FILE_CHANNEL, { purpose });
    return typeof chosen === 'string' ? chosen : null;
  },
};
contextBridge.exposeInMainWorld(OS_KEY, os);
