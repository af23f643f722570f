// The client's program-to-date report as a workbook: a summary of all approved periods, one row per period, and one
// row per participant with their points in each period side by side. Values only, no formula; formatted like the
// period report (report-sheets).
import ExcelJS from 'exceljs';
import type { ProgramReport } from './program-report';
import { REPORT_WORDS, reportLanguage } from './report-words';
import { DATE_TIME, PERCENT, POINTS, dateCell, moneyCells, summaryLines, table } from './report-sheets';

export async function writeProgramReportXlsx(report: ProgramReport): Promise<Uint8Array> {
  const w = REPORT_WORDS[reportLanguage(report.program.locale)];
  const { format: money, amount } = moneyCells(report.program.currency);
  // A share shown as a percent; not money, so the one division here is fine as a double.
  const share = (part: number, whole: number | null) => (whole === null || whole <= 0 ? null : part / whole);
  const { periods, totals } = report;
  const first = periods[0]!.period;
  const last = periods[periods.length - 1]!.period;

  const book = new ExcelJS.Workbook();
  book.creator = 'Loyalty Desk';
  book.created = new Date(report.madeAt);

  const summary = book.addWorksheet(w.sheetSummary);
  const line = summaryLines(summary);
  summary.addRow([`${w.programTitle}: ${report.program.name}, ${first} – ${last}`]).font = { bold: true, size: 14 };
  summary.addRow([]);
  line(w.program, report.program.name);
  line(w.client, report.program.client);
  line(w.periodsApproved, periods.length, POINTS, periods.map((p) => p.period).join(', '));
  line(w.participantsEver, report.participants.length, POINTS);
  line(w.earned, totals.earned, POINTS);
  line(w.payablePoints, totals.payablePoints, POINTS);
  line(w.payable, amount(totals.payoutMinor), money);
  line(w.paid, amount(totals.paidMinor), money);
  line(w.budget, amount(totals.budgetMinor), money);
  const used = share(totals.paidMinor, totals.budgetMinor);
  if (used !== null) line(w.budgetUsed, used, PERCENT);
  summary.addRow([]);
  line(w.ledgerHead, report.ledgerHead.id, '0', report.ledgerHead.hash);
  line(w.sealHead, report.sealHead.id, '0', report.sealHead.hash);
  line(w.madeAt, dateCell(report.madeAt), DATE_TIME);

  table(
    book.addWorksheet(w.sheetPeriods),
    [
      { header: w.period, width: 10 },
      { header: w.rulesVersion, width: 10, format: '0' },
      { header: w.approvedAt, width: 18, format: DATE_TIME },
      { header: w.approvedBy, width: 16 },
      { header: w.participantsActive, width: 13, format: POINTS },
      { header: w.lines, width: 13, format: POINTS },
      { header: w.earned, width: 14, format: POINTS },
      { header: w.prizes, width: 12, format: POINTS },
      { header: w.payablePoints, width: 14, format: POINTS },
      { header: w.payable, width: 18, format: money },
      { header: w.paid, width: 18, format: money },
      { header: w.budget, width: 18, format: money },
      { header: w.budgetUsed, width: 12, format: PERCENT },
      { header: w.held, width: 12, format: POINTS },
      { header: w.overBudgetReason, width: 40 },
    ],
    periods.map((p) => [
      p.period,
      p.rulesVersion,
      dateCell(p.approvedAt),
      p.approvedBy,
      p.totals.participants,
      p.totals.lines,
      p.totals.earned,
      p.totals.prizes,
      p.totals.payablePoints,
      amount(p.totals.payoutMinor),
      amount(p.paidMinor),
      amount(p.totals.budgetMinor),
      share(p.paidMinor, p.totals.budgetMinor),
      p.totals.heldParticipants,
      p.overBudgetReason,
    ]),
  );

  table(
    book.addWorksheet(w.sheetParticipants),
    [
      { header: w.code, width: 14 },
      { header: w.name, width: 30 },
      { header: w.lastTier, width: 12 },
      ...periods.map((p) => ({ header: p.period, width: 11, format: POINTS })),
      { header: w.totalPoints, width: 14, format: POINTS },
      { header: w.paidToDate, width: 20, format: money },
    ],
    report.participants.map((p) => [p.code, p.name, p.lastTier, ...p.points, p.total, amount(p.paidMinor)]),
  );

  return new Uint8Array(await book.xlsx.writeBuffer());
}
