// Products files: the sample, a re-import that updates by SKU with the history of each field,
// and the yes/no and points values as clients write them, in xlsx and in Windows code pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import type { ImportFile } from '../../src-main/core/import/jobs/import-pipeline';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { importProducts, productsRunner } from '../../src-main/core/import/kinds/import-products';
import { editXlsxWithOpenpyxl, hasOpenpyxl, makeTempDir, writeXlsxWithOpenpyxl } from '../fixtures/client-files';
import { encodeLegacy } from '../fixtures/legacy-encoding';
import { samplesDir } from '../fixtures/repo-paths';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const sample = (): ImportFile => ({
  fileName: 'products.xlsx',
  bytes: readFileSync(join(samplesDir, 'products.xlsx')),
});

interface StoredProduct {
  sku: string;
  name: string;
  product_group: string | null;
  promoted: number;
  points_per_unit: number | null;
  created_batch_id: number;
  updated_batch_id: number;
  source_row: number;
}

const productsOf = (ctx: CoreContext) =>
  ctx.store.sqlite.prepare('SELECT * FROM products ORDER BY sku').all() as StoredProduct[];
const productOf = (ctx: CoreContext, sku: string) => productsOf(ctx).find((p) => p.sku === sku);

let dir: string;
let ctx: CoreContext;
beforeAll(() => {
  dir = makeTempDir('loyalty-products-');
});
beforeEach(() => {
  ctx = openTestContext();
});

