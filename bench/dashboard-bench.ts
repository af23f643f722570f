// The Dashboard's overview and the navigation's counts on the approved year (bench/approved-year.ts: 2,000
// participants, 12 approved periods of 100,000 lines), read-only: 10 runs each after one to warm up; target 300 ms.
// Then on a year whose last period is open with 100,000 lines: the first call after a change scores that draft to
// find its findings, the next ones reuse it until something is written.
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import type { CoreContext } from '../src-main/core/context';
import { openDatabaseReadOnly } from '../src-main/db/open-database';
import { dashboardOverview } from '../src-main/core/reports/dashboard';
import { navigationCounts } from '../src-main/core/reports/navigation-counts';
import { approvedYear } from './approved-year';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/open-database';
import { seedBigProgram } from '../tests/fixtures/big-program';

const RUNS = 10;

function measure(name: string, run: () => unknown): void {
  run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = (times[(RUNS >> 1) - 1]! + times[RUNS >> 1]!) / 2;
  console.log(
    `${name}: median ${median.toFixed(1)} ms, fastest ${times[0]!.toFixed(1)} ms, slowest ${times[RUNS - 1]!.toFixed(1)} ms`,
  );
}

const store = openDatabaseReadOnly(approvedYear((line) => console.log(line)));
const ctx: CoreContext = { store, actor: 'bench', now: () => new Date() };
try {
  console.log(`${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}, Node ${process.version}`);
  const overview = dashboardOverview(ctx)!;
  console.log(`periods ${overview.periods.map((p) => `${p.period} ${p.state} ${p.next.step}`).join(', ')}`);
  measure('dashboard overview', () => dashboardOverview(ctx));
  measure('navigation counts', () => navigationCounts(ctx));
} finally {
  store.close();
}

const dir = mkdtempSync(join(tmpdir(), 'loyalty-dashboard-bench-'));
const open = openDatabase(join(dir, 'open.db'));
const openCtx: CoreContext = { store: open, actor: 'bench', now: () => new Date('2026-02-02T08:00:00Z') };
try {
  seedBigProgram(openCtx, { firstPeriod: '2026-01', periods: 1, lines: 100_000, participants: 2000 });
  const t = performance.now();
  const first = dashboardOverview(openCtx)!;
  console.log(
    `open period of 100,000 lines, first call (scores the draft, ${first.periods[0]!.findings!.open} open findings): ` +
      `${(performance.now() - t).toFixed(0)} ms`,
  );
  measure('open period, again with nothing written', () => dashboardOverview(openCtx));
  measure('navigation counts, open period, nothing written', () => navigationCounts(openCtx));
} finally {
  open.close();
  rmSync(dir, { recursive: true, force: true });
}
