import { afterEach, describe, expect, it } from 'vitest';
import { openTestContext } from '../../../tests/fixtures/test-database';
import type { CoreContext } from '../context';
import { insertImportBatch } from '../import/jobs/record-import-batch';
import { salesLineKey } from './sales-line-key';
import { SalesLineStage, type StagedLine } from './sales-line-stage';

const tempTables = (ctx: CoreContext) =>
  ctx.store.sqlite.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table'").all();

function line(row: number, extra: Partial<StagedLine> = {}): StagedLine {
  return {
    row,
    date: `2026-10-${String((row % 28) + 1).padStart(2, '0')}`,
    participantCode: `R${row % 7}`,
    sku: row % 2 ? 'DOG-01' : 'Kot "Ł" 🐈',
    quantity: row % 40,
    // Past 2^31 and negative: stored as SQLite integers, exactly.
    netMinor: row % 3 === 0 ? 9_007_199_254_740_991 - row : -row * 101,
    documentNo: row % 5 === 0 ? null : `FV/${row}`,
    lineNo: row % 4 === 0 ? null : String(row % 9),
    participantName: row % 6 === 0 ? null : `Name ${row}`,
    productName: row % 8 === 0 ? '' : null,
    ...extra,
  };
}

function batchOf(ctx: CoreContext): { programId: number; batchId: number } {
  const programId = (ctx.store.sqlite.prepare('SELECT id FROM programs').get() as { id: number }).id;
  const batchId = ctx.store.transaction(() =>
    insertImportBatch(ctx, {
      programId,
      kind: 'sales',
      fileName: 'sales.xlsx',
      fileSize: 1,
      sha256: 'a'.repeat(64),
      sheet: 'Sales',
      headerRow: 1,
      mapping: {},
      rowsRead: 0,
      accepted: 0,
      rejected: 0,
      skipped: 0,
      period: '2026-10',
      headers: [],
    }),
  );
  return { programId, batchId };
}

describe('SalesLineStage', () => {
  let ctx: CoreContext;
  afterEach(() => ctx?.store.close());

  it('gives back every field of every line exactly, in file order, across whole and partial groups', () => {
    ctx = openTestContext();
    const stage = new SalesLineStage(ctx.store.sqlite);
    const lines = Array.from({ length: 300 }, (_, i) => line(i + 2));
    for (const l of lines) stage.add(l, salesLineKey(l));
    expect(stage.count).toBe(300);
    expect(stage.lines()).toEqual(lines);
    expect(stage.months).toEqual(new Map([['2026-10', 300]]));
    stage.drop();
    expect(tempTables(ctx)).toEqual([]);
  });

  it('copies the lines into sales_lines under the batch, with their period and key', () => {
    ctx = openTestContext();
    const { programId, batchId } = batchOf(ctx);
    const stage = new SalesLineStage(ctx.store.sqlite);
    const lines = Array.from({ length: 130 }, (_, i) => line(i + 2));
    for (const l of lines) stage.add(l, salesLineKey(l));
    stage.flush();
    expect(ctx.store.transaction(() => stage.copyInto(programId, batchId))).toBe(130);
    const stored = ctx.store.sqlite
      .prepare(
        `SELECT source_row AS row, sale_date AS date, participant_code AS participantCode, sku, quantity, net_minor AS netMinor, document_no AS documentNo, line_no AS lineNo,
          participant_name AS participantName, product_name AS productName, period, line_key AS lineKey, program_id AS programId, batch_id AS batchId FROM sales_lines ORDER BY id`,
      )
      .all();
    expect(stored).toEqual(
      lines.map((l) => ({ ...l, period: '2026-10', lineKey: salesLineKey(l), programId, batchId })),
    );
  });

  it('copies nothing when the transaction around it fails', () => {
    ctx = openTestContext();
    const { programId, batchId } = batchOf(ctx);
    const stage = new SalesLineStage(ctx.store.sqlite);
    for (let row = 2; row < 200; row++) stage.add(line(row), salesLineKey(line(row)));
    stage.flush();
    expect(() =>
      ctx.store.transaction(() => {
        stage.copyInto(programId, batchId);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(ctx.store.sqlite.prepare('SELECT count(*) AS n FROM sales_lines').get()).toEqual({ n: 0 });
    // The stage is still whole: the commit may be tried again.
    expect(ctx.store.transaction(() => stage.copyInto(programId, batchId))).toBe(198);
  });

  it('hands back the key of the line at each place, staged or still pending', () => {
    ctx = openTestContext();
    const stage = new SalesLineStage(ctx.store.sqlite);
    for (let row = 2; row < 200; row++) stage.add(line(row), `key ${row}`);
    // 198 lines: three groups written, six pending.
    expect([1, 64, 65, 192, 193, 198].map((place) => stage.keyAt(place))).toEqual([
      'key 2',
      'key 65',
      'key 66',
      'key 193',
      'key 194',
      'key 199',
    ]);
    stage.flush();
    expect([1, 193, 198].map((place) => stage.keyAt(place))).toEqual(['key 2', 'key 194', 'key 199']);
    expect(() => stage.keyAt(199)).toThrow(RangeError);
    expect(() => stage.keyAt(0)).toThrow(RangeError);
  });
});
