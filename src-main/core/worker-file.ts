// A thread's file as the CLI's build writes it, beside its chunks (scripts/build-cli.mjs): the statement drawing
// threads and the audit's. Where it is not built (the app's bundle, tsx, vitest) there is none, and the caller does
// the work in its own thread.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function workerBeside(fileName: string): string | null {
  // Not new URL(..., import.meta.url): bundlers take that for an asset of their own to copy.
  const path = join(dirname(fileURLToPath(import.meta.url)), fileName);
  return existsSync(path) ? path : null;
}
