// The draft kept between screens is the draft of the file as it is: a write on this connection, a commit by
// another connection (a second window, the CLI, another SQLite tool) or a transaction makes it scored anew.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachedSinceLastWrite, readSnapshot } from '../../src-main/core/scoring/draft-cache';
import { draftScore, periodResult } from '../../src-main/core/scoring/period-score';
import { requireProgram } from '../../src-main/core/program/program-store';
import { importScenarioSales, seedScenarioMasterData, csvFile } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';
import { importSales } from '../../src-main/core/sales/import-sales';
import { warmOpenDrafts } from '../../src-main/core/scoring/warm-drafts';
import { approvePeriod } from '../../src-main/core/approval/approve-period';

function counting(sqlite: Database.Database) {
  let computed = 0;
  const read = (key = 'k') =>
    cachedSinceLastWrite(sqlite, key, () => {
      computed += 1;
      return { computed };
    });
  return { read, count: () => computed };
}

describe('the draft kept until the next write', () => {
  it('is computed once while nothing is written, and again after a write on this connection', () => {
    const ctx = openTestContext();
    const { read, count } = counting(ctx.store.sqlite);
    read();
    read();
    expect(count()).toBe(1);
    read('another key');
    expect(count()).toBe(2);
    ctx.store.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
    read('another key');
    expect(count()).toBe(3);
  });

  it('is computed again after another connection commits, and always inside a transaction', () => {
    const ctx = openTestContext();
    const { read, count } = counting(ctx.store.sqlite);
    read();
    const other = new Database(ctx.store.sqlite.name);
    other.prepare("INSERT INTO settings (key, value) VALUES ('probe', '2')").run();
    other.close();
    read();
    expect(count()).toBe(2);
    ctx.store.sqlite.transaction(() => {
      read();
      read();
    })();
    expect(count()).toBe(4);
    // Nothing computed inside the transaction was kept.
    read();
    expect(count()).toBe(4);
  });

  it('serves a read snapshot (the screens’ views) from what was kept, as of the snapshot’s own moment', () => {
    const ctx = openTestContext();
    const { read, count } = counting(ctx.store.sqlite);
    read();
    readSnapshot(ctx.store.sqlite, () => {
      read();
      // Another window commits while the snapshot is open: the snapshot still reads the file as it was, and so
      // does the value kept for that moment.
      const other = new Database(ctx.store.sqlite.name);
      other.prepare("INSERT INTO settings (key, value) VALUES ('probe', '3')").run();
      other.close();
      expect(ctx.store.sqlite.prepare("SELECT COUNT(*) FROM settings WHERE key = 'probe'").pluck().get()).toBe(0);
      read();
    });
    expect(count()).toBe(1);
    // After it, the other window's commit is seen: scored anew.
    read();
    expect(count()).toBe(2);
    // Inside a write transaction a snapshot is no snapshot: what a commit judges is scored afresh.
    ctx.store.transaction(() => readSnapshot(ctx.store.sqlite, () => read()));
    expect(count()).toBe(3);
  });

  it('scores a new sales file at once: the period after the import is not the period before it', async () => {
    const ctx = openTestContext();
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    const before = periodResult(ctx, '2026-09');
    expect(periodResult(ctx, '2026-09')).toEqual(before);
    const program = requireProgram(ctx);
    expect(draftScore(ctx, program, '2026-09')).toBe(draftScore(ctx, program, '2026-09'));
    await importSales(
      ctx,
      csvFile('late-09.csv', ['Date;Rep code;SKU;Qty;Net value;Invoice', '2026-09-20;A;DOG-01;3;300,00;FV/LATE']),
      { period: '2026-09' },
    );
    const after = periodResult(ctx, '2026-09');
    expect(after.totals.lines).toBe(before.totals.lines + 1);
  });

  it('is shared frozen, so that a caller changing it fails in the tests', async () => {
    const ctx = openTestContext();
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    const row = draftScore(ctx, requireProgram(ctx), '2026-09').score.rows[0]!;
    expect(() => {
      (row as { total: number }).total += 1;
    }).toThrow(TypeError);
  });

  it('is scored ahead for the newest open periods, so that the Scoring screen’s first visit finds it kept', async () => {
    const ctx = openTestContext();
    await seedScenarioMasterData(ctx);
    expect(warmOpenDrafts(ctx)).toEqual([]);
    await importScenarioSales(ctx, '2026-09');
    await importScenarioSales(ctx, '2026-10');
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
    // An approved period has no draft to warm.
    expect(warmOpenDrafts(ctx)).toEqual(['2026-10']);
    const program = requireProgram(ctx);
    // Kept by the warm-up: asked for, the draft is not scored (the compute given here would fail the test).
    const key = `${program.id} ${program.rulesVersion} 2026-10`;
    const kept = cachedSinceLastWrite(ctx.store.sqlite, key, () => {
      throw new Error('scored again');
    });
    expect(draftScore(ctx, program, '2026-10')).toBe(kept);
  });
});
