// The error report of an import, for the operator to send back to the client: from a job
// still in preview (its problems are in memory) or from a committed batch (its problems were
// recorded with it).
import { and, asc, eq } from 'drizzle-orm';
import { importBatches, importProblems } from '../../../db/schema';
import { AppError } from '../../app-error';
import type { CoreContext } from '../../context';
import { requireProgram } from '../../program/program-store';
import { errorReportFileName, writeErrorReportXlsx } from './error-report-xlsx';
import type { ImportJobStatus, ImportProblem } from './import-report';

export interface ErrorReportFile {
  fileName: string;
  bytes: Uint8Array;
}

/** The report of a job that has been read: its preview's problems, or its report's once committed. */
export async function errorReportOfJob(ctx: CoreContext, status: ImportJobStatus): Promise<ErrorReportFile> {
  const { preview, report } = status;
  if (!preview) {
    throw new AppError('IMPORT_NOT_READY', `This import has no problems to report: it is ${status.state}.`, {
      state: status.state,
    });
  }
  const bytes = await writeErrorReportXlsx({
    fileName: preview.fileName,
    sha256: preview.sha256,
    kind: preview.kind,
    rowsRead: preview.rowsRead,
    accepted: preview.accepted,
    rejected: preview.rejected,
    skipped: preview.skipped,
    duplicates: preview.duplicates,
    problems: report?.problems ?? preview.problems,
    importedAt: ctx.now(),
    batchId: report?.batchId ?? null,
  });
  return { fileName: errorReportFileName(preview.fileName), bytes };
}

/** The report of a committed batch of this program, from the problems recorded with it. */
export async function errorReportOfBatch(ctx: CoreContext, batchId: number): Promise<ErrorReportFile> {
  const program = requireProgram(ctx);
  const batch = ctx.store.db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.programId, program.id)))
    .get();
  if (!batch) throw new AppError('NOT_FOUND', `There is no import batch ${batchId} in this program.`, { batchId });
  const problems: ImportProblem[] = ctx.store.db
    .select({
      row: importProblems.row,
      column: importProblems.column,
      value: importProblems.value,
      code: importProblems.code,
      reason: importProblems.reason,
      severity: importProblems.severity,
    })
    .from(importProblems)
    .where(eq(importProblems.batchId, batchId))
    .orderBy(asc(importProblems.id))
    .all()
    // Codes were written from the ProblemCode union.
    .map((p) => ({ ...p, code: p.code as ImportProblem['code'] }));
  const bytes = await writeErrorReportXlsx({
    fileName: batch.fileName,
    sha256: batch.sha256,
    kind: batch.kind,
    rowsRead: batch.rowsRead,
    accepted: batch.accepted,
    rejected: batch.rejected,
    skipped: batch.skipped,
    problems,
    importedAt: new Date(batch.createdAt),
    batchId: batch.id,
  });
  return { fileName: errorReportFileName(batch.fileName), bytes };
}
