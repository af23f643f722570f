// The sentences of problem reports. Each names the row as the spreadsheet numbers it, the
// column by the header the client wrote, and the value as the file had it, so that the
// operator can go straight to the cell.
import { shortenForReport } from '../cells/cell-text';
import type { ImportProblem, ProblemCode } from './import-report';

type Params = Record<string, string | number>;

// A stored value is kept whole enough to recognise, not a whole 32,767-character cell.
const MAX_STORED_VALUE = 500;

/** A problem with one cell: `Row 7, column "Join date": "31.02.2026" is not a date (...).` */
export function cellProblem(
  row: number,
  column: string,
  value: string,
  code: ProblemCode,
  message: string,
  params: Params = {},
  severity: ImportProblem['severity'] = 'error',
): ImportProblem {
  return {
    row,
    column,
    value: value.slice(0, MAX_STORED_VALUE),
    code,
    reason: `Row ${row}, column "${column}": "${shortenForReport(value)}" ${message}.`,
    params: { row, column, value: shortenForReport(value), ...params },
    severity,
  };
}

export function missingValueProblem(row: number, column: string): ImportProblem {
  return {
    row,
    column,
    value: '',
    code: 'MISSING_VALUE',
    reason: `Row ${row}, column "${column}": the value is missing, and this column is required.`,
    params: { row, column },
    severity: 'error',
  };
}

/** A row passed over: a totals row, a note under the table. */
export function skippedRowProblem(
  row: number,
  code: 'TOTALS_ROW' | 'NOT_DATA',
  column: string | null,
  value: string,
): ImportProblem {
  const what = code === 'TOTALS_ROW' ? 'a totals row' : 'not a data row';
  return {
    row,
    column,
    value: value.slice(0, MAX_STORED_VALUE),
    code,
    reason: `Row ${row} is ${what} ("${shortenForReport(value, 60)}") and was skipped.`,
    params: { row, value: shortenForReport(value, 60) },
    severity: 'skipped',
  };
}

export function mergedCellProblem(row: number, column: string, value: string, area: string): ImportProblem {
  return {
    row,
    column,
    value,
    code: 'MERGED_CELL',
    reason: `Row ${row}, column "${column}": the cell is part of the merged area ${area}; unmerge the cells and fill in every row.`,
    params: { row, column, area },
    severity: 'error',
  };
}

/** Folds a warning repeated down a column into its first occurrence, so that 10,000 alike rows make one line. */
export function foldRepeatedWarnings(problems: ImportProblem[]): ImportProblem[] {
  const first = new Map<string, { problem: ImportProblem; count: number }>();
  const out: ImportProblem[] = [];
  for (const p of problems) {
    if (p.severity !== 'warning') {
      out.push(p);
      continue;
    }
    const key = `${p.code}|${p.column ?? ''}`;
    const seen = first.get(key);
    if (seen) seen.count++;
    else {
      const entry = { problem: { ...p }, count: 1 };
      first.set(key, entry);
      out.push(entry.problem);
    }
  }
  for (const { problem, count } of first.values()) {
    if (count > 1) {
      problem.reason = `${problem.reason.replace(/\.$/, '')} (and ${count - 1} more ${count - 1 === 1 ? 'row' : 'rows'} of this column read the same way).`;
      problem.params = { ...problem.params, count };
    }
  }
  return out;
}
