// How each kind of import plugs into the shared job runner (import-jobs.ts): read and judge
// the whole file first (with progress, cancellable), show a preview, and write only on commit.
import type { CoreContext } from '../../context';
import type { ImportFile } from './import-pipeline';
import type { ImportKind, ImportPreview, ImportReport } from '../report/import-report';

export interface ImportOptions {
  /**
   * Sales: the period the file is for, `YYYY-MM`; without it, taken from the file when all its dates fall in one month.
   */
  period?: string;
  /** Sales: the earlier batch that this corrected file supersedes. */
  replaceBatchId?: number;
}

export interface ImportProgress {
  /** Aborted when the operator cancels: reading stops and nothing is written. */
  signal: AbortSignal;
  /** Called now and then while reading. */
  onProgress(rowsRead: number, bytesRead: number): void;
}

/** A file read and judged, waiting for the operator's word. */
export interface PreparedImport {
  preview: ImportPreview;
  /** Writes all accepted rows in one transaction, or nothing (throws AppError). */
  commit(): ImportReport;
  /** Frees what the preview holds outside memory (a staging table) when it will not be committed. */
  discard?(): void;
}

export interface ImportKindRunner {
  kind: ImportKind;
  prepare(
    ctx: CoreContext,
    file: ImportFile,
    options: ImportOptions,
    progress: ImportProgress,
  ): Promise<PreparedImport>;
}
