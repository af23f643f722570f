// The recomputation of two approved periods reads October's carry (September's unpaid points) and adjustments from
// one pass over the ledger: clean as approved; a September entry edited with another tool shows in October's carry;
// a ledger that lost a column behind the app's back fails each period with its reason instead of stopping the audit.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { verifyLive } from '../../src-main/core/audit/verify-audit-package';
import { polishOctoberApproved } from '../fixtures/statement-stages';
import { caseOpener } from '../fixtures/staged-database';

const open = caseOpener();

const PYTHON_TAMPER = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
guards = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ledger_entries'").fetchall()
for name, _ in guards:
    db.execute('DROP TRIGGER ' + name)
db.execute(sys.argv[2])
for _, sql in guards:
    db.execute(sql)
db.commit()
db.close()
`;

async function octoberWith(sql: ((entry: number) => string) | null) {
  const { ctx } = await open(polishOctoberApproved);
  const file = ctx.store.file;
  const carried = ctx.store.sqlite
    .prepare(
      `SELECT s.participant_code, s.carry FROM approved_scores s JOIN approved_periods a ON a.id = s.approval_id
       WHERE a.period = '2026-10' AND s.carry > 0 ORDER BY s.participant_code LIMIT 1`,
    )
    .get() as { participant_code: string; carry: number };
  const entry = ctx.store.sqlite
    .prepare("SELECT id FROM ledger_entries WHERE period = '2026-09' AND kind = 'earn' AND participant_code = ?")
    .pluck()
    .get(carried.participant_code) as number;
  ctx.store.close();
  if (sql) {
    const python = spawnSync('python3', ['-c', PYTHON_TAMPER, file, sql(entry)], { encoding: 'utf8' });
    expect(python.status, python.stderr).toBe(0);
  }
  return { result: verifyLive(file), carried };
}

describe('the recomputation of a carry into the next period', () => {
  it('is clean as approved, two periods with a carry', async () => {
    const { result, carried } = await octoberWith(null);
    expect(carried.carry).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: true, problems: [], counts: { periodsRecomputed: 2 } });
  });

  it('shows a September entry edited behind the app’s back in October’s carry', async () => {
    const { result, carried } = await octoberWith(
      (id) => `UPDATE ledger_entries SET points = points + 7 WHERE id = ${id}`,
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        code: 'RECOMPUTE_DIFFERENCE',
        difference: expect.objectContaining({
          period: '2026-10',
          participant: carried.participant_code,
          field: 'carry',
          packaged: carried.carry,
          recomputed: carried.carry + 7,
        }),
      }),
    );
  });

  it('fails each period with its reason when the ledger lost a column, and still reports the rest', async () => {
    const { result } = await octoberWith(() => 'ALTER TABLE ledger_entries DROP COLUMN corrects_period');
    expect(result.ok).toBe(false);
    const failed = result.problems.filter((p) => p.code === 'RECOMPUTE_FAILED');
    expect(failed.map((p) => p.message)).toEqual([
      expect.stringMatching(/^2026-09 could not be recomputed: .*corrects_period/),
      expect.stringMatching(/^2026-10 could not be recomputed: .*corrects_period/),
    ]);
  });
});
