// The sales lines of a period's source batches as scoring takes them, read for an audit's recomputation. A row at a
// time through better-sqlite3 costs several times what scoring the line does, so the usual case is read in one pass,
// one JSON array per column. JSON is exact for integers and text only, so a value of any other type (a tampered REAL,
// a NULL) or a read that fails sends the period back to the row-by-row read, which gives each value as stored.
import type Database from 'better-sqlite3';
import type { ScoringLine } from '../sales/scoring-line';
import type { CsvValue } from './table-csv';
import { SCORING_LINE_COLUMNS, scoringLineOf, type ScoringLineColumns } from '../sales/scoring-line-columns';

const WHERE = 'WHERE program_id = ? AND period = ? AND batch_id IN (SELECT value FROM json_each(?))';

/**
 * Sales lines already read as an audit package's CSV went into the recomputation's database, by program and period
 * (salesLinesKey), in rowid order as SQLite gives them: readSalesLines takes them from here instead of reading them
 * back. Only lines whose every value was of its column's type, which SQLite therefore holds unchanged. Kept as
 * columns (a year's 1.2 million lines as objects cost the thread's garbage collector more than reading them back).
 */
export type SalesLinesRead = ReadonlyMap<string, LineColumns>;

interface LineColumns {
  id: number[];
  batchId: number[];
  row: number[];
  date: string[];
  participantCode: string[];
  sku: string[];
  quantity: number[];
  netMinor: number[];
}

export const salesLinesKey = (programId: number, period: string): string => `${programId}\u0000${period}`;

export function readSalesLines(
  sqlite: Database.Database,
  programId: number,
  period: string,
  sourcesJson: string,
  read?: SalesLinesRead,
): ScoringLine[] {
  return (
    fromRead(read, programId, period, sourcesJson) ??
    readAsColumns(sqlite, programId, period, sourcesJson) ??
    readByRows(sqlite, programId, period, sourcesJson)
  );
}

function fromRead(
  read: SalesLinesRead | undefined,
  programId: number,
  period: string,
  sourcesJson: string,
): ScoringLine[] | undefined {
  if (!read) return undefined;
  const sources: unknown = JSON.parse(sourcesJson);
  // Batches named otherwise than by whole numbers are compared as SQLite compares them, by the query.
  if (!Array.isArray(sources) || !sources.every(Number.isSafeInteger)) return undefined;
  const batches = new Set(sources as number[]);
  const c = read.get(salesLinesKey(programId, period));
  const lines: ScoringLine[] = [];
  if (!c) return lines;
  for (let i = 0; i < c.id.length; i++) {
    if (!batches.has(c.batchId[i]!)) continue;
    lines.push({
      id: c.id[i]!,
      batchId: c.batchId[i]!,
      row: c.row[i]!,
      date: c.date[i]!,
      participantCode: c.participantCode[i]!,
      sku: c.sku[i]!,
      quantity: c.quantity[i]!,
      netMinor: c.netMinor[i]!,
    });
  }
  return lines;
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

/**
 * Gathers the sales lines as an audit package's CSV goes into the recomputation's database (rebuild-database.ts's
 * `watch`), for readSalesLines to take rather than read back: about two seconds of a year's recomputation. Given up
 * (the lines are then read from SQLite, as ever) at the first value not of its column's type, a row out of rowid
 * order, or a row that could not go in (`spoil`).
 */
export function salesLinesAsRead(): {
  watch: (table: string, header: readonly string[]) => ((values: readonly CsvValue[]) => void) | undefined;
  spoil: () => void;
  lines: () => SalesLinesRead | undefined;
} {
  const byPeriod = new Map<string, LineColumns>();
  // Dates, codes and SKUs repeat thousands of times: one string each.
  const strings = new Map<string, string>();
  const once = (text: string) => {
    const found = strings.get(text);
    if (found !== undefined) return found;
    strings.set(text, text);
    return text;
  };
  let spoiled = false;
  return {
    watch: (table, header) => {
      if (table !== 'sales_lines') return undefined;
      const at = (name: string) => header.indexOf(name);
      const ints = ['id', 'program_id', 'batch_id', 'source_row', 'quantity', 'net_minor'].map(at);
      const texts = ['sale_date', 'period', 'participant_code', 'sku'].map(at);
      if ([...ints, ...texts].some((i) => i < 0)) {
        spoiled = true;
        return undefined;
      }
      const [id, programId, batchId, row, quantity, netMinor] = ints as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const [date, period, participantCode, sku] = texts as [number, number, number, number];
      let last = -Infinity;
      let magnitude = 0;
      // The list of the last row's program and period: rows come grouped by import, so the key is rarely made.
      let lastProgram: unknown;
      let lastPeriod: unknown;
      let c: LineColumns | undefined;
      return (v) => {
        if (spoiled) return;
        const line = v[id];
        if (
          !Number.isSafeInteger(line) ||
          !Number.isSafeInteger(v[programId]) ||
          !Number.isSafeInteger(v[batchId]) ||
          !Number.isSafeInteger(v[row]) ||
          !Number.isSafeInteger(v[quantity]) ||
          !Number.isSafeInteger(v[netMinor]) ||
          typeof v[date] !== 'string' ||
          typeof v[period] !== 'string' ||
          typeof v[participantCode] !== 'string' ||
          typeof v[sku] !== 'string' ||
          (line as number) <= last ||
          // What lineVolumes would not sum (readSalesLines' callers then ask SQLite).
          (v[participantCode] as string).includes('\uFFFD') ||
          (magnitude += Math.abs(v[netMinor] as number)) > Number.MAX_SAFE_INTEGER
        )
          return void (spoiled = true);
        last = line as number;
        if (c === undefined || v[programId] !== lastProgram || v[period] !== lastPeriod) {
          lastProgram = v[programId];
          lastPeriod = v[period];
          const key = salesLinesKey(lastProgram as number, lastPeriod as string);
          c = byPeriod.get(key);
          if (!c) {
            c = { id: [], batchId: [], row: [], date: [], participantCode: [], sku: [], quantity: [], netMinor: [] };
            byPeriod.set(key, c);
          }
        }
        c.id.push(line as number);
        c.batchId.push(v[batchId] as number);
        c.row.push(v[row] as number);
        c.date.push(once(v[date] as string));
        c.participantCode.push(once(v[participantCode] as string));
        c.sku.push(once(v[sku] as string));
        c.quantity.push(v[quantity] as number);
        c.netMinor.push(v[netMinor] as number);
      };
    },
    spoil: () => void (spoiled = true),
    lines: () => (spoiled ? undefined : byPeriod),
  };
}
