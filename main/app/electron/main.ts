import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, safeStorage, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IPC_PREFIX, LOCK_EVENT_CHANNEL } from '../../../shared/api/client.js';
import { PROCEDURE_NAMES } from '../../../shared/api/procedures.js';
import { createBackend, type Backend } from '../backend.js';
import { fileLogger, LOG_LEVELS, stderrLogger, type Logger, type LogLevel } from '../../platform/log.js';
import { onPowerEvent } from '../../settings/auto-lock.js';
import { CONTENT_SECURITY_POLICY } from '../http.js';
import { createIpcHandler, isAppUrl, isTrustedSender, parseDevServerUrl, type AppOrigin } from './ipc-guard.js';
import { OS_FILE_CHANNEL, OS_NOTIFY_CHANNEL } from '../../../shared/work/os-bridge.js';
import { dutchToday } from '../../../shared/cases/cases.js';
import { createFileDialogs } from './file-dialogs.js';
import { createOsNotifier } from '../../work/os-notifier.js';
import { createSafeStorageProtector, KeyProtectionUnavailableError } from './safe-storage.js';

/**
 * The Electron main process: lifecycle, the one window, and the IPC transport to the backend.
 * Hardened per Electron's security checklist: sandboxed renderer with context isolation, strict
 * CSP, no navigation away from our page, no new windows, no permissions, every IPC sender checked.
 */

const APP_USER_MODEL_ID = 'nl.dealliantie.avgdesk';
/** Until the app is ready, stderr; then rotating files in the app's log folder (%APPDATA%\AVG Desk\logs). */
let logger: Logger = stderrLogger;

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const INDEX_HTML = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

// The dev server URL is honoured only in development: in a packaged app an environment variable
// must never be able to point the window, and with it the backend bridge, somewhere else.
const devServer = app.isPackaged ? null : parseDevServerUrl(process.env.ELECTRON_RENDERER_URL);

const appOrigin: AppOrigin = {
  indexFileUrl: devServer ? null : pathToFileURL(INDEX_HTML).href,
  devServerOrigin: devServer?.origin ?? null,
  caseInsensitivePaths: process.platform === 'win32',
};

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;
let sweeper: NodeJS.Timeout | null = null;

