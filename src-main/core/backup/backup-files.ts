// Backups of the data file, in a `backups` folder beside it. Each is written with VACUUM INTO, which reads the file
// in one read transaction: a backup of a file in use holds what was committed when it began (WAL included) and
// nothing of a write still under way. The copy is checked (integrity_check) before it is given its name, so a
// backup that is listed is one that passed.
//
// Why the time and the reason live in the file's name rather than in a sidecar: a name goes wherever the file goes
// (copied to a stick, mailed), it cannot be separated from the file it describes, and giving it is the one atomic
// step (rename) that makes a checked backup appear, so no half-written metadata can ever be listed.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from '../app-error';
import { removeIfStale } from '../stale-file';
import { findProjectRoot } from '../../db/project-paths';
import { resolveNativeBinding } from '../../db/native-binding';
import { backupsToKeep } from './backup-rotation';
import { BACKUP_REASONS, type BackupReason, type BackupView } from './backup-types';

/**
 * Past this size the start runs quick_check instead of integrity_check. integrity_check also matches every index
 * entry against its row; measured on a 242 MB file shaped like a year of 1,200,000 sales lines with four indexes
 * (this 2-core machine, shared), it took 33-46 s against 1.7-2.1 s for quick_check, which still reads every page and
 * finds the torn or overwritten pages a crash or a bad disk leaves. At 16 MB integrity_check takes about 2 s, the
 * most a start should wait. The automatic backups check their copy the same way (an approval should not wait half a
 * minute for its backup's check); a backup taken by hand and a backup to restore get the full check.
 */
export const QUICK_CHECK_ABOVE_BYTES = 16 * 1024 * 1024;

export const BACKUP_FOLDER = 'backups';

export function backupFolder(dataFile: string): string {
  return join(dirname(dataFile), BACKUP_FOLDER);
}

/** `loyalty` for `loyalty.db`: backups of two data files in one folder are told apart by it. */
function stemOf(dataFile: string): string {
  const name = basename(dataFile);
  return name.slice(0, name.length - extname(name).length) || name;
}

/** 2026-12-04T14:45:00.123Z as 2026-12-04T14-45-00-123Z: a name every file system takes. */
function stampOf(time: number): string {
  return new Date(time).toISOString().replace(/[:.]/g, '-');
}

const NAME = /^(.+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z]+)\.db$/;

export function backupFileName(dataFile: string, time: number, reason: BackupReason): string {
  return `${stemOf(dataFile)}-${stampOf(time)}-${reason}.db`;
}

/** A backup's time and reason read back from its name; null for any other file. */
export function parseBackupName(fileName: string): { stem: string; takenAt: string; reason: BackupReason } | null {
  const m = NAME.exec(fileName);
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[7]!)) return null;
  return { stem: m[1]!, takenAt: `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`, reason: m[7] as BackupReason };
}

