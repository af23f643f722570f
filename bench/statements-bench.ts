// npm run bench:statements: every participant's statement of one period of the approved year (bench/approved-year.ts:
// 2,000 participants, 100,000 lines a period), published and drawn as PDFs into one zip, through the real CLI entry
// point (`node bin/loyalty.mjs statements write`), each run on a fresh copy of the year so that each one publishes
// all 2,000 statements. Target (issue 13, item 7): under 30 s. Prints each run's wall and CPU time (user + system of
// the command, its drawing threads included) and the medians; the results go to BENCHMARKS.md by hand.
// Options: --runs N (3), --period YYYY-MM (2026-12).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { approvedYear } from './approved-year';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(root, 'bin', 'loyalty.mjs');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
}

const runs = Number(option('runs', '3'));
const period = option('period', '2026-12');

/** CPU time of this process's waited-for children so far, in ms (Linux: cutime + cstime, 100 ticks a second). */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const year = approvedYear((line) => console.log(line));
const dir = mkdtempSync(join(tmpdir(), 'loyalty-statements-bench-'));
// The CLI's bundle is built (or found current) before the first measured run.
spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
console.log(
  `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ` +
    `period ${period}, ${runs} runs`,
);
const walls: number[] = [];
const cpuTimes: number[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const db = join(dir, 'year.db');
    rmSync(db, { force: true });
    copyFileSync(year, db);
    const out = join(dir, `statements-${run}.zip`);
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const result = spawnSync(
      process.execPath,
      [bin, 'statements', 'write', '--period', period, '--out', out, '--db', db, '--json'],
      { encoding: 'utf8', env: { ...process.env, LOYALTY_DB: '', LOYALTY_ACTOR: 'bench' } },
    );
    const wall = performance.now() - t0;
    const cpu = childrenCpuMs() - cpu0;
    if (result.status !== 0) throw new Error(`statements write failed: ${result.stderr}`);
    const written = JSON.parse(result.stdout) as { published: number; files: number };
    const entries = Object.keys(unzipSync(readFileSync(out)));
    if (written.published !== 2000 || entries.length !== 2000)
      throw new Error(`expected 2,000 statements published and zipped, got ${written.published} and ${entries.length}`);
    walls.push(wall);
    cpuTimes.push(cpu);
    console.log(
      `run ${run}: ${(wall / 1000).toFixed(1)} s wall, ${(cpu / 1000).toFixed(1)} s CPU, load ${load}, ` +
        `${entries.length} PDFs in the zip`,
    );
    rmSync(out, { force: true });
  }
  console.log(
    `median: ${(median(walls) / 1000).toFixed(1)} s wall, ${(median(cpuTimes) / 1000).toFixed(1)} s CPU ` +
      `(target: under 30 s)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
