// Issue 11: a top-up's states are one state machine (payout-state-machine.ts), and the database
// refuses the moves it forbids to anything that writes to the file, here a raw SQLite connection.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import type { CoreContext } from '../../src-main/core/context';
import {
  canMove,
  movePayout,
  PAYOUT_TRANSITIONS,
  type PayoutEvent,
} from '../../src-main/core/payouts/payout-state-machine';
import { confirmPayouts } from '../../src-main/core/payouts/payout-states';
import { exportPayouts, voidPayoutBatch } from '../../src-main/core/payouts/export-payouts';
import { listPayouts } from '../../src-main/core/payouts/payout-views';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import type { PayoutStatus } from '../../src-main/core/payouts/payout-types';
import { importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';

const STATUSES = Object.keys(PAYOUT_TRANSITIONS) as PayoutStatus[];
const EVENTS: PayoutEvent[] = ['exported', 'paid', 'failed', 'voided'];

/** A path of allowed moves from approved to each state. */
const PATH: Record<PayoutStatus, PayoutEvent[]> = {
  approved: [],
  exported: ['exported'],
  paid: ['exported', 'paid'],
  failed: ['exported', 'failed'],
  voided: ['exported', 'voided'],
};

function rawFile(): { raw: Database.Database; close: () => void } {
  const ctx = openTestContext({ withProgram: false });
  const file = ctx.store.file;
  ctx.store.close();
  const raw = new Database(file);
  // Another SQLite tool need not check foreign keys; the state machine must hold without them.
  raw.pragma('foreign_keys = OFF');
  raw
    .prepare(
      "INSERT INTO payout_batches (id, program_id, period, batch_ref, format, file_name, sha256, bytes, row_count, control_sum_minor, created_at, created_by) VALUES (1, 1, '2026-09', 'PB-1', 'csv', 'x.csv', 'x', x'00', 0, 0, 'now', 'raw')",
    )
    .run();
  raw
    .prepare(
      "INSERT INTO payout_batches (id, program_id, period, batch_ref, format, file_name, sha256, bytes, row_count, control_sum_minor, created_at, created_by) VALUES (2, 1, '2026-09', 'PB-2', 'csv', 'y.csv', 'y', x'00', 0, 0, 'now', 'raw')",
    )
    .run();
  return { raw, close: () => raw.close() };
}

let nextId = 1;
function topUp(raw: Database.Database): number {
  const id = nextId++;
  raw
    .prepare(
      "INSERT INTO payouts (id, program_id, period, participant_code, participant_name, reference, points, amount_minor, method, card_ref, iban, ledger_entry_id, created_at, created_by) VALUES (?, 1, '2026-09', 'A', 'A', ?, 1, 10, 'card', 'C', NULL, 1, 'now', 'raw')",
    )
    .run(id, `LD-2026-09-${String(id).padStart(6, '0')}`);
  raw.prepare('INSERT INTO payout_batch_items (batch_id, payout_id) VALUES (1, ?)').run(id);
  return id;
}

const insertEvent = (raw: Database.Database, payoutId: number, event: string, batchId: number | null = 1) =>
  raw
    .prepare(
      "INSERT INTO payout_events (payout_id, event, batch_id, reason, details_json, at, actor) VALUES (?, ?, ?, NULL, '{}', 'now', 'raw')",
    )
    .run(payoutId, event, batchId);

describe('the payout state machine', () => {
  it('declares approved -> exported -> paid | failed | voided, and nothing after', () => {
    expect(STATUSES.flatMap((from) => EVENTS.filter((to) => canMove(from, to)).map((to) => `${from}->${to}`))).toEqual([
      'approved->exported',
      'exported->paid',
      'exported->failed',
      'exported->voided',
    ]);
  });

  it('is enforced by the database on a raw connection, move for move as the module declares', () => {
    const { raw, close } = rawFile();
    try {
      for (const from of STATUSES) {
        for (const to of EVENTS) {
          const id = topUp(raw);
          for (const step of PATH[from]) insertEvent(raw, id, step);
          const attempt = () => insertEvent(raw, id, to);
          if (canMove(from, to)) expect(attempt, `${from} -> ${to}`).not.toThrow();
          else expect(attempt, `${from} -> ${to}`).toThrow(/payout_events: a top-up moves only/);
        }
      }
      const id = topUp(raw);
      expect(() => insertEvent(raw, id, 'paid')).toThrow(/payout_events/);
      // An export must name the batch that holds the top-up.
      expect(() => insertEvent(raw, id, 'exported', 2)).toThrow(/payout_events/);
      expect(() => insertEvent(raw, id, 'exported', null)).toThrow(/payout_events/);
      expect(() => insertEvent(raw, id, 'refunded')).toThrow(/payout_events/);
      insertEvent(raw, id, 'exported');
      insertEvent(raw, id, 'voided');
      expect(() => insertEvent(raw, id, 'paid')).toThrow(/payout_events/);
      expect(raw.prepare('SELECT event FROM payout_events WHERE payout_id = ? ORDER BY id').all(id)).toEqual([
        { event: 'exported' },
        { event: 'voided' },
      ]);
    } finally {
      close();
    }
  });

  it('refuses in the app, with a sentence naming the top-up, to confirm a voided top-up as paid', async () => {
    const ctx: CoreContext = openTestContext();
    await seedScenarioMasterData(ctx);
    await importScenarioSales(ctx, '2026-09');
    approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked' });
    const file = await exportPayouts(ctx, '2026-09', 'csv');
    voidPayoutBatch(ctx, file.batch.batchRef, 'Lost');
    const a = listPayouts(ctx, '2026-09').find((p) => p.participantCode === 'A')!;
    const events = () => (ctx.store.sqlite.prepare('SELECT COUNT(*) AS n FROM payout_events').get() as { n: number }).n;
    const before = events();
    let error: unknown;
    try {
      ctx.store.transaction(() =>
        confirmPayouts(ctx, 1, [{ payoutId: a.id, reference: a.reference, row: 2, status: 'paid', reason: null }], 1),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'PAYOUT_STATE_CONFLICT',
      message: `The top-up ${a.reference} is voided (its points are back in the balance); it cannot become paid. Nothing was changed.`,
    });
    expect(events()).toBe(before);
    expect(() => ctx.store.transaction(() => movePayout(ctx, a.id, 'exported', file.batch.id, null))).toThrow(AppError);
  });
});
