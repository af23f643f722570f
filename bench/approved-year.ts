// The bench:score data with every period approved: the year a statement batch, the audit package and `audit verify`
// are measured on (issue 13, item 7). 2,000 participants, 12 periods of 100,000 lines (1,200,000 lines), each period
// approved in order (over budget and with open findings accepted, as a benchmark has no one to resolve them).
//
// Building it takes a minute or two, so the file is kept and reused: `approvedYear()` returns the path of a ready
// database under the system's temp folder (LOYALTY_BENCH_YEAR overrides it); delete the file to build it again.
// Run alone (`npx tsx bench/approved-year.ts`) it builds the file and prints where it is.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CoreContext } from '../src-main/core/context';
import { approvePeriod } from '../src-main/core/approval/approve-period';
import { openDatabase } from '../src-main/db/open-database';
import { periodsOf, seedBigProgram, type BigProgram } from '../tests/fixtures/big-program';

export const YEAR_SIZE: BigProgram = { firstPeriod: '2026-01', periods: 12, lines: 100_000, participants: 2000 };

export function approvedYearPath(): string {
  return process.env.LOYALTY_BENCH_YEAR ?? join(tmpdir(), 'loyalty-bench-approved-year.db');
}

/** The path of the approved year's database, built first when it is not there yet. */
export function approvedYear(log: (line: string) => void = () => {}): string {
  const file = approvedYearPath();
  if (existsSync(file)) return file;
  // Built beside under another name and renamed at the end, so that a build cut short is never taken for a ready one.
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const store = openDatabase(building);
  const ctx: CoreContext = { store, actor: 'bench', now: () => new Date('2027-01-05T09:00:00.000Z') };
  try {
    const t0 = performance.now();
    seedBigProgram(ctx, YEAR_SIZE);
    log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const period of periodsOf(YEAR_SIZE)) {
      const t = performance.now();
      approvePeriod(ctx, period, { overrideBudget: 'benchmark', acceptOpenAnomalies: 'benchmark' });
      log(`approved ${period} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  } finally {
    store.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, file);
  return file;
}

if (process.argv[1]?.endsWith('approved-year.ts')) {
  console.log(approvedYear((line) => console.log(line)));
}
