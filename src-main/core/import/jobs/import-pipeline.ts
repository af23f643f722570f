// The import pipeline every kind shares: open the file whatever its format, find the sheet
// and its header row, map columns to fields, parse each data row by the kind's field table,
// pass over blank, totals and note rows, and report every problem by row, column and value.
// It reads and judges only; the kind's import writes what it accepts, in one transaction.
import { AppError } from '../../app-error';
import { cellToText } from '../cells/cell-text';
import { classifyRow } from '../table/classify-row';
import { duplicateKeyOf } from '../table/duplicate-key';
import { evaluateRow, hasErrors } from '../table/evaluate-row';
import {
  requiredFields,
  type CellParseContext,
  type FieldTable,
  type FieldValues,
  type ImportDefinition,
} from '../table/field-definitions';
import { matchHeaderRow, type ColumnMapping, type MappingOverride } from '../table/find-header-row';
import { resolveImportLimits, type ImportLimits } from '../read/import-limits';
import { headerSignature, headerTexts } from '../table/header-signature';
import { normalizeHeader } from '../table/normalize-header';
import type { ImportProblem, MappingField, PreviewRow } from '../report/import-report';
import { openTableSource } from '../read/open-table-source';
import { cellProblem, foldRepeatedWarnings, mergedCellProblem, skippedRowProblem } from '../report/problem-text';
import { isBlankCell, type MergedArea, type RawCell, type RawRow } from '../read/raw-table';

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
  /** A sheet chosen by name; otherwise the first visible sheet whose header row is found. */
  sheet?: string;
  /** Columns chosen by header text for fields whose headers are not among the synonyms. */
  mapping?: MappingOverride;
}

export interface ReadTableOptions {
  locale: string;
  currencyDigits: number;
  limits?: Partial<ImportLimits>;
  /** Mappings that worked for earlier files of this kind: one is reused for a header row that is the same. */
  remembered?: readonly RememberedMapping[];
  /** Aborted when the operator cancels: reading stops promptly with a CANCELLED AppError. */
  signal?: AbortSignal;
  /** Called every thousand rows or so while reading: rows read from the file, bytes of it consumed. */
  onProgress?: (rowsRead: number, bytesRead: number) => void;
  /**
   * Takes each row as soon as it is judged acceptable (no errors, not screened out), instead
   * of `accepted`, which then stays empty: a kind that stores its rows as they come holds
   * none of them in memory. A row handed over stays accepted.
   */
  onAccepted?: (row: number, values: FieldValues<FieldTable>) => void;
}

/** The mapping of a committed batch, with the header row it was made for. */
export interface RememberedMapping {
  batchId: number;
  headers: readonly string[];
  mapping: Record<string, string>;
}

/** Rows the preview shows: those with problems (up to this many), then the first accepted ones. */
const PREVIEW_PROBLEM_ROWS = 1000;
const PREVIEW_FIRST_ROWS = 50;
const PREVIEW_MAX_COLUMNS = 1000;

interface AcceptedRow<F extends FieldTable> {
  row: number;
  values: FieldValues<F>;
}

export interface ImportTable<F extends FieldTable> {
  format: 'xlsx' | 'csv';
  /** For a CSV: the encoding and separator found, for the summary. */
  encoding?: string;
  separator?: string;
  sheet: string | null;
  headerRow: number;
  /** The header row as written, one text per column ('' for a blank header). */
  headers: string[];
  /** The earlier batch whose mapping was reused for this header row, or null. */
  remembered: RememberedMapping | null;
  /** field -> the header text of its column, as written in the file. */
  mapping: Record<string, string>;
  /** Fields that have a column in the file: an absent column is not the same as blank cells. */
  presentFields: (keyof F & string)[];
  /** Rows without errors (perhaps with warnings), in file order; empty when they went to `onAccepted`. */
  accepted: AcceptedRow<F>[];
  /** How many rows were accepted, whether kept in `accepted` or handed to `onAccepted`. */
  acceptedCount: number;
  /** Every error, skipped row and warning, by row. */
  problems: ImportProblem[];
  /** Non-blank rows under the header: accepted + rejected + skipped + duplicates. */
  rowsRead: number;
  rejected: number;
  skipped: number;
  /** Rows that the kind's screenRow found to repeat an earlier line: neither taken nor errors. */
  duplicates: number;
  /** The rows with problems (with their status), then the first accepted rows; cells as text in header order. */
  previewRows: PreviewRow[];
}

interface Closest {
  sheet: string | null;
  row: number;
  matched: string[];
  missing: string[];
  /** The row's texts, for the mapping step: the operator picks the columns from these. */
  headers: string[];
  columns: ColumnMapping[];
  /** A few rows under it, so that the mapping step can show what each column holds. */
  samples: PreviewRow[];
}

