// Long calls report progress and can be stopped: an approval of 40,000 lines, run by the core
// host as the app runs it, says where it is while it runs; a cancel ends it with nothing of it
// written, and the same approval can then be made once, whole.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open-database';
import { startNodeCore } from '../../src-main/host/node-host';
import { CANCELLED_MESSAGE, type CoreClient } from '../../src-main/host/core-client';
import type { TaskProgress, TaskState } from '../../src-main/ipc/contract';
import { makeTempDir } from '../fixtures/client-files';
import { seedBigProgram } from '../fixtures/big-program';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';

const PERIOD = '2026-01';
const APPROVE = { period: PERIOD, overrideBudget: 'cancel test', acceptOpenAnomalies: 'cancel test' };
let dir: string;
let template: string;
let core: CoreClient | null = null;

beforeAll(() => {
  dir = makeTempDir('loyalty-cancel-');
  template = join(dir, 'template.db');
  const store = openDatabase(template);
  try {
    seedBigProgram(
      { store, actor: 'seed', now: () => new Date('2026-02-02T08:00:00Z') },
      { firstPeriod: PERIOD, periods: 1, lines: 40_000, participants: 1000 },
    );
  } finally {
    store.close();
  }
}, 180_000);

afterEach(async () => {
  await core?.close();
  core = null;
});

/** A data file of its own for each case, copied from the seeded one, with the core host serving it. */
async function freshCore(name: string): Promise<{ file: string; core: CoreClient }> {
  const file = join(dir, `${name}.db`);
  copyFileSync(template, file);
  core = await startNodeCore({ dbFile: file, actor: 'tester', version: 'test', runtime: 'web' });
  return { file, core };
}

function facts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      ledger: count('SELECT COUNT(*) AS n FROM ledger_entries'),
      payouts: count('SELECT COUNT(*) AS n FROM payouts'),
      approvals: count("SELECT COUNT(*) AS n FROM period_events WHERE state = 'approved'"),
      approvedLines: count('SELECT COUNT(*) AS n FROM approved_lines'),
    };
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function taskState(client: CoreClient): Promise<TaskState> {
  const answer = await client.call('task.progress', { channel: 'period.approve' });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as TaskState;
}

describe('a long call', () => {
  it("reports its progress while it runs, phase by phase and never backwards, and nothing once it's done", async () => {
    const { core } = await freshCore('progress');
    expect(await taskState(core)).toEqual({ running: false });
    let done = false;
    const approval = core.call('period.approve', APPROVE).finally(() => (done = true));
    const seen: TaskProgress[] = [];
    while (!done) {
      const state = await taskState(core);
      if (state.running && state.progress) seen.push(state.progress);
      await sleep(40);
    }
    expect(await approval).toMatchObject({ ok: true, value: { locked: true } });
    const order = ['checking', 'scoring', 'posting', 'recording'];
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases.length, JSON.stringify(phases)).toBeGreaterThanOrEqual(3);
    expect(phases.map((p) => order.indexOf(p))).toEqual([...phases.map((p) => order.indexOf(p))].sort((a, b) => a - b));
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      if (a.phase === b.phase) expect(b.done).toBeGreaterThanOrEqual(a.done);
    }
    // A counted phase never passes its total; an uncounted one reports nothing done.
    for (const p of seen) {
      if (p.total > 0) expect(p.done).toBeLessThanOrEqual(p.total);
      else expect(p.done).toBe(0);
    }
    // Counted phases say how far they are: the posting of tens of thousands of ledger entries.
    const posting = seen.filter((p) => p.phase === 'posting' || p.phase === 'recording');
    expect(posting.some((p) => p.total > 10_000)).toBe(true);
    expect(await taskState(core)).toEqual({ running: false });
  }, 180_000);

  it('stops when cancelled mid-write: nothing of it is written, and it can then be done once, whole', async () => {
    const { file, core } = await freshCore('cancel');
    const before = facts(file);
    const approval = core.call('period.approve', APPROVE);
    // Cancelled while it writes: the ledger entries are being appended inside its transaction.
    let state = await taskState(core);
    while (!(state.running && (state.progress?.phase === 'posting' || state.progress?.phase === 'recording'))) {
      await sleep(20);
      state = await taskState(core);
    }
    expect(await core.call('task.cancel', { channel: 'period.approve' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await approval).toEqual({ ok: false, error: { code: 'CANCELLED', message: CANCELLED_MESSAGE } });
    expect(await taskState(core)).toEqual({ running: false });

    const after = facts(file);
    expect(after).toEqual(before);
    expect(after.integrity).toBe('ok');
    expect(after.ledger).toBe(0);

    // The other lanes never stopped, and the task lane starts again for the next call.
    expect(await core.call('program.get', undefined)).toMatchObject({ ok: true });
    expect(await core.call('period.approve', APPROVE)).toMatchObject({ ok: true, value: { locked: true } });
    const approved = facts(file);
    expect(approved.approvals).toBe(1);
    expect(approved.approvedLines).toBeGreaterThan(20_000);
    const db = new Database(file, { readonly: true });
    try {
      const verified = verifyLedger(db);
      expect(verified.problems).toEqual([]);
      expect(verified.ok).toBe(true);
    } finally {
      db.close();
    }
    // A cancel with nothing running cancels nothing.
    expect(await core.call('task.cancel', { channel: 'period.approve' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  }, 180_000);

  it('refuses a task call that names no cancellable call', async () => {
    const { core } = await freshCore('refuse');
    expect(await core.call('task.cancel', { channel: 'program.create' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  }, 60_000);
});
