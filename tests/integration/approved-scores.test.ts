// What was approved exists once, in the approved_* tables: a locked period, its explanation and
// its proposal read what was posted (not a re-score with today's data and rules), the rows agree
// with the ledger, the audit seals them, a file approved by the previous version still reads as
// it was approved, and viewing a period writes nothing.
import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main';
import type { CoreContext } from '../../src-main/core/context';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { payoutProposal } from '../../src-main/core/approval/proposal-view';
import { importProducts } from '../../src-main/core/import/kinds/import-products';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { budgetView } from '../../src-main/core/payouts/payout-views';
import { updateRules } from '../../src-main/core/program/update-rules';
import { createProgram, readReferenceTemplate, requireProgram } from '../../src-main/core/program/program-store';
import { explainParticipant } from '../../src-main/core/scoring/explain';
import { listPeriods } from '../../src-main/core/scoring/list-periods';
import { periodResult } from '../../src-main/core/scoring/period-score';
import { openDatabase, openDatabaseReadOnly } from '../../src-main/db/open-database';
import { createHandlers } from '../../src-main/ipc/handlers';
import { makeTempDir } from '../fixtures/client-files';
import { approveAsThePreviousVersion } from '../fixtures/legacy-approval';
import { repoRoot } from '../fixtures/repo-paths';
import { csvFile, importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { FIXED_NOW, openTestContext } from '../fixtures/test-database';

async function approvedSeptember(): Promise<CoreContext> {
  const ctx = openTestContext();
  await seedScenarioMasterData(ctx);
  await importScenarioSales(ctx, '2026-09');
  await importScenarioSales(ctx, '2026-10');
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
  return ctx;
}

const count = (ctx: CoreContext, table: string) =>
  (ctx.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a locked period reads what was approved', () => {
  it('explain shows the approved lines and row after the products and the rules change', async () => {
    const ctx = await approvedSeptember();
    const before = explainParticipant(ctx, '2026-09', 'A');
    // Changes that a re-score would pick up: DOG-01 earns per unit now, and every rate doubles.
    await importProducts(
      ctx,
      csvFile('products-2.csv', ['SKU;Product;Group;Promoted;Points per unit', 'DOG-01;Dog dry 10 kg;DRY;yes;50']),
    );
    updateRules(ctx, { ...requireProgram(ctx).rules, baseRate: { points: 2, perMinor: 100 } }, 'Double points');

    const after = explainParticipant(ctx, '2026-09', 'A');
    expect(after.lines).toEqual(before.lines);
    expect(after.row).toEqual(before.row);
    expect(after.rulesVersion).toBe(1);
    // What the ledger holds for each line is what explain shows.
    const earned = ctx.store.sqlite
      .prepare(
        "SELECT sales_line_id AS lineId, points FROM ledger_entries WHERE period = '2026-09' AND participant_code = 'A' AND kind = 'earn' ORDER BY sales_line_id",
      )
      .all();
    expect(
      after.lines
        .filter((l) => l.points !== 0)
        .map((l) => ({ lineId: l.lineId, points: l.points }))
        .sort((a, b) => a.lineId - b.lineId),
    ).toEqual(earned);
    expect(after.lines.map((l) => l.rule)).not.toContain('productRate');
    expect(after.lines.reduce((s, l) => s + l.points, 0)).toBe(after.row.base);
  });

  it('the approved rows, lines and top-ups match the ledger entries', async () => {
    const ctx = await approvedSeptember();
    const db = ctx.store.sqlite;
    const settled = db
      .prepare(
        `SELECT s.participant_code AS code, s.total,
                (SELECT COALESCE(SUM(points), 0) FROM ledger_entries e WHERE e.period = p.period AND e.participant_code = s.participant_code
                   AND e.kind IN ('earn', 'campaign', 'tier', 'target', 'cap', 'prize')) AS posted,
                s.paid_points AS paid,
                (SELECT -points FROM ledger_entries e WHERE e.period = p.period AND e.participant_code = s.participant_code AND e.kind = 'redemption') AS redeemed
         FROM approved_scores s JOIN approved_periods p ON p.id = s.approval_id WHERE p.period = '2026-09' ORDER BY s.id`,
      )
      .all() as { code: string; total: number; posted: number; paid: number | null; redeemed: number | null }[];
    expect(settled.map((r) => r.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    for (const r of settled) {
      expect(r.posted).toBe(r.total);
      expect(r.redeemed ?? 0).toBe(r.paid ?? 0);
    }
    const lines = db
      .prepare(
        `SELECT l.sales_line_id, l.points FROM approved_lines l WHERE l.points <> 0
         EXCEPT SELECT sales_line_id, points FROM ledger_entries WHERE kind = 'earn' AND period = '2026-09'`,
      )
      .all();
    expect(lines).toEqual([]);
    expect(count(ctx, 'approved_lines')).toBe(7);
    // Each top-up points at its own participant's redemption of its own points.
    const payouts = db
      .prepare(
        'SELECT p.participant_code AS code, p.points, e.participant_code AS entryCode, -e.points AS entryPoints, e.kind FROM payouts p JOIN ledger_entries e ON e.id = p.ledger_entry_id ORDER BY p.id',
      )
      .all() as { code: string; points: number; entryCode: string; entryPoints: number; kind: string }[];
    expect(payouts.length).toBe(4);
    for (const p of payouts) expect([p.entryCode, p.entryPoints, p.kind]).toEqual([p.code, p.points, 'redemption']);
    const proposal = payoutProposal(ctx, '2026-09');
    expect(proposal.locked).toBe(true);
    expect(proposal.totals.points).toBe(payouts.reduce((s, p) => s + p.points, 0));
    expect(proposal.held).toEqual([{ code: 'D', name: 'Dmitrij Dudin', reason: 'noDestination', points: 800 }]);
    expect(budgetView(ctx).periods.find((p) => p.period === '2026-09')).toMatchObject({
      heldPoints: 800,
      approvedMinor: proposal.totals.amountMinor,
    });
    // The approval's event keeps only what the late corrections and the ledger audit read.
    const details = JSON.parse(
      (db.prepare("SELECT details_json FROM period_events WHERE state = 'approved'").get() as { details_json: string })
        .details_json,
    ) as object;
    expect(Object.keys(details).sort()).toEqual(['correctedSources', 'ledgerHead', 'sources']);
  });

  it('audit verify names an approved row changed behind the app\u2019s back, and the tables refuse edits', async () => {
    const ctx = await approvedSeptember();
    const file = ctx.store.file;
    expect(() => ctx.store.sqlite.prepare('UPDATE approved_scores SET total = total + 1').run()).toThrow(/append-only/);
    expect(() => ctx.store.sqlite.prepare('DELETE FROM approved_lines').run()).toThrow(/append-only/);
    const id = (
      ctx.store.sqlite.prepare("SELECT id FROM approved_scores WHERE participant_code = 'C'").get() as { id: number }
    ).id;
    ctx.store.close();

    const raw = new Database(file);
    const guard = raw
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'approved_scores_no_update'")
      .pluck()
      .get() as string;
    raw.exec('DROP TRIGGER approved_scores_no_update');
    raw
      .prepare(
        'UPDATE approved_scores SET paid_points = paid_points + 1000, payable_points = payable_points + 1000 WHERE id = ?',
      )
      .run(id);
    raw.exec(guard);
    raw.close();

    const store = openDatabaseReadOnly(file);
    try {
      const problems = verifyLedger(store.sqlite).problems;
      expect(problems.map((p) => [p.kind, p.table, p.rowId])).toEqual([['ROW_CHANGED', 'approved_scores', id]]);
    } finally {
      store.close();
    }
  });
});

describe('viewing a period writes nothing', () => {
  it('score.period, as the Scoring screen calls it, appends no event and no seal; pressing Calculate records', async () => {
    const ctx = await approvedSeptember();
    const handlers = createHandlers(ctx, { version: 'test', runtime: 'web' });
    const events = count(ctx, 'period_events');
    const seals = count(ctx, 'record_seals');
    for (let i = 0; i < 3; i++) {
      const result = await handlers['score.period']({ period: '2026-10' });
      expect(result).toMatchObject({ period: '2026-10', state: 'open', locked: false });
      await handlers['score.period']({ period: '2026-09' });
    }
    expect([count(ctx, 'period_events'), count(ctx, 'record_seals')]).toEqual([events, seals]);
    expect(listPeriods(ctx).find((p) => p.period === '2026-10')!.state).toBe('open');
    // Pressing Calculate is the explicit action that notes the period as calculated.
    expect(await handlers['score.period']({ period: '2026-10', record: true })).toMatchObject({ state: 'calculated' });
    expect(count(ctx, 'period_events')).toBe(events + 1);
    await handlers['score.period']({ period: '2026-10' });
    expect(count(ctx, 'period_events')).toBe(events + 1);
    expect(
      await runCli(['score', '--all', '--db', ctx.store.file], {
        stdout: new PassThrough(),
        stderr: new PassThrough(),
        env: { LOYALTY_ACTOR: 'test' },
      }),
    ).toBe(0);
    expect(count(ctx, 'period_events')).toBe(events + 1);
  });

  it('the CLI `score` writes nothing unless --record', async () => {
    const ctx = await approvedSeptember();
    const events = count(ctx, 'period_events');
    const seals = count(ctx, 'record_seals');
    const io = { stdout: new PassThrough(), stderr: new PassThrough(), env: { LOYALTY_ACTOR: 'test' } };
    expect(await runCli(['score', '--period', '2026-10', '--db', ctx.store.file], io)).toBe(0);
    expect(await runCli(['score', '--all', '--db', ctx.store.file], io)).toBe(0);
    expect([count(ctx, 'period_events'), count(ctx, 'record_seals')]).toEqual([events, seals]);

    expect(await runCli(['score', '--period', '2026-10', '--record', '--db', ctx.store.file], io)).toBe(0);
    expect(listPeriods(ctx).find((p) => p.period === '2026-10')!.state).toBe('calculated');
    expect(count(ctx, 'period_events')).toBe(events + 1);
    expect(await runCli(['score', '--all', '--record', '--db', ctx.store.file], io)).toBe(0);
    expect(count(ctx, 'period_events')).toBe(events + 1);
  });
});

describe('a file approved by the previous version', () => {
  it('reads its approval from the event as it was kept, and approves the next period into the tables', async () => {
    const folder = makeTempDir('loyalty-previous-');
    const migrations = join(folder, 'drizzle');
    cpSync(join(repoRoot, 'drizzle'), migrations, { recursive: true });
    const journalFile = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith('_approved_scores'));
    expect(at).toBeGreaterThan(0);
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
    const file = join(folder, 'previous.db');
    const previous = openDatabase(file, { migrationsFolder: migrations });
    const old: CoreContext = { store: previous, actor: 'test', now: () => FIXED_NOW };
    createProgram(old, readReferenceTemplate());
    await seedScenarioMasterData(old);
    await importScenarioSales(old, '2026-09');
    await importScenarioSales(old, '2026-10');
    approveAsThePreviousVersion(old, '2026-09', 'Checked');
    const kept = JSON.parse(
      (
        previous.sqlite.prepare("SELECT details_json FROM period_events WHERE state = 'approved'").get() as {
          details_json: string;
        }
      ).details_json,
    ) as {
      rows: unknown[];
      totals: unknown;
      anomalies: unknown[];
      payouts: { rows: unknown[]; held: unknown[]; totals: unknown };
    };
    previous.close();

    const ctx: CoreContext = {
      store: openDatabase(file, { backupPath: (f) => `${f}.bak` }),
      actor: 'test',
      now: () => FIXED_NOW,
    };
    const september = periodResult(ctx, '2026-09');
    expect(september).toMatchObject({ locked: true, rows: kept.rows, totals: kept.totals, anomalies: kept.anomalies });
    expect(september.approval).toMatchObject({ acceptedFindingsReason: 'Checked', fitted: false });
    expect(payoutProposal(ctx, '2026-09')).toMatchObject({
      locked: true,
      rows: kept.payouts.rows,
      held: kept.payouts.held,
      totals: kept.payouts.totals,
    });
    const a = explainParticipant(ctx, '2026-09', 'A');
    expect(a.row).toEqual(september.rows.find((r) => r.code === 'A'));
    expect(a.lines.reduce((s, l) => s + l.points, 0)).toBe(a.row.base);
    expect(budgetView(ctx).periods.find((p) => p.period === '2026-09')!.heldPoints).toBe(800);

    approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked' });
    expect(periodResult(ctx, '2026-10').rows.find((r) => r.code === 'D')).toMatchObject({
      carry: 800,
      held: 'noDestination',
    });
    expect(count(ctx, 'approved_periods')).toBe(1);
    expect(verifyLedger(ctx.store.sqlite).problems).toEqual([]);
    ctx.store.close();
  });
});
