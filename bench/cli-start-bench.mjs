// npm run bench:cli: how long `loyalty program show` takes to start, answer and exit, against
// the start of a bare `node -e 'require("better-sqlite3")'` on the same machine (the floor any
// command that opens the database pays). Target: the CLI within 3 x the floor.
//
// Measured through `node bin/loyalty.mjs`, as `npx loyalty` starts it (npx itself adds its own
// start, which is not ours), each run a fresh process, the two commands alternating so that a
// change in the machine's load hits both alike. Prints each one's median, fastest and slowest run
// and the ratio of the medians; the results go to BENCHMARKS.md by hand. On Linux it also
// prints each one's median CPU time (user + system, from /proc/self/stat's counts for waited-for
// children, in 10 ms ticks), which a busy machine disturbs much less than the wall clock.
//
// Plain JavaScript run by node, not tsx: what is measured must not share the machine with a
// TypeScript compiler warming up. Options: --runs N (21), --command "words" (program show).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = join(root, 'bin', 'loyalty.mjs');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const runs = Number(option('runs', '21'));
if (!Number.isInteger(runs) || runs <= 0) throw new Error('--runs must be a positive whole number');
const words = option('command', 'program show').split(' ');

const hasProc = existsSync('/proc/self/stat');

/** CPU time of this process's waited-for children so far, in ms (Linux; USER_HZ is 100 there). */
function childrenCpuMs() {
  if (!hasProc) return 0;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the line; the rest starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

const cpu = new Map();

function run(args, cwd = root) {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  const key = args[0];
  cpu.set(key, [...(cpu.get(key) ?? []), childrenCpuMs() - cpuBefore]);
  return ms;
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], fastest: sorted[0], slowest: sorted[sorted.length - 1] };
}

const dir = mkdtempSync(join(tmpdir(), 'loyalty-cli-bench-'));
try {
  const db = join(dir, 'bench.db');
  run([bin, 'program', 'init', '--config', join(root, 'examples', 'reference-program.json'), '--db', db]);
  // One run of each not counted: the first may build the CLI or fill the disk cache.
  run([bin, ...words, '--db', db]);
  run(['-e', 'require("better-sqlite3")']);
  const cli = [];
  const floor = [];
  for (let i = 0; i < runs; i += 1) {
    cli.push(run([bin, ...words, '--db', db]));
    floor.push(run(['-e', 'require("better-sqlite3")']));
  }
  const c = summary(cli);
  const f = summary(floor);
  // Without the uncounted first runs.
  const cpuOf = (key) => summary(cpu.get(key).slice(-runs)).median;
  const ms = (value) => `${Math.round(value)} ms`;
  console.log(
    `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}; ${runs} runs each`,
  );
  console.log(`| command | median | fastest | slowest | CPU time, median |`);
  console.log(`| --- | --- | --- | --- | --- |`);
  console.log(
    `| node bin/loyalty.mjs ${words.join(' ')} | ${ms(c.median)} | ${ms(c.fastest)} | ${ms(c.slowest)} | ${hasProc ? ms(cpuOf(bin)) : ''} |`,
  );
  console.log(
    `| node -e 'require("better-sqlite3")' | ${ms(f.median)} | ${ms(f.fastest)} | ${ms(f.slowest)} | ${hasProc ? ms(cpuOf('-e')) : ''} |`,
  );
  console.log(
    `ratio of the medians: ${(c.median / f.median).toFixed(2)} (target: 3.00 or less)${hasProc ? `; of the CPU times: ${(cpuOf(bin) / cpuOf('-e')).toFixed(2)}` : ''}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
