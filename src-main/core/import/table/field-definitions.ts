// The shape every import kind is described in: a table of fields, each with its header
// synonyms and the parser of its cells. Participants, products, targets and sales are rows
// of such tables; the pipeline (import-pipeline.ts) does the rest the same way for all.
//
// A new kind plugs in as core/participants/import-participants.ts does: a field table built
// from header-synonyms.ts and the parse-*.ts parsers, defineImport() with its duplicate key
// and cross-field checks, readImportTable() to read and judge the file, then one
// ctx.store.transaction() that refuses a repeated file, records the batch and its problems
// (record-import-batch.ts) and writes the accepted rows.
import type { ImportKind, ImportProblem, ProblemCode } from '../report/import-report';
import type { CellError, RawCell } from '../read/raw-table';

export interface CellParseContext {
  /** The program's locale, e.g. "pl-PL": decides ambiguous "1,234" and dd/mm versus mm/dd. */
  locale: string;
  /** The program currency's minor digits, for money fields. */
  currencyDigits: number;
  /** The workbook counts date serials from 1904 (old Mac Excel). */
  date1904: boolean;
}

export interface CellWarning {
  code: ProblemCode;
  message: string;
  params?: Record<string, string | number>;
}

export type CellParseResult<T> =
  | { ok: true; value: T; warning?: CellWarning }
  | {
      ok: false;
      code: ProblemCode;
      /** Says what is wrong with the value, to follow it in a sentence: `"31.02.2026" is not a date (...)`. */
      message: string;
      params?: Record<string, string | number>;
    };

/** A cell that holds something: blank and error cells are dealt with before any parser sees them. */
export type FilledCell = Exclude<RawCell, null | CellError>;

export type CellParser<T> = (cell: FilledCell, context: CellParseContext) => CellParseResult<T>;

export interface FieldDefinition<T> {
  required: boolean;
  /**
   * Shown and stored, but used by no scoring and no matching (a sales line's participant name):
   * a cell of it that cannot be read is a warning, the value is not taken (a new record has none,
   * a stored one keeps its own) and the row is taken.
   */
  informational?: true;
  /** Header texts that name this field, first the one to quote in messages. */
  synonyms: readonly string[];
  parse: CellParser<T>;
}

export type FieldTable = Record<string, FieldDefinition<unknown>>;

/** A row's parsed values; null where the cell was blank or the column is not in the file. */
export type FieldValues<F extends FieldTable> = {
  [K in keyof F]: (F[K] extends FieldDefinition<infer T> ? T : never) | null;
};

/** A problem found by looking at a whole row rather than one cell. */
interface RowCheckProblem<F extends FieldTable> {
  field: keyof F & string;
  code: ProblemCode;
  message: string;
  params?: Record<string, string | number>;
}

export interface ImportDefinition<F extends FieldTable> {
  kind: ImportKind;
  fields: F;
  /** Fields whose values identify a row: a later row with the same key is a DUPLICATE_IN_FILE. */
  duplicateKey?: readonly (keyof F & string)[];
  /** Checks across fields, run on rows whose cells all parsed. */
  checkRow?: (values: FieldValues<F>) => RowCheckProblem<F>[];
  /**
   * Judges a row without errors against what came before it, in file order (sales: a line
   * already given earlier in the file or already imported). A problem of severity 'skipped'
   * marks the row a duplicate: neither taken nor an error; one of severity 'error' rejects it.
   */
  screenRow?: (row: number, values: FieldValues<F>) => ImportProblem | null;
}

/** Keeps the literal field names of a table, so that rows come back typed. */
export function defineImport<F extends FieldTable>(definition: ImportDefinition<F>): ImportDefinition<F> {
  return definition;
}

export function requiredFields<F extends FieldTable>(definition: ImportDefinition<F>): (keyof F & string)[] {
  return (Object.keys(definition.fields) as (keyof F & string)[]).filter((field) => definition.fields[field]?.required);
}
