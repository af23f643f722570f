// The steps every kind of import takes around its own rules: before reading (a program, the
// options fit the kind, the bytes not imported before), reading (the shared pipeline, with a
// remembered mapping for a header row seen before), and committing (one transaction that
// records the batch and its problems, lets the kind write its rows, and logs the decision).
import { and, desc, eq } from 'drizzle-orm';
import { importBatches } from '../../../db/schema';
import type { ProgramView } from '../../program/program-view';
import { AppError } from '../../app-error';
import { nowIso, type CoreContext } from '../../context';
import { recordDecision } from '../../operator/operator-log';
import { requireProgram } from '../../program/program-store';
import type { FieldTable, FieldValues, ImportDefinition } from '../table/field-definitions';
import type { ImportOptions, ImportProgress } from './import-job-types';
import { readImportTable, type ImportFile, type ImportTable } from './import-pipeline';
import type {
  FieldChange,
  ImportKind,
  ImportProblem,
  ImportReport,
  ParticipantChangeReport,
} from '../report/import-report';
import {
  insertImportBatch,
  insertImportFile,
  insertImportProblems,
  refuseRepeatedFile,
  sha256Hex,
} from './record-import-batch';
import { layoutChangeSince, rememberedMappings } from '../table/remembered-mappings';

/** For a one-shot import (CLI, demo, tests): nothing to cancel, nobody watching progress. */
export const NO_PROGRESS: ImportProgress = { signal: new AbortController().signal, onProgress: () => undefined };

export interface ImportStart {
  program: ProgramView;
  kind: ImportKind;
  file: ImportFile;
  sha256: string;
  /** The newest batch of each kind the preview relies on, when it began: the commit refuses if a newer one came in. */
  seenBatchIds?: Partial<Record<ImportKind, number>>;
}

/**
 * The kinds of import whose batches change what a preview of each kind said: its own (the
 * remembered mapping, the layout change, the records it updates or the lines it repeats) and
 * the master data its warnings of unknown codes and SKUs were judged against. Participants and
 * products change only by import, so a batch id is enough to tell that they moved.
 */
const PREVIEW_RELIES_ON: Partial<Record<ImportKind, readonly ImportKind[]>> = {
  participants: ['participants'],
  products: ['products'],
  targets: ['targets', 'participants'],
  sales: ['sales', 'participants', 'products'],
};

const WHAT_IT_CHANGES: Partial<Record<ImportKind, string>> = {
  participants: 'which participant codes are known',
  products: 'which SKUs are known',
};

function newestBatch(ctx: CoreContext, programId: number, kind: ImportKind): { id: number; fileName: string } | null {
  return (
    ctx.store.db
      .select({ id: importBatches.id, fileName: importBatches.fileName })
      .from(importBatches)
      .where(and(eq(importBatches.programId, programId), eq(importBatches.kind, kind)))
      .orderBy(desc(importBatches.id))
      .limit(1)
      .get() ?? null
  );
}

/**
 * Refuses a commit whose preview relied on batches that are no longer the newest; call inside the commit's transaction.
 */
function refuseIfPreviewMoved(ctx: CoreContext, start: ImportStart): void {
  for (const [kind, seen] of Object.entries(start.seenBatchIds ?? {}) as [ImportKind, number][]) {
    const newest = newestBatch(ctx, start.program.id, kind);
    if (!newest || newest.id === seen) continue;
    const details = { kind, batchId: newest.id, fileName: newest.fileName };
    if (kind === start.kind) {
      throw new AppError(
        'PREVIEW_OUT_OF_DATE',
        `Other ${kind} were imported since this preview was made; open the file again to see an up-to-date preview.`,
        details,
      );
    }
    throw new AppError(
      'PREVIEW_OUT_OF_DATE',
      `A ${kind} file ("${newest.fileName}", batch ${newest.id}) was imported since this preview was made, which changes ${WHAT_IT_CHANGES[kind] ?? `the ${kind}`}; open the file again to see an up-to-date preview.`,
      details,
    );
  }
}

/** What every kind checks before reading a byte of the file. */
export function beginImport(ctx: CoreContext, kind: ImportKind, file: ImportFile, options: ImportOptions): ImportStart {
  const program = requireProgram(ctx);
  if (kind !== 'sales') {
    if (options.period !== undefined)
      throw new AppError('INVALID_INPUT', `A period is given with sales files only, not with a ${kind} file.`);
    if (options.replaceBatchId !== undefined)
      throw new AppError(
        'INVALID_INPUT',
        `Only a sales file replaces an earlier batch; a ${kind} file updates what it lists.`,
      );
  }
  const sha256 = sha256Hex(file.bytes);
  refuseRepeatedFile(ctx, program.id, kind, sha256);
  const seenBatchIds: Partial<Record<ImportKind, number>> = {};
  for (const relied of PREVIEW_RELIES_ON[kind] ?? [])
    seenBatchIds[relied] = newestBatch(ctx, program.id, relied)?.id ?? 0;
  return { program, kind, file, sha256, seenBatchIds };
}

