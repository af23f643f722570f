// Restoring a backup: the backup is judged first (a Loyalty Desk file of this version or an older one, whole by
// integrity_check, its ledger's chain and seals verified as `audit verify` does), the data file in use is kept aside,
// and only then is the backup's content written into the data file. It is first copied to a hidden staging file
// beside the data file, brought to this version's structure and given the operator log's note of the restore; the
// staged content then goes through SQLite's backup API into the data file itself, in one write transaction of that
// file: a crash part way leaves the file as it was, a restored file always carries its note, and a stale -wal beside
// it can never be replayed onto other content. A data file too damaged for that is moved aside whole and the staged
// file renamed into its place.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openDatabase } from '../../db/open-database';
import { AppError } from '../app-error';
import type { ErrorDetails } from '../error-catalogue';
import type { CoreContext } from '../context';
import { recordDecision } from '../operator/operator-log';
import { verifyLedger } from '../ledger/verify-ledger';
import { backupFolder, fileIntegrityProblems, openReadOnly, parseBackupName, takeBackup } from './backup-files';
import type { BackupView, LostExport, RestoreOutcome } from './backup-types';
import { inspectDataFile } from './start-check';
import { exportsLostByRestore } from './lost-exports';

type RefusalWhy = ErrorDetails['BACKUP_REFUSED']['why'];

const WHY_WORDS: Record<RefusalWhy, string> = {
  INTEGRITY: 'it is damaged (integrity_check fails)',
  NEWER: 'it was written by a newer version of Loyalty Desk',
  NOT_LOYALTY_DATABASE: 'it is not a Loyalty Desk data file',
  CHAIN_BROKEN: 'its ledger or its seals were changed behind the app’s back',
  GUARD_MISSING: 'an append-only trigger was removed from it',
};

function refused(file: string, why: RefusalWhy): AppError {
  return new AppError(
    'BACKUP_REFUSED',
    `The backup ${file} was not restored: ${WHY_WORDS[why]}. Nothing was changed.`,
    {
      file,
      why,
    },
  );
}

/** A backup as listed: its time and reason from its name, or (a file chosen elsewhere) its modification time. */
export function backupViewOf(file: string): BackupView {
  const parsed = parseBackupName(basename(file));
  const info = statSync(file);
  return {
    fileName: basename(file),
    path: file,
    takenAt: parsed?.takenAt ?? info.mtime.toISOString(),
    reason: parsed?.reason ?? 'manual',
    sizeBytes: info.size,
  };
}

/** Judges a backup without changing it; throws BACKUP_REFUSED naming why, or NOT_FOUND for no such file. */
export function judgeBackup(file: string): BackupView {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new AppError('NOT_FOUND', `There is no backup ${file}.`, { code: file });
  const view = backupViewOf(file);
  let inspection;
  try {
    inspection = inspectDataFile(file, { alwaysFull: true });
  } catch (error) {
    const code = (error as AppError).code;
    if (code === 'DATABASE_NEWER') throw refused(file, 'NEWER');
    if (code === 'NOT_LOYALTY_DATABASE') throw refused(file, 'NOT_LOYALTY_DATABASE');
    if (code === 'DATABASE_DAMAGED') throw refused(file, 'INTEGRITY');
    throw error;
  }
  if (statSync(file).size === 0) throw refused(file, 'NOT_LOYALTY_DATABASE');
  const first = inspection.problems[0];
  if (first) throw refused(file, first.code === 'INTEGRITY' ? 'INTEGRITY' : first.code);
  const sqlite = openReadOnly(file);
  try {
    const tables = sqlite.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
    if (tables === 0) throw refused(file, 'NOT_LOYALTY_DATABASE');
    const verification = verifyLedger(sqlite);
    if (!verification.ok)
      throw refused(
        file,
        verification.problems.some((p) => p.kind === 'GUARD_MISSING') ? 'GUARD_MISSING' : 'CHAIN_BROKEN',
      );
  } finally {
    sqlite.close();
  }
  return view;
}

export interface RestoreOptions {
  /** Who restores: named in the note of the restore that the restored file's operator log gets with it. */
  actor: string;
  /**
   * Why restoring past payout files exported after the backup is right (they were never sent, say). Without it such a
   * restore is refused with RESTORE_LOSES_EXPORTS naming the batches.
   */
  acceptLostExports?: string;
}

function losesExports(file: string, batches: LostExport[]): AppError {
  const named = batches.map((b) => `${b.batchRef} (${b.period}, ${b.rowCount} top-ups, exported ${b.createdAt})`);
  return new AppError(
    'RESTORE_LOSES_EXPORTS',
    `The backup ${file} was taken before ${batches.length === 1 ? 'a payout file was' : `${batches.length} payout files were`} exported: ${named.join('; ')}. ` +
      'The restored file would offer those top-ups again, so they could be paid twice. ' +
      'Nothing was changed; restore it only with a reason (for example that the file was never sent).',
    { file, batches },
  );
}

