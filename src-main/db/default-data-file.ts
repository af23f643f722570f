import { homedir } from 'node:os';
import { join } from 'node:path';

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
  return join(folder, 'loyalty.db');
}

/** --db wins, then LOYALTY_DB, then the user's data folder. */
export function resolveDataFile(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.LOYALTY_DB) return env.LOYALTY_DB;
  return defaultDataFile(process.platform, env);
}
