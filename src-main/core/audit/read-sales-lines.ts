// The sales lines of a period's source batches as scoring takes them, read for an audit's recomputation. A row at a
// time through better-sqlite3 costs several times what scoring the line does, so the usual case is read in one pass,
// one JSON array per column. JSON is exact for integers and text only, so a value of any other type (a tampered REAL,
// a NULL) or a read that fails sends the period back to the row-by-row read, which gives each value as stored.
import type Database from 'better-sqlite3';
import type { ScoringLine } from '../sales/scoring-line';
import { SCORING_LINE_COLUMNS, scoringLineOf, type ScoringLineColumns } from '../sales/scoring-line-columns';

const WHERE = 'WHERE program_id = ? AND period = ? AND batch_id IN (SELECT value FROM json_each(?))';

export function readSalesLines(
  sqlite: Database.Database,
  programId: number,
  period: string,
  sourcesJson: string,
): ScoringLine[] {
  return readAsColumns(sqlite, programId, period, sourcesJson) ?? readByRows(sqlite, programId, period, sourcesJson);
}

type Columns = [number, number | null, string, string, string, string, string, string, string, string];

function readAsColumns(
  sqlite: Database.Database,
  programId: number,
  period: string,
  sourcesJson: string,
): ScoringLine[] | undefined {
  let columns: Columns;
  try {
    columns = sqlite
      .prepare(
        `SELECT COUNT(*),
                SUM(typeof(id) <> 'integer' OR typeof(batch_id) <> 'integer' OR typeof(source_row) <> 'integer'
                    OR typeof(sale_date) <> 'text' OR typeof(participant_code) <> 'text' OR typeof(sku) <> 'text'
                    OR typeof(quantity) <> 'integer' OR typeof(net_minor) <> 'integer'),
                json_group_array(id), json_group_array(batch_id), json_group_array(source_row),
                json_group_array(sale_date), json_group_array(participant_code), json_group_array(sku),
                json_group_array(quantity), json_group_array(net_minor)
         FROM sales_lines ${WHERE}`,
      )
      .raw()
      .get(programId, period, sourcesJson) as Columns;
  } catch {
    return undefined;
  }
  const [count, odd] = columns;
  if (odd !== null && odd !== 0) return undefined;
  const id = JSON.parse(columns[2]) as number[];
  const batchId = JSON.parse(columns[3]) as number[];
  const row = JSON.parse(columns[4]) as number[];
  const date = JSON.parse(columns[5]) as string[];
  const participantCode = JSON.parse(columns[6]) as string[];
  const sku = JSON.parse(columns[7]) as string[];
  const quantity = JSON.parse(columns[8]) as number[];
  const netMinor = JSON.parse(columns[9]) as number[];
  if ([id, batchId, row, date, participantCode, sku, quantity, netMinor].some((c) => c.length !== count))
    return undefined;
  const lines: ScoringLine[] = [];
  for (let i = 0; i < count; i++) {
    lines.push({
      id: id[i]!,
      batchId: batchId[i]!,
      row: row[i]!,
      date: date[i]!,
      participantCode: participantCode[i]!,
      sku: sku[i]!,
      quantity: quantity[i]!,
      netMinor: netMinor[i]!,
    });
  }
  return lines;
}

function readByRows(sqlite: Database.Database, programId: number, period: string, sourcesJson: string): ScoringLine[] {
  const lines: ScoringLine[] = [];
  for (const r of sqlite
    .prepare(`SELECT ${SCORING_LINE_COLUMNS} FROM sales_lines ${WHERE}`)
    .raw()
    .iterate(programId, period, sourcesJson) as IterableIterator<ScoringLineColumns>)
    lines.push(scoringLineOf(r));
  return lines;
}
