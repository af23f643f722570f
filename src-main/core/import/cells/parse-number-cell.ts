// Cell parsers for numbers and money, for the kinds that carry them (sales, targets, products):
// core/money does the exact reading; here it becomes a field's result with its warning.
import { parseDecimalToMinor, parseWholeNumber, type AmbiguousReading } from '../../money/parse-decimal';
import type { CellParseContext, CellParseResult, CellWarning, FilledCell } from '../table/field-definitions';

function ambiguityWarning(reading: AmbiguousReading, context: CellParseContext): CellWarning {
  const role = reading.readAs === 'decimal' ? 'decimal separator' : 'thousands separator';
  return {
    code: 'AMBIGUOUS_NUMBER',
    message: `could be read two ways; it was read with "${reading.separator}" as the ${role}, as ${context.locale} writes numbers`,
    params: { separator: reading.separator, readAs: reading.readAs, locale: context.locale },
  };
}

function numberInput(cell: FilledCell): string | number | null {
  return typeof cell === 'string' || typeof cell === 'number' ? cell : null;
}

/** Money in the program currency's minor units, exactly; excess decimals are an error. */
export function parseMoneyCell(cell: FilledCell, context: CellParseContext): CellParseResult<number> {
  const input = numberInput(cell);
  if (input === null) return { ok: false, code: 'BAD_NUMBER', message: 'is not an amount' };
  const result = parseDecimalToMinor(input, context.currencyDigits, context.locale);
  if (!result.ok)
    return {
      ok: false,
      code: result.code,
      message: result.message,
      ...(result.params ? { params: result.params } : {}),
    };
  return result.ambiguous
    ? { ok: true, value: result.minor, warning: ambiguityWarning(result.ambiguous, context) }
    : { ok: true, value: result.minor };
}

/** A whole number (quantities, points): "5", "5,0" and 5.0 are 5; "5,5" is an error. */
export function parseWholeNumberCell(cell: FilledCell, context: CellParseContext): CellParseResult<number> {
  const input = numberInput(cell);
  if (input === null) return { ok: false, code: 'BAD_NUMBER', message: 'is not a number' };
  const result = parseWholeNumber(input, context.locale);
  if (!result.ok)
    return {
      ok: false,
      code: result.code,
      message: result.message,
      ...(result.params ? { params: result.params } : {}),
    };
  return result.ambiguous
    ? { ok: true, value: result.value, warning: ambiguityWarning(result.ambiguous, context) }
    : { ok: true, value: result.value };
}
