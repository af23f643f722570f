import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'loyalty-desk';
export const DATA_FILE_NAME = 'loyalty.db';

/**
 * Where the program's data lives when no --db or LOYALTY_DB says otherwise: the user's
 * data folder of the platform, so that the file survives reinstalling the app.
 */
export function defaultDataFile(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || join(home, 'AppData', 'Roaming');
    return join(appData, APP_FOLDER_NAME, DATA_FILE_NAME);
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_FOLDER_NAME, DATA_FILE_NAME);
  }
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return join(dataHome, APP_FOLDER_NAME, DATA_FILE_NAME);
}

/** The data file chosen by `--db FILE` (or `--db=FILE`), else LOYALTY_DB, else the default. */
export function chooseDataFile(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--db' && argv[i + 1]) return argv[i + 1] as string;
    if (arg.startsWith('--db=') && arg.length > 5) return arg.slice(5);
  }
  if (env.LOYALTY_DB) return env.LOYALTY_DB;
  return defaultDataFile(process.platform, env);
}
