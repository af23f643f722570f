// npm run bench:audit: the audit package and its offline verification on a year of realistic size, through the real
// CLI (`node bin/loyalty.mjs`), as a coordinator and an auditor run them.
//
// On a copy of the approved year (bench/approved-year.ts: 2,000 participants, 1,200,000 lines, all twelve periods
// approved; built once and kept), times:
//   (1) `audit export --out FILE.zip`: every table as CSV, the ledger as xlsx, manifest with SHA-256;
//   (2) `audit verify FILE.zip`: the manifest, a database rebuilt from the CSV files, the ledger chain and every seal,
//       and all twelve periods recomputed and compared (on a second thread); and again with LOYALTY_AUDIT_THREADS=1,
//       in one thread, to tell what the second thread gains on this machine from what the machine's load costs.
// Targets: (1) under 15 s, (2) under 15 s. Each run is a process of its own; its CPU time (user + system) and peak RSS
// are read from /usr/bin/time when it is there: on a machine shared with other work the CPU time is what an idle one
// would take, the wall time is not. The results go to BENCHMARKS.md by hand.
//
// Options: --runs N (3; the median is reported), --keep (leave the temp folder).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { approvedYear } from './approved-year';

const at = process.argv.indexOf('--runs');
const RUNS = at >= 0 ? Number(process.argv[at + 1]) : 3;
if (!Number.isInteger(RUNS) || RUNS <= 0) throw new Error('--runs must be a positive whole number');
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'loyalty.mjs');
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One CLI run: its wall and CPU time in seconds and peak RSS in MB (null without /usr/bin/time). */
function run(
  args: string[],
  dir: string,
  env: Record<string, string> = {},
): { seconds: number; cpu: number | null; rssMb: number | null; stdout: string } {
  const rssFile = join(dir, 'rss.txt');
  const [command, argv] = timeTool
    ? [timeTool, ['-f', '%U %S %M', '-o', rssFile, process.execPath, bin, ...args]]
    : [process.execPath, [bin, ...args]];
  const t0 = performance.now();
  const child = spawnSync(command, argv, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOYALTY_DB: '', ...env },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (child.status !== 0)
    throw new Error(`loyalty ${args.join(' ')} exited with ${child.status}: ${child.stderr}${child.stdout}`);
  const [user, sys, rss] = timeTool
    ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
    : [];
  const cpu = user === undefined || sys === undefined ? null : user + sys;
  return { seconds, cpu, rssMb: rss === undefined ? null : rss / 1024, stdout: child.stdout };
}

// The machine's speed at the moment, for reading the figures on a shared machine: a fixed SQLite workload (a million
// rows inserted and read back as JSON lines) in one thread, then in two at once. Where the two take much longer than
// the one alone, the cores are shared with other work and no second thread can gain its full share.
const CALIBRATION = `
const Database = require('better-sqlite3');
const { parentPort } = require('node:worker_threads');
const t = performance.now();
const d = new Database(':memory:');
d.exec('CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c INTEGER, e TEXT)');
const ins = d.prepare('INSERT INTO t VALUES (?,?,?,?)');
d.transaction(() => { for (let i = 1; i <= 1000000; i++) ins.run(i, 'participant-' + (i % 2000), i * 7, '2026-09-01'); })();
let n = 0;
for (const r of d.prepare('SELECT json_array(a,b,c,e) FROM t').pluck().iterate()) n += r.length;
parentPort.postMessage((performance.now() - t) / 1000);
`;

async function calibrate(threads: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(CALIBRATION, { eval: true });
      return new Promise<number>((resolve, reject) => {
        worker.once('message', (s: number) => void worker.terminate().then(() => resolve(s)));
        worker.once('error', reject);
      });
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'loyalty-audit-bench-'));
try {
  const source = approvedYear((line) => console.log(line));
  const db = join(dir, 'year.db');
  copyFileSync(source, db);
  const zip = join(dir, 'year.zip');
  // Once before timing: builds the CLI bundle if a source changed, and leaves a package to verify.
  run(['audit', 'export', '--out', zip, '--db', db], dir);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`,
  );
  const [alone] = await calibrate(1);
  const both = await calibrate(2);
  console.log(
    `calibration (1,000,000 SQLite rows): ${alone!.toFixed(2)} s in one thread; ${both.map((s) => s.toFixed(2)).join(' s and ')} s in two at once`,
  );
  const results: Record<'export' | 'verify' | 'verify1', { seconds: number[]; cpu: number[]; rss: number[] }> = {
    export: { seconds: [], cpu: [], rss: [] },
    verify: { seconds: [], cpu: [], rss: [] },
    verify1: { seconds: [], cpu: [], rss: [] },
  };
  for (let i = 0; i < RUNS; i++) {
    const load = loadavg()[0]!.toFixed(1);
    const e = run(['audit', 'export', '--out', zip, '--db', db], dir);
    const v = run(['audit', 'verify', zip], dir);
    // The same verification kept to one thread, in the same conditions: what the second thread gains on this machine.
    const v1 = run(['audit', 'verify', zip], dir, { LOYALTY_AUDIT_THREADS: '1' });
    for (const out of [v.stdout, v1.stdout])
      if (!/The audit package verifies/.test(out)) throw new Error(`the package did not verify:\n${out}`);
    results.verify1.seconds.push(v1.seconds);
    if (v1.cpu !== null) results.verify1.cpu.push(v1.cpu);
    if (v1.rssMb !== null) results.verify1.rss.push(v1.rssMb);
    results.export.seconds.push(e.seconds);
    results.verify.seconds.push(v.seconds);
    if (e.cpu !== null) results.export.cpu.push(e.cpu);
    if (v.cpu !== null) results.verify.cpu.push(v.cpu);
    if (e.rssMb !== null) results.export.rss.push(e.rssMb);
    if (v.rssMb !== null) results.verify.rss.push(v.rssMb);
    console.log(
      `run ${i + 1} (load ${load}): export ${e.seconds.toFixed(1)} s (CPU ${e.cpu?.toFixed(1) ?? '?'} s), verify ${v.seconds.toFixed(1)} s (CPU ${v.cpu?.toFixed(1) ?? '?'} s), in one thread ${v1.seconds.toFixed(1)} s (${(statSync(zip).size / 2 ** 20).toFixed(0)} MB package)`,
    );
  }
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name}: median ${median(r.seconds).toFixed(1)} s, fastest ${Math.min(...r.seconds).toFixed(1)} s${r.cpu.length ? `, CPU median ${median(r.cpu).toFixed(1)} s` : ''}${r.rss.length ? `, peak RSS ${Math.max(...r.rss).toFixed(0)} MB` : ''} (target 15 s)`,
    );
  }
} finally {
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