const MAPPING_SAMPLE_ROWS = 3;

const filledCount = (headers: readonly string[]) => headers.filter((h) => h !== '').length;

/**
 * The nearest row to a header row is the one that names the most fields; failing any, the
 * first row with two or more texts, which is most likely the client's own header row.
 */
function isNearer(matched: number, headers: readonly string[], closest: Closest | null): boolean {
  if (!closest) return true;
  if (matched !== closest.matched.length) return matched > closest.matched.length;
  return matched === 0 && filledCount(closest.headers) < 2 && filledCount(headers) >= 2;
}

function quoteList(items: readonly string[]): string {
  return items.map((s) => `"${s}"`).join(', ');
}

function headerNotFound<F extends FieldTable>(
  fileName: string,
  source: { format: string },
  definition: ImportDefinition<F>,
  limits: ImportLimits,
  override: MappingOverride,
  closest: Closest | null,
): AppError {
  const first = (field: string) =>
    override[field] !== undefined ? `"${override[field]}"` : (definition.fields[field]?.synonyms[0] ?? field);
  const wanted = requiredFields(definition).map((field) => {
    if (override[field] !== undefined) return `"${override[field]}" (chosen for ${field})`;
    const synonyms = definition.fields[field]?.synonyms ?? [];
    return synonyms.length > 1 ? `${synonyms[0]} (or ${synonyms.slice(1).join(', ')})` : (synonyms[0] ?? field);
  });
  const where =
    source.format === 'csv'
      ? `the first ${limits.headerSearchRows} rows of "${fileName}"`
      : `the first ${limits.headerSearchRows} rows of any sheet of "${fileName}"`;
  const needs =
    wanted.length > 1 ? `${wanted.slice(0, -1).join(', ')} and ${wanted[wanted.length - 1]}` : (wanted[0] ?? '');
  const hint =
    closest && closest.matched.length > 0
      ? `; the nearest was row ${closest.row}${closest.sheet ? ` of sheet "${closest.sheet}"` : ''}, which lacks ${closest.missing.map(first).join(' and ')}`
      : '';
  // What the UI's mapping step needs to let the operator choose the columns of the nearest row.
  const fields: MappingField[] = Object.entries(definition.fields).map(([field, spec]) => {
    const column = closest?.columns.find((c) => c.field === field);
    return {
      field,
      required: spec.required,
      header: column?.header ?? null,
      source: column ? (override[field] !== undefined ? 'explicit' : 'synonym') : null,
    };
  });
  return new AppError(
    'HEADER_NOT_FOUND',
    `No header row was found in ${where}: the file needs columns headed ${needs}${hint}.`,
    {
      required: Object.fromEntries(requiredFields(definition).map((f) => [f, definition.fields[f]?.synonyms ?? []])),
      closest: closest && {
        sheet: closest.sheet,
        row: closest.row,
        matched: closest.matched,
        missing: closest.missing,
      },
      headers: closest?.headers ?? [],
      fields,
      rows: closest?.samples ?? [],
    },
  );
}

/**
 * The merged areas that reach into data rows, looked up row by row as the rows come (in
 * increasing order, as sheets list them). The areas covering the current row are kept in a
 * short list; the work over a sheet is bounded by the rows the areas cover, which
 * MergeCollector limits.
 */
class MergeLookup {
  private readonly byTop: MergedArea[];
  private next = 0;
  private active: MergedArea[] = [];
  private lastRow = 0;

  constructor(areas: readonly MergedArea[], headerRow: number) {
    this.byTop = areas.filter((a) => a.bottom > headerRow).sort((a, b) => a.top - b.top);
  }

  get any(): boolean {
    return this.byTop.length > 0;
  }

  /** The areas covering this row (which is under the header row). */
  at(row: number): readonly MergedArea[] {
    // A row out of order (a hand-made file) is checked against every area.
    if (row < this.lastRow) return this.byTop.filter((a) => a.top <= row && row <= a.bottom);
    this.lastRow = row;
    while (this.next < this.byTop.length && (this.byTop[this.next] as MergedArea).top <= row)
      this.active.push(this.byTop[this.next++] as MergedArea);
    if (this.active.some((a) => a.bottom < row)) this.active = this.active.filter((a) => a.bottom >= row);
    return this.active;
  }
}

/**
 * Judges the rows under a header row as they come: data, totals, notes, duplicates, merged
 * cells. The merged areas are known before the first row, so a row is judged once and for
 * all: a row without problems is counted and handed over (or kept in `accepted`); only rows
 * with problems, and the first rows for the preview, are kept.
 */
