// The automatic backups before the operations that write the most: every import commit, approval and payout export
// takes a backup of the data file first (core/backup), from here, the layer that calls those operations, so that no
// earlier stage of the core depends on the backup stage. A backup that cannot be written refuses the operation
// (BACKUP_FAILED): going on without the copy promised would be worse than asking again. The day's backup is taken
// here too when a day begins while the app is open.
import type { CoreContext } from '../core/context';
import { backupBefore, dailyBackup } from '../core/backup/backup-actions';
import type { BackupReason } from '../core/backup/backup-types';
import type { CoreChannel, Handlers } from './handlers';
import type { Logger } from './dispatch';

export const BACKUP_BEFORE: Partial<Record<CoreChannel, BackupReason>> = {
  'import.commit': 'import',
  'period.approve': 'approval',
  'payouts.export': 'export',
};

export interface BackupsBeforeOptions {
  /**
   * Takes the day's backup at the first call of each day (UTC, as the backups' names), so that a window left open
   * past midnight takes it as one opened that day would; a failure is told to `log`, and the call goes on (the
   * day's backup is tried again at the next day's first call or start). The interactive lane's host only.
   */
  daily?: { log: Logger };
}

export function withBackupsBefore(handlers: Handlers, ctx: CoreContext, options: BackupsBeforeOptions = {}): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [channel, reason] of Object.entries(BACKUP_BEFORE) as [CoreChannel, BackupReason][]) {
    const inner = wrapped[channel] as (args: unknown) => unknown;
    wrapped[channel] = (args: unknown) => {
      backupBefore(ctx, reason);
      return inner(args);
    };
  }
  const daily = options.daily;
  if (daily) {
    // The day of the start, whose backup the host took (or tried) when it opened the file.
    let checkedDay = ctx.now().toISOString().slice(0, 10);
    for (const channel of Object.keys(wrapped)) {
      const inner = wrapped[channel] as (args: unknown) => unknown;
      wrapped[channel] = (args: unknown) => {
        const day = ctx.now().toISOString().slice(0, 10);
        if (day !== checkedDay) {
          checkedDay = day;
          try {
            dailyBackup(ctx);
          } catch (error) {
            daily.log('Could not take the daily backup:', error);
          }
        }
        return inner(args);
      };
    }
  }
  return wrapped as Handlers;
}
