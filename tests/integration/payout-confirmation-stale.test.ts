// Issue 11: a commit judges again what its preview showed. A confirmation previewed before a
// void must not pay the voided top-up, and an approval is refused when its total moved. The
// exact sequences the Payouts and Import screens make, through the IPC handlers, on a real SQLite file.
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { verifyLedger } from '../../src-main/core/ledger/verify-ledger';
import { minorToDecimalString } from '../../src-main/core/money/minor-units';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { createHandlers } from '../../src-main/ipc/handlers';
import { formatMoney } from '../../src-main/core/money/minor-units';
import { importSales } from '../../src-main/core/sales/import-sales';
import { csvFile, importScenarioSales, SALES_HEADER, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const amount = (minor: number) => minorToDecimalString(minor, 2).replace('.', ',');
const money = (minor: number) => formatMoney(minor, 'PLN', 2, 'en-GB');
const balance = (ctx: CoreContext, code: string) =>
  (
    ctx.store.sqlite
      .prepare('SELECT COALESCE(SUM(points), 0) AS b FROM ledger_entries WHERE participant_code = ?')
      .get(code) as { b: number }
  ).b;

let ctx: CoreContext;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(async () => {
  ctx = openTestContext();
  handlers = createHandlers(ctx, { version: 'test', runtime: 'web' });
  await seedScenarioMasterData(ctx);
  await importParticipants(
    ctx,
    csvFile('e-by-transfer.csv', ['Rep code;Name;Card;IBAN', 'E;Ewa Ekiert;;PL61 1090 1014 0000 0712 1981 2874']),
  );
  await importScenarioSales(ctx, '2026-09');
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
});

async function readyConfirmation(lines: string[]): Promise<string> {
  const { jobId } = handlers['import.start']({
    kind: 'confirmations',
    fileName: 'issuer.csv',
    bytes: new TextEncoder().encode(lines.join('\r\n')),
  });
  for (let i = 0; i < 600 && handlers['import.status']({ jobId }).state === 'reading'; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(handlers['import.status']({ jobId }).state).toBe('ready');
  return jobId;
}

describe('an approval shown before the figures moved', () => {
  it('is refused with the old and new totals, writing nothing, and passes with the total shown now', async () => {
    const fresh = openTestContext();
    const calls = createHandlers(fresh, { version: 'test', runtime: 'web' });
    await seedScenarioMasterData(fresh);
    await importScenarioSales(fresh, '2026-09');
    const shown = calls['payouts.proposal']({ period: '2026-09' });
    // A late sales line for A arrives while the confirmation dialog is open.
    await importSales(fresh, csvFile('late.csv', [SALES_HEADER, '2026-09-28;A;DOG-01;10;1000,00;S/99']), {
      period: '2026-09',
    });
    const counts = tableCounts(fresh);
    let refused: unknown;
    try {
      calls['period.approve']({
        period: '2026-09',
        acceptOpenAnomalies: 'Checked',
        expectedPayoutMinor: shown.totals.amountMinor,
      });
    } catch (error) {
      refused = error;
    }
    const now = calls['payouts.proposal']({ period: '2026-09' });
    expect(now.totals.amountMinor).not.toBe(shown.totals.amountMinor);
    expect(refused).toMatchObject({
      code: 'PAYOUTS_MOVED',
      message: `The payouts of 2026-09 come to ${money(now.totals.amountMinor)} now, not the ${money(shown.totals.amountMinor)} shown: sales, decisions, rules or balances changed since. Nothing was approved; look at the proposal again.`,
    });
    expect(tableCounts(fresh)).toEqual(counts);
    calls['period.approve']({
      period: '2026-09',
      acceptOpenAnomalies: 'Checked',
      expectedPayoutMinor: now.totals.amountMinor,
    });
    expect(calls['payouts.list']({ period: '2026-09' }).reduce((s, p) => s + p.amountMinor, 0)).toBe(
      now.totals.amountMinor,
    );
  });
});

describe('a confirmation read before a void', () => {
  it('is refused at commit, naming what moved; the voided top-up stays unpaid and its points are in the balance once', async () => {
    const cards = await handlers['payouts.export']({ period: '2026-09', format: 'xlsx' });
    const payouts = handlers['payouts.list']({ period: '2026-09' });
    const a = payouts.find((p) => p.participantCode === 'A')!;
    const e = payouts.find((p) => p.participantCode === 'E')!;
    expect([a.status, e.status, e.method]).toEqual(['exported', 'approved', 'transfer']);
    const aBefore = balance(ctx, 'A');

    const jobId = await readyConfirmation([
      'Reference;Amount;Status',
      `${a.reference};${amount(a.amountMinor)};OK`,
      `${e.reference};${amount(e.amountMinor)};OK`,
    ]);
    // The preview takes A's row and refuses E's (not exported yet).
    expect(handlers['import.status']({ jobId }).preview).toMatchObject({ accepted: 1, rejected: 1 });

    handlers['payouts.void']({ batchRef: cards.batch.batchRef, reason: 'The issuer lost the file' });
    await handlers['payouts.export']({ period: '2026-09', format: 'sepa' });
    expect(balance(ctx, 'A')).toBe(aBefore + a.points);

    let refused: unknown;
    try {
      handlers['import.commit']({ jobId });
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'PAYOUTS_MOVED' });
    const message = (refused as Error).message;
    expect(message).toContain(`row 2: the top-up ${a.reference} was exported when the file was read and is voided now`);
    expect(message).toContain(
      `row 3: the top-up ${e.reference} was approved when the file was read and is exported now`,
    );
    expect(message).toMatch(/read the file again\.$/);

    const after = handlers['payouts.list']({ period: '2026-09' });
    expect(after.find((p) => p.id === a.id)!.status).toBe('voided');
    expect(after.find((p) => p.id === e.id)!.status).toBe('exported');
    const paidEvents = ctx.store.sqlite
      .prepare("SELECT COUNT(*) AS n FROM payout_events WHERE event = 'paid'")
      .get() as { n: number };
    expect(paidEvents.n).toBe(0);
    expect(balance(ctx, 'A')).toBe(aBefore + a.points);
    expect(
      ctx.store.sqlite.prepare("SELECT COUNT(*) AS n FROM import_batches WHERE kind = 'confirmations'").get(),
    ).toEqual({ n: 0 });
    expect(verifyLedger(ctx.store.sqlite).ok).toBe(true);
  });

  it('commits what is still true when nothing moved', async () => {
    await handlers['payouts.export']({ period: '2026-09', format: 'xlsx' });
    const a = handlers['payouts.list']({ period: '2026-09' }).find((p) => p.participantCode === 'A')!;
    const jobId = await readyConfirmation(['Reference;Amount;Status', `${a.reference};${amount(a.amountMinor)};OK`]);
    const report = handlers['import.commit']({ jobId });
    expect(report.created).toBe(1);
    expect(handlers['payouts.list']({ period: '2026-09' }).find((p) => p.id === a.id)!.status).toBe('paid');
  });
});
