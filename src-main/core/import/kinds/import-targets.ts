// The client's monthly targets -> the targets table, append-only: each file adds its targets,
// and a participant's target for a month is the one from the latest batch that gives one.
// Two layouts are read: long (a row per participant and month: code, period, target) and
// wide (a row per participant, a column per month headed YYYY-MM).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { participants, targets } from '../../../db/schema';
import { AppError } from '../../app-error';
import type { CoreContext } from '../../context';
import { minorToDecimalString } from '../../money/minor-units';
import { defineImport, type FieldDefinition, type FieldTable, type ImportDefinition } from '../table/field-definitions';
import { PARTICIPANT_CODE, TARGET, TARGET_PERIOD } from '../table/header-synonyms';
import type { ImportKindRunner, ImportProgress } from '../jobs/import-job-types';
import type { ImportFile, ImportTable } from '../jobs/import-pipeline';
import type { ImportReport, ParticipantChangeReport } from '../report/import-report';
import { parseMoneyCell } from '../cells/parse-number-cell';
import { parsePeriodCell, periodFromText } from '../cells/parse-period-cell';
import { textParser } from '../cells/parse-text-cell';
import {
  beginImport,
  commitImportBatch,
  layoutChangeOf,
  NO_PROGRESS,
  readClientTable,
  type ImportStart,
} from '../jobs/prepare-import';
import { previewFromTable } from '../table/preview-from-table';
import { mergeProblems, unknownValueWarnings } from '../table/unknown-values';
import { normalizeHeader } from '../table/normalize-header';

const NEGATIVE_TARGET = 'is negative; a target is an amount of 0 or more';

const participantCodeField = {
  required: true,
  synonyms: PARTICIPANT_CODE,
  parse: textParser(100),
} satisfies FieldDefinition<string>;

const longTargetFields = {
  participantCode: participantCodeField,
  period: { required: true, synonyms: TARGET_PERIOD, parse: parsePeriodCell },
  target: { required: true, synonyms: TARGET, parse: parseMoneyCell },
} satisfies FieldTable;

const longTargetsImport = defineImport({
  kind: 'targets',
  fields: longTargetFields,
  duplicateKey: ['participantCode', 'period'],
  checkRow: (values) =>
    values.target !== null && values.target < 0
      ? [{ field: 'target', code: 'BAD_NUMBER', message: NEGATIVE_TARGET }]
      : [],
});

// Only the code: to find the header row of a wide file and see its month columns.
const probeImport = defineImport({ kind: 'targets', fields: { participantCode: participantCodeField } });

type WideFields = Record<string, FieldDefinition<string> | FieldDefinition<number>>;

/** The wide form's fields: the code, and one money field per month column, named by its period. */
function wideTargetsImport(months: readonly { period: string; header: string }[]): ImportDefinition<WideFields> {
  const fields: WideFields = { participantCode: participantCodeField };
  for (const { period, header } of months)
    fields[period] = { required: false, synonyms: [header], parse: parseMoneyCell };
  return defineImport<WideFields>({
    kind: 'targets',
    fields,
    duplicateKey: ['participantCode'],
    checkRow: (values) =>
      months
        .filter(({ period }) => typeof values[period] === 'number' && (values[period] as number) < 0)
        .map(({ period }) => ({ field: period, code: 'BAD_NUMBER' as const, message: NEGATIVE_TARGET })),
  });
}

/** One target as the file gives it. */
interface TargetLine {
  row: number;
  participantCode: string;
  period: string;
  targetMinor: number;
}

interface ReadTargets {
  form: 'long' | 'wide';
  definition: ImportDefinition<FieldTable>;
  table: ImportTable<FieldTable>;
  lines: TargetLine[];
}

function isHeaderNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'HEADER_NOT_FOUND';
}

/** Reads the long form if the file has its headers, else the wide form; says what either needs when neither fits. */
async function readTargets(ctx: CoreContext, start: ImportStart, progress: ImportProgress): Promise<ReadTargets> {
  const explicit = start.file.mapping ?? {};
  try {
    const table = await readClientTable(ctx, start, longTargetsImport, progress);
    const lines = table.accepted.map(({ row, values }) => ({
      row,
      participantCode: values.participantCode as string,
      period: values.period as string,
      targetMinor: values.target as number,
    }));
    return {
      form: 'long',
      definition: longTargetsImport as unknown as ImportDefinition<FieldTable>,
      table: table as unknown as ImportTable<FieldTable>,
      lines,
    };
  } catch (error) {
    // A mapping that names the long form's fields says which form the file is in.
    if (!isHeaderNotFound(error) || explicit.period !== undefined || explicit.target !== undefined) throw error;
    let probe: ImportTable<typeof probeImport.fields>;
    try {
      probe = await readClientTable(ctx, start, probeImport, progress);
    } catch (probeError) {
      if (isHeaderNotFound(probeError)) throw error;
      throw probeError;
    }
    const codeHeader = normalizeHeader(probe.mapping.participantCode ?? '');
    const months: { period: string; header: string }[] = [];
    for (const header of probe.headers) {
      const period =
        header === '' || normalizeHeader(header) === codeHeader ? null : periodFromText(header, start.program.locale);
      if (period && !months.some((m) => m.period === period)) months.push({ period, header });
    }
    if (months.length === 0) {
      throw new AppError(
        'HEADER_NOT_FOUND',
        `The targets file "${start.file.fileName}" has a ${probe.mapping.participantCode ?? 'code'} column (row ${probe.headerRow}) but neither Period and Target columns (the long form) nor columns headed by months such as 2026-10 (the wide form).`,
        { headerRow: probe.headerRow, headers: probe.headers },
      );
    }
    const definition = wideTargetsImport(months);
    const table = await readClientTable(ctx, start, definition, progress);
    const lines: TargetLine[] = [];
    for (const { row, values } of table.accepted) {
      for (const { period } of months) {
        const targetMinor = values[period];
        if (typeof targetMinor === 'number')
          lines.push({ row, participantCode: values.participantCode as string, period, targetMinor });
      }
    }
    return {
      form: 'wide',
      definition: definition as ImportDefinition<FieldTable>,
      table: table as ImportTable<FieldTable>,
      lines,
    };
  }
}

