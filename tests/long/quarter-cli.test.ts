// Issue 15, item 6: the whole quarter through the CLI alone, on a real data file. The same
// quarter through the real renderer is quarter-ui.spec.ts, which ends by comparing its ledger
// with this journey's.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runQuarterCli, runQuarterInCli } from './quarter-cli-journey';

describe('the quarter through the CLI', () => {
  it('runs September to November end to end and leaves a ledger and a package that verify', async () => {
    const dir = mkdtempSync(join(process.env.LOYALTY_TEST_TMP ?? tmpdir(), 'quarter-cli-'));
    const quarter = await runQuarterInCli(dir);

    // The corrected September file's difference was settled in October.
    expect(quarter.octoberScore).toContain('Late changes to locked periods settled here: R0001 +536 for 2026-09.');
    expect(quarter.overBudgetRefusal).toMatch(/budget/i);
    expect(quarter.verify.stderr).toBe('');
    expect(quarter.verify.code).toBe(0);

    const live = await runQuarterCli(['audit', 'verify', '--db', quarter.dbFile]);
    expect(live.code).toBe(0);

    const db = new Database(quarter.dbFile, { readonly: true });
    try {
      const periods = db
        .prepare(`SELECT period, COUNT(*) AS entries FROM ledger_entries GROUP BY period ORDER BY period`)
        .all() as { period: string; entries: number }[];
      expect(periods.map((p) => p.period)).toEqual(['2026-09', '2026-10', '2026-11']);
      // The one refused top-up of September is failed; every other is paid.
      const outcomes = db
        .prepare(`SELECT event, COUNT(*) AS n FROM payout_events WHERE event IN ('paid', 'failed') GROUP BY event`)
        .all();
      expect(outcomes).toEqual([
        { event: 'failed', n: 1 },
        { event: 'paid', n: expect.any(Number) as number },
      ]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    expect(quarter.ledger.head).toMatch(/^[0-9a-f]{64}$/);
  });
});
