// The Electron main process, kept thin: start the core host (utility processes that open the
// data file and answer the contract), relay the page's calls to it, show one hardened window.
// No core module runs here, so the window never waits for the core.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectCore, CoreHostFailed, type CoreClient } from '../host/core-client';
import { APP_SCHEME, createAppUrlCheck, preloadPath, resolveRendererLocation } from './app-location';
import { serveAppRequest } from './app-protocol';
import { describeOpenFailure, resolveUserDataOverride } from './data-file';
import { resolveDataFile } from '../host/data-file-location';
import { operatorName } from '../host/operator-name';
import { registerHandlers } from './register-handlers';
import { hardenWebContents, lockDownPermissions } from './security';
import { mainWindowOptions } from './window-options';
import { utilityHostLink } from './utility-host';
import { withSaveDialog } from './backup-dialog';

// out/main/ once bundled (an ES module: package.json says "type": "module").
const mainDir = dirname(fileURLToPath(import.meta.url));

// The app's own scheme, registered before the app is ready (Electron's rule): a standard, secure origin, so that the
// page is a secure context with an origin of its own rather than file://, whose origin is the whole disk.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const userDataOverride = resolveUserDataOverride(process.env);
if (userDataOverride) app.setPath('userData', userDataOverride);

// One app per profile: a second launch brings the open window forward instead of opening
// the same SQLite file twice.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}

/** Whether this is electron-vite's development build: Vite writes import.meta.env.DEV into the bundle. */
function developmentBuild(): boolean {
  return (import.meta as { env?: { DEV?: boolean } }).env?.DEV === true;
}

function start(): void {
  const location = resolveRendererLocation({
    // Only a development build (electron-vite dev) takes a page's URL from the environment: the app built for use,
    // packaged or run by `npm start`, always serves its own files, whatever ELECTRON_RENDERER_URL says.
    devServerUrl: developmentBuild() ? process.env.ELECTRON_RENDERER_URL : undefined,
    isPackaged: app.isPackaged,
    mainDir,
  });
  const isAppUrl = createAppUrlCheck(location);
  let core: CoreClient | undefined;
  let mainWindow: BrowserWindow | null = null;

  // Every web page the app ever creates is hardened, not only the main window.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { isAppUrl, openExternal: (url) => shell.openExternal(url) });
  });

  const createWindow = (): BrowserWindow => {
    const options = mainWindowOptions(preloadPath(mainDir));
    // The isolation flags are repeated in the call itself, where a static checker (electronegativity, run by
    // `npm run lint:electron`) sees them; window-options.ts holds them all, and its test checks the two agree.
    const window = new BrowserWindow({
      ...options,
      webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    const loading = window.loadURL(location.url);
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
    if (core && app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    void core?.close();
    core = undefined;
  });

  void app.whenReady().then(async () => {
    const dataFile = resolveDataFile({ env: process.env, userDataDir: app.getPath('userData') });
    const hostEntry = join(mainDir, 'host.js');
    try {
      core = await connectCore((lane) => utilityHostLink(hostEntry, lane), {
        dbFile: dataFile,
        actor: operatorName(),
        version: app.getVersion(),
        runtime: 'electron',
      });
    } catch (error) {
      console.error(error);
      const failure =
        error instanceof CoreHostFailed ? error.error : { code: 'INTERNAL' as const, message: String(error) };
      dialog.showErrorBox('Loyalty Desk cannot start', describeOpenFailure(dataFile, failure));
      app.quit();
      return;
    }
    registerHandlers(
      ipcMain,
      withSaveDialog(core, () => mainWindow),
      isAppUrl,
    );

    lockDownPermissions(session.defaultSession, isAppUrl);
    // The built page, from the renderer folder only, each file with the Content-Security-Policy header (Vite's dev
    // server needs inline scripts and a websocket for hot reload, so it has the page's own meta tag alone).
    if (location.kind === 'app') {
      const dir = location.dir;
      protocol.handle(APP_SCHEME, (request) => serveAppRequest(dir, request.url));
    }

    mainWindow = createWindow();
  });
}
