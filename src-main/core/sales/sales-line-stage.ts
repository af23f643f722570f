// The accepted lines of a sales file between its preview and its commit, kept in a TEMP
// table of the connection rather than as objects: a 200,000-line file would otherwise hold
// some 100 MB while the operator reads the preview, and the commit would bind every line
// again. Lines are staged as they are judged (many per INSERT), and the commit is one
// INSERT ... SELECT into sales_lines. TEMP tables are the connection's own and never reach
// the database file; the stage is dropped once committed or discarded.
import type Database from 'better-sqlite3';
import { periodOfDate } from '../periods/period';
import type { SalesLineValues } from './sales-line-key';

export type StagedLine = SalesLineValues & { row: number };

const COLUMNS = [
  'source_row',
  'sale_date',
  'period',
  'participant_code',
  'sku',
  'quantity',
  'net_minor',
  'document_no',
  'line_no',
  'participant_name',
  'product_name',
  'line_key',
] as const;
const KEY_COLUMN = COLUMNS.indexOf('line_key');
// Lines per INSERT: one statement call binds this many; the last, shorter group goes one by one.
const GROUP = 64;

let stages = 0;

export class SalesLineStage {
  private readonly table: string;
  private readonly insertGroup: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly pending: unknown[] = [];
  private readonly keyByRowid: Database.Statement<[number], { key: string }>;
  private staged = 0;
  // Lines written to the table; the rest are pending. Rowids count from 1 in the order lines are added.
  private written = 0;
  private dropped = false;
  /** Lines by month (YYYY-MM), for the period of a file imported without one. */
  readonly months = new Map<string, number>();

  constructor(private readonly sqlite: Database.Database) {
    this.table = `temp.sales_stage_${++stages}`;
    // The stage is written once and read once: SQLite's own default cache (2 MB) will do, not the
    // 16 MB this build of it gives each database, which showed in the import's peak memory.
    sqlite.pragma('temp.cache_size = -2000');
    sqlite.exec(
      `CREATE TABLE ${this.table} (source_row INTEGER NOT NULL, sale_date TEXT NOT NULL, period TEXT NOT NULL, participant_code TEXT NOT NULL, sku TEXT NOT NULL,
        quantity INTEGER NOT NULL, net_minor INTEGER NOT NULL, document_no TEXT, line_no TEXT, participant_name TEXT, product_name TEXT, line_key TEXT NOT NULL)`,
    );
    const one = `(${COLUMNS.map(() => '?').join(', ')})`;
    this.insertOne = sqlite.prepare(`INSERT INTO ${this.table} VALUES ${one}`);
    this.insertGroup = sqlite.prepare(
      `INSERT INTO ${this.table} VALUES ${Array.from({ length: GROUP }, () => one).join(', ')}`,
    );
    this.keyByRowid = sqlite.prepare(`SELECT line_key AS key FROM ${this.table} WHERE rowid = ?`);
  }

  get count(): number {
    return this.staged;
  }

  add(line: StagedLine, key: string): void {
    const period = periodOfDate(line.date);
    this.months.set(period, (this.months.get(period) ?? 0) + 1);
    const p = this.pending;
    p.push(
      line.row,
      line.date,
      period,
      line.participantCode,
      line.sku,
      line.quantity,
      line.netMinor,
      line.documentNo,
      line.lineNo,
      line.participantName,
      line.productName,
      key,
    );
    this.staged++;
    if (p.length === GROUP * COLUMNS.length) {
      this.insertGroup.run(p);
      this.written += GROUP;
      p.length = 0;
    }
  }

  /** The key of the line added at this place (from 1, in the order of add()). */
  keyAt(place: number): string {
    if (place < 1 || place > this.staged) throw new RangeError(`no line was staged at place ${place}`);
    if (place > this.written) return this.pending[(place - this.written - 1) * COLUMNS.length + KEY_COLUMN] as string;
    const found = this.keyByRowid.get(place);
    if (!found) throw new Error(`the stage lost the line at place ${place}`);
    return found.key;
  }

  /** Writes what is still pending; the stage is complete after this. */
  flush(): void {
    const p = this.pending;
    for (let at = 0; at < p.length; at += COLUMNS.length) this.insertOne.run(p.slice(at, at + COLUMNS.length));
    this.written += p.length / COLUMNS.length;
    p.length = 0;
  }

  /** The staged lines in file order; for comparing a corrected file with the batch it replaces. */
  lines(): StagedLine[] {
    this.flush();
    return this.sqlite
      .prepare(
        `SELECT source_row AS row, sale_date AS date, participant_code AS participantCode, sku, quantity, net_minor AS netMinor, document_no AS documentNo, line_no AS lineNo,
          participant_name AS participantName, product_name AS productName FROM ${this.table} ORDER BY rowid`,
      )
      .all() as StagedLine[];
  }

  /**
   * Copies every staged line into sales_lines under the batch; run inside the commit's
   * transaction, after flush(): a flush inside it would be undone with it if it fails.
   */
  copyInto(programId: number, batchId: number): number {
    if (this.pending.length > 0) throw new Error('SalesLineStage.copyInto before flush()');
    return this.sqlite
      .prepare(
        `INSERT INTO sales_lines (program_id, batch_id, ${COLUMNS.join(', ')})
          SELECT ?, ?, ${COLUMNS.join(', ')} FROM ${this.table} ORDER BY rowid`,
      )
      .run(programId, batchId).changes;
  }

  /** Frees the stage; safe to call more than once, and after the connection closed. */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.pending.length = 0;
    if (this.sqlite.open) this.sqlite.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
}