/**
 * The client's targets file: every valid target is added to the targets table with its batch
 * and row; the report counts new targets, changed ones (with the change) and repeated ones.
 * Codes that are not participants yet are kept, with a warning.
 */
export const targetsRunner: ImportKindRunner = {
  kind: 'targets',
  async prepare(ctx, file, options, progress) {
    const start = beginImport(ctx, 'targets', file, options);
    const { definition, table, lines } = await readTargets(ctx, start, progress);
    const known = new Set(
      ctx.store.db
        .select({ code: participants.code })
        .from(participants)
        .where(eq(participants.programId, start.program.id))
        .all()
        .map((p) => p.code),
    );
    const codeColumn = table.mapping.participantCode ?? 'participantCode';
    const seenRows = new Set<number>();
    const codeRows = lines
      .filter((l) => !seenRows.has(l.row) && seenRows.add(l.row))
      .map((l) => ({ row: l.row, value: l.participantCode }));
    const warnings = unknownValueWarnings(
      { code: 'UNKNOWN_PARTICIPANT', column: codeColumn, what: 'a participant', known },
      codeRows,
    );
    const problems = mergeProblems(table.problems, warnings);
    const preview = previewFromTable({
      kind: 'targets',
      file,
      sha256: start.sha256,
      definition,
      table,
      problems,
      layoutChange: layoutChangeOf(ctx, start, table.headers),
    });
    return {
      preview,
      commit: () =>
        commitImportBatch(ctx, {
          start,
          table,
          problems,
          write: (batchId) => writeTargets(ctx, start, batchId, lines),
        }),
    };
  },
};

export async function importTargets(ctx: CoreContext, file: ImportFile): Promise<ImportReport> {
  return (await targetsRunner.prepare(ctx, file, {}, NO_PROGRESS)).commit();
}

/** Each participant's current target per period: the latest stored one. */
export function currentTargets(ctx: CoreContext, programId: number, periods: readonly string[]): Map<string, number> {
  const current = new Map<string, number>();
  if (periods.length === 0) return current;
  const latest = ctx.store.db
    .select({ id: sql<number>`max(${targets.id})` })
    .from(targets)
    .where(and(eq(targets.programId, programId), inArray(targets.period, [...periods])))
    .groupBy(targets.participantCode, targets.period);
  const rows = ctx.store.db
    .select({ participantCode: targets.participantCode, period: targets.period, targetMinor: targets.targetMinor })
    .from(targets)
    .where(inArray(targets.id, latest))
    .all();
  for (const r of rows) current.set(JSON.stringify([r.participantCode, r.period]), r.targetMinor);
  return current;
}

function writeTargets(ctx: CoreContext, start: ImportStart, batchId: number, lines: readonly TargetLine[]) {
  const programId = start.program.id;
  const digits = start.program.currency.minorDigits;
  const current = currentTargets(ctx, programId, [...new Set(lines.map((l) => l.period))]);
  const insert = ctx.store.db
    .insert(targets)
    .values({
      programId,
      participantCode: sql.placeholder('participantCode'),
      period: sql.placeholder('period'),
      targetMinor: sql.placeholder('targetMinor'),
      batchId,
      sourceRow: sql.placeholder('sourceRow'),
    })
    .prepare();
  const changes: ParticipantChangeReport[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const line of lines) {
    insert.run({
      participantCode: line.participantCode,
      period: line.period,
      targetMinor: line.targetMinor,
      sourceRow: line.row,
    });
    const before = current.get(JSON.stringify([line.participantCode, line.period]));
    if (before === undefined) created++;
    else if (before === line.targetMinor) unchanged++;
    else {
      updated++;
      changes.push({
        code: line.participantCode,
        row: line.row,
        changes: [
          {
            field: `target ${line.period}`,
            from: minorToDecimalString(before, digits),
            to: minorToDecimalString(line.targetMinor, digits),
          },
        ],
      });
    }
  }
  return { created, updated, unchanged, changes };
}