class DataRows<F extends FieldTable> {
  private readonly accepted: AcceptedRow<F>[] = [];
  private acceptedCount = 0;
  private rejected = 0;
  private duplicates = 0;
  private judged = 0;
  private readonly rowProblems: ImportProblem[] = [];
  private readonly skipped: ImportProblem[] = [];
  // The rows the preview shows: those with problems (skipped ones too), then the first rows without.
  private readonly problemRows: PreviewRow[] = [];
  private readonly firstRows: PreviewRow[] = [];
  private pendingNotes: { raw: RawRow; column: number; text: string }[] = [];
  private readonly keyRows = new Map<string, number>();
  private readonly required: ReadonlySet<string>;
  private readonly merges: MergeLookup;

  constructor(
    private readonly definition: ImportDefinition<F>,
    private readonly columns: readonly ColumnMapping[],
    private readonly context: CellParseContext,
    private readonly width: number,
    merges: readonly MergedArea[],
    headerRow: number,
    private readonly onAccepted?: (row: number, values: FieldValues<F>) => void,
  ) {
    this.required = new Set(requiredFields(definition));
    this.merges = new MergeLookup(merges, headerRow);
  }

  private headerOf(column: number): string | null {
    return this.columns.find((m) => m.column === column)?.header ?? null;
  }

  private cellTexts(cells: readonly RawCell[]): (string | null)[] {
    return Array.from({ length: this.width }, (_, i) => {
      const cell = cells[i] ?? null;
      return isBlankCell(cell) ? null : cellToText(cell);
    });
  }

  private skip(raw: RawRow, problem: ImportProblem): void {
    this.skipped.push(problem);
    if (this.problemRows.length < PREVIEW_PROBLEM_ROWS)
      this.problemRows.push({ row: raw.row, cells: this.cellTexts(raw.cells), status: 'skipped' });
  }

  add(raw: RawRow): void {
    const kind = classifyRow(raw.cells, this.columns, this.required);
    switch (kind.kind) {
      case 'blank':
        return;
      case 'totals':
        this.skip(raw, skippedRowProblem(raw.row, 'TOTALS_ROW', this.headerOf(kind.column), kind.text));
        return;
      case 'outside-columns':
        this.skip(raw, skippedRowProblem(raw.row, 'NOT_DATA', null, kind.text));
        return;
      case 'maybe-note':
        // A note under the table, unless data rows follow: then it is a data row with errors.
        this.pendingNotes.push({ raw, column: kind.column, text: kind.text });
        return;
      case 'data':
        for (const note of this.pendingNotes) this.evaluate(note.raw);
        this.pendingNotes = [];
        this.evaluate(raw);
    }
  }

  /** A merged cell's value belongs to one row only, so no row that a merged area reaches into can be trusted. */
  private mergeProblems(raw: RawRow, problems: ImportProblem[]): ImportProblem[] {
    let judged = problems;
    for (const area of this.merges.at(raw.row)) {
      const inside = this.columns.filter((m) => m.column + 1 >= area.left && m.column + 1 <= area.right);
      const first = inside[0];
      if (!first) continue;
      const headers = new Set(inside.map((m) => m.header));
      judged = judged.filter((p) => !(p.code === 'MISSING_VALUE' && p.column !== null && headers.has(p.column)));
      judged.push(mergedCellProblem(raw.row, first.header, cellToText(raw.cells[first.column] ?? null), area.ref));
    }
    return judged;
  }

