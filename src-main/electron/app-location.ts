// Where the window's page, the preload and the app's own URLs are. Pure (no Electron), so
// the rule "only our own page may call the core" is tested without a window.
//
// The built page is served from a scheme of the app's own, app://loyalty-desk/, not from file://: a file URL's
// origin is every file of the disk (a page could read or frame any of them), while app:// answers only the files of
// the built renderer folder, each with the app's Content-Security-Policy.
import { isAbsolute, join, relative, resolve } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'loyalty-desk';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export type RendererLocation = { kind: 'dev-server'; url: string } | { kind: 'app'; dir: string; url: string };

/**
 * electron-vite sets ELECTRON_RENDERER_URL under `electron-vite dev`; otherwise the page is
 * the built out/renderer/index.html beside out/main/, served as app://loyalty-desk/index.html.
 * A packaged app ignores the variable, so nobody can point an installed app at another server
 * by setting it.
 */
export function resolveRendererLocation(options: {
  devServerUrl: string | undefined;
  isPackaged: boolean;
  mainDir: string;
}): RendererLocation {
  if (options.devServerUrl && !options.isPackaged) return { kind: 'dev-server', url: options.devServerUrl };
  return { kind: 'app', dir: join(options.mainDir, '..', 'renderer'), url: `${APP_ORIGIN}/index.html` };
}

/**
 * The file of the built renderer folder an app:// URL names ("/" is index.html), or null for any URL that is not
 * the app's or that would leave the folder (an encoded "..", a backslash, a NUL).
 */
export function rendererFileOf(dir: string, url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\\') || path.includes('\0')) return null;
  const file = resolve(dir, `.${path === '/' || path === '' ? '/index.html' : path}`);
  const inside = relative(resolve(dir), file);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? file : null;
}

/** The bundled preload, out/preload/index.cjs (CommonJS: a sandboxed preload is not ESM). */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}

/**
 * Whether a URL is one of the app's own pages: the dev server's origin, or app://loyalty-desk/.
 * Anything else (another site, a local file) is foreign.
 */
export function createAppUrlCheck(location: RendererLocation): (url: string) => boolean {
  if (location.kind === 'dev-server') {
    const origin = new URL(location.url).origin;
    return (url) => parseUrl(url)?.origin === origin;
  }
  // A scheme Node's URL does not know has the origin "null": the scheme and host are compared instead.
  return (url) => {
    const parsed = parseUrl(url);
    return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
