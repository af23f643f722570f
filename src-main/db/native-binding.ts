import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native addon, and Node and Electron need different builds of it
 * (different ABI). `npm install` compiles the Node build in place, and
 * scripts/native-for-electron.mjs puts an Electron build beside it; each runtime loads
 * its own, so `npm test` and `npm start` can follow each other in any order.
 */
export function electronBindingPath(projectRoot: string): string {
  return join(projectRoot, 'node_modules', '.loyalty-native', 'electron', 'better_sqlite3.node');
}

export function resolveNativeBinding(
  versions: NodeJS.ProcessVersions,
  projectRoot: string,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (!versions.electron) return undefined;
  const path = electronBindingPath(projectRoot);
  if (!exists(path)) {
    throw new Error(
      `The database engine has not been built for Electron (${path} is missing). Run "npm install" again with internet access.`,
    );
  }
  return path;
}
