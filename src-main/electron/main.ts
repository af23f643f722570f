// The Electron main process, kept thin: open the data file, answer the contract's calls
// over IPC, show one hardened window. All computing happens in the core.
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Store } from '../db/open-database';
import { createHandlers } from '../ipc/handlers';
import type { CoreContext } from '../core/context';
import { createAppUrlCheck, preloadPath, resolveRendererLocation } from './app-location';
import { describeOpenFailure, resolveDataFile, resolveUserDataOverride } from './data-file';
import { registerHandlers } from './register-handlers';
import { applyContentSecurityPolicy, hardenWebContents, lockDownPermissions } from './security';
import { mainWindowOptions } from './window-options';
import { prewarmXlsxRowWorker } from '../core/import/read/xlsx-row-worker-client';

// out/main/ once bundled (an ES module: package.json says "type": "module").
const mainDir = dirname(fileURLToPath(import.meta.url));

const userDataOverride = resolveUserDataOverride(process.env);
if (userDataOverride) app.setPath('userData', userDataOverride);

// One app per profile: a second launch brings the open window forward instead of opening
// the same SQLite file twice.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}

function start(): void {
  const location = resolveRendererLocation({
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    isPackaged: app.isPackaged,
    mainDir,
  });
  const isAppUrl = createAppUrlCheck(location);
  let store: Store | undefined;
  let mainWindow: BrowserWindow | null = null;

  // Every web page the app ever creates is hardened, not only the main window.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isAppUrl, openExternal: (url) => shell.openExternal(url) });
  });

  const createWindow = (): BrowserWindow => {
    const window = new BrowserWindow(mainWindowOptions(preloadPath(mainDir)));
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    const loading = location.kind === 'dev-server' ? window.loadURL(location.url) : window.loadFile(location.file);
    loading.catch((error: unknown) => console.error(`Could not load ${location.url}:`, error));
    return window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (store && app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    store?.close();
    store = undefined;
  });

  void app.whenReady().then(() => {
    const dataFile = resolveDataFile(process.env, app.getPath('userData'));
    try {
      store = openDatabase(dataFile);
    } catch (error) {
      console.error(error);
      dialog.showErrorBox('Loyalty Desk cannot start', describeOpenFailure(dataFile, error));
      app.quit();
      return;
    }
    const ctx: CoreContext = { store, actor: operatorName(), now: () => new Date() };
    registerHandlers(ipcMain, createHandlers(ctx, { version: app.getVersion(), runtime: 'electron' }), isAppUrl);

    lockDownPermissions(session.defaultSession, isAppUrl);
    // Vite's dev server needs inline scripts and a websocket for hot reload, so the header
    // goes only with the built page; the page's own meta tag applies in both.
    if (location.kind === 'file') applyContentSecurityPolicy(session.defaultSession, isAppUrl);

    mainWindow = createWindow();
    // The thread that reads workbooks, started now so that the first import does not wait for it.
    prewarmXlsxRowWorker();
  });
}

/** Recorded as the actor of every decision; the OS account is who sits at this desk. */
function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): fall back to the environment.
    return process.env.USER ?? process.env.USERNAME ?? 'operator';
  }
}
