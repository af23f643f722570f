// The record of an import, shared by all kinds: the batch (which file, which bytes, what was
// read) and its problems, kept for the audit trail; and the refusal of a file imported before.
import { createHash } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import { importBatches, importProblems } from '../../../db/schema';
import { AppError } from '../../app-error';
import { nowIso, type CoreContext } from '../../context';
import type { ImportKind, ImportProblem, ImportReport } from '../report/import-report';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Refuses bytes already imported as this kind in this program, naming the first batch: a
 * second import of the same file would count its rows twice. A batch that took no row (every
 * row an error, or a sales file read for the wrong period) does not count: the same file may
 * be imported again once the cause is fixed. Checked before reading the file and again inside
 * the writing transaction.
 */
export function refuseRepeatedFile(ctx: CoreContext, programId: number, kind: ImportKind, sha256: string): void {
  const first = ctx.store.db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      createdAt: importBatches.createdAt,
      createdBy: importBatches.createdBy,
    })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.programId, programId),
        eq(importBatches.kind, kind),
        eq(importBatches.sha256, sha256),
        gt(importBatches.accepted, 0),
      ),
    )
    .orderBy(asc(importBatches.id))
    .limit(1)
    .get();
  if (!first) return;
  const when = `${first.createdAt.slice(0, 10)} ${first.createdAt.slice(11, 16)} UTC`;
  throw new AppError(
    'FILE_ALREADY_IMPORTED',
    `This file was already imported as batch ${first.id} ("${first.fileName}", ${when}); the same file is not imported twice.`,
    { batchId: first.id, fileName: first.fileName, createdAt: first.createdAt, createdBy: first.createdBy },
  );
}

export type BatchRecord = Pick<
  ImportReport,
  'kind' | 'fileName' | 'sha256' | 'sheet' | 'headerRow' | 'mapping' | 'rowsRead' | 'accepted' | 'rejected' | 'skipped'
> & {
  programId: number;
  fileSize: number;
  /** Sales: the period of the lines. */
  period?: string | null;
  /** The file's header row as written. */
  headers?: readonly string[];
};

/** Inserts the batch row; call inside the import's transaction. */
export function insertImportBatch(ctx: CoreContext, record: BatchRecord): number {
  const { mapping, headers, period, ...rest } = record;
  return ctx.store.db
    .insert(importBatches)
    .values({
      ...rest,
      mappingJson: JSON.stringify(mapping),
      period: period ?? null,
      headersJson: JSON.stringify(headers ?? []),
      createdAt: nowIso(ctx),
      createdBy: ctx.actor,
    })
    .returning({ id: importBatches.id })
    .get().id;
}

// SQLite binds at most 32,766 variables per statement; 7 per problem row.
const PROBLEMS_PER_INSERT = 1000;

export function insertImportProblems(ctx: CoreContext, batchId: number, problems: readonly ImportProblem[]): void {
  for (let i = 0; i < problems.length; i += PROBLEMS_PER_INSERT) {
    const chunk = problems.slice(i, i + PROBLEMS_PER_INSERT).map((p) => ({
      batchId,
      row: p.row,
      column: p.column,
      value: p.value,
      code: p.code,
      reason: p.reason,
      severity: p.severity,
    }));
    ctx.store.db.insert(importProblems).values(chunk).run();
  }
}

/**
 * Keeps the imported file's bytes with its batch (import_files); call inside the import's transaction. A file migrated
 * only as far as an older version's migrations has no such table, and keeps what that version kept.
 */
export function insertImportFile(ctx: CoreContext, batchId: number, bytes: Uint8Array): void {
  const kept = ctx.store.sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_files'")
    .get();
  if (!kept) return;
  ctx.store.sqlite
    .prepare('INSERT INTO import_files (batch_id, bytes) VALUES (?, ?)')
    .run(batchId, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