  private evaluate(raw: RawRow): void {
    const result = evaluateRow(raw.row, raw.cells, this.definition, this.columns, this.context);
    const merged = this.merges.any && this.merges.at(raw.row).length > 0;
    if (merged) result.problems = this.mergeProblems(raw, result.problems);
    const keyFields = this.definition.duplicateKey ?? [];
    const key = duplicateKeyOf(result.values, keyFields);
    if (key !== null) {
      const firstRow = this.keyRows.get(key);
      if (firstRow === undefined) this.keyRows.set(key, raw.row);
      else {
        const keyField = keyFields[0] ?? '';
        const mapping = this.columns.find((m) => m.field === keyField);
        const value = keyFields.map((f) => String(result.values[f])).join(' / ');
        result.problems.push(
          cellProblem(
            raw.row,
            mapping?.header ?? keyField,
            value,
            'DUPLICATE_IN_FILE',
            `was already given in row ${firstRow}; this row was not taken`,
            { firstRow },
          ),
        );
      }
    }
    if (this.definition.screenRow && !hasErrors(result.problems)) {
      const screened = this.definition.screenRow(raw.row, result.values);
      if (screened) result.problems.push(screened);
    }
    const problems = result.problems;
    if (merged) {
      const order = (p: ImportProblem) =>
        this.columns.find((m) => m.header === p.column)?.column ?? Number.MAX_SAFE_INTEGER;
      problems.sort((a, b) => order(a) - order(b));
    }
    let status: PreviewRow['status'] = 'accepted';
    if (hasErrors(problems)) {
      status = 'rejected';
      this.rejected++;
    } else if (problems.some((p) => p.severity === 'skipped')) {
      status = 'duplicate';
      this.duplicates++;
    } else {
      this.acceptedCount++;
      if (this.onAccepted) this.onAccepted(raw.row, result.values);
      else this.accepted.push({ row: raw.row, values: result.values });
    }
    if (problems.length > 0) {
      for (const p of problems) this.rowProblems.push(p);
      if (this.problemRows.length < PREVIEW_PROBLEM_ROWS)
        this.problemRows.push({ row: raw.row, cells: this.cellTexts(raw.cells), status });
    } else if (this.judged < PREVIEW_FIRST_ROWS)
      this.firstRows.push({ row: raw.row, cells: this.cellTexts(raw.cells), status });
    this.judged++;
  }

  finish() {
    for (const note of this.pendingNotes)
      this.skip(note.raw, skippedRowProblem(note.raw.row, 'NOT_DATA', this.headerOf(note.column), note.text));
    this.pendingNotes = [];
    const problemRows = [...this.problemRows].sort((a, b) => a.row - b.row);
    const problems = [...this.rowProblems, ...this.skipped].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return {
      accepted: this.accepted,
      acceptedCount: this.acceptedCount,
      rejected: this.rejected,
      duplicates: this.duplicates,
      skipped: this.skipped.length,
      rowsRead: this.judged + this.skipped.length,
      problems: foldRepeatedWarnings(problems),
      previewRows: [...problemRows, ...this.firstRows],
    };
  }
}

/**
 * The remembered mapping made for this very header row, keeping only fields the kind still
 * has and columns the operator has not just chosen for another field.
 */
function rememberedFor(
  headers: readonly string[],
  remembered: readonly RememberedMapping[],
  fieldNames: readonly string[],
  override: MappingOverride,
): RememberedMapping | null {
  const signature = headerSignature(headers);
  const found = remembered.find((r) => headerSignature(r.headers) === signature);
  if (!found) return null;
  const chosen = new Set(Object.values(override).map(normalizeHeader));
  const kept = Object.entries(found.mapping).filter(
    ([field, header]) => fieldNames.includes(field) && !(field in override) && !chosen.has(normalizeHeader(header)),
  );
  return { ...found, mapping: Object.fromEntries(kept) };
}

/**
 * Reads a client file into accepted rows and problems by the kind's field table. Refuses,
 * with an AppError and one sentence, what cannot be imported at all: an empty, damaged,
 * unsupported or oversized file, an unknown sheet, no recognisable header row, no data rows.
 */
