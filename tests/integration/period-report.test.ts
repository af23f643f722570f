// The client's report of an approved period, read as the client reads it: with openpyxl (as Excel keeps it) and
// after LibreOffice has opened and saved it. Its figures are the ledger's and the payouts', and it names the chain
// head it was made from.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodReport } from '../../src-main/core/reports/period-report';
import { writePeriodReportXlsx } from '../../src-main/core/reports/period-report-xlsx';
import { saveReportFile } from '../../src-main/core/reports/save-report';
import { ledgerHead } from '../../src-main/core/ledger/append-ledger';
import { convertWithSoffice, hasOpenpyxl, hasSoffice, makeTempDir } from '../fixtures/client-files';
import { readWithOpenpyxl, type SheetDump } from '../fixtures/read-workbook';
import { runLoyalty } from '../fixtures/run-cli';
import { caseOpener } from '../fixtures/staged-database';
import { septemberApproved, septemberImported } from '../fixtures/september-payout-stages';

const at = caseOpener();

/** Each participant's points for the period as the ledger holds them (the period's own entries, no corrections). */
function ledgerTotals(db: import('better-sqlite3').Database): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT participant_code AS code, SUM(points) AS points FROM ledger_entries
        WHERE period = '2026-09' AND corrects_period IS NULL
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

