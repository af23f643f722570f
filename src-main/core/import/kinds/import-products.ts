// The client's product list -> the products table, updated by SKU, with the history of every
// field in product_changes, as participants are.
import { eq, sql, type SQL } from 'drizzle-orm';
import { productChanges, products } from '../../../db/schema';
import type { CoreContext } from '../../context';
import { defineImport, type FieldTable, type FieldValues } from '../table/field-definitions';
import { POINTS_PER_UNIT, PRODUCT_GROUP, PRODUCT_NAME_OR_NAME, PROMOTED, SKU } from '../table/header-synonyms';
import type { ImportKindRunner } from '../jobs/import-job-types';
import type { ImportFile } from '../jobs/import-pipeline';
import type { ImportReport } from '../report/import-report';
import { parseFlagCell } from '../cells/parse-flag-cell';
import { parseWholeNumberCell } from '../cells/parse-number-cell';
import { textParser } from '../cells/parse-text-cell';
import { beginImport, commitImportBatch, layoutChangeOf, NO_PROGRESS, readClientTable } from '../jobs/prepare-import';
import { upsertKeyedRecords } from '../jobs/upsert-keyed-records';
import { previewFromTable } from '../table/preview-from-table';

const productFields = {
  sku: { required: true, synonyms: SKU, parse: textParser(100) },
  name: { required: true, synonyms: PRODUCT_NAME_OR_NAME, parse: textParser() },
  group: { required: false, synonyms: PRODUCT_GROUP, parse: textParser(100) },
  promoted: { required: false, synonyms: PROMOTED, parse: parseFlagCell },
  pointsPerUnit: { required: false, synonyms: POINTS_PER_UNIT, parse: parseWholeNumberCell },
} satisfies FieldTable;

const productsImport = defineImport({
  kind: 'products',
  fields: productFields,
  duplicateKey: ['sku'],
  checkRow: (values) =>
    values.pointsPerUnit !== null && values.pointsPerUnit < 0
      ? [
          {
            field: 'pointsPerUnit',
            code: 'BAD_NUMBER',
            message: 'is negative; points per unit are 0 or more, or blank for points by value',
          },
        ]
      : [],
});

type ProductValues = FieldValues<typeof productFields>;

// The fields a file can set on a product, in the order changes are reported; compared as text.
const STORED_FIELDS = ['name', 'group', 'promoted', 'pointsPerUnit'] as const;
type StoredField = (typeof STORED_FIELDS)[number];
type Comparable = Record<StoredField, string | null>;

const NEW_PRODUCT: Comparable = { name: '', group: null, promoted: 'no', pointsPerUnit: null };

function comparable(p: {
  name: string;
  group: string | null;
  promoted: number;
  pointsPerUnit: number | null;
}): Comparable {
  return {
    name: p.name,
    group: p.group,
    promoted: p.promoted ? 'yes' : 'no',
    pointsPerUnit: p.pointsPerUnit === null ? null : String(p.pointsPerUnit),
  };
}

/**
 * What the row says about each field; undefined where the file has no such column, so that
 * a file of SKUs and points does not wipe groups. A present but blank cell says: no group,
 * not promoted, points by value (import-formats.md: "x/blank", "blank = value-based").
 */
function incomingValues(values: ProductValues, present: ReadonlySet<string>): Partial<Comparable> {
  const incoming: Partial<Comparable> = {};
  if (present.has('name')) incoming.name = values.name;
  if (present.has('group')) incoming.group = values.group;
  if (present.has('promoted')) incoming.promoted = values.promoted ? 'yes' : 'no';
  if (present.has('pointsPerUnit'))
    incoming.pointsPerUnit = values.pointsPerUnit === null ? null : String(values.pointsPerUnit);
  return incoming;
}

