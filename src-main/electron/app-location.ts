// Where the window's page, the preload and the app's own URLs are. Pure (no Electron), so
// the rule "only our own page may call the core" is tested without a window.
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type RendererLocation = { kind: 'dev-server'; url: string } | { kind: 'file'; file: string; url: string };

/**
 * electron-vite sets ELECTRON_RENDERER_URL under `electron-vite dev`; otherwise the page is
 * the built out/renderer/index.html beside out/main/. A packaged app ignores the variable,
 * so nobody can point an installed app at another server by setting it.
 */
export function resolveRendererLocation(options: {
  devServerUrl: string | undefined;
  isPackaged: boolean;
  mainDir: string;
}): RendererLocation {
  if (options.devServerUrl && !options.isPackaged) return { kind: 'dev-server', url: options.devServerUrl };
  const file = join(options.mainDir, '..', 'renderer', 'index.html');
  return { kind: 'file', file, url: pathToFileURL(file).href };
}

/** The bundled preload, out/preload/index.cjs (CommonJS: a sandboxed preload is not ESM). */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}

/**
 * Whether a URL is one of the app's own pages: the dev server's origin, or a file inside
 * the built renderer folder. Anything else (another site, another local file) is foreign.
 */
export function createAppUrlCheck(location: RendererLocation): (url: string) => boolean {
  if (location.kind === 'dev-server') {
    const origin = new URL(location.url).origin;
    return (url) => parseUrl(url)?.origin === origin;
  }
  const rendererDir = dirname(location.file);
  return (url) => {
    const parsed = parseUrl(url);
    if (!parsed || parsed.protocol !== 'file:') return false;
    let path: string;
    try {
      path = fileURLToPath(parsed);
    } catch {
      return false; // a file URL with a host (file://server/share/...) is not ours
    }
    const inside = relative(rendererDir, path);
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
