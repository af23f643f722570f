// A preview is not a promise (issue 11): every import's commit judges again, inside its own
// transaction, what its preview relied on, and refuses with a sentence when it moved: a file
// of the same kind committed meanwhile (its remembered mapping, layout and records), or the
// participants and products that a preview's unknown-code warnings were judged against.
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import type { CoreContext } from '../../src-main/core/context';
import type { ImportFile } from '../../src-main/core/import/jobs/import-pipeline';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { importParticipants, participantsRunner } from '../../src-main/core/import/kinds/import-participants';
import { importProducts, productsRunner } from '../../src-main/core/import/kinds/import-products';
import { salesRunner } from '../../src-main/core/sales/import-sales';
import { targetsRunner } from '../../src-main/core/import/kinds/import-targets';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const csv = (fileName: string, lines: string[]): ImportFile => ({
  fileName,
  bytes: new TextEncoder().encode(lines.join('\n')),
});

let ctx: CoreContext;
beforeEach(() => {
  ctx = openTestContext();
});

function refusedCommit(commit: () => unknown): AppError {
  const before = tableCounts(ctx);
  let caught: unknown = null;
  try {
    commit();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect(tableCounts(ctx)).toEqual(before);
  return caught as AppError;
}

describe('a commit refuses when what its preview relied on moved', () => {
  it('participants: another participants file committed since the preview', async () => {
    const a = await participantsRunner.prepare(
      ctx,
      csv('a.csv', ['Rep code;Name;Region', 'R1;Anna;North']),
      {},
      NO_PROGRESS,
    );
    expect(a.preview.accepted).toBe(1);
    await importParticipants(ctx, csv('b.csv', ['Rep code;Name;Region', 'R1;Anna Nowak;South']));
    const error = refusedCommit(() => a.commit());
    expect(error.code).toBe('PREVIEW_OUT_OF_DATE');
    expect(error.message).toBe(
      'Other participants were imported since this preview was made; open the file again to see an up-to-date preview.',
    );
    expect(error.details).toMatchObject({ kind: 'participants', fileName: 'b.csv' });
  });

  it('products: another products file committed since the preview', async () => {
    const a = await productsRunner.prepare(
      ctx,
      csv('a.csv', ['SKU;Product;Group', 'DOG-01;Karma;dog']),
      {},
      NO_PROGRESS,
    );
    await importProducts(ctx, csv('b.csv', ['SKU;Product;Group', 'DOG-01;Karma dla psa;cat']));
    expect(refusedCommit(() => a.commit()).code).toBe('PREVIEW_OUT_OF_DATE');
  });

  it('targets: participants imported since the preview warned of codes not known yet', async () => {
    const a = await targetsRunner.prepare(
      ctx,
      csv('targets.csv', ['Rep code;Period;Target', 'R9;2026-10;1000,00']),
      {},
      NO_PROGRESS,
    );
    expect(a.preview.problems.map((p) => p.code)).toContain('UNKNOWN_PARTICIPANT');
    const participants = await importParticipants(ctx, csv('reps.csv', ['Rep code;Name', 'R9;Ewa']));
    const error = refusedCommit(() => a.commit());
    expect(error.code).toBe('PREVIEW_OUT_OF_DATE');
    expect(error.message).toBe(
      `A participants file ("reps.csv", batch ${participants.batchId}) was imported since this preview was made, which changes which participant codes are known; open the file again to see an up-to-date preview.`,
    );
  });

  it('sales: products imported since the preview warned of SKUs not known yet', async () => {
    await importProducts(ctx, csv('products.csv', ['SKU;Product', 'DOG-01;Karma']));
    const a = await salesRunner.prepare(
      ctx,
      csv('sales.csv', ['Date;Rep code;SKU;Qty;Net value;Invoice', '2026-10-01;R0001;NEW-1;1;10,00;FV/1']),
      {},
      NO_PROGRESS,
    );
    try {
      expect(a.preview.problems.map((p) => p.code)).toContain('UNKNOWN_SKU');
      const products = await importProducts(ctx, csv('products-2.csv', ['SKU;Product', 'NEW-1;Nowość']));
      const error = refusedCommit(() => a.commit());
      expect(error.code).toBe('PREVIEW_OUT_OF_DATE');
      expect(error.message).toBe(
        `A products file ("products-2.csv", batch ${products.batchId}) was imported since this preview was made, which changes which SKUs are known; open the file again to see an up-to-date preview.`,
      );
    } finally {
      a.discard?.();
    }
  });
});
