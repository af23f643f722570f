import { calendarDateFromUtcDate } from '../../periods/period';
import type { CellParser, CellParseResult, FilledCell } from '../table/field-definitions';
import { normalizeSpaces } from '../read/raw-table';

const DEFAULT_TEXT_MAX = 200;

/**
 * A text field's value: trimmed, non-breaking spaces made ordinary, inner spaces kept. A
 * number typed into a text column (a card or phone number) is taken as its digits: String()
 * gives them without a float artefact up to 2^53; beyond that Excel has already lost digits,
 * which we say rather than store a wrong number.
 */
export function parseTextCell(cell: FilledCell, maxLength = DEFAULT_TEXT_MAX): CellParseResult<string> {
  let text: string;
  if (typeof cell === 'string') text = normalizeSpaces(cell).trim();
  else if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, code: 'BAD_NUMBER', message: 'is not a usable value' };
    if (Number.isInteger(cell) && !Number.isSafeInteger(cell)) {
      return {
        ok: false,
        code: 'BAD_NUMBER',
        message:
          'is a number too long to be kept exactly (a spreadsheet keeps 15 digits); format the column as text and type the value again',
      };
    }
    text = String(cell);
  } else if (typeof cell === 'boolean') text = cell ? 'TRUE' : 'FALSE';
  else {
    const date = calendarDateFromUtcDate(cell);
    if (!date) return { ok: false, code: 'BAD_DATE', message: 'is not a usable value' };
    text = date;
  }
  if (text.length > maxLength) {
    return {
      ok: false,
      code: 'TOO_LONG',
      message: `is too long (${text.length} characters; at most ${maxLength})`,
      params: { length: text.length, max: maxLength },
    };
  }
  return { ok: true, value: text };
}

export function textParser(maxLength = DEFAULT_TEXT_MAX): CellParser<string> {
  return (cell) => parseTextCell(cell, maxLength);
}