/**
 * Restores `backupFile` into `dataFile`, which no connection of this process may hold open (the app closes its
 * hosts first). Returns what was restored and where the file in use before was kept. Judged here, at the restore
 * itself and against the data file as it is now, whatever a dialog showed before.
 */
export async function restoreBackup(
  dataFile: string,
  backupFile: string,
  now: Date,
  options: RestoreOptions,
): Promise<RestoreOutcome> {
  const restored = judgeBackup(backupFile);
  const lostExports = existsSync(dataFile) ? exportsLostByRestore(dataFile, backupFile) : [];
  const reason = options.acceptLostExports?.trim() ?? '';
  if (lostExports.length > 0 && reason === '') throw losesExports(backupFile, lostExports);
  let keptAside: string | null = null;
  if (existsSync(dataFile) && statSync(dataFile).size > 0) {
    try {
      inspectDataFile(dataFile, { full: false });
      const current = openReadOnly(dataFile);
      try {
        // The backup to restore may be one of the folder's, which the rotation this copy prunes by would delete
        // before it is read (its day left the window, or, at a fixed clock, it ties with ten newer ones): kept.
        const restoring =
          resolve(dirname(backupFile)) === resolve(backupFolder(dataFile)) ? [basename(backupFile)] : [];
        keptAside = takeBackup(current, dataFile, 'restore', now, restoring).path;
      } finally {
        current.close();
      }
    } catch {
      keptAside = null;
    }
  }
  if (keptAside === null && existsSync(dataFile) && statSync(dataFile).size > 0) {
    // Not one SQLite can copy (damaged, not a database): moved aside as it is, with its -wal and -shm.
    keptAside = join(dirname(dataFile), `${basename(dataFile)}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`);
    renameSync(dataFile, keptAside);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(dataFile + suffix)) renameSync(dataFile + suffix, keptAside + suffix);
  }
  const outcome: RestoreOutcome = {
    restored,
    keptAside: keptAside ?? '',
    dataFile,
    lostExports,
    lostExportsReason: lostExports.length > 0 ? reason : null,
  };
  const staging = await stageWithNote(dataFile, backupFile, outcome, options.actor, now);
  try {
    if (!existsSync(dataFile) || statSync(dataFile).size === 0) {
      for (const suffix of ['-wal', '-shm']) rmSync(dataFile + suffix, { force: true });
      renameSync(staging, dataFile);
    } else {
      const source = openReadOnly(staging);
      try {
        await source.backup(dataFile);
      } finally {
        source.close();
      }
    }
  } finally {
    removeStaging(staging);
  }
  if (fileIntegrityProblems(dataFile).length > 0)
    throw new AppError(
      'BACKUP_FAILED',
      `The restored data file ${dataFile} did not pass integrity_check; the file in use before is kept at ${keptAside ?? '(none)'}.`,
      { file: dataFile },
    );
  return outcome;
}

function removeStaging(staging: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
}

/**
 * The backup's content copied (through SQLite, so a -wal beside a file chosen elsewhere counts) to a hidden file
 * beside the data file, migrated to this version like any file the app opens (the backup itself is the copy from
 * before; none is taken of the staging file), and noted in its operator log. One a killed restore left is replaced.
 */
async function stageWithNote(
  dataFile: string,
  backupFile: string,
  outcome: RestoreOutcome,
  actor: string,
  now: Date,
): Promise<string> {
  const staging = join(dirname(dataFile), `.${basename(dataFile)}.restoring`);
  removeStaging(staging);
  try {
    const source = openReadOnly(backupFile);
    try {
      await source.backup(staging);
    } finally {
      source.close();
    }
    const store = openDatabase(staging, { now: () => now, copyBeforeMigrating: false });
    try {
      recordRestore({ store, actor, now: () => now }, outcome);
    } finally {
      store.close();
    }
  } catch (error) {
    removeStaging(staging);
    throw error;
  }
  return staging;
}

/**
 * Notes the restore in the restored file's operator log: who restored which backup, where the old file went, and the
 * payout files it went back past with the coordinator's reason (the log's reason then, so it reads as a decision).
 */
function recordRestore(ctx: CoreContext, outcome: RestoreOutcome): void {
  ctx.store.transaction(() =>
    recordDecision(ctx, 'data.restore', outcome.restored.fileName, outcome.lostExportsReason, {
      takenAt: outcome.restored.takenAt,
      reason: outcome.restored.reason,
      keptAside: outcome.keptAside,
      ...(outcome.lostExports.length > 0 ? { lostExports: outcome.lostExports.map((b) => b.batchRef) } : {}),
    }),
  );
}
