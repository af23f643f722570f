// npm run bench:import: the speed of an import against exceljs's own streaming read.
//
// Writes a 200,000-row sales workbook, then times, each in a fresh child process so that
// their peak memory is their own:
//   (a) bare: exceljs's streaming WorkbookReader iterating every row, doing nothing else;
//   (b) ours: the full import of the same file: read, parse, validate and store.
// Target: (b) <= 1.3 x (a), peak RSS < 300 MB. The results go to BENCHMARKS.md by hand,
// whatever they are; this script prints the table rows.
//
// Options: --rows N (200000), --runs N (3, alternating a and b; the median is reported),
// --keep (leave the temp folder), --profile (b only, once, with --cpu-prof into the temp folder).
import { execFileSync, spawn } from 'node:child_process';
import { cpus, freemem, totalmem } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSalesWorkbook } from './write-sales-workbook';
import { runPhase, type PhaseName, type PhaseResult } from './import-bench-phases';

const TARGET_RATIO = 1.3;
const TARGET_RSS_MB = 300;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs one phase in a child Node process with the same loader (tsx) as this one. */
function runChild(phase: PhaseName, file: string, dir: string, extraNodeArgs: string[] = []): Promise<PhaseResult> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, ...extraNodeArgs, script, '--phase', phase, '--file', file, '--dir', dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`phase ${phase} exited with ${code}: ${out}`));
      else resolve(JSON.parse(last) as PhaseResult);
    });
  });
}

function machine(): Record<string, string> {
  const cpuModel = (() => {
    try {
      return (
        /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ??
        cpus()[0]?.model ??
        'unknown'
      );
    } catch {
      return cpus()[0]?.model ?? 'unknown';
    }
  })();
  let nproc = String(cpus().length);
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // cpus().length is the fallback
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc,
    cpu: cpuModel,
    ram: `${(totalmem() / 1024 ** 3).toFixed(1)} GB (${(freemem() / 1024 ** 3).toFixed(1)} GB free)`,
    node: process.version,
  };
}

async function main(): Promise<void> {
  const phaseAt = process.argv.indexOf('--phase');
  if (phaseAt >= 0) {
    const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1] ?? '';
    const result = await runPhase(process.argv[phaseAt + 1] as PhaseName, arg('file'), arg('dir'));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }

  const rows = option('rows', 200_000);
  const runs = option('runs', 3);
  const dir = mkdtempSync(join(tmpdir(), 'loyalty-bench-'));
  try {
    const file = join(dir, 'sales-bench.xlsx');
    const writeStart = performance.now();
    await writeSalesWorkbook(file, rows);
    const size = statSync(file).size;
    console.error(
      `wrote ${rows.toLocaleString('en-US')} rows, ${(size / 1024 ** 2).toFixed(1)} MB, in ${((performance.now() - writeStart) / 1000).toFixed(1)} s: ${file}`,
    );

    const profileAt = process.argv.indexOf('--profile');
    if (profileAt >= 0) {
      const phase = (process.argv[profileAt + 1] === 'pipeline' ? 'pipeline' : 'ours') satisfies PhaseName;
      const result = await runChild(phase, file, dir, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
      console.error(
        `${phase}: ${result.ms.toFixed(0)} ms (reading ${result.readMs?.toFixed(0)} ms), ${result.maxRssMb.toFixed(0)} MB; profile written into ${dir}`,
      );
      return;
    }

    const results: Record<PhaseName, PhaseResult[]> = { bare: [], ours: [], pipeline: [] };
    for (let run = 0; run < runs; run++) {
      results.bare.push(await runChild('bare', file, dir));
      const ours = await runChild('ours', file, dir);
      results.ours.push(ours);
      // With the real sales import measured, the shared pipeline alone too, to show where the time goes.
      if (ours.mode === 'sales runner') results.pipeline.push(await runChild('pipeline', file, dir));
      const line = (['bare', 'ours', 'pipeline'] as const)
        .map((phase) => results[phase][run])
        .filter((r): r is PhaseResult => r !== undefined)
        .map(
          (r) =>
            `${r.phase} ${r.ms.toFixed(0)} ms${r.readMs !== undefined ? ` (reading ${r.readMs.toFixed(0)} ms)` : ''}, cpu ${r.cpuMs.toFixed(0)} ms, ${r.maxRssMb.toFixed(0)} MB`,
        )
        .join('; ');
      console.error(`run ${run + 1}: ${line}`);
    }
    const a = median(results.bare.map((r) => r.ms));
    const aCpu = median(results.bare.map((r) => r.cpuMs));
    const aMin = Math.min(...results.bare.map((r) => r.ms));
    const m = machine();
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const rowFor = (label: string, list: PhaseResult[]) => {
      const ms = median(list.map((r) => r.ms));
      const min = Math.min(...list.map((r) => r.ms));
      const cpu = median(list.map((r) => r.cpuMs));
      const readMs = list.every((r) => r.readMs !== undefined) ? median(list.map((r) => r.readMs ?? 0)) : null;
      const rss = Math.max(...list.map((r) => r.maxRssMb));
      const last = list[list.length - 1];
      return `| ${label} | ${seconds(ms)} | ${readMs === null ? '' : seconds(readMs)} | ${(ms / a).toFixed(2)} | ${seconds(min)} (${(min / aMin).toFixed(2)}) | ${seconds(cpu)} (${(cpu / aCpu).toFixed(2)}) | ${rss.toFixed(0)} MB | ${last?.accepted?.toLocaleString('en-US') ?? ''} |`;
    };
    const b = median(results.ours.map((r) => r.ms));
    const rssB = Math.max(...results.ours.map((r) => r.maxRssMb));
    const mode = results.ours[0]?.mode ?? '';
    const lines = [
      `| date | nproc | CPU | RAM | Node |`,
      `| --- | --- | --- | --- | --- |`,
      `| ${m.date} | ${m.nproc} | ${m.cpu} | ${m.ram} | ${m.node} |`,
      '',
      `${rows.toLocaleString('en-US')} rows, ${(size / 1024 ** 2).toFixed(1)} MB; median of ${runs} runs, each phase in its own Node process.`,
      '',
      `| phase | time (median) | of which reading and judging | x (a) | fastest run (x (a)) | CPU time, all threads (x (a)) | peak RSS | rows accepted |`,
      `| --- | --- | --- | --- | --- | --- | --- | --- |`,
      rowFor('(a) exceljs streaming read, bare', results.bare),
      rowFor(`(b) our import (${mode})`, results.ours),
      ...(results.pipeline.length > 0
        ? [rowFor("(b') shared pipeline + insert into a temp table", results.pipeline)]
        : []),
      '',
      `Targets: (b) <= ${TARGET_RATIO} x (a): ${b / a <= TARGET_RATIO ? 'met' : 'not met'} (${(b / a).toFixed(2)}); peak RSS < ${TARGET_RSS_MB} MB: ${rssB < TARGET_RSS_MB ? 'met' : 'not met'} (${rssB.toFixed(0)} MB).`,
    ];
    console.log(lines.join('\n'));
  } finally {
    if (process.argv.includes('--keep')) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