describe('products', () => {
  it('imports the six products of the sample, with groups, promotion and points per unit', async () => {
    const report = await importProducts(ctx, sample());
    expect(report).toMatchObject({
      kind: 'products',
      sheet: 'Products',
      rowsRead: 6,
      accepted: 6,
      rejected: 0,
      skipped: 0,
      created: 6,
      updated: 0,
      unchanged: 0,
      problems: [],
    });
    expect(report.mapping).toEqual({
      sku: 'SKU',
      name: 'Product',
      group: 'Group',
      promoted: 'Promoted',
      pointsPerUnit: 'Points per unit',
    });
    expect(productOf(ctx, 'DOG-01')).toMatchObject({
      name: 'Karma sucha pies 10 kg',
      product_group: 'DRY',
      promoted: 1,
      points_per_unit: null,
      source_row: 2,
    });
    expect(productOf(ctx, 'CAT-07')).toMatchObject({ product_group: 'WET', promoted: 1, points_per_unit: 15 });
    expect(productOf(ctx, 'TOY-3')).toMatchObject({ name: 'Piłka gumowa', product_group: 'TOYS', promoted: 0 });
    const history = ctx.store.sqlite
      .prepare(
        "SELECT field, old_value, new_value FROM product_changes WHERE product_id = (SELECT id FROM products WHERE sku = 'CAT-07') ORDER BY id",
      )
      .all();
    expect(history).toEqual([
      { field: 'name', old_value: null, new_value: 'Saszetka kot 85 g' },
      { field: 'group', old_value: null, new_value: 'WET' },
      { field: 'promoted', old_value: null, new_value: 'yes' },
      { field: 'pointsPerUnit', old_value: null, new_value: '15' },
    ]);
  });

  it.skipIf(!hasOpenpyxl)(
    'updates by SKU on a re-import, keeping each change, and leaves products missing from the file alone',
    async () => {
      const first = await importProducts(ctx, sample());
      // The client's next list: TOY-3 now promoted at 2 points a unit, DOG-02 renamed, one product added.
      const next = editXlsxWithOpenpyxl(
        join(samplesDir, 'products.xlsx'),
        join(dir, 'products-v2.xlsx'),
        { D6: 'tak', E6: 2, B3: 'Karma sucha pies 3 kg NEW' },
        [['BIRD-1', 'Ziarno dla ptaków', 'DRY', 'nie', null]],
      );
      const report = await importProducts(ctx, { fileName: 'products-v2.xlsx', bytes: next });
      expect(report).toMatchObject({ accepted: 7, created: 1, updated: 2, unchanged: 4 });
      expect(report.changes).toEqual([
        {
          code: 'DOG-02',
          row: 3,
          changes: [{ field: 'name', from: 'Karma sucha pies 3 kg', to: 'Karma sucha pies 3 kg NEW' }],
        },
        {
          code: 'TOY-3',
          row: 6,
          changes: [
            { field: 'promoted', from: 'no', to: 'yes' },
            { field: 'pointsPerUnit', from: null, to: '2' },
          ],
        },
      ]);
      expect(productOf(ctx, 'TOY-3')).toMatchObject({
        promoted: 1,
        points_per_unit: 2,
        created_batch_id: first.batchId,
        updated_batch_id: report.batchId,
      });
      expect(productOf(ctx, 'BIRD-1')).toMatchObject({ promoted: 0, created_batch_id: report.batchId, source_row: 8 });

      // A file of SKUs and promotion only leaves groups and points as they are.
      const narrow = new TextEncoder().encode('SKU;Name;Promoted\nCAT-07;Saszetka kot 85 g;nie\n');
      const third = await importProducts(ctx, { fileName: 'promo.csv', bytes: narrow });
      expect(third).toMatchObject({ updated: 1 });
      expect(productOf(ctx, 'CAT-07')).toMatchObject({ product_group: 'WET', points_per_unit: 15, promoted: 0 });
    },
  );

  it.skipIf(!hasOpenpyxl)(
    'reads yes/no words in several languages, blank as no, and rejects bad values by row and column',
    async () => {
      const bytes = writeXlsxWithOpenpyxl(join(dir, 'produkty.xlsx'), [
        {
          title: 'Produkty',
          rows: [
            ['Lista produktów 2026'],
            [],
            ['Indeks', 'Nazwa produktu', 'Grupa produktowa', 'W programie', 'Punkty za sztukę', 'Cena'],
            ['P-1', 'Karma A', 'DRY', 'tak', null, 10],
            ['P-2', 'Karma B', 'DRY', 'x', '12', 10],
            ['P-3', 'Karma C', 'WET', null, 0, 10],
            ['P-4', 'Karma D', 'WET', 'może', 3, 10],
            ['P-5', 'Karma E', 'WET', 'nie', '1,5', 10],
            ['P-6', 'Karma F', null, true, -3, 10],
            ['P-1', 'Karma A bis', 'DRY', 'tak'],
            ['Razem', null, null, null, null, 70],
          ],
        },
      ]);
      const prepared = await productsRunner.prepare(ctx, { fileName: 'produkty.xlsx', bytes }, {}, NO_PROGRESS);
      expect(prepared.preview).toMatchObject({ headerRow: 3, rowsRead: 8, accepted: 3, rejected: 4, skipped: 1 });
      expect(prepared.preview.problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([
        [7, 'W programie', 'może', 'BAD_FLAG'],
        [8, 'Punkty za sztukę', '1,5', 'BAD_NUMBER'],
        [9, 'Punkty za sztukę', '-3', 'BAD_NUMBER'],
        [10, 'Indeks', 'P-1', 'DUPLICATE_IN_FILE'],
        [11, 'Indeks', 'Razem', 'TOTALS_ROW'],
      ]);
      prepared.commit();
      expect(productsOf(ctx).map((p) => [p.sku, p.promoted, p.points_per_unit])).toEqual([
        ['P-1', 1, null],
        ['P-2', 1, 12],
        ['P-3', 0, 0],
      ]);
    },
  );

  it('reads a Russian Windows-1251 CSV', async () => {
    const text =
      'Артикул;Наименование;Группа товаров;Участвует;Баллы за единицу\r\nК-1;Корм сухой;DRY;да;\r\nК-2;Игрушка;TOYS;нет;\r\nК-3;Паштет;WET;Да;7\r\n';
    const report = await importProducts(ctx, { fileName: 'товары.csv', bytes: encodeLegacy(text, 'windows-1251') });
    expect(report).toMatchObject({ accepted: 3, rejected: 0, source: { encoding: 'windows-1251' } });
    expect(productsOf(ctx).map((p) => [p.sku, p.name, p.promoted, p.points_per_unit])).toEqual([
      ['К-1', 'Корм сухой', 1, null],
      ['К-2', 'Игрушка', 0, null],
      ['К-3', 'Паштет', 1, 7],
    ]);
  });

  it('refuses the same file twice and writes nothing the second time', async () => {
    await importProducts(ctx, sample());
    const before = tableCounts(ctx);
    await expect(importProducts(ctx, sample())).rejects.toMatchObject({ code: 'FILE_ALREADY_IMPORTED' });
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('keeps the product history append-only in the database', async () => {
    await importProducts(ctx, sample());
    expect(() => ctx.store.sqlite.prepare("UPDATE product_changes SET new_value = 'no'").run()).toThrow(/append-only/);
    expect(() => ctx.store.sqlite.prepare('DELETE FROM product_changes').run()).toThrow(/append-only/);
  });
});
