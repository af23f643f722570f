// A yes/no cell (products' "Promoted"), in the words our clients write; a blank cell is no
// (the pipeline never passes blanks here, the kind reads a blank as no).
import type { CellParseResult, FilledCell } from '../table/field-definitions';
import { normalizeSpaces } from '../read/raw-table';

const YES = ['yes', 'y', 'tak', 't', 'да', 'д', 'ja', 'j', '1', 'x', '✓', '✔', 'true', 'prawda', 'истина'];
const NO = ['no', 'n', 'nie', 'нет', 'н', 'nei', 'nein', '0', '-', 'false', 'fałsz', 'ложь'];

export function parseFlagCell(cell: FilledCell): CellParseResult<boolean> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return { ok: true, value: cell === 1 };
  const word = typeof cell === 'string' ? normalizeSpaces(cell).trim().toLowerCase() : '';
  if (YES.includes(word)) return { ok: true, value: true };
  if (NO.includes(word)) return { ok: true, value: false };
  return {
    ok: false,
    code: 'BAD_FLAG',
    message: 'is neither yes nor no (expected yes/no, tak/nie, да/нет, ja/nei, 1/0, or x for yes and blank for no)',
  };
}
