// Hostile files, fuzzed (issue 15, item 4): thousands of client files mutated from the samples
// (bytes flipped or cut, the zip's headers, checksums, sizes, data and entries corrupted, the
// sheet's XML edited, the CSV's separators, quotes, encodings, numbers, dates and lines
// changed) go through the import pipeline as the app runs it. Each must end within a bound as a
// complete import or one clear refusal with nothing written, with no crash and memory bounded.
// Two lanes run side by side, each on copies of a database holding the program, participants,
// products and targets: workbooks (whose reading runs on the reader thread, started again after
// each read that fails part way, some 0.4 s of the other core) and CSVs (read on this thread).
// LONG_ROUNDS scales the number of cases: 1 (CI's run) is 2,400 cases in about a minute on two
// cores. A failure names its case and keeps its file; to run it again alone (with the cases
// before it in its group, on the same database): FUZZ_SEED=<run seed> FUZZ_CASE=<lane>:<case>.
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
import { MUTATOR_NAMES } from '../fixtures/fuzz-mutations';

const ROUNDS = Math.max(1, Math.floor(Number(process.env.LONG_ROUNDS ?? 1) || 1));
const RUN_SEED = Number(process.env.FUZZ_SEED ?? 20261015) >>> 0;
const XLSX_CASES = Number(process.env.FUZZ_XLSX_CASES ?? 360) * ROUNDS;
const CSV_CASES = Number(process.env.FUZZ_CSV_CASES ?? 2040) * ROUNDS;
const ONLY = /^(\w+):(\d+)$/.exec(process.env.FUZZ_CASE ?? '');

describe('hostile files, fuzzed', () => {
  let dir: string;
  let base: string;
  let seeds: Awaited<ReturnType<typeof fuzzSeeds>>;
  beforeAll(async () => {
    dir = makeTempDir('loyalty-fuzz-');
    seeds = await fuzzSeeds();
    base = await prepareBaseDatabase(dir);
  });
  afterAll(async () => {
    await stopIdleXlsxRowWorker();
  });

  it(
    'imports each mutated file whole or refuses it in one sentence, nothing written, in bounded time and memory',
    async () => {
      const result = await runImportFuzz(base, seeds, {
        runSeed: RUN_SEED,
        lanes: [
          { name: 'xlsx', cases: XLSX_CASES, families: XLSX_LANE },
          { name: 'csv', cases: CSV_CASES, families: CSV_LANE },
        ],
        ...FUZZ_BOUNDS,
        workDir: dir,
        ...(ONLY ? { only: { lane: ONLY[1] as string, index: Number(ONLY[2]) } } : {}),
        rerun: (lane, index) => `FUZZ_SEED=${RUN_SEED} FUZZ_CASE=${lane}:${index} LONG_ROUNDS=${ROUNDS}`,
      });
      console.log(summarize(result));
      expect(result.failures.slice(0, 20), `${result.failures.length} failures`).toEqual([]);
      if (!ONLY) {
        expect(result.cases).toBe(XLSX_CASES + CSV_CASES);
        // Every mutator had its turn, and both outcomes were seen: the run did not only refuse.
        expect(MUTATOR_NAMES.filter((m) => !result.byMutator[m])).toEqual([]);
        expect(result.committed).toBeGreaterThan(result.cases / 5);
        expect(result.refused).toBeGreaterThan(result.cases / 10);
        // The import limits held: no part that unpacks past its directory's word or the limit was taken.
        expect(result.byMutator['zip-bomb']?.committed).toBe(0);
      }
    },
    Math.max(15 * 60_000, ROUNDS * 3 * 60_000),
  );
});