export async function readImportTable<F extends FieldTable>(
  file: ImportFile,
  definition: ImportDefinition<F>,
  options: ReadTableOptions,
): Promise<ImportTable<F>> {
  const limits = resolveImportLimits(options.limits);
  const override = file.mapping ?? {};
  const fieldNames = Object.keys(definition.fields);
  for (const field of Object.keys(override)) {
    if (!fieldNames.includes(field)) {
      throw new AppError(
        'INVALID_INPUT',
        `The mapping names "${field}", which is not a field of a ${definition.kind} file (the fields are ${fieldNames.join(', ')}).`,
        { field },
      );
    }
  }
  const source = openTableSource(file.fileName, file.bytes, options.locale, limits, {
    signal: options.signal,
    onProgress: options.onProgress,
  });
  // A CSV is one table: a sheet name given with one (a remembered choice, a CLI default) is ignored.
  const namedSheet = source.format === 'xlsx' ? file.sheet : undefined;
  if (namedSheet !== undefined && !source.sheetNames.includes(namedSheet)) {
    throw new AppError(
      'SHEET_NOT_FOUND',
      `The workbook "${file.fileName}" has no sheet named "${namedSheet}"; its sheets are ${quoteList(source.sheetNames)}.`,
      {
        sheet: namedSheet,
        sheets: [...source.sheetNames],
      },
    );
  }
  const context: CellParseContext = {
    locale: options.locale,
    currencyDigits: options.currencyDigits,
    date1904: source.date1904,
  };

  let rowsSeen = 0;
  let anyContent = false;
  let closest: Closest | null = null;
  let table: ImportTable<F> | null = null;
  let headerWithoutData: { row: number; sheet: string | null } | null = null;
  for await (const sheet of source.sheets()) {
    const wanted = table === null && (namedSheet !== undefined ? sheet.name === namedSheet : !sheet.hidden);
    if (!wanted) {
      sheet.skip();
      continue;
    }
    let header: {
      row: number;
      columns: ColumnMapping[];
      headers: string[];
      remembered: RememberedMapping | null;
    } | null = null;
    let rows: DataRows<F> | null = null;
    for await (const raw of sheet.rows()) {
      rowsSeen++;
      if (rowsSeen > limits.maxRows) {
        throw new AppError(
          'FILE_TOO_LARGE',
          `The file "${file.fileName}" has more than ${limits.maxRows.toLocaleString('en-US')} rows, over the import limit; split it into smaller files.`,
          {
            maxRows: limits.maxRows,
          },
        );
      }
      for (const cell of raw.cells) {
        if (typeof cell === 'string' && cell.length > limits.maxCellChars) {
          throw new AppError(
            'FILE_TOO_LARGE',
            `The file "${file.fileName}" has a cell in row ${raw.row} longer than ${limits.maxCellChars.toLocaleString('en-US')} characters, over the import limit.`,
            {
              row: raw.row,
              maxCellChars: limits.maxCellChars,
            },
          );
        }
      }
      if (header === null || rows === null) {
        // Past the search window, the rest of a sheet without a header is read only to reach the next sheet.
        if (raw.row > limits.headerSearchRows || raw.cells.every(isBlankCell)) continue;
        anyContent = true;
        const headers = headerTexts(raw.cells);
        // A header row the same as an earlier file's takes that file's mapping; what the operator chose now comes
        // first.
        const remembered = rememberedFor(headers, options.remembered ?? [], fieldNames, override);
        const withRemembered = remembered
          ? matchHeaderRow(raw.cells, definition, { ...remembered.mapping, ...override })
          : null;
        const match = withRemembered?.found ? withRemembered : matchHeaderRow(raw.cells, definition, override);
        if (match.found) {
          header = {
            row: raw.row,
            columns: match.columns,
            headers,
            remembered: withRemembered?.found ? remembered : null,
          };
          // Preview rows span the header row; a sheet with thousands of headed columns shows the first ones.
          const width = Math.min(
            PREVIEW_MAX_COLUMNS,
            Math.max(headers.length, ...match.columns.map((m) => m.column + 1)),
          );
          // Known before the first data row: each row is judged once, as it comes.
          const merges = await sheet.mergedAreas();
          rows = new DataRows(definition, match.columns, context, width, merges, raw.row, options.onAccepted);
        } else if (isNearer(match.matched.length, headers, closest)) {
          closest = {
            sheet: sheet.name,
            row: raw.row,
            matched: match.matched,
            missing: match.missing,
            headers,
            columns: match.columns,
            samples: [],
          };
        } else if (closest && closest.sheet === sheet.name && closest.samples.length < MAPPING_SAMPLE_ROWS) {
          closest.samples.push({ row: raw.row, cells: headers, status: 'accepted' });
        }
        continue;
      }
      rows.add(raw);
    }
    if (header === null || rows === null) continue;
    const judged = rows.finish();
    if (judged.acceptedCount + judged.rejected + judged.duplicates === 0) {
      // A sheet of headers only (a template) does not stop the search for the sheet with the data.
      headerWithoutData ??= { row: header.row, sheet: sheet.name };
      continue;
    }
    table = {
      format: source.format,
      ...(source.encoding !== undefined ? { encoding: source.encoding } : {}),
      ...(source.separator !== undefined ? { separator: source.separator } : {}),
      sheet: sheet.name,
      headerRow: header.row,
      headers: header.headers,
      remembered: header.remembered,
      mapping: Object.fromEntries(header.columns.map((m) => [m.field, m.header])),
      presentFields: header.columns.map((m) => m.field as keyof F & string),
      ...judged,
    };
  }
  if (table) return table;
  if (headerWithoutData) {
    const { row, sheet } = headerWithoutData;
    throw new AppError(
      'FILE_EMPTY',
      `The file "${file.fileName}" has a header row (row ${row}${sheet ? ` of sheet "${sheet}"` : ''}) but no data rows.`,
      { headerRow: row, sheet },
    );
  }
  if (!anyContent)
    throw new AppError(
      'FILE_EMPTY',
      `The file "${file.fileName}" holds no data: ${source.format === 'xlsx' ? 'its sheets are empty' : 'it has no rows'}.`,
    );
  throw headerNotFound(file.fileName, source, definition, limits, override, closest);
}
