// What the first start needs and may not find, said in one sentence each (`npm start`, `npm run dev`, `npm run web`).
// Plain ESM, run before any TypeScript tool; typed by first-start.d.mts and tested in tests/unit/first-start.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Electron's program as its package installed it: node_modules/electron/path.txt names it under dist/. Read, not
 * require('electron'), which tries to download it again and throws a stack trace when it cannot.
 */
export function electronProgram(root, env = process.env) {
  const dir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(dir, 'package.json'))) return { found: false, why: 'package' };
  const pathFile = join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    return { found: true, path: join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron') };
  if (name === '') return { found: false, why: 'download' };
  const path = join(dir, 'dist', name);
  return existsSync(path) ? { found: true, path } : { found: false, why: 'download' };
}

/** The one sentence `npm start` says when the window cannot open. */
export function noElectronSentence(why) {
  return why === 'package'
    ? 'Loyalty Desk cannot open its window: Electron is not installed in node_modules (run "npm install"), and "npm run web" opens Loyalty Desk in your browser instead.'
    : 'Loyalty Desk cannot open its window because Electron\'s program was not downloaded (the download was blocked or skipped): run "npm run web" to use Loyalty Desk in your browser, or "npm rebuild electron" where the download is allowed.';
}

/** True when the window's files are built (out/renderer), which `npm run web` serves. */
export function rendererBuilt(root) {
  return existsSync(join(root, 'out', 'renderer', 'index.html'));
}
