// The client's sales lines -> sales_lines, append-only, one batch per file and period. A line
// repeating one given earlier in the file or already imported is not taken (and listed); a
// corrected file supersedes the batch it replaces, which stays readable and marked.
import { and, eq, isNull, max } from 'drizzle-orm';
import { importBatches, participants, products, salesLines } from '../../db/schema';
import { AppError } from '../app-error';
import type { CoreContext } from '../context';
import {
  defineImport,
  type FieldTable,
  type FieldValues,
  type ImportDefinition,
} from '../import/table/field-definitions';
import {
  DOCUMENT_NO,
  LINE_NO,
  NET_VALUE,
  PARTICIPANT_CODE,
  PARTICIPANT_NAME_IN_SALES,
  PRODUCT_NAME,
  QUANTITY,
  SALES_DATE,
  SKU,
} from '../import/table/header-synonyms';
import type { ImportKindRunner, ImportOptions } from '../import/jobs/import-job-types';
import type { ImportFile } from '../import/jobs/import-pipeline';
import type { ImportProblem, ImportReport } from '../import/report/import-report';
import { parseDateCell } from '../import/cells/parse-date-cell';
import { parseMoneyCell, parseWholeNumberCell } from '../import/cells/parse-number-cell';
import { textParser } from '../import/cells/parse-text-cell';
import {
  beginImport,
  commitImportBatch,
  layoutChangeOf,
  NO_PROGRESS,
  readClientTable,
  type ImportStart,
} from '../import/jobs/prepare-import';
import { previewFromTable } from '../import/table/preview-from-table';
import { mergeProblems, unknownValueWarnings } from '../import/table/unknown-values';
import { UnknownCodesCounter } from '../import/table/unknown-codes-summary';
import { isPeriod, periodOfDate } from '../periods/period';
import { FirstRowsByKey } from './first-rows-by-key';
import { replacementDiff } from './replacement-diff';
import { SalesLineStage } from './sales-line-stage';
import { describeLineKey, salesLineKey, type SalesLineValues } from './sales-line-key';

const salesFields = {
  date: { required: true, synonyms: SALES_DATE, parse: parseDateCell },
  participantCode: { required: true, synonyms: PARTICIPANT_CODE, parse: textParser(100) },
  sku: { required: true, synonyms: SKU, parse: textParser(100) },
  quantity: { required: true, synonyms: QUANTITY, parse: parseWholeNumberCell },
  netValue: { required: true, synonyms: NET_VALUE, parse: parseMoneyCell },
  // The document and line numbers are part of the duplicate key (sales-line-key.ts): a line
  // whose number could not be read could be taken for another line, so it is not taken.
  documentNo: { required: false, synonyms: DOCUMENT_NO, parse: textParser(100) },
  lineNo: { required: false, synonyms: LINE_NO, parse: textParser(50) },
  participantName: { required: false, informational: true, synonyms: PARTICIPANT_NAME_IN_SALES, parse: textParser() },
  productName: { required: false, informational: true, synonyms: PRODUCT_NAME, parse: textParser() },
} satisfies FieldTable;

type SalesValues = FieldValues<typeof salesFields>;
type SalesDefinition = ImportDefinition<typeof salesFields>;

/** A stored or incoming line with the row it came from. */
type SalesLine = SalesLineValues & { row: number };

/** The line of a row that has no errors: the required fields are all there. */
function lineOf(row: number, values: SalesValues): SalesLine {
  return {
    row,
    date: values.date as string,
    participantCode: values.participantCode as string,
    sku: values.sku as string,
    quantity: values.quantity as number,
    netMinor: values.netValue as number,
    documentNo: values.documentNo,
    lineNo: values.lineNo,
    participantName: values.participantName,
    productName: values.productName,
  };
}

interface ReplacedBatch {
  id: number;
  fileName: string;
  period: string | null;
}

