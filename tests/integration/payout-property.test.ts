// Issue 11, as a property: random sequences of approve, export (xlsx, csv, sepa), void, confirm
// (paid and failed rows, repeated ones, and confirmations read before other steps committed),
// and a batch written again in the other format, on a real SQLite file. After every step: no
// top-up is paid twice or paid after a void, nobody is paid more than the ledger redeemed,
// every balance shown is its ledger sum, and the ledger's audit finds nothing.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import type { CoreContext } from '../../src-main/core/context';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { participantLedger } from '../../src-main/core/ledger/ledger-query';
import { requireProgram } from '../../src-main/core/program/program-store';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { minorToDecimalString } from '../../src-main/core/money/minor-units';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import {
  exportPayoutBatch,
  exportPayouts,
  listPayoutBatches,
  voidPayoutBatch,
} from '../../src-main/core/payouts/export-payouts';
import { confirmationsRunner } from '../../src-main/core/payouts/import-confirmations';
import { listPayouts } from '../../src-main/core/payouts/payout-views';
import { listPeriods } from '../../src-main/core/scoring/list-periods';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { calculatePeriod } from '../../src-main/core/scoring/period-score';
import { openDatabase } from '../../src-main/db/open-database';
import { makeTempDir } from '../fixtures/client-files';
import { csvFile, importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { FIXED_NOW, openTestContext } from '../fixtures/test-database';

type Format = 'xlsx' | 'csv' | 'sepa';
type Step =
  | { kind: 'approve' }
  | { kind: 'export'; format: Format; period: number }
  | { kind: 'void'; pick: number }
  | { kind: 'copy'; pick: number }
  | { kind: 'confirm'; rows: { pick: number; status: 'paid' | 'failed'; twice: boolean }[]; meanwhile: Step[] };

const PERIODS = ['2026-09', '2026-10', '2026-11'];
const CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
/** Refusals a random sequence may meet; any other error fails the property. */
const EXPECTED = new Set([
  'NOTHING_TO_EXPORT',
  'PERIOD_NOT_APPROVED',
  'INVALID_INPUT',
  'PAYOUTS_MOVED',
  'FILE_ALREADY_IMPORTED',
  'PERIOD_LOCKED',
  'NOT_FOUND',
  'EARLIER_PERIOD_OPEN',
]);

const simpleStep: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'approve' }),
  fc.record({
    kind: fc.constant('export' as const),
    format: fc.constantFrom<Format>('xlsx', 'csv', 'sepa'),
    period: fc.nat(2),
  }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('copy' as const), pick: fc.nat(20) }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  simpleStep,
  fc.record({
    kind: fc.constant('confirm' as const),
    rows: fc.array(
      fc.record({
        pick: fc.nat(30),
        status: fc.constantFrom<'paid' | 'failed'>('paid', 'failed'),
        twice: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    meanwhile: fc.array(simpleStep, { maxLength: 2 }),
  }),
);

let seeded: string;
beforeAll(async () => {
  const ctx = openTestContext({ dir: makeTempDir('loyalty-prop-seed-') });
  await seedScenarioMasterData(ctx);
  await importParticipants(
    ctx,
    csvFile('e-by-transfer.csv', ['Rep code;Name;Card;IBAN', 'E;Ewa Ekiert;;PL61 1090 1014 0000 0712 1981 2874']),
  );
  for (const period of PERIODS) await importScenarioSales(ctx, period);
  seeded = ctx.store.file;
  ctx.store.close();
});

function freshCopy(): CoreContext {
  const file = join(makeTempDir('loyalty-prop-'), 'loyalty.db');
  copyFileSync(seeded, file);
  return { store: openDatabase(file), actor: 'prop', now: () => FIXED_NOW };
}

let fileNumber = 0;

async function run(ctx: CoreContext, s: Step): Promise<void> {
  try {
    if (s.kind === 'approve') {
      const next = listPeriods(ctx)
        .filter((p) => p.state === 'open' || p.state === 'calculated')
        .map((p) => p.period)
        .sort()[0];
      if (next) approvePeriod(ctx, next, { acceptOpenAnomalies: 'Checked', overrideBudget: 'Agreed' });
    } else if (s.kind === 'export') {
      await exportPayouts(ctx, PERIODS[s.period]!, s.format);
    } else if (s.kind === 'void') {
      const batches = listPayoutBatches(ctx);
      if (batches.length > 0) voidPayoutBatch(ctx, batches[s.pick % batches.length]!.batchRef, 'Random void');
    } else if (s.kind === 'copy') {
      const batches = listPayoutBatches(ctx).filter((b) => b.format !== 'sepa');
      const batch = batches.length > 0 ? batches[s.pick % batches.length]! : undefined;
      if (batch) await exportPayoutBatch(ctx, batch.batchRef, batch.format === 'xlsx' ? 'csv' : 'xlsx');
    } else {
      const payouts = listPayouts(ctx);
      if (payouts.length === 0) return;
      // A row no top-up has makes each file's bytes new, so the same rows can come again.
      const lines = ['Reference;Amount;Status', `X-${fileNumber++};0,01;OK`];
      for (const r of s.rows) {
        const p = payouts[r.pick % payouts.length]!;
        const line = `${p.reference};${minorToDecimalString(p.amountMinor, 2).replace('.', ',')};${r.status}`;
        lines.push(line);
        if (r.twice) lines.push(line);
      }
      const prepared = await confirmationsRunner.prepare(
        ctx,
        csvFile(`confirmation-${fileNumber}.csv`, lines),
        {},
        NO_PROGRESS,
      );
      // Other steps commit between the preview and its commit: a stale preview.
      for (const m of s.meanwhile) {
        await run(ctx, m);
        check(ctx);
      }
      prepared.commit();
    }
  } catch (error) {
    if (error instanceof AppError && EXPECTED.has(error.code)) return;
    throw error;
  }
}

function check(ctx: CoreContext): void {
  const sqlite = ctx.store.sqlite;
  expect(
    sqlite
      .prepare("SELECT payout_id FROM payout_events WHERE event = 'paid' GROUP BY payout_id HAVING COUNT(*) > 1")
      .all(),
    'a top-up paid twice',
  ).toEqual([]);
  expect(
    sqlite
      .prepare(
        "SELECT v.payout_id FROM payout_events v JOIN payout_events p ON p.payout_id = v.payout_id AND p.event = 'paid' WHERE v.event = 'voided'",
      )
      .all(),
    'a voided top-up paid',
  ).toEqual([]);
  expect(
    sqlite
      .prepare(
        "SELECT payout_id FROM payout_events WHERE event IN ('paid', 'failed', 'voided') GROUP BY payout_id HAVING COUNT(*) > 1",
      )
      .all(),
    'a top-up settled twice',
  ).toEqual([]);
  const pointsOf = (sql: string, code: string) => (sqlite.prepare(sql).get(code) as { p: number }).p;
  for (const code of CODES) {
    const redeemed = -pointsOf(
      "SELECT COALESCE(SUM(points), 0) AS p FROM ledger_entries WHERE participant_code = ? AND (kind = 'redemption' OR (kind = 'reversal' AND rule = 'payout'))",
      code,
    );
    const paid = pointsOf(
      "SELECT COALESCE(SUM(p.points), 0) AS p FROM payouts p WHERE p.participant_code = ? AND EXISTS (SELECT 1 FROM payout_events e WHERE e.payout_id = p.id AND e.event = 'paid')",
      code,
    );
    expect(paid, `${code} paid more than the ledger redeemed`).toBeLessThanOrEqual(redeemed);
    const sum = pointsOf('SELECT COALESCE(SUM(points), 0) AS p FROM ledger_entries WHERE participant_code = ?', code);
    const shown = participantLedger(ctx, requireProgram(ctx).id, code);
    expect(shown.balance, `${code}'s balance`).toBe(sum);
    expect(shown.entries.reduce((s, e) => s + e.points, 0)).toBe(sum);
  }
  const open = listPeriods(ctx)
    .filter((p) => p.state === 'open' || p.state === 'calculated')
    .map((p) => p.period)
    .sort()[0];
  if (open) {
    for (const row of calculatePeriod(ctx, open).rows) {
      const before = (
        sqlite
          .prepare('SELECT COALESCE(SUM(points), 0) AS p FROM ledger_entries WHERE participant_code = ? AND period < ?')
          .get(row.code, open) as { p: number }
      ).p;
      expect(row.carry, `${row.code}'s carry into ${open}`).toBe(before);
    }
  }
  const audit = verifyLedger(sqlite);
  expect(audit.problems).toEqual([]);
  expect(audit.ok).toBe(true);
}

describe('payouts under random sequences', () => {
  it('never pay a top-up twice, never pay a voided one, and keep every balance its ledger sum', async () => {
    // The issue's own sequence first: a confirmation of a card top-up and a transfer, read
    // before the card batch is voided and the bank file exported.
    const issue: Step[] = [
      { kind: 'approve' },
      { kind: 'export', format: 'xlsx', period: 0 },
      {
        kind: 'confirm',
        rows: [
          { pick: 0, status: 'paid', twice: false },
          { pick: 3, status: 'paid', twice: false },
        ],
        meanwhile: [
          { kind: 'void', pick: 0 },
          { kind: 'export', format: 'sepa', period: 0 },
        ],
      },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const ctx = freshCopy();
        try {
          for (const s of steps) {
            await run(ctx, s);
            check(ctx);
          }
        } finally {
          ctx.store.close();
        }
      }),
      { numRuns: 25, examples: [[issue]], endOnFailure: true },
    );
  }, 60_000);
});
