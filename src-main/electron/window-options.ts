import type { BrowserWindowConstructorOptions } from 'electron';

const WINDOW_TITLE = 'Loyalty Desk';

/**
 * The main window. The page is an ordinary web page with no Node: context isolation,
 * sandbox and web security on; the preload is its only bridge, and it exposes the contract.
 * The window stays hidden until the first paint, so the operator never sees a blank frame.
 */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
