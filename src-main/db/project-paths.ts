import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
