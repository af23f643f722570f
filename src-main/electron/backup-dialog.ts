// "Back up now to a place you choose" in the desktop app: the page asks `backups.chooseTarget`, the main process shows
// the system's save dialog and answers with the path chosen (null when cancelled); the backup itself is then written
// by the core (`backups.create` with `to`), never by this process.
import { dialog, type BrowserWindow } from 'electron';
import type { CallResult } from '../ipc/contract';
import type { CallRelay } from './register-handlers';

export function withSaveDialog(core: CallRelay, window: () => BrowserWindow | null): CallRelay {
  return {
    async call(channel, args): Promise<CallResult<unknown>> {
      if (channel !== 'backups.chooseTarget') return core.call(channel, args);
      const stamp = new Date().toISOString().slice(0, 10);
      const options = {
        defaultPath: `loyalty-backup-${stamp}.db`,
        filters: [{ name: 'Loyalty Desk data file', extensions: ['db'] }],
      };
      const owner = window();
      const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return {
        ok: true,
        value: { supported: true, path: chosen.canceled || !chosen.filePath ? null : chosen.filePath },
      };
    },
  };
}