/** The sales batch a corrected file may replace: of this program, sales, not superseded already. */
function replaceableBatch(ctx: CoreContext, programId: number, batchId: number): ReplacedBatch {
  const batch = ctx.store.db.select().from(importBatches).where(eq(importBatches.id, batchId)).get();
  if (!batch || batch.programId !== programId)
    throw new AppError('NOT_FOUND', `There is no import batch ${batchId} to replace.`, { batchId });
  if (batch.kind !== 'sales') {
    throw new AppError(
      'REPLACEMENT_NOT_ALLOWED',
      `Batch ${batchId} ("${batch.fileName}") is a ${batch.kind} import; a sales file replaces only a sales batch.`,
      { batchId, kind: batch.kind },
    );
  }
  if (batch.supersededBy !== null) {
    throw new AppError(
      'REPLACEMENT_NOT_ALLOWED',
      `Batch ${batchId} ("${batch.fileName}") was already replaced by batch ${batch.supersededBy}; replace batch ${batch.supersededBy} instead.`,
      { batchId, supersededBy: batch.supersededBy },
    );
  }
  return { id: batch.id, fileName: batch.fileName, period: batch.period };
}

/** The newest sales batch of the program: a commit refuses if sales came in since its preview was judged. */
function lastSalesBatchId(ctx: CoreContext, programId: number): number {
  const row = ctx.store.db
    .select({ id: max(importBatches.id) })
    .from(importBatches)
    .where(and(eq(importBatches.programId, programId), eq(importBatches.kind, 'sales')))
    .get();
  return row?.id ?? 0;
}

function duplicateProblem(
  row: number,
  key: string,
  reason: string,
  params: Record<string, string | number>,
): ImportProblem {
  return {
    row,
    column: null,
    value: key,
    code: 'DUPLICATE_LINE',
    reason,
    params: { row, key, ...params },
    severity: 'skipped',
  };
}

/**
 * Judges each line, in file order, against the lines before it in the file and the lines of
 * the program's batches in force (not superseded, and not the batch being replaced).
 */
function duplicateScreen(ctx: CoreContext, start: ImportStart, replacedId: number | null, stage: SalesLineStage) {
  const digits = start.program.currency.minorDigits;
  const programId = start.program.id;
  const batches = new Map(
    ctx.store.db
      .select({ id: importBatches.id, fileName: importBatches.fileName, supersededBy: importBatches.supersededBy })
      .from(importBatches)
      .where(and(eq(importBatches.programId, programId), eq(importBatches.kind, 'sales')))
      .all()
      .map((b) => [b.id, b]),
  );
  const inForce = (batchId: number) => batchId !== replacedId && batches.get(batchId)?.supersededBy === null;
  // Plain SQL, one indexed look-up per line: drizzle's per-call overhead would double the time of a large file.
  const anyLines =
    ctx.store.db
      .select({ id: salesLines.id })
      .from(salesLines)
      .where(eq(salesLines.programId, programId))
      .limit(1)
      .get() !== undefined;
  const lookup = anyLines
    ? ctx.store.sqlite.prepare<[number, string], { batchId: number; row: number }>(
        'SELECT batch_id AS batchId, source_row AS row FROM sales_lines WHERE program_id = ? AND line_key = ? ORDER BY id',
      )
    : null;
  const imported = (key: string) => lookup?.all(programId, key).find((line) => inForce(line.batchId)) ?? null;
  // Lines of this file as they are staged; a key is confirmed against the stage's copy of it.
  const firstRows = new FirstRowsByKey((place) => stage.keyAt(place));
  // The row screened last and its key: a row that passes is staged next, with the same key.
  const last = { row: -1, key: '' };
  const screen = (row: number, values: SalesValues): ImportProblem | null => {
    const line = lineOf(row, values);
    const key = salesLineKey(line);
    last.row = row;
    last.key = key;
    const firstRow = firstRows.rowOf(key);
    if (firstRow !== undefined) {
      const text = describeLineKey(line, digits);
      return duplicateProblem(row, text, `Row ${row} repeats row ${firstRow} (${text}) and was not taken.`, {
        firstRow,
      });
    }
    const earlier = imported(key);
    if (earlier) {
      const text = describeLineKey(line, digits);
      const fileName = batches.get(earlier.batchId)?.fileName ?? '';
      return duplicateProblem(
        row,
        text,
        `Row ${row} (${text}) was already imported in batch ${earlier.batchId} ("${fileName}", row ${earlier.row}) and was not taken.`,
        { batchId: earlier.batchId, firstRow: earlier.row, fileName },
      );
    }
    return null;
  };
  /** Stages an accepted line, which later lines with its key repeat. */
  const stageLine = (line: SalesLine) => {
    const key = last.row === line.row ? last.key : salesLineKey(line);
    stage.add(line, key);
    firstRows.add(key, line.row, stage.count);
  };
  return { screen, stageLine };
}

