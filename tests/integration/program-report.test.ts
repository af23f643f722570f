// The client's program-to-date report: every approved period side by side and every participant across them, read
// with openpyxl as the client's Excel keeps it. Its figures are the ledger's, the payouts' and the period reports'.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { periodReport } from '../../src-main/core/reports/period-report';
import { programReport } from '../../src-main/core/reports/program-report';
import { writeProgramReportXlsx } from '../../src-main/core/reports/program-report-xlsx';
import { saveReportFile } from '../../src-main/core/reports/save-report';
import { ledgerHead } from '../../src-main/core/ledger/append-ledger';
import { toErrorData } from '../../src-main/ipc/dispatch';
import { hasOpenpyxl, makeTempDir } from '../fixtures/client-files';
import { readWithOpenpyxl, type SheetDump } from '../fixtures/read-workbook';
import { runLoyalty } from '../fixtures/run-cli';
import { importScenarioSales, seedScenarioMasterData } from '../fixtures/scoring-scenario';
import { openTestContext } from '../fixtures/test-database';

let ctx: CoreContext;
let dir: string;

beforeAll(async () => {
  dir = makeTempDir('loyalty-program-report-');
  ctx = openTestContext({ dir });
  await seedScenarioMasterData(ctx);
  await importScenarioSales(ctx, '2026-09');
  await importScenarioSales(ctx, '2026-10');
  await importScenarioSales(ctx, '2026-11');
  approvePeriod(ctx, '2026-09', { acceptOpenAnomalies: 'Checked with the client' });
  approvePeriod(ctx, '2026-10', { acceptOpenAnomalies: 'Checked with the client' });
  // November stays open: a draft is never in a client report.
}, 60_000);

/** Each participant's points of the approved periods as the ledger holds them, corrections aside. */
function ledgerPoints(): Map<string, number> {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT participant_code AS code, SUM(points) AS points FROM ledger_entries
        WHERE period IN ('2026-09', '2026-10') AND corrects_period IS NULL
          AND kind IN ('earn', 'campaign', 'tier', 'target', 'cap', 'prize')
        GROUP BY participant_code`,
    )
    .all() as { code: string; points: number }[];
  return new Map(rows.map((r) => [r.code, r.points]));
}

const column = (sheet: SheetDump, header: string) => {
  const index = sheet.rows[0]!.indexOf(header);
  expect(index, `${sheet.title} has a column "${header}"`).toBeGreaterThanOrEqual(0);
  return sheet.rows.slice(1).map((r) => r[index]);
};

describe("the client's program-to-date report", () => {
  it('holds the approved periods only, each with the period report’s figures, and the ledger’s points per person', () => {
    const report = programReport(ctx);
    expect(report.periods.map((p) => p.period)).toEqual(['2026-09', '2026-10']);
    for (const p of report.periods) {
      const single = periodReport(ctx, p.period);
      expect(p.totals).toEqual(single.result.totals);
      expect(p.paidMinor).toBe(single.paidMinor);
    }
    const ledger = ledgerPoints();
    expect(report.participants.length).toBe(ledger.size);
    for (const person of report.participants) expect(person.total, person.code).toBe(ledger.get(person.code));
    // Points earned and prize points are told apart, as in the period report; together they are the ledger's.
    const prizes = report.periods.reduce((sum, p) => sum + p.totals.prizes, 0);
    expect(report.totals.earned + prizes).toBe([...ledger.values()].reduce((a, b) => a + b, 0));
    const paid = ctx.store.sqlite
      .prepare("SELECT SUM(amount_minor) FROM payouts WHERE period IN ('2026-09', '2026-10')")
      .pluck()
      .get() as number;
    expect(report.totals.paidMinor).toBe(paid);
    expect(report.ledgerHead).toEqual({ id: ledgerHead(ctx.store.sqlite).id, hash: ledgerHead(ctx.store.sqlite).hash });
  });

  it.skipIf(!hasOpenpyxl)('reads in Excel’s terms: periods and participants side by side, money in złoty', async () => {
    const report = programReport(ctx);
    const path = saveReportFile(await writeProgramReportXlsx(report), join(dir, 'program.xlsx'));
    const sheets = readWithOpenpyxl(path);
    expect(sheets.map((s) => s.title)).toEqual(['Podsumowanie', 'Okresy', 'Uczestnicy']);
    const [summary, periods, people] = sheets as [SheetDump, SheetDump, SheetDump];
    for (const sheet of [periods, people]) {
      expect(sheet.frozen, sheet.title).toBe('C2');
      expect(sheet.filter, sheet.title).toMatch(/^A1:[A-Z]+\d+$/);
    }
    expect(column(periods, 'Okres')).toEqual(['2026-09', '2026-10']);
    expect(column(periods, 'Zdobyte punkty')).toEqual(report.periods.map((p) => p.totals.earned));
    const paidAt = periods.rows[0]!.indexOf('Zatwierdzone do wypłaty');
    expect(periods.formats[1]![paidAt]).toContain('"PLN"');

    const ledger = ledgerPoints();
    const codes = column(people, 'Kod') as string[];
    const totals = column(people, 'Punkty, wszystkie okresy') as number[];
    const september = column(people, '2026-09') as (number | null)[];
    const october = column(people, '2026-10') as (number | null)[];
    codes.forEach((code, i) => {
      expect(totals[i], code).toBe(ledger.get(code));
      expect((september[i] ?? 0) + (october[i] ?? 0), code).toBe(totals[i]);
    });
    const summaryValue = (label: string) => summary.rows.find((r) => r[0] === label)?.[1];
    expect(summaryValue('Zatwierdzone okresy')).toBe(2);
    expect(summaryValue('Zdobyte punkty')).toBe(report.totals.earned);
    expect(summary.rows.find((r) => r[0] === 'Głowa rejestru (wpis, skrót)')?.[2]).toBe(report.ledgerHead.hash);
  });

  it('is refused, saying why, while no period is approved', () => {
    const empty = openTestContext();
    let error: unknown;
    try {
      programReport(empty);
    } catch (e) {
      error = e;
    }
    expect(toErrorData(error)).toMatchObject({ code: 'PERIOD_NOT_APPROVED' });
  });

  it('is written by the CLI at the path given', async () => {
    const out = join(dir, 'to-date.xlsx');
    const run = await runLoyalty(['report', 'program', '--out', out, '--db', ctx.store.file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*to-date\.xlsx: 2 approved periods \(2026-09 to 2026-10\), \d+ participants/);
  });
});
