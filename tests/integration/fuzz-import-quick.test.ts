// The quick cases of the import fuzz (issue 15, item 4), part of `npm test`: a hundred client
// files mutated from the samples by the same mutators as tests/long/fuzz-import.test.ts (which
// runs thousands), each imported whole or refused in one sentence with nothing written, in
// bounded time and memory. A failure names the case and keeps its file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopIdleXlsxRowWorker } from '../../src-main/core/import/read/xlsx-row-worker-client';
import { makeTempDir } from '../fixtures/client-files';
import {
  CSV_LANE,
  FUZZ_BOUNDS,
  fuzzSeeds,
  prepareBaseDatabase,
  runImportFuzz,
  summarize,
  XLSX_LANE,
} from '../fixtures/fuzz-import-harness';

// Not the long run's seed: these hundred cases are others than its first hundred.
const RUN_SEED = 4151;

describe('hostile files, fuzzed (quick)', () => {
  let dir: string;
  let base: string;
  let seeds: Awaited<ReturnType<typeof fuzzSeeds>>;
  beforeAll(async () => {
    dir = makeTempDir('loyalty-fuzz-quick-');
    seeds = await fuzzSeeds();
    base = await prepareBaseDatabase(dir);
  });
  afterAll(async () => {
    await stopIdleXlsxRowWorker();
  });

  it('imports a hundred mutated files whole or refuses each in one sentence, nothing written', async () => {
    const result = await runImportFuzz(base, seeds, {
      runSeed: RUN_SEED,
      lanes: [
        { name: 'xlsx', cases: 24, families: XLSX_LANE },
        { name: 'csv', cases: 76, families: CSV_LANE },
      ],
      ...FUZZ_BOUNDS,
      workDir: dir,
      rerun: (lane, index) => `FUZZ_SEED=${RUN_SEED} FUZZ_CASE=${lane}:${index} in tests/long/fuzz-import.test.ts`,
    });
    if (result.failures.length > 0) console.log(summarize(result));
    expect(result.failures, `${result.failures.length} failures`).toEqual([]);
    expect(result.cases).toBe(100);
    expect(result.committed).toBeGreaterThan(10);
    expect(result.refused).toBeGreaterThan(10);
  });
});
