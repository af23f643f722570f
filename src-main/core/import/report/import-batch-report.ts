// An import opened again from the history: what it read, every problem recorded with it, the
// batch it replaced and the one that replaced it. Read from what the commit wrote, so that the
// report months later says what the coordinator saw the day the file came in.
import { and, asc, eq } from 'drizzle-orm';
import { importBatches, importProblems } from '../../../db/schema';
import { AppError } from '../../app-error';
import type { CoreContext } from '../../context';
import { requireProgram } from '../../program/program-store';
import type { BatchLink, ImportBatchReport, ImportBatchView, ImportProblem } from './import-report';
import { storedProblemParams } from './stored-problem-params';

function batchRow(ctx: CoreContext, programId: number, batchId: number) {
  const batch = ctx.store.db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.programId, programId)))
    .get();
  if (!batch) throw new AppError('NOT_FOUND', `There is no import batch ${batchId} in this program.`, { batchId });
  return batch;
}

function linkOf(ctx: CoreContext, programId: number, batchId: number): BatchLink {
  const { id, fileName, createdAt, createdBy } = batchRow(ctx, programId, batchId);
  return { id, fileName, createdAt, createdBy };
}

/** The problems as recorded, with the params the screen words them with (stored-problem-params.ts). */
function storedProblems(ctx: CoreContext, batchId: number): ImportProblem[] {
  return (
    ctx.store.db
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
      .map((p) => {
        const problem = { ...p, code: p.code as ImportProblem['code'] };
        return { ...problem, params: storedProblemParams(problem) };
      })
  );
}

export function importBatchReport(ctx: CoreContext, batchId: number): ImportBatchReport {
  const program = requireProgram(ctx);
  const batch = batchRow(ctx, program.id, batchId);
  const replaces = ctx.store.db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      createdAt: importBatches.createdAt,
      createdBy: importBatches.createdBy,
    })
    .from(importBatches)
    .where(and(eq(importBatches.programId, program.id), eq(importBatches.supersededBy, batch.id)))
    .orderBy(asc(importBatches.id))
    .all();
  return {
    id: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    fileSize: batch.fileSize,
    sha256: batch.sha256,
    sheet: batch.sheet,
    rowsRead: batch.rowsRead,
    accepted: batch.accepted,
    rejected: batch.rejected,
    skipped: batch.skipped,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy,
    period: batch.period,
    supersededBy: batch.supersededBy,
    headerRow: batch.headerRow,
    mapping: JSON.parse(batch.mappingJson) as Record<string, string>,
    problems: storedProblems(ctx, batch.id),
    replaces,
    replacedBy: batch.supersededBy === null ? null : linkOf(ctx, program.id, batch.supersededBy),
  };
}

/** Refuses a batch of another program, or none; the lines' reader (a later stage) checks with it. */
export function requireImportBatch(ctx: CoreContext, batchId: number): { id: number; kind: ImportBatchView['kind'] } {
  const program = requireProgram(ctx);
  const { id, kind } = batchRow(ctx, program.id, batchId);
  return { id, kind };
}