/** The backups of this data file, newest first. */
export function listBackups(dataFile: string): BackupView[] {
  const folder = backupFolder(dataFile);
  if (!existsSync(folder)) return [];
  const stem = stemOf(dataFile);
  const views: BackupView[] = [];
  for (const fileName of readdirSync(folder)) {
    const parsed = parseBackupName(fileName);
    if (!parsed || parsed.stem !== stem) continue;
    const path = join(folder, fileName);
    let sizeBytes: number;
    try {
      sizeBytes = statSync(path).size;
    } catch {
      continue;
    }
    views.push({ fileName, path, takenAt: parsed.takenAt, reason: parsed.reason, sizeBytes });
  }
  return views.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

/** Opens a file for reading only, as the checks do: never creates, migrates or writes it. */
export function openReadOnly(file: string): Database.Database {
  const nativeBinding = resolveNativeBinding(process.versions, findProjectRoot());
  return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * What SQLite's own check says is wrong with the file, or [] when it is whole. `quick` runs quick_check (it skips
 * matching every index against its table, the slow part on a big file). A file too damaged to check is damaged.
 */
export function integrityProblems(sqlite: Database.Database, quick = false): string[] {
  try {
    const rows = sqlite.pragma(quick ? 'quick_check' : 'integrity_check', { simple: false }) as Record<
      string,
      string
    >[];
    const messages = rows.map((row) => String(Object.values(row)[0]));
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (error) {
    return [String((error as Error).message)];
  }
}

/** integrity_check (or quick_check) of a file on disk, through a read-only connection of its own. */
export function fileIntegrityProblems(file: string, quick = false): string[] {
  let sqlite: Database.Database;
  try {
    sqlite = openReadOnly(file);
  } catch (error) {
    return [String((error as Error).message)];
  }
  try {
    return integrityProblems(sqlite, quick);
  } finally {
    sqlite.close();
  }
}

/**
 * Writes a consistent copy of the open database to `target` (replacing a file there): VACUUM INTO a hidden name
 * beside it, integrity_check of the copy, then the rename. Refused inside a transaction (SQLite cannot VACUUM there).
 */
export function writeCheckedCopy(sqlite: Database.Database, target: string, quickPastThreshold = false): void {
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    rmSync(partial, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new AppError('BACKUP_FAILED', `The backup could not be written to ${target}: ${(error as Error).message}.`, {
      file: target,
    });
  }
  const problems = fileIntegrityProblems(
    partial,
    quickPastThreshold && statSync(partial).size > QUICK_CHECK_ABOVE_BYTES,
  );
  if (problems.length > 0) {
    rmSync(partial, { force: true });
    throw new AppError(
      'BACKUP_FAILED',
      `The backup written to ${target} did not pass integrity_check: ${problems[0]}.`,
      {
        file: target,
      },
    );
  }
  renameSync(partial, target);
}

/**
 * Takes a backup of the open data file into its backups folder and prunes the folder to the rotation. Two backups
 * in one millisecond (a fixed clock in tests) are told apart by the next free millisecond. `alsoKeep` names backups
 * of the folder this prune must leave whatever the rotation says (a restore's: the backup it is about to read).
 */
export function takeBackup(
  sqlite: Database.Database,
  dataFile: string,
  reason: BackupReason,
  now: Date,
  alsoKeep: readonly string[] = [],
): BackupView {
  const folder = backupFolder(dataFile);
  let time = now.getTime();
  while (existsSync(join(folder, backupFileName(dataFile, time, reason)))) time++;
  const fileName = backupFileName(dataFile, time, reason);
  const path = join(folder, fileName);
  writeCheckedCopy(sqlite, path, reason !== 'manual');
  const sizeBytes = statSync(path).size;
  // The backup just taken is never pruned by its own rotation: with the clock set back (or fixed, in tests) it can
  // be older than ten others, and a backup taken before an import must be there when the import goes wrong.
  pruneBackups(dataFile, now, [fileName, ...alsoKeep]);
  return { fileName, path, takenAt: new Date(time).toISOString(), reason, sizeBytes };
}

/**
 * Deletes the backups the rotation does not keep. The copies kept aside by a restore are never pruned: they are the
 * file as it was before someone replaced it, and a restore is rare.
 */
export function pruneBackups(dataFile: string, now: Date, alsoKeep: readonly string[] = []): void {
  const rotating = listBackups(dataFile).filter((b) => b.reason !== 'restore');
  const keep = new Set(backupsToKeep(rotating, now).map((b) => b.fileName));
  for (const fileName of alsoKeep) keep.add(fileName);
  for (const backup of rotating) if (!keep.has(backup.fileName)) rmSync(backup.path, { force: true });
  removeStalePartials(dataFile);
}

/**
 * Removes this data file's partial backup copies left by a backup killed part way (never listed, each would stay for
 * good, as large as the data file) and the staging copy a restore killed part way left beside the data file
 * (restore-backup.ts), once they are stale (../stale-file.ts).
 */
export function removeStalePartials(dataFile: string): void {
  const staging = join(dirname(dataFile), `.${basename(dataFile)}.restoring`);
  for (const suffix of ['', '-wal', '-shm']) removeIfStale(staging + suffix);
  const folder = backupFolder(dataFile);
  if (!existsSync(folder)) return;
  const stem = stemOf(dataFile);
  for (const name of readdirSync(folder)) {
    if (!name.startsWith('.') || !name.endsWith('.partial')) continue;
    const parsed = parseBackupName(name.slice(1, -'.partial'.length));
    if (!parsed || parsed.stem !== stem) continue;
    removeIfStale(join(folder, name));
  }
}

/** Whether a backup was taken today (UTC) already: the daily one is taken at the first start of a day. */
export function hasBackupOn(dataFile: string, now: Date): boolean {
  const day = now.toISOString().slice(0, 10);
  return listBackups(dataFile).some((b) => b.takenAt.slice(0, 10) === day);
}

/**
 * Where openDatabase copies the file before a migration: into the backups folder with the reason "migration", so
 * that it is listed and rotated with the others (openDatabase writes it with VACUUM INTO).
 */
export function migrationBackupPath(now: () => Date): (file: string) => string {
  return (file) => {
    mkdirSync(backupFolder(file), { recursive: true });
    let time = now().getTime();
    while (existsSync(join(backupFolder(file), backupFileName(file, time, 'migration')))) time++;
    return join(backupFolder(file), backupFileName(file, time, 'migration'));
  };
}
