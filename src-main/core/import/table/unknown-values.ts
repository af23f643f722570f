// Codes and SKUs that the program does not know yet are no reason to refuse a line: the
// client's file is the record of what was sold. The preview says so, once per value, so
// that the operator can import the missing participants or products before scoring.
import type { ImportProblem } from '../report/import-report';

// One warning per value; a file full of unknown values says so in this many and a summary.
const MAX_WARNINGS = 100;

export interface UnknownValueCheck {
  code: 'UNKNOWN_PARTICIPANT' | 'UNKNOWN_SKU';
  /** The header of the column, as written in the file. */
  column: string;
  /** "a participant", "a product": what the value is not. */
  what: string;
  known: ReadonlySet<string>;
}

/**
 * `rows` may leave out values known to be known; `count` is then the number of rows checked,
 * which the single warning of a program that knows no values yet gives.
 */
export function unknownValueWarnings(
  check: UnknownValueCheck,
  rows: readonly { row: number; value: string }[],
  count = rows.length,
): ImportProblem[] {
  if (count === 0) return [];
  if (check.known.size === 0) {
    // Nothing to compare with yet: one warning for the file, not one per value.
    const list = check.code === 'UNKNOWN_PARTICIPANT' ? 'participants' : 'products';
    return [
      {
        row: null,
        column: check.column,
        value: null,
        code: check.code,
        reason: `The program has no ${list} yet, so no value of the column "${check.column}" is known; the rows are kept, and scoring will flag them until the ${list} are imported.`,
        params: { column: check.column, count },
        severity: 'warning',
      },
    ];
  }
  const byValue = new Map<string, { row: number; count: number }>();
  for (const { row, value } of rows) {
    if (check.known.has(value)) continue;
    const seen = byValue.get(value);
    if (seen) seen.count++;
    else byValue.set(value, { row, count: 1 });
  }
  const warnings: ImportProblem[] = [];
  for (const [value, { row, count }] of byValue) {
    if (warnings.length === MAX_WARNINGS) break;
    const more = count > 1 ? ` (in ${count} rows)` : '';
    warnings.push({
      row,
      column: check.column,
      value,
      code: check.code,
      reason: `Row ${row}, column "${check.column}": "${value}" is not ${check.what} of the program yet${more}; the row is kept and scoring will flag it.`,
      params: { row, column: check.column, value, count },
      severity: 'warning',
    });
  }
  if (byValue.size > MAX_WARNINGS) {
    const last = warnings[warnings.length - 1];
    if (last)
      last.reason = `${last.reason} ${byValue.size - MAX_WARNINGS} more unknown values in this column are not listed.`;
  }
  return warnings;
}

/** Problems in row order, the file's own first within a row. */
export function mergeProblems(problems: readonly ImportProblem[], extra: readonly ImportProblem[]): ImportProblem[] {
  return [...problems, ...extra]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
