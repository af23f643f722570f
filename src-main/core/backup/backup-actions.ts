// The backups the app takes of the open data file: automatically before an operation that writes much (the outside
// layer that calls import commit, approval and export calls `backupBefore`), once on the first start of a day, and
// by hand to a place the coordinator chooses.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../app-error';
import { inspectDataFile } from './start-check';
import type { CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { hasBackupOn, listBackups, takeBackup, writeCheckedCopy } from './backup-files';
import type { BackUpNowResult, BackupReason, BackupView } from './backup-types';

function backedUp(ctx: CoreContext): boolean {
  return ctx.store.file !== ':memory:' && !ctx.store.sqlite.readonly;
}

/** An automatic backup before an operation; none for a database in memory. */
export function backupBefore(ctx: CoreContext, reason: BackupReason): BackupView | null {
  if (!backedUp(ctx)) return null;
  return takeBackup(ctx.store.sqlite, ctx.store.file, reason, ctx.now());
}

/** The daily backup: taken at the first start of a (UTC) day the app is used, if none was taken that day yet. */
export function dailyBackup(ctx: CoreContext): BackupView | null {
  if (!backedUp(ctx) || hasBackupOn(ctx.store.file, ctx.now())) return null;
  // A new, empty file has nothing worth keeping yet.
  const tables = ctx.store.sqlite.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'programs'").pluck().get();
  const programs = tables ? (ctx.store.sqlite.prepare('SELECT COUNT(*) FROM programs').pluck().get() as number) : 0;
  if (programs === 0) return null;
  return takeBackup(ctx.store.sqlite, ctx.store.file, 'daily', ctx.now());
}

/** "Back up now": a backup in the backups folder, and a copy where asked (replacing a file there); noted in the log. */
export function backUpNow(ctx: CoreContext, to?: string): BackUpNowResult {
  const copiedTo = to ? resolve(to) : null;
  if (copiedTo) refuseTarget(copiedTo, ctx.store.file);
  const backup = takeBackup(ctx.store.sqlite, ctx.store.file, 'manual', ctx.now());
  if (copiedTo) writeCheckedCopy(ctx.store.sqlite, copiedTo);
  ctx.store.transaction(() =>
    recordDecision(ctx, 'data.backup', backup.fileName, null, { copiedTo, sizeBytes: backup.sizeBytes }),
  );
  return { backup, copiedTo };
}

/**
 * A copy replaces what is at its path, so the path is judged first: never the data file itself (or its -wal, -shm),
 * and never a file there that is not a Loyalty Desk database (a typing slip must not overwrite a document).
 */
function refuseTarget(target: string, dataFile: string): void {
  const live = resolve(dataFile);
  if ([live, `${live}-wal`, `${live}-shm`, `${live}-journal`].includes(target))
    throw new AppError('INVALID_INPUT', `${target} is the data file in use; choose another place for the copy.`, {
      field: 'to',
    });
  if (existsSync(target) && statSync(target).isDirectory())
    throw new AppError('FILE_NOT_WRITABLE', `${target} is a folder; give the copy a file name in it.`, {
      file: target,
    });
  if (existsSync(target)) inspectDataFile(target, { full: false });
}

export function listDataBackups(ctx: CoreContext): BackupView[] {
  return ctx.store.file === ':memory:' ? [] : listBackups(ctx.store.file);
}
