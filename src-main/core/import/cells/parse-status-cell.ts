import type { CellParseResult, FilledCell } from '../table/field-definitions';
import { normalizeSpaces } from '../read/raw-table';

export type ParticipantStatus = 'active' | 'inactive';

// The words of import-formats.md, with the feminine and adjective forms people also type.
const STATUS_WORDS: Record<string, ParticipantStatus> = {
  active: 'active',
  inactive: 'inactive',
  aktywny: 'active',
  aktywna: 'active',
  nieaktywny: 'inactive',
  nieaktywna: 'inactive',
  активен: 'active',
  активный: 'active',
  активна: 'active',
  неактивен: 'inactive',
  неактивный: 'inactive',
  неактивна: 'inactive',
  aktiv: 'active',
  inaktiv: 'inactive',
};

/** A participant's status; a blank cell means active (the pipeline never passes blanks here). */
export function parseStatusCell(cell: FilledCell): CellParseResult<ParticipantStatus> {
  const word = typeof cell === 'string' ? normalizeSpaces(cell).trim().toLowerCase() : '';
  const status = STATUS_WORDS[word];
  if (status) return { ok: true, value: status };
  return {
    ok: false,
    code: 'BAD_STATUS',
    message:
      'is not a status (expected active or inactive, aktywny or nieaktywny, активен or неактивен, aktiv or inaktiv)',
  };
}
