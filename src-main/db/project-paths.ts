import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds package.json and drizzle/. Found by walking up from this module,
 * because the same code runs from src-main/ under tsx and vitest and from out/main/
 * once electron-vite has bundled it.
 */
export function findProjectRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the Loyalty Desk folder (with drizzle/) above ${start}`);
    dir = parent;
  }
}

/**
 * The copy outside app.asar of a file of the packaged app, where electron-builder's asarUnpack puts it
 * (app.asar.unpacked, beside the archive): a worker thread loads its file with Node's own loader, which cannot read
 * inside the archive. Any other path, or one with no unpacked copy, is returned as it is.
 */
export function outsideAsar(path: string, exists: (path: string) => boolean = existsSync): string {
  const marker = `${sep}app.asar${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return path;
  const unpacked = `${path.slice(0, at)}${sep}app.asar.unpacked${sep}${path.slice(at + marker.length)}`;
  return exists(unpacked) ? unpacked : path;
}
