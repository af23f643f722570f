import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the database lives when no --db or LOYALTY_DB says otherwise: the user's data
 * folder, as Electron's app.getPath('userData') would give for "Loyalty Desk".
 */
export function defaultDataFile(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  const folder =
    platform === 'win32'
      ? join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Loyalty Desk')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support', 'Loyalty Desk')
        : join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Loyalty Desk');
  return join(folder, DATA_FILE_NAME);
}

export const DATA_FILE_NAME = 'loyalty.db';

/**
 * The one rule for which data file the app, the CLI and the web bridge open: --db wins, then
 * LOYALTY_DB (tests and the e2e run point it at a temp file; an operator can keep the data on
 * another disk), then loyalty.db in the user's data folder (Electron's userData when the
 * desktop app knows it, the same folder worked out by hand otherwise).
 */
export function resolveDataFile(
  options: { flag?: string; env?: Record<string, string | undefined>; userDataDir?: string } = {},
): string {
  const env = options.env ?? process.env;
  if (options.flag) return resolve(options.flag);
  const override = env.LOYALTY_DB?.trim();
  if (override) return resolve(override);
  if (options.userDataDir) return join(options.userDataDir, DATA_FILE_NAME);
  return defaultDataFile(process.platform, env);
}