function salesImport(period: string | null, screenRow: SalesDefinition['screenRow']): SalesDefinition {
  return defineImport({
    kind: 'sales',
    fields: salesFields,
    checkRow: (values) =>
      period !== null && values.date !== null && periodOfDate(values.date) !== period
        ? [
            {
              field: 'date',
              code: 'OUTSIDE_PERIOD',
              message: `is not in ${period}, the period this file is imported for`,
              params: { period },
            },
          ]
        : [],
    screenRow,
  });
}

function listMonths(months: ReadonlyMap<string, number>): string {
  const parts = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([m, n]) => `${m} (${n} ${n === 1 ? 'line' : 'lines'})`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/** The period of a file imported without one: the month all its accepted dates fall in. */
function periodFromMonths(fileName: string, months: ReadonlyMap<string, number>): string | null {
  if (months.size <= 1) return months.keys().next().value ?? null;
  throw new AppError(
    'PERIOD_REQUIRED',
    `The dates in "${fileName}" fall in ${listMonths(months)}; say which period the file is for (--period YYYY-MM) and the dates outside it will be listed as errors.`,
    { months: Object.fromEntries(months) },
  );
}

function batchLines(ctx: CoreContext, batchId: number): SalesLineValues[] {
  return ctx.store.db
    .select({
      date: salesLines.saleDate,
      participantCode: salesLines.participantCode,
      sku: salesLines.sku,
      quantity: salesLines.quantity,
      netMinor: salesLines.netMinor,
      documentNo: salesLines.documentNo,
      lineNo: salesLines.lineNo,
      participantName: salesLines.participantName,
      productName: salesLines.productName,
    })
    .from(salesLines)
    .where(eq(salesLines.batchId, batchId))
    .orderBy(salesLines.id)
    .all();
}

/** Codes and SKUs the program does not know, noted line by line as the lines are staged. */
class UnknownValues {
  private readonly codes: ReadonlySet<string>;
  private readonly skus: ReadonlySet<string>;
  private readonly unknownCodes: { row: number; value: string }[] = [];
  private readonly unknownSkus: { row: number; value: string }[] = [];
  readonly codeCounter: UnknownCodesCounter;

  constructor(ctx: CoreContext, programId: number) {
    this.codes = new Set(
      ctx.store.db
        .select({ code: participants.code })
        .from(participants)
        .where(eq(participants.programId, programId))
        .all()
        .map((p) => p.code),
    );
    this.skus = new Set(
      ctx.store.db
        .select({ sku: products.sku })
        .from(products)
        .where(eq(products.programId, programId))
        .all()
        .map((p) => p.sku),
    );
    this.codeCounter = new UnknownCodesCounter(this.codes);
  }

  note(line: SalesLine): void {
    this.codeCounter.note(line.participantCode);
    // A program that knows none gets one warning for the column, not one per row.
    if (this.codes.size > 0 && !this.codes.has(line.participantCode))
      this.unknownCodes.push({ row: line.row, value: line.participantCode });
    if (this.skus.size > 0 && !this.skus.has(line.sku)) this.unknownSkus.push({ row: line.row, value: line.sku });
  }

  warnings(mapping: Record<string, string>, lineCount: number): ImportProblem[] {
    const count = (known: ReadonlySet<string>, unknown: readonly unknown[]) =>
      known.size === 0 ? lineCount : unknown.length;
    return [
      ...unknownValueWarnings(
        {
          code: 'UNKNOWN_PARTICIPANT',
          column: mapping.participantCode ?? 'participantCode',
          what: 'a participant',
          known: this.codes,
        },
        this.unknownCodes,
        count(this.codes, this.unknownCodes),
      ),
      ...unknownValueWarnings(
        { code: 'UNKNOWN_SKU', column: mapping.sku ?? 'sku', what: 'a product', known: this.skus },
        this.unknownSkus,
        count(this.skus, this.unknownSkus),
      ),
    ];
  }
}

function checkPeriodOption(options: ImportOptions): void {
  if (options.period !== undefined && !isPeriod(options.period)) {
    throw new AppError(
      'INVALID_INPUT',
      `The period "${options.period}" is not a month written YYYY-MM, such as 2026-10.`,
      { period: options.period },
    );
  }
}

/**
 * The client's sales file for one period. The period is the one given, or the replaced
 * batch's, or else the month all the file's dates fall in. Unknown codes and SKUs are kept
 * (scoring flags them) and counted as warnings.
 */
export const salesRunner: ImportKindRunner = {
  kind: 'sales',
  async prepare(ctx, file, options, progress) {
    checkPeriodOption(options);
    const start = beginImport(ctx, 'sales', file, options);
    const programId = start.program.id;
    const replaced =
      options.replaceBatchId !== undefined ? replaceableBatch(ctx, programId, options.replaceBatchId) : null;
    if (replaced?.period && options.period !== undefined && options.period !== replaced.period) {
      throw new AppError(
        'REPLACEMENT_NOT_ALLOWED',
        `Batch ${replaced.id} ("${replaced.fileName}") holds the sales of ${replaced.period}; a file for ${options.period} cannot replace it.`,
        {
          batchId: replaced.id,
          period: replaced.period,
        },
      );
    }
    const givenPeriod = options.period ?? replaced?.period ?? null;
    const seenUpTo = lastSalesBatchId(ctx, programId);
    // Accepted lines go to the stage as they are judged: nothing of them is held in memory.
    const stage = new SalesLineStage(ctx.store.sqlite);
    try {
      const { screen, stageLine } = duplicateScreen(ctx, start, replaced?.id ?? null, stage);
      const definition = salesImport(givenPeriod, screen);
      const unknown = new UnknownValues(ctx, programId);
      const table = await readClientTable(ctx, start, definition, progress, (row, values) => {
        const line = lineOf(row, values);
        stageLine(line);
        unknown.note(line);
      });
      stage.flush();
      const period = givenPeriod ?? periodFromMonths(file.fileName, stage.months);
      const problems = mergeProblems(table.problems, unknown.warnings(table.mapping, stage.count));
      const digits = start.program.currency.minorDigits;
      const replacement = replaced
        ? replacementDiff(replaced, batchLines(ctx, replaced.id), stage.lines(), digits)
        : null;
      const preview = previewFromTable({
        kind: 'sales',
        file,
        sha256: start.sha256,
        definition,
        table,
        problems,
        period,
        replacement,
        layoutChange: layoutChangeOf(ctx, start, table.headers),
        unknownCodes: unknown.codeCounter.summary(),
      });
      return {
        preview,
        commit: () => {
          const report = commitImportBatch(ctx, {
            start,
            table,
            problems,
            period,
            replacedBatchId: replaced?.id ?? null,
            verify: () => {
              // Duplicates and the replacement were judged against the sales then imported.
              if (lastSalesBatchId(ctx, programId) !== seenUpTo) {
                throw new AppError(
                  'PREVIEW_OUT_OF_DATE',
                  'Other sales were imported since this preview was made; open the file again to see an up-to-date preview.',
                );
              }
              if (replaced) replaceableBatch(ctx, programId, replaced.id);
            },
            write: (batchId) => {
              const created = stage.copyInto(programId, batchId);
              if (replaced)
                ctx.store.db
                  .update(importBatches)
                  .set({ supersededBy: batchId })
                  .where(and(eq(importBatches.id, replaced.id), isNull(importBatches.supersededBy)))
                  .run();
              return { created, updated: 0, unchanged: 0, changes: [] };
            },
          });
          // Kept until the commit succeeded: a refused commit may be tried again.
          stage.drop();
          return report;
        },
        discard: () => stage.drop(),
      };
    } catch (error) {
      stage.drop();
      throw error;
    }
  },
};

export async function importSales(
  ctx: CoreContext,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const prepared = await salesRunner.prepare(ctx, file, options, NO_PROGRESS);
  try {
    return prepared.commit();
  } finally {
    prepared.discard?.();
  }
}
