import type { CoreContext } from '../context';
import type { ImportReport } from '../import/import-report';
import { AppError } from '../app-error';

export interface ImportFileInput {
  fileName: string;
  bytes: Uint8Array;
  /** A sheet chosen by name; otherwise the first sheet whose headers are recognised. */
  sheet?: string;
}

/** PLACEHOLDER: being written (import pipeline). */
export async function importParticipants(_ctx: CoreContext, _input: ImportFileInput): Promise<ImportReport> {
  throw new AppError('INTERNAL', 'not implemented yet');
}
