// Backups from the command line: `backup` takes one now (and writes a copy where --out says), `backups` lists them,
// `restore FILE` judges a backup, keeps the data file in use aside and restores it.
import type { Command } from './command-types';
import { textOption } from './option-values';
import type { BackupView, RestoreOutcome } from '../core/backup/backup-types';
import { resolveDataFile } from '../host/data-file-location';

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

function line(b: BackupView): string {
  return `${b.takenAt}  ${b.reason.padEnd(9)}  ${size(b.sizeBytes).padStart(9)}  ${b.path}`;
}

export const BACKUP_COMMANDS: Command[] = [
  {
    words: ['backup'],
    positionals: [],
    options: '[--out FILE]',
    summary:
      'back up the data file now into the backups folder beside it (checked with integrity_check), and to FILE when --out is given',
    async run(ctx, _rest, values) {
      const { backUpNow } = await import('../core/backup/backup-actions');
      const result = backUpNow(ctx, textOption(values, 'out'));
      return {
        json: result,
        text: [
          `Backed up to ${result.backup.path} (${size(result.backup.sizeBytes)}).`,
          ...(result.copiedTo ? [`Copy written to ${result.copiedTo}.`] : []),
        ].join('\n'),
      };
    },
  },
  {
    words: ['backups'],
    positionals: [],
    options: '',
    summary:
      'list the backups of the data file, newest first: time, reason (import, approval, export, restore, migration, daily, manual), size and file (reads only)',
    readOnly: true,
    async run(ctx) {
      const { listDataBackups } = await import('../core/backup/backup-actions');
      const backups = listDataBackups(ctx);
      return {
        json: backups,
        text: backups.length === 0 ? 'No backups yet.' : backups.map(line).join('\n'),
      };
    },
  },
  {
    words: ['restore'],
    positionals: ['FILE'],
    options: '[--accept-lost-exports REASON]',
    summary:
      'restore a backup: refused unless it passes integrity_check, is of this version or an older one and its ledger and seals verify; refused too when payout files were exported after it was taken (their top-ups would be offered again), unless --accept-lost-exports gives the reason; the data file in use is first kept as a backup with the reason "restore"',
    async offline([file], values, env) {
      const { restoreBackup } = await import('../core/backup/restore-backup');
      const { operatorName } = await import('../host/operator-name');
      const { resolve } = await import('node:path');
      const dataFile = resolveDataFile({ flag: textOption(values, 'db'), env });
      const now = new Date();
      const accepted = textOption(values, 'accept-lost-exports');
      // A backup of an older version is migrated, and the restore noted in its log, in the same write.
      const outcome: RestoreOutcome = await restoreBackup(dataFile, resolve(file!), now, {
        actor: operatorName(env),
        ...(accepted !== undefined ? { acceptLostExports: accepted } : {}),
      });
      return {
        json: outcome,
        text: [
          `Restored ${outcome.restored.path} (taken ${outcome.restored.takenAt}, ${outcome.restored.reason}) into ${outcome.dataFile}.`,
          `The data file in use before is kept at ${outcome.keptAside || '(there was none)'}.`,
          ...(outcome.lostExports.length > 0
            ? [
                `Went back past ${outcome.lostExports.length} exported payout file(s), which the restored file does not know: ${outcome.lostExports.map((b) => b.batchRef).join(', ')} (reason: ${outcome.lostExportsReason}).`,
              ]
            : []),
        ].join('\n'),
      };
    },
    run() {
      throw new Error('restore runs without opening the data file first');
    },
  },
];
