// The quarter of issue 15, item 6, through the CLI alone: every command in this process
// (runCli, as `node bin/loyalty.mjs` runs it) at the quarter's fixed instant. Plain errors
// rather than a test runner's expect, so that both the CLI test and the UI journey (which
// runs it too, to compare the two ledgers) can call it.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src-main/cli/main';
import {
  QUARTER_ACTOR,
  QUARTER_NOW,
  REASONS,
  REFERENCE_PROGRAM,
  cutBudgetRules,
  readLedger,
  topUpsOfCsv,
  writeConfirmation,
  writeQuarterFiles,
  type LedgerSnapshot,
} from './quarter-files';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    done();
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `loyalty ...args` in this process at the quarter's instant, by the quarter's operator. */
export async function runQuarterCli(args: string[]): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(args, {
    stdout,
    stderr,
    env: { ...process.env, LOYALTY_ACTOR: QUARTER_ACTOR, LOYALTY_DB: '' },
    now: () => new Date(QUARTER_NOW),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`The CLI quarter: ${what}`);
}

export interface CliQuarter {
  dbFile: string;
  ledger: LedgerSnapshot;
  /** What `audit verify` of the exported package printed, and its exit code. */
  verify: CliResult;
  /** `score --period 2026-10` after the corrected September file. */
  octoberScore: string;
  /** What a plain `approve` of November said when it was refused over the cut budget. */
  overBudgetRefusal: string;
}

/** Runs the whole quarter in dir (its client files are written there too); throws at the first step that fails. */
export async function runQuarterInCli(dir: string): Promise<CliQuarter> {
  const dbFile = join(dir, 'partner-plus.db');
  const files = writeQuarterFiles(dir);

  async function loyalty(...args: string[]): Promise<string> {
    const run = await runQuarterCli([...args, '--db', dbFile]);
    if (run.code !== 0) throw new Error(`loyalty ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    return run.stdout;
  }

  /** The keys of the period's open findings, as `verify` prints them. */
  async function openFindings(period: string): Promise<string[]> {
    return (await loyalty('verify', '--period', period))
      .split('\n')
      .filter((line) => line.startsWith('open '))
      .map((line) => line.split(/\s+/)[2] ?? '');
  }

  async function acceptAll(period: string): Promise<void> {
    const keys = await openFindings(period);
    check(keys.length > 0, `${period} has no findings to resolve`);
    const args = keys.flatMap((key) => ['--key', key]);
    await loyalty('verify', 'resolve', '--period', period, ...args, '--action', 'accept', '--reason', REASONS.accept);
    check((await openFindings(period)).length === 0, `${period} still has open findings`);
  }

  async function exportAndConfirm(period: string, failedReference?: string): Promise<void> {
    const exported = join(dir, `payouts-${period}.csv`);
    await loyalty('export', 'payouts', '--period', period, '--format', 'csv', '--out', exported);
    check(topUpsOfCsv(exported).length > 5, `the payout file of ${period} has too few top-ups`);
    const confirmation = writeConfirmation(exported, join(dir, `confirmation-${period}.csv`), failedReference);
    const report = await loyalty('import', 'confirmation', confirmation);
    check(/rejected 0/.test(report), `the confirmation of ${period} rejected rows: ${report}`);
  }

  await loyalty('program', 'init', '--config', REFERENCE_PROGRAM);
  await loyalty('import', 'participants', files.participants);
  await loyalty('import', 'products', files.products);
  await loyalty('import', 'targets', files.targets);

  // September: findings accepted with a reason, approved, paid with one top-up refused.
  await loyalty('import', 'sales', files.salesSeptember);
  await acceptAll('2026-09');
  await loyalty('approve', '--period', '2026-09');
  await exportAndConfirm('2026-09', 'LD-2026-09-000002');

  // October, then September corrected after its approval: the difference lands in October.
  await loyalty('import', 'sales', files.salesOctober);
  const replaced = await loyalty('import', 'sales', files.salesSeptemberCorrected, '--replace', '4');
  check(
    replaced.includes('Batch 4 is superseded by this one'),
    `the corrected file did not replace batch 4: ${replaced}`,
  );
  const octoberScore = await loyalty('score', '--period', '2026-10');
  await acceptAll('2026-10');
  await loyalty('approve', '--period', '2026-10');
  await exportAndConfirm('2026-10');

  // A backup taken now and restored.
  const backup = join(dir, 'after-october.db');
  await loyalty('backup', '--out', backup);
  check(existsSync(backup), 'backup --out wrote no file');
  await loyalty('restore', backup);

  // November under a cut budget: refused, then approved over it with a reason.
  const rulesFile = join(dir, 'rules-cut-budget.json');
  writeFileSync(rulesFile, JSON.stringify(cutBudgetRules(), null, 2));
  await loyalty('rules', 'set', '--rules', rulesFile, '--note', REASONS.rules);
  await loyalty('import', 'targets', files.targetsNovember);
  await loyalty('import', 'sales', files.salesNovember);
  await acceptAll('2026-11');
  const refused = await runQuarterCli(['approve', '--period', '2026-11', '--db', dbFile]);
  check(refused.code !== 0, 'November was approved over the cut budget without a reason');
  await loyalty('approve', '--period', '2026-11', '--override-budget', REASONS.overBudget);
  await exportAndConfirm('2026-11');

  // What leaves the app: reports, statements, the audit package, verified offline.
  await loyalty('report', 'period', '--period', '2026-11', '--out', join(dir, 'report-2026-11.xlsx'));
  await loyalty('report', 'program', '--out', join(dir, 'report-program.xlsx'));
  await loyalty('statements', 'write', '--period', '2026-11', '--out', join(dir, 'statements-2026-11.zip'));
  const auditZip = join(dir, 'audit.zip');
  await loyalty('audit', 'export', '--out', auditZip);
  const verify = await runQuarterCli(['audit', 'verify', auditZip]);

  return { dbFile, ledger: readLedger(dbFile), verify, octoberScore, overBudgetRefusal: refused.stderr };
}

/** Where two ledgers part, in words (null when they are the same entries with the same head). */
export function ledgerDifference(a: LedgerSnapshot, b: LedgerSnapshot): string | null {
  const count = Math.max(a.entries.length, b.entries.length);
  for (let i = 0; i < count; i++) {
    const left = JSON.stringify(a.entries[i] ?? null);
    const right = JSON.stringify(b.entries[i] ?? null);
    if (left !== right) return `entry ${i + 1} differs:\n  ${left}\n  ${right}`;
  }
  return a.head === b.head ? null : `the heads differ: ${a.head} and ${b.head}`;
}
