// The staging of accepted lines between preview and commit (sales-line-stage.ts), seen from
// the sales import: nothing staged outlives a commit, a cancel or a refusal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { samplesDir } from '../../../tests/fixtures/repo-paths';
import { openTestContext, tableCounts } from '../../../tests/fixtures/test-database';
import type { CoreContext } from '../context';
import { createImportJobs } from '../import/jobs/import-jobs';
import { IMPORT_RUNNERS } from '../../ipc/import-kinds';
import type { ImportFile } from '../import/jobs/import-pipeline';
import { NO_PROGRESS } from '../import/jobs/prepare-import';
import { importSales, salesRunner } from './import-sales';

const sample = (name: string): ImportFile => ({ fileName: name, bytes: readFileSync(join(samplesDir, name)) });
const staged = (ctx: CoreContext) =>
  ctx.store.sqlite.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'table'").all();

let ctx: CoreContext;
afterEach(() => ctx?.store.close());

describe('sales: staged lines', () => {
  it('are dropped after a commit; a refused commit writes nothing and keeps them until discarded', async () => {
    ctx = openTestContext();
    const stale = await salesRunner.prepare(ctx, sample('sales-2026-09.xlsx'), {}, NO_PROGRESS);
    expect(staged(ctx)).toHaveLength(1);
    // Another sales batch in between makes that preview out of date.
    const other = new TextEncoder().encode('Date;Rep code;SKU;Qty;Net value\r\n2026-10-05;R0001;DOG-01;2;10\r\n');
    expect((await importSales(ctx, { fileName: 'other.csv', bytes: other }, { period: '2026-10' })).accepted).toBe(1);
    const counts = tableCounts(ctx);
    expect(() => stale.commit()).toThrow(/preview was made/);
    expect(tableCounts(ctx)).toEqual(counts);
    expect(staged(ctx)).toHaveLength(1);
    stale.discard?.();
    expect(staged(ctx)).toEqual([]);
    const fresh = await salesRunner.prepare(ctx, sample('sales-2026-09.xlsx'), {}, NO_PROGRESS);
    expect(fresh.commit().accepted).toBe(68);
    expect(staged(ctx)).toEqual([]);
  });

  it('are dropped when the job is cancelled before or after its preview', async () => {
    ctx = openTestContext();
    const before = tableCounts(ctx);
    const jobs = createImportJobs(ctx, IMPORT_RUNNERS);
    const reading = jobs.start('sales', sample('sales-2026-09.xlsx'));
    jobs.cancel(reading);
    await jobs.settled(reading);
    const ready = jobs.start('sales', sample('sales-2026-09.xlsx'));
    expect((await jobs.settled(ready)).state).toBe('ready');
    expect(staged(ctx)).toHaveLength(1);
    jobs.cancel(ready);
    expect(staged(ctx)).toEqual([]);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('are dropped when reading fails', async () => {
    ctx = openTestContext();
    await expect(
      importSales(ctx, {
        fileName: 'broken.xlsx',
        bytes: readFileSync(join(samplesDir, 'sales-2026-09.xlsx')).subarray(0, 5000),
      }),
    ).rejects.toThrow();
    expect(staged(ctx)).toEqual([]);
  });
});
