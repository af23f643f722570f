// npm run bench:score: the speed of scoring on a program of realistic size.
//
// Builds a database with 2,000 participants, 60 products, a target per participant and month
// and 12 monthly sales batches of 100,000 lines (1,200,000 lines), written straight into the
// tables (the import has its own benchmark), then times:
//   (1) scoring one period (the last, so that tiers, targets, campaigns and carry all apply),
//       as `score --period` does it: load, compute, note the period as calculated;
//   (2) recomputing all twelve periods one after the other (`score --all`), each period's
//       volumes reused as the next one's tier basis;
//   (3) for information, the first period's verification queue, and approving it: posting its
//       ledger entries with hashes and creating its top-ups.
// Targets: (1) under 1 s, (2) under 5 s. The results go to BENCHMARKS.md by hand.
//
// Options: --runs N (5; the median is reported), --lines N (lines per period, 100000),
// --participants N (2000), --keep (leave the temp folder).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CoreContext } from '../src-main/core/context';
import { periodsOf, seedBigProgram } from '../tests/fixtures/big-program';
import { approvePeriod } from '../src-main/core/approval/approve-period';
import { calculatePeriod, recalculatePeriods } from '../src-main/core/scoring/period-score';
import { verificationQueue } from '../src-main/core/verification/verification-queue';
import { openDatabase } from '../src-main/db/open-database';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const RUNS = option('runs', 5);
const LINES = option('lines', 100_000);
const PARTICIPANTS = option('participants', 2000);
const FIRST = '2026-01';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const SIZE = { firstPeriod: FIRST, periods: 12, lines: LINES, participants: PARTICIPANTS };

function periods(): string[] {
  return periodsOf(SIZE);
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-score-bench-'));
  const store = openDatabase(join(dir, 'bench.db'));
  const ctx: CoreContext = { store, actor: 'bench', now: () => new Date() };
  try {
    const t0 = performance.now();
    seedBigProgram(ctx, SIZE);
    const seeded = (performance.now() - t0) / 1000;
    const all = periods();
    const last = all[all.length - 1]!;
    const one: number[] = [];
    const twelve: number[] = [];
    let participants = 0;
    for (let run = 0; run < RUNS; run++) {
      const a = performance.now();
      participants = calculatePeriod(ctx, last).rows.length;
      one.push((performance.now() - a) / 1000);
      const b = performance.now();
      recalculatePeriods(ctx, all);
      twelve.push((performance.now() - b) / 1000);
    }
    const q = performance.now();
    const findings = verificationQueue(ctx, FIRST).items.length;
    const queue = (performance.now() - q) / 1000;
    const c = performance.now();
    approvePeriod(ctx, FIRST, { overrideBudget: 'benchmark', acceptOpenAnomalies: 'benchmark' });
    const approve = (performance.now() - c) / 1000;
    const entries = (store.sqlite.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n;
    const cpu = cpus()[0]?.model ?? 'unknown';
    console.log(
      `machine: ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`,
    );
    console.log(
      `data: ${PARTICIPANTS} participants, 12 periods x ${LINES} lines = ${12 * LINES} lines (seeded in ${seeded.toFixed(1)} s)`,
    );
    console.log(
      `| score one period (${last}, ${participants} participants) | ${median(one).toFixed(3)} s | fastest ${Math.min(...one).toFixed(3)} s | target < 1 s | ${median(one) < 1 ? 'met' : 'NOT met'} |`,
    );
    console.log(
      `| recompute all twelve periods | ${median(twelve).toFixed(3)} s | fastest ${Math.min(...twelve).toFixed(3)} s | target < 5 s | ${median(twelve) < 5 ? 'met' : 'NOT met'} |`,
    );
    console.log(
      `| verification queue of ${FIRST} (${findings} findings with their evidence) | ${queue.toFixed(3)} s | one run | (no target) | |`,
    );
    console.log(
      `| approve ${FIRST} (accept the findings, post ${entries} ledger entries with hashes, create the top-ups) | ${approve.toFixed(3)} s | one run | (no target) | |`,
    );
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ${RUNS} runs`);
  } finally {
    store.close();
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

main();