describe("the client's period report", () => {
  it.skipIf(!hasOpenpyxl)(
    'has a summary, a ranking, every participant and the findings, with the ledger’s points and the payouts’ money',
    async () => {
      const { ctx, dir } = await at(septemberApproved);
      const report = periodReport(ctx, '2026-09');
      const path = saveReportFile(await writePeriodReportXlsx(report), join(dir, 'report-2026-09.xlsx'));
      const sheets = readWithOpenpyxl(path);

      // The reference program is Polish: the client reads Polish headers.
      expect(sheets.map((s) => s.title)).toEqual(['Podsumowanie', 'Ranking', 'Uczestnicy', 'Ustalenia']);
      const [summary, ranking, people, findings] = sheets as [SheetDump, SheetDump, SheetDump, SheetDump];
      for (const sheet of [ranking, people, findings]) {
        expect(sheet.frozen, sheet.title).toBe('C2');
        expect(sheet.filter, sheet.title).toMatch(/^A1:[A-Z]+\d+$/);
      }

      // Every participant, each total the ledger's, each payout the payouts table's.
      const ledger = ledgerTotals(ctx.store.sqlite);
      const codes = column(people, 'Kod') as string[];
      const totals = column(people, 'Razem') as number[];
      expect(codes.length).toBe(report.result.rows.length);
      expect(codes.length).toBeGreaterThan(2);
      for (const [i, code] of codes.entries()) expect(totals[i], code).toBe(ledger.get(code) ?? 0);
      const paid = ctx.store.sqlite
        .prepare(
          "SELECT participant_code AS code, SUM(amount_minor) AS minor FROM payouts WHERE period = '2026-09' GROUP BY 1",
        )
        .all() as { code: string; minor: number }[];
      const paidColumn = column(people, 'Zatwierdzone do wypłaty') as (number | null)[];
      for (const p of paid) expect(Math.round((paidColumn[codes.indexOf(p.code)] ?? 0) * 100), p.code).toBe(p.minor);
      // Amounts carry the program's currency format; points are whole numbers.
      const paidAt = people.rows[0]!.indexOf('Zatwierdzone do wypłaty');
      expect(people.formats[1]![paidAt]).toBe('#,##0.00 "PLN"');

      // The ranking runs from the most points down, numbered from 1.
      const ranked = column(ranking, 'Razem') as number[];
      expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
      expect(column(ranking, 'Miejsce')).toEqual(ranked.map((_, i) => i + 1));

      // The summary's figures are the approval's, and it names the chain head of its moment.
      const label = (text: string) => summary.rows.find((r) => r[0] === text)?.[1];
      expect(label('Zdobyte punkty')).toBe(report.result.totals.earned);
      expect(label('Uczestnicy')).toBe(report.result.totals.participants);
      expect(Math.round((label('Zatwierdzone do wypłaty') as number) * 100)).toBe(
        paid.reduce((s, p) => s + p.minor, 0),
      );
      const head = ledgerHead(ctx.store.sqlite);
      expect(summary.rows.find((r) => r[0] === 'Głowa rejestru (wpis, skrót)')).toEqual([
        'Głowa rejestru (wpis, skrót)',
        head.id,
        head.hash,
      ]);

      // The findings with their decisions: the accepted cap, with its reason, by whom and when.
      const reasons = column(findings, 'Powód');
      expect(reasons).toContain('Big order, checked');
      const decisions = column(findings, 'Decyzja');
      expect(decisions).toContain('Zaakceptowane bez zmian');
      // Each finding in the client's words, never the app's code.
      const kinds = column(findings, 'Ustalenie');
      expect(kinds).toContain('Osiągnięty limit');
      for (const kind of kinds) expect(kind).not.toMatch(/^[A-Z_]+$/);
    },
    60_000,
  );

  it.skipIf(!hasOpenpyxl || !hasSoffice)(
    'opens in LibreOffice, which keeps every sheet and the same totals',
    async () => {
      const { ctx, dir } = await at(septemberApproved);
      const path = saveReportFile(await writePeriodReportXlsx(periodReport(ctx, '2026-09')), join(dir, 'report.xlsx'));
      const outDir = makeTempDir('loyalty-report-lo-');
      const [resaved] = convertWithSoffice([path], 'xlsx', outDir);
      const before = readWithOpenpyxl(path);
      const after = readWithOpenpyxl(resaved!);
      expect(after.map((s) => s.title)).toEqual(before.map((s) => s.title));
      const people = (sheets: SheetDump[]) => sheets.find((s) => s.title === 'Uczestnicy')!;
      expect(column(people(after), 'Razem')).toEqual(column(people(before), 'Razem'));
      expect(column(people(after), 'Kod')).toEqual(column(people(before), 'Kod'));
    },
    120_000,
  );

  it.skipIf(!hasOpenpyxl)('names each tier as the rules do ("Silver"), never by its id', async () => {
    const { ctx, dir } = await at(septemberApproved);
    const report = periodReport(ctx, '2026-09');
    expect(report.tierNames).toEqual({ GOLD: 'Gold', SILVER: 'Silver', BRONZE: 'Bronze' });
    // September is the first period (no tier yet): one participant is given Silver to see how a tier is written.
    const first = report.participants[0]!;
    const tiered = {
      ...report,
      participants: [{ ...first, tier: 'SILVER' }, ...report.participants.slice(1)],
      tiers: [{ tier: 'SILVER', participants: 1 }, ...report.tiers],
    };
    const sheets = readWithOpenpyxl(saveReportFile(await writePeriodReportXlsx(tiered), join(dir, 'tiers.xlsx')));
    const cells = sheets.flatMap((sheet) => sheet.rows.flat());
    expect(cells).not.toContain('SILVER');
    const [summary, ranking, people] = sheets as [SheetDump, SheetDump, SheetDump];
    expect(column(ranking, 'Poziom')[0]).toBe('Silver');
    expect((column(people, 'Poziom') as (string | null)[]).filter((t) => t !== null)).toEqual(['Silver']);
    expect(summary.rows.some((r) => r[0] === 'Silver' && r[1] === 1)).toBe(true);
  });

  it('is made of an approved period only, never of a draft', async () => {
    const { ctx } = await at(septemberImported);
    expect(() => periodReport(ctx, '2026-09')).toThrow(expect.objectContaining({ code: 'PERIOD_NOT_APPROVED' }));
  });

  it('is written by the CLI, whole, at the path given', async () => {
    const { ctx, dir } = await at(septemberApproved);
    const out = join(dir, 'client.xlsx');
    const run = await runLoyalty(['report', 'period', '--period', '2026-09', '--out', out, '--db', ctx.store.file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Wrote .*client\.xlsx: 2026-09, \d+ participants, \d+ points earned, \d+ findings; made from ledger entry \d+/,
    );
    const missing = await runLoyalty([
      'report',
      'period',
      '--period',
      '2026-09',
      '--out',
      join(dir, 'no-such-folder', 'r.xlsx'),
      '--db',
      ctx.store.file,
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('does not exist');
  });
});
