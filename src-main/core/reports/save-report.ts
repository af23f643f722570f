// A report written at a path the operator chose, whole or not at all: the bytes go to a temporary file beside the
// target, are flushed, and a rename puts them in place, so a full disk or a cut leaves no half-written workbook
// under the report's name.
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../app-error';
import { whyNotWritable } from '../payouts/export-to-file';

export function saveReportFile(bytes: Uint8Array, target: string): string {
  const out = resolve(target);
  const folder = dirname(out);
  const temp = join(folder, `.${basename(out)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new AppError('FILE_NOT_WRITABLE', `Cannot write ${out}: ${whyNotWritable(error, folder)}.`, {
      path: out,
      reason: (error as NodeJS.ErrnoException).code ?? null,
    });
  }
  return out;
}