function storedValues(record: Comparable) {
  return {
    name: record.name ?? '',
    group: record.group,
    promoted: record.promoted === 'yes' ? 1 : 0,
    // Written by incomingValues from a whole number; read back exactly.
    pointsPerUnit: record.pointsPerUnit === null ? null : Number.parseInt(record.pointsPerUnit, 10),
  };
}

const placeholders = {
  name: sql.placeholder('name'),
  group: sql.placeholder('group'),
  promoted: sql.placeholder('promoted'),
  pointsPerUnit: sql.placeholder('pointsPerUnit'),
};
const setPlaceholders: Record<keyof typeof placeholders, SQL> = {
  name: sql`${sql.placeholder('name')}`,
  group: sql`${sql.placeholder('group')}`,
  promoted: sql`${sql.placeholder('promoted')}`,
  pointsPerUnit: sql`${sql.placeholder('pointsPerUnit')}`,
};

/**
 * The client's products file: valid rows create products or update them by SKU, and every
 * changed field is kept in product_changes. Products missing from the file stay as they are.
 */
export const productsRunner: ImportKindRunner = {
  kind: 'products',
  async prepare(ctx, file, options, progress) {
    const start = beginImport(ctx, 'products', file, options);
    const table = await readClientTable(ctx, start, productsImport, progress);
    const preview = previewFromTable({
      kind: 'products',
      file,
      sha256: start.sha256,
      definition: productsImport,
      table,
      layoutChange: layoutChangeOf(ctx, start, table.headers),
    });
    const present = new Set<string>(table.presentFields);
    return {
      preview,
      commit: () =>
        commitImportBatch(ctx, {
          start,
          table,
          problems: table.problems,
          write: (batchId, at) => writeProducts(ctx, start.program.id, batchId, at, table.accepted, present),
        }),
    };
  },
};

export async function importProducts(ctx: CoreContext, file: ImportFile): Promise<ImportReport> {
  return (await productsRunner.prepare(ctx, file, {}, NO_PROGRESS)).commit();
}

function writeProducts(
  ctx: CoreContext,
  programId: number,
  batchId: number,
  at: string,
  accepted: readonly { row: number; values: ProductValues }[],
  present: ReadonlySet<string>,
) {
  const insertProduct = ctx.store.db
    .insert(products)
    .values({
      programId,
      sku: sql.placeholder('sku'),
      ...placeholders,
      createdBatchId: batchId,
      updatedBatchId: batchId,
      sourceRow: sql.placeholder('sourceRow'),
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: products.id })
    .prepare();
  const updateProduct = ctx.store.db
    .update(products)
    .set({ ...setPlaceholders, updatedBatchId: batchId, updatedAt: at })
    .where(eq(products.id, sql.placeholder('id')))
    .prepare();
  const insertChange = ctx.store.db
    .insert(productChanges)
    .values({
      productId: sql.placeholder('productId'),
      batchId,
      sourceRow: sql.placeholder('sourceRow'),
      field: sql.placeholder('field'),
      oldValue: sql.placeholder('oldValue'),
      newValue: sql.placeholder('newValue'),
      createdAt: at,
    })
    .prepare();
  const existing = new Map<string, { id: number; record: Comparable }>();
  for (const p of ctx.store.db.select().from(products).where(eq(products.programId, programId)).all())
    existing.set(p.sku, { id: p.id, record: comparable(p) });
  // The pipeline rejects rows without SKU or name.
  const rows = accepted.map(({ row, values }) => ({
    row,
    key: values.sku as string,
    incoming: incomingValues(values, present),
  }));
  return upsertKeyedRecords(STORED_FIELDS, NEW_PRODUCT, rows, {
    existing,
    insert: (sku, sourceRow, record) => insertProduct.get({ sku, sourceRow, ...storedValues(record) }).id,
    update: (id, record) => updateProduct.run({ id, ...storedValues(record) }),
    recordChange: (productId, sourceRow, c) =>
      insertChange.run({ productId, sourceRow, field: c.field, oldValue: c.from, newValue: c.to }),
  });
}
