// The ledger as the recomputation's thread needs it: every read the recomputation makes of ledger_entries is a sum of
// points by program, participant, period, kind and corrected period, up to one of the approvals' ledger cuts
// (recompute-approved.ts: ledgerSumsInOnePass, the carries, the posted sums). So entries that fall between the same
// two cuts and share those columns can go in as one row with their points summed, under the last one's id: every
// such sum comes out the same, from a sixth of a year's million rows, and entries past the last cut (which no sum
// reads) stay out. The chain and the seals are checked on the other thread from every row as it is.
//
// Only when every value is of its column's type, ids rise, the CSV reads whole and each sum stays a whole number a
// double holds exactly: anything else leaves the table to the usual rebuild, row by row, as SQLite would take it.
import type Database from 'better-sqlite3';
import { readCsvTable, type CsvValue } from './table-csv';

const SUMMED = ['id', 'program_id', 'participant_code', 'period', 'kind', 'points', 'corrects_period'] as const;

class NotSummable extends Error {}

/** Inserts the ledger's CSV summed by spans between `cuts` (rising); false, with nothing inserted, where it cannot. */
export function insertLedgerBySpans(sqlite: Database.Database, bytes: Uint8Array, cuts: readonly number[]): boolean {
  const last = cuts.length > 0 ? cuts[cuts.length - 1]! : -Infinity;
  const groups = new Map<string, [number, number, string, string, string, number, string | null]>();
  let span = 0;
  let previous = -Infinity;
  try {
    readCsvTable(bytes, (header) => {
      const at = SUMMED.map((c) => header.indexOf(c));
      if (at.some((i) => i < 0)) throw new NotSummable();
      const [id, programId, code, period, kind, points, corrects] = at as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const skip = header.map((c) => !(SUMMED as readonly string[]).includes(c));
      const row = (v: CsvValue[]) => {
        const entry = v[id] as number;
        if (
          !Number.isSafeInteger(entry) ||
          !Number.isSafeInteger(v[programId]) ||
          !Number.isSafeInteger(v[points]) ||
          typeof v[code] !== 'string' ||
          typeof v[period] !== 'string' ||
          typeof v[kind] !== 'string' ||
          (v[corrects] !== null && typeof v[corrects] !== 'string') ||
          entry <= previous
        )
          throw new NotSummable();
        previous = entry;
        if (entry > last) return;
        while (cuts[span]! < entry) span++;
        const key = `${span}\u0000${String(v[programId])}\u0000${v[code] as string}\u0000${v[period] as string}\u0000${v[kind] as string}\u0000${v[corrects] === null ? '\u0001' : (v[corrects] as string)}`;
        const group = groups.get(key);
        if (group) {
          group[0] = entry;
          group[5] += v[points] as number;
        } else
          groups.set(key, [
            entry,
            v[programId] as number,
            v[code] as string,
            v[period] as string,
            v[kind] as string,
            v[points] as number,
            v[corrects] as string | null,
          ]);
      };
      return { row, skip };
    });
  } catch {
    // A value of another type, ids out of order, a column missing, or a CSV that does not read whole (CsvError).
    return false;
  }
  for (const group of groups.values()) if (!Number.isSafeInteger(group[5])) return false;
  const insert = sqlite.prepare(
    'INSERT INTO ledger_entries (id, program_id, participant_code, period, kind, points, corrects_period) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (const group of groups.values()) insert.run(group);
  })();
  return true;
}
