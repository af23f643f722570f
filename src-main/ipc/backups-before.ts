// The automatic backups before the operations that write the most: every import commit, approval and payout export
// takes a backup of the data file first (core/backup), from here, the layer that calls those operations, so that no
// earlier stage of the core depends on the backup stage. A backup that cannot be written refuses the operation
// (BACKUP_FAILED): going on without the copy promised would be worse than asking again.
import type { CoreContext } from '../core/context';
import { backupBefore } from '../core/backup/backup-actions';
import type { BackupReason } from '../core/backup/backup-types';
import type { CoreChannel, Handlers } from './handlers';

export const BACKUP_BEFORE: Partial<Record<CoreChannel, BackupReason>> = {
  'import.commit': 'import',
  'period.approve': 'approval',
  'payouts.export': 'export',
};

export function withBackupsBefore(handlers: Handlers, ctx: CoreContext): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [channel, reason] of Object.entries(BACKUP_BEFORE) as [CoreChannel, BackupReason][]) {
    const inner = handlers[channel] as (args: unknown) => unknown;
    wrapped[channel] = (args: unknown) => {
      backupBefore(ctx, reason);
      return inner(args);
    };
  }
  return wrapped as Handlers;
}
