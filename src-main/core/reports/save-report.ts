// A report written at a path the operator chose, whole or not at all: the bytes go to a temporary file beside the
// target, are flushed, and a rename puts them in place, so a full disk or a cut leaves no half-written workbook
// under the report's name.
import { renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../app-error';
import { whyNotWritable, writeBeside } from '../payouts/export-to-file';

export function saveReportFile(bytes: Uint8Array, target: string): string {
  const out = resolve(target);
  const folder = dirname(out);
  let temp: string | null = null;
  try {
    temp = writeBeside(out, bytes);
    renameSync(temp, out);
  } catch (error) {
    if (temp !== null) rmSync(temp, { force: true });
    throw new AppError('FILE_NOT_WRITABLE', `Cannot write ${out}: ${whyNotWritable(error, folder)}.`, {
      path: out,
      reason: (error as NodeJS.ErrnoException).code ?? null,
    });
  }
  return out;
}
