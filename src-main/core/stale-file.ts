// Files a write killed part way leaves behind (a partial backup copy, a restore's staging copy, a save's temporary
// file): nobody else would remove them. One this old is left over; a younger one may be another window's or the
// command line's write still under way, so it is left alone.
import { rmSync, statSync } from 'node:fs';

/** How old a leftover must be, by its own modification time, before it is removed. */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** Removes `path` if it is older than STALE_AFTER_MS; a path not there, or gone meanwhile, is left as it is. */
export function removeIfStale(path: string): void {
  try {
    if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { force: true });
  } catch {
    // Not there, gone meanwhile (the write that made it finished), or not ours to remove.
  }
}
