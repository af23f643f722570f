// Two windows or commands on one data file: while another connection writes, a command waits
// out the busy timeout and then says so (exit 1), never "something went wrong"; and two real
// processes importing and approving at once leave the file consistent whatever the order.
// The other window is a second connection in this process, and the command runs in it too;
// the race is between two processes of bin/loyalty.mjs, since that is its point.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/client-files';
import { repoRoot, samplesDir } from '../fixtures/repo-paths';
import { runBinAsync, runLoyalty, type CliRun as Run } from '../fixtures/run-cli';

const BUSY =
  /^loyalty: Another Loyalty Desk window or command is using the data file .*; nothing was written\. Try again when it has finished\.\n$/;
const GENERIC = /Something went wrong/;

function loyalty(db: string, args: string[], extra: Record<string, string> = {}): Promise<Run> {
  return runLoyalty([...args, '--db', db], extra);
}

function loyaltyAsync(db: string, args: string[], extra: Record<string, string> = {}): Promise<Run> {
  return runBinAsync([...args, '--db', db], extra);
}

let dir: string;
/** A file with the program, its master data and September's sales: ready to approve September or import October. */
let seeded: string;
const holders: Database.Database[] = [];

/** Another writer: a second connection holding the write lock, as another window in the middle of a write would. */
function holdWriteLock(db: string): Database.Database {
  const other = new Database(db);
  holders.push(other);
  other.exec('BEGIN IMMEDIATE');
  return other;
}

afterEach(() => {
  for (const h of holders.splice(0)) {
    if (h.inTransaction) h.exec('ROLLBACK');
    h.close();
  }
});

function freshCopy(name: string): string {
  const db = join(dir, `${name}.db`);
  copyFileSync(seeded, db);
  return db;
}

function counts(db: string): { batches: number; lines: number; ledger: number; payouts: number } {
  const sqlite = new Database(db, { readonly: true });
  try {
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      batches: count('import_batches'),
      lines: count('sales_lines'),
      ledger: count('ledger_entries'),
      payouts: count('payouts'),
    };
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  dir = makeTempDir('loyalty-cli-busy-');
  seeded = join(dir, 'seeded.db');
  const steps = [
    ['program', 'init', '--config', join(repoRoot, 'examples', 'reference-program.json')],
    ['import', 'participants', join(samplesDir, 'participants.xlsx')],
    ['import', 'products', join(samplesDir, 'products.xlsx')],
    ['import', 'targets', join(samplesDir, 'targets.xlsx')],
    ['import', 'sales', join(samplesDir, 'sales-2026-09.xlsx')],
  ];
  for (const step of steps) {
    const run = await loyalty(seeded, step);
    if (run.code !== 0) throw new Error(`${step.join(' ')}: ${run.stderr}`);
  }
}, 120_000);

describe('a command while another window writes to the same file', () => {
  it('waits out the busy timeout, then says another window or command is using the file, exits 1 and writes nothing', async () => {
    const db = freshCopy('held');
    const before = counts(db);
    holdWriteLock(db);
    const short = { LOYALTY_BUSY_TIMEOUT_MS: '200' };
    const runs = [
      await loyalty(
        db,
        ['adjust', '--period', '2026-09', '--participant', 'R0002', '--points', '10', '--reason', 'Busy test'],
        short,
      ),
      await loyalty(db, ['import', 'sales', join(samplesDir, 'sales-2026-10.csv')], short),
      await loyalty(db, ['approve', '--period', '2026-09', '--accept-open-anomalies', 'Checked'], short),
    ];
    for (const run of runs) {
      expect(run.stderr).toMatch(BUSY);
      expect(run.stderr).not.toMatch(GENERIC);
      expect(run.stdout).toBe('');
      expect(run.code).toBe(1);
    }
    for (const h of holders) h.exec('ROLLBACK');
    expect(counts(db)).toEqual(before);
    // Once the other window is done, the same command goes through.
    expect(
      (
        await loyalty(
          db,
          [
            'adjust',
            '--period',
            '2026-09',
            '--participant',
            'R0002',
            '--points',
            '10',
            '--reason',
            'After the other window',
          ],
          short,
        )
      ).code,
    ).toBe(0);
  }, 60_000);

  it('says the same when the file it opens needs migrating while another connection holds it', async () => {
    const db = join(dir, 'new-file.db');
    const other = new Database(db);
    holders.push(other);
    other.pragma('journal_mode = WAL');
    // The other window is creating the file's tables, in its transaction: a file with tables of its own that no
    // Loyalty Desk migration made would be refused as not Loyalty Desk's before any wait.
    other.exec('BEGIN IMMEDIATE');
    other.exec('CREATE TABLE other_window (x INTEGER)');
    const run = await loyalty(
      db,
      ['program', 'init', '--config', join(repoRoot, 'examples', 'reference-program.json')],
      { LOYALTY_BUSY_TIMEOUT_MS: '200' },
    );
    expect(run.stderr).toMatch(BUSY);
    expect(run.code).toBe(1);
    other.exec('ROLLBACK');
    const tables = (
      other.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual([]);
  }, 60_000);
});

describe('two processes importing and approving at once on one file', () => {
  it('each ends in success or the busy sentence with exit 1, and the file stays consistent', async () => {
    // A short timeout makes the busy outcome likely in some rounds; the default one lets both finish.
    const timeouts = ['5000', '1', '5000', '1'];
    for (const [round, timeout] of timeouts.entries()) {
      const db = freshCopy(`race-${round}`);
      const before = counts(db);
      const extra = { LOYALTY_BUSY_TIMEOUT_MS: timeout };
      const [imported, approved] = await Promise.all([
        loyaltyAsync(db, ['import', 'sales', join(samplesDir, 'sales-2026-10.csv'), '--json'], extra),
        loyaltyAsync(db, ['approve', '--period', '2026-09', '--accept-open-anomalies', 'Checked', '--json'], extra),
      ]);
      for (const run of [imported, approved]) {
        expect(run.stderr).not.toMatch(GENERIC);
        if (run.code !== 0) {
          expect(run.stderr).toMatch(BUSY);
          expect(run.code).toBe(1);
        }
      }
      const after = counts(db);
      expect(after.batches).toBe(before.batches + (imported.code === 0 ? 1 : 0));
      expect(after.lines > before.lines).toBe(imported.code === 0);
      expect(after.payouts > before.payouts).toBe(approved.code === 0);
      expect(after.ledger > before.ledger).toBe(approved.code === 0);
      const audit = await loyalty(db, ['audit', 'verify']);
      expect(audit.code, audit.stdout + audit.stderr).toBe(0);
      const periods = JSON.parse((await loyalty(db, ['periods', '--json'])).stdout) as {
        period: string;
        state: string;
      }[];
      expect(periods.find((p) => p.period === '2026-09')?.state === 'approved').toBe(approved.code === 0);
    }
  }, 180_000);
});
