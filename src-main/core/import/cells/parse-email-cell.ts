import type { CellParseResult, FilledCell } from '../table/field-definitions';
import { normalizeSpaces } from '../read/raw-table';

// Deliberately light: something@something.tld. Mail servers decide the rest; we only catch
// the typos that show in a spreadsheet (a missing @, a space, a name in the wrong column).
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

export function parseEmailCell(cell: FilledCell, maxLength = 200): CellParseResult<string> {
  if (typeof cell !== 'string') return { ok: false, code: 'BAD_EMAIL', message: 'is not an email address' };
  // Hyperlinked addresses sometimes arrive with their scheme.
  const text = normalizeSpaces(cell)
    .trim()
    .replace(/^mailto:/i, '');
  if (text.length > maxLength)
    return {
      ok: false,
      code: 'TOO_LONG',
      message: `is too long (${text.length} characters; at most ${maxLength})`,
      params: { length: text.length, max: maxLength },
    };
  if (!EMAIL.test(text)) return { ok: false, code: 'BAD_EMAIL', message: 'is not an email address' };
  return { ok: true, value: text };
}