/**
 * Reads and judges the file by the kind's field table; a header row seen before gets the mapping that worked for it.
 */
export function readClientTable<F extends FieldTable>(
  ctx: CoreContext,
  start: ImportStart,
  definition: ImportDefinition<F>,
  progress: ImportProgress,
  onAccepted?: (row: number, values: FieldValues<F>) => void,
): Promise<ImportTable<F>> {
  return readImportTable(start.file, definition, {
    locale: start.program.locale,
    currencyDigits: start.program.currency.minorDigits,
    remembered: rememberedMappings(ctx, start.program.id, start.kind),
    signal: progress.signal,
    onProgress: progress.onProgress,
    ...(onAccepted ? { onAccepted: onAccepted as (row: number, values: FieldValues<FieldTable>) => void } : {}),
  });
}

/** The layout change since the last file of this kind, for the preview. */
export function layoutChangeOf(ctx: CoreContext, start: ImportStart, headers: readonly string[]) {
  return layoutChangeSince(ctx, start.program.id, start.kind, headers);
}

/** What the kind's own writing reports back, for the report. */
export interface KindWriteResult {
  created: number;
  updated: number;
  unchanged: number;
  changes: ParticipantChangeReport[];
}

export interface CommitInput<F extends FieldTable> {
  start: ImportStart;
  table: ImportTable<F>;
  /** Every problem to record: the table's and the kind's own. */
  problems: readonly ImportProblem[];
  period?: string | null;
  replacedBatchId?: number | null;
  /** Checks that must still hold when writing (nothing written yet); throws AppError. */
  verify?: () => void;
  /** Writes the kind's rows; runs inside the transaction after the batch row exists. */
  write: (batchId: number, at: string) => KindWriteResult;
}

/** Writes the import in one transaction: all of it, or (on any throw) nothing. */
export function commitImportBatch<F extends FieldTable>(ctx: CoreContext, input: CommitInput<F>): ImportReport {
  const { start, table } = input;
  const { program, kind, file, sha256 } = start;
  return ctx.store.transaction(() => {
    // Another import of the same bytes may have finished since this one was read.
    refuseRepeatedFile(ctx, program.id, kind, sha256);
    refuseIfPreviewMoved(ctx, start);
    input.verify?.();
    const batchId = insertImportBatch(ctx, {
      programId: program.id,
      kind,
      fileName: file.fileName,
      fileSize: file.bytes.byteLength,
      sha256,
      sheet: table.sheet,
      headerRow: table.headerRow,
      mapping: table.mapping,
      rowsRead: table.rowsRead,
      accepted: table.acceptedCount,
      rejected: table.rejected,
      skipped: table.skipped,
      period: input.period ?? null,
      headers: table.headers,
    });
    insertImportProblems(ctx, batchId, input.problems);
    // The client's file itself, byte for byte, in the same transaction: the audit package carries it.
    insertImportFile(ctx, batchId, file.bytes);
    const written = input.write(batchId, nowIso(ctx));
    const counts = {
      rowsRead: table.rowsRead,
      accepted: table.acceptedCount,
      rejected: table.rejected,
      skipped: table.skipped,
      created: written.created,
      updated: written.updated,
      unchanged: written.unchanged,
    };
    const salesDetails =
      kind === 'sales' ? { period: input.period ?? null, replacedBatchId: input.replacedBatchId ?? null } : {};
    recordDecision(ctx, `import.${kind}`, file.fileName, null, {
      batchId,
      sha256,
      sheet: table.sheet,
      ...counts,
      duplicates: table.duplicates,
      ...salesDetails,
    });
    return {
      batchId,
      kind,
      fileName: file.fileName,
      sha256,
      sheet: table.sheet,
      headerRow: table.headerRow,
      mapping: table.mapping,
      ...counts,
      changes: written.changes,
      problems: [...input.problems],
      duplicates: table.duplicates,
      source: {
        format: table.format,
        ...(table.encoding !== undefined ? { encoding: table.encoding } : {}),
        ...(table.separator !== undefined ? { separator: table.separator } : {}),
      },
      ...salesDetails,
    };
  });
}

/** The changes between a record before and after, field by field, as text; for the history tables. */
export function fieldChanges<K extends string>(
  fields: readonly K[],
  before: Record<K, string | null>,
  incoming: Partial<Record<K, string | null>>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const to = incoming[field];
    if (to === undefined || to === before[field]) continue;
    changes.push({ field, from: before[field], to });
  }
  return changes;
}
