// A problem in an informational column never costs the line (issue 11, item 3): a sales line
// whose required fields are good is taken when its participant or product name is a formula
// openpyxl never calculated, an error cell or an unreadable value; the cell is a warning with
// row, column and value, and the name is stored empty. Participants the same for their
// contact columns. Files written by openpyxl, as clients' scripts write them.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import type { ImportProblem } from '../../src-main/core/import/report/import-report';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { importSales } from '../../src-main/core/sales/import-sales';
import { hasOpenpyxl, makeTempDir, writeXlsxWithOpenpyxl, type SheetCell } from '../fixtures/client-files';
import { openTestContext } from '../fixtures/test-database';

let ctx: CoreContext;
let dir: string;
beforeEach(() => {
  ctx = openTestContext();
  dir = makeTempDir();
});

const warningsOf = (problems: readonly ImportProblem[]) =>
  problems
    .filter(
      (p) =>
        p.severity === 'warning' && (p.code === 'ERROR_CELL' || p.code === 'UNREADABLE_CELL' || p.code === 'TOO_LONG'),
    )
    .map((p) => [p.row, p.column, p.value, p.code]);

describe.skipIf(!hasOpenpyxl)('informational columns', () => {
  it('keeps every sales line whose participant or product name is a formula without a result or an error cell, with warnings; a bad amount or invoice still rejects', async () => {
    const rows: SheetCell[][] = [
      ['Date', 'Rep code', 'SKU', 'Qty', 'Net value', 'Invoice', 'Line', 'Representative', 'Product'],
      [
        { date: '2026-10-03' },
        'R0001',
        'DOG-01',
        2,
        100.5,
        'FV-1',
        1,
        { formula: '=VLOOKUP(B2,Reps!A:B,2,FALSE)' },
        'Karma',
      ],
      [{ date: '2026-10-04' }, 'R0002', 'CAT-07', 1, 20, 'FV-2', 1, 'Jakub', '#N/A'],
      [{ date: '2026-10-05' }, 'R0003', 'DOG-02', 3, 30, 'FV-3', 1, 'Ewa', 'Smycz'],
      // The amount is scored and the invoice number matches lines: these still reject the line.
      [{ date: '2026-10-06' }, 'R0001', 'DOG-01', 2, '#N/A', 'FV-4', 1, 'Anna', 'Karma'],
      [{ date: '2026-10-07' }, 'R0002', 'CAT-07', 1, 20, { formula: '=A1&B1' }, 1, 'Jakub', 'Kocyk'],
    ];
    const bytes = writeXlsxWithOpenpyxl(join(dir, 'sales-names.xlsx'), [{ title: 'Sales', rows }]);
    const report = await importSales(ctx, { fileName: 'sales-names.xlsx', bytes });
    expect(report).toMatchObject({ accepted: 3, rejected: 2, period: '2026-10' });
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.code])).toEqual([
      [5, 'Net value', 'ERROR_CELL'],
      [6, 'Invoice', 'ERROR_CELL'],
    ]);
    expect(warningsOf(report.problems)).toEqual([
      [2, 'Representative', '=VLOOKUP(B2,Reps!A:B,2,FALSE)', 'ERROR_CELL'],
      [3, 'Product', '#N/A', 'ERROR_CELL'],
    ]);
    const warning = report.problems.find((p) => p.row === 3 && p.column === 'Product');
    expect(warning?.reason).toBe(
      'Row 3, column "Product": "#N/A" is an error value, not data; the row was taken without "Product".',
    );
    const stored = ctx.store.sqlite
      .prepare(
        'SELECT source_row AS row, participant_name AS participant, product_name AS product, net_minor AS net FROM sales_lines WHERE batch_id = ? ORDER BY source_row',
      )
      .all(report.batchId);
    expect(stored).toEqual([
      { row: 2, participant: null, product: 'Karma', net: 10050 },
      { row: 3, participant: 'Jakub', product: null, net: 2000 },
      { row: 4, participant: 'Ewa', product: 'Smycz', net: 3000 },
    ]);
    const kept = ctx.store.sqlite
      .prepare(
        "SELECT row, \"column\", severity FROM import_problems WHERE batch_id = ? AND code = 'ERROR_CELL' AND severity = 'warning' ORDER BY row",
      )
      .all(report.batchId);
    expect(kept).toEqual([
      { row: 2, column: 'Representative', severity: 'warning' },
      { row: 3, column: 'Product', severity: 'warning' },
    ]);
  });

  it('keeps a participant whose e-mail, phone or region cannot be read, with warnings and those fields not taken (empty when new, kept when stored); a bad card still rejects', async () => {
    const rows: SheetCell[][] = [
      ['Rep code', 'Name', 'Email', 'Phone', 'Region', 'Card'],
      ['R0001', 'Anna Nowak', { formula: '=LOWER(B2)&"@firma.pl"' }, '#REF!', 'North', '4000-0001'],
      ['R0002', 'Jakub Malinowski', 'jakub@firma.pl', '600100200', '#N/A', '4000-0002'],
      // The card is where the payout goes: one that cannot be read still rejects the row.
      ['R0003', 'Ewa Zielińska', 'ewa@firma.pl', '600100300', 'West', '#N/A'],
    ];
    const bytes = writeXlsxWithOpenpyxl(join(dir, 'participants-contacts.xlsx'), [{ title: 'Lista', rows }]);
    const report = await importParticipants(ctx, { fileName: 'participants-contacts.xlsx', bytes });
    expect(report).toMatchObject({ accepted: 2, rejected: 1, created: 2 });
    expect(warningsOf(report.problems)).toEqual([
      [2, 'Email', '=LOWER(B2)&"@firma.pl"', 'ERROR_CELL'],
      [2, 'Phone', '#REF!', 'ERROR_CELL'],
      [3, 'Region', '#N/A', 'ERROR_CELL'],
    ]);
    const stored = ctx.store.sqlite
      .prepare('SELECT code, email, phone, region, card_ref AS card FROM participants ORDER BY code')
      .all();
    expect(stored).toEqual([
      { code: 'R0001', email: null, phone: null, region: 'North', card: '4000-0001' },
      { code: 'R0002', email: 'jakub@firma.pl', phone: '600100200', region: null, card: '4000-0002' },
    ]);

    // An unreadable cell says nothing about the field: a participant already known keeps what
    // is stored (a blank cell would clear it), and no change is recorded for it.
    const again: SheetCell[][] = [
      ['Rep code', 'Name', 'Email', 'Phone', 'Region', 'Card'],
      ['R0002', 'Jakub Malinowski', '#N/A', '600100201', 'East', '4000-0002'],
    ];
    const second = await importParticipants(ctx, {
      fileName: 'participants-contacts-2.xlsx',
      bytes: writeXlsxWithOpenpyxl(join(dir, 'participants-contacts-2.xlsx'), [{ title: 'Lista', rows: again }]),
    });
    expect(second).toMatchObject({ accepted: 1, rejected: 0, updated: 1 });
    expect(warningsOf(second.problems)).toEqual([[2, 'Email', '#N/A', 'ERROR_CELL']]);
    expect(
      ctx.store.sqlite.prepare("SELECT email, phone, region FROM participants WHERE code = 'R0002'").get(),
    ).toEqual({ email: 'jakub@firma.pl', phone: '600100201', region: 'East' });
    const changed = ctx.store.sqlite
      .prepare(
        "SELECT c.field FROM participant_changes c JOIN participants p ON p.id = c.participant_id WHERE p.code = 'R0002' AND c.batch_id = ? ORDER BY c.id",
      )
      .pluck()
      .all(second.batchId);
    expect(changed).toEqual(['phone', 'region']);
  });
});
