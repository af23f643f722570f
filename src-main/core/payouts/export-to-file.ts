// Saving a payout file at a path the operator chose, so that a file that cannot be written
// leaves nothing recorded: the bytes go to a temporary file beside the target first, the batch
// is committed only once they are on disk, and the rename that puts them in place is the last
// step. A rename that fails after the commit is said as it is: the batch is recorded, the
// file is the temporary one, and exporting again returns the same bytes.
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../app-error';
import { removeIfStale } from '../stale-file';
import type { ExportResult } from './payout-types';
import type { PreparedExport } from './export-payouts';

/** Why a file could not be written in `folder`, in words (the folder is missing, the disk is full, ...). */
export function whyNotWritable(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `the folder ${folder} does not exist`;
    case 'ENOTDIR':
      return `${folder} is not a folder`;
    case 'EACCES':
    case 'EPERM':
      return `there is no permission to write in ${folder}`;
    case 'EROFS':
      return `${folder} is on a read-only disk`;
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EISDIR':
      return 'that path is a folder';
    default:
      return (error as Error).message;
  }
}

const TEMP_TAIL = /^\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files of earlier saves of `out` that are stale (../stale-file.ts): left by a save killed part
 * way, or by a rename that failed, whose bytes exporting again gives back.
 */
function removeStaleTemps(out: string): void {
  const folder = dirname(out);
  const head = `.${basename(out)}`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // No folder to clean: the save says why it cannot write there.
  }
  for (const name of names)
    if (name.startsWith(head) && TEMP_TAIL.test(name.slice(head.length))) removeIfStale(join(folder, name));
}

/**
 * Writes `bytes` to a new temporary file beside `out` and flushes it to disk; returns its path. On failure nothing
 * is left behind and the file system's error is thrown as it is, for the caller to word. Temporary files of earlier
 * saves of the same file left for over an hour are removed first.
 */
export function writeBeside(out: string, bytes: Uint8Array): string {
  removeStaleTemps(out);
  const temp = join(dirname(out), `.${basename(out)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return temp;
}

export interface SavedExport extends ExportResult {
  /** Where the file is. */
  out: string;
}

export async function saveExport(prepare: () => Promise<PreparedExport>, target: string): Promise<SavedExport> {
  const out = resolve(target);
  const folder = dirname(out);
  const prepared = await prepare();
  let temp: string;
  try {
    // Flushed before the commit, so that a full disk shows here and not after the batch is recorded.
    temp = writeBeside(out, prepared.bytes);
  } catch (error) {
    throw new AppError(
      'FILE_NOT_WRITABLE',
      `Cannot write ${out}: ${whyNotWritable(error, folder)}. Nothing was recorded.`,
      {
        path: out,
        reason: (error as NodeJS.ErrnoException).code ?? null,
      },
    );
  }
  let result: ExportResult;
  try {
    result = prepared.commit();
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    renameSync(temp, out);
  } catch (error) {
    throw new AppError(
      'FILE_NOT_MOVED',
      `The payout batch ${result.batch.batchRef} was recorded, but its file could not be put at ${out} (${whyNotWritable(error, folder)}); it is at ${temp}. Exporting again returns the same file.`,
      {
        path: out,
        tempPath: temp,
        batchRef: result.batch.batchRef,
        reason: (error as NodeJS.ErrnoException).code ?? null,
      },
    );
  }
  return { ...result, out };
}