function contentSecurityPolicy(): string {
  if (!devServer) return CONTENT_SECURITY_POLICY;
  // Development only: Vite's client needs its inline React Refresh preamble and a websocket for hot reload.
  const websocket = devServer.origin.replace(/^http/u, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${websocket}`,
  );
}

/** Applied to every WebContents the app ever creates (the window's, and any the page might try to open). */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnOurPage = (event: { readonly url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnOurPage);
  contents.on('will-frame-navigate', stayOnOurPage);
  contents.on('will-redirect', stayOnOurPage);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  const csp = contentSecurityPolicy();
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // The app needs no camera, microphone, notifications, geolocation, USB, HID or serial device
  // (Windows notifications come from the main process, see registerIpc, not from the page).
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function liveContents(): WebContents | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
}

const notify = createOsNotifier({
  isSupported: () => Notification.isSupported(),
  show: ({ title, body }) => {
    const notification = new Notification({ title, body });
    notification.on('click', focusMainWindow);
    notification.show();
  },
});

const chooseFile = createFileDialogs(
  {
    showSave: async (options) => {
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    showOpen: async (options) => {
      const properties: 'openFile'[] = ['openFile'];
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, { ...options, properties }) : await dialog.showOpenDialog({ ...options, properties });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  },
  () => dutchToday(new Date()),
);

function registerIpc(target: Backend): void {
  ipcMain.handle(OS_FILE_CHANNEL, (event, payload: unknown) => {
    if (!isTrustedSender(event, liveContents(), appOrigin)) {
      logger.error({ event: 'ipc.refused', procedure: OS_FILE_CHANNEL, detail: 'untrusted sender' });
      return null;
    }
    return chooseFile(payload);
  });
  ipcMain.handle(OS_NOTIFY_CHANNEL, (event, payload: unknown) => {
    if (!isTrustedSender(event, liveContents(), appOrigin)) {
      logger.error({ event: 'ipc.refused', procedure: OS_NOTIFY_CHANNEL, detail: 'untrusted sender' });
      return false;
    }
    return notify(payload);
  });
  for (const procedure of PROCEDURE_NAMES) {
    ipcMain.handle(
      IPC_PREFIX + procedure,
      createIpcHandler({
        procedure,
        dispatch: target.dispatch,
        isTrusted: (event) => isTrustedSender(event, liveContents(), appOrigin),
        onRefused: (name, reason) => logger.error({ event: 'ipc.refused', procedure: name, detail: reason }),
      }),
    );
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: 'AVG Desk',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: {
      // electronegativity asks for every preload to be reviewed (PRELOAD_JS_CHECK). Reviewed: it
      // is sandboxed, exposes one function per procedure and never ipcRenderer (see preload.ts, bridge.ts).
      preload: PRELOAD_PATH, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click on a link would otherwise try to open it in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  const loading = devServer ? win.loadURL(devServer.url) : win.loadFile(INDEX_HTML);
  loading.catch((error: unknown) => {
    // ERR_ABORTED only means another navigation (e.g. a reload) replaced this one.
    if (error instanceof Error && 'code' in error && error.code === 'ERR_ABORTED') return;
    fatal(error);
  });
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function fatal(error: unknown): void {
  logger.error({ event: 'startup.failed', errorName: error instanceof Error ? error.name : typeof error });
  const message =
    error instanceof KeyProtectionUnavailableError
      ? error.message
      : 'AVG Desk kon niet starten. Probeer het opnieuw; lukt het niet, neem dan contact op met IT.';
  dialog.showErrorBox('AVG Desk kan niet starten', message);
  backend?.close();
  app.exit(1);
}

function onReady(): void {
  const level = process.env.AVG_DESK_LOG_LEVEL ?? '';
  logger = fileLogger({ dir: app.getPath('logs'), level: (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : 'info' });
  lockDownSession();
  // Throws, with a Dutch message, when the OS would keep the keys in plaintext.
  const protector = createSafeStorageProtector(safeStorage);
  const dataDir = process.env.AVG_DESK_DATA || app.getPath('userData');
  // The default resolves from import.meta.url, which points into out/main once bundled.
  const migrationsFolder = join(app.getAppPath(), 'db', 'local', 'migrations');
  // This file is the bundle's entry (out/main/index.js); the worker entry lands next to it.
  const redactionWorkerUrl = new URL('./worker.js', import.meta.url);
  const started = createBackend({ dataDir, protector, migrationsFolder, logger, redactionWorkerUrl, warmRedaction: true });
  backend = started;
  registerIpc(started);

  sweeper = setInterval(() => started.sweep(), 30_000);
  // The OS locks the screen or goes to sleep: every session is locked, the key leaves memory, the window shows the lock dialog.
  const lockOn = (event: string) => () => {
    onPowerEvent(event, { lockBackend: () => started.lockAll(), tellRenderer: () => liveContents()?.send(LOCK_EVENT_CHANNEL) });
  };
  powerMonitor.on('lock-screen', lockOn('lock-screen'));
  powerMonitor.on('suspend', lockOn('suspend'));

  mainWindow = createWindow();
}

function start(): void {
  // Chromium's own files (cache, local storage) apart from the encrypted store, so the data folder
  // holds only what AVG Desk wrote. Must happen before the app is ready.
  app.setPath('sessionData', join(app.getPath('userData'), 'chromium'));
  // Every renderer sandboxed, whatever a future BrowserWindow forgets to set.
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // The default menu has reload, developer tools and links that open a browser: none belong in the packaged app.
  if (app.isPackaged) Menu.setApplicationMenu(null);

  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    if (sweeper) clearInterval(sweeper);
    sweeper = null;
    backend?.close();
    backend = null;
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => fatal(error));
}

// One instance per Windows user: a second start brings the running window to the front.
if (app.requestSingleInstanceLock()) start();
else app.quit();
