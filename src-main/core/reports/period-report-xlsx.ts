// The client's period report as a workbook: a summary, a ranking, every participant's components and the
// findings with their resolutions. Formatted as a person expects: frozen header, autofilter, the program's currency
// on amounts, dates as dates, widths that fit. Every figure is a value computed here from integers; no formula.
import ExcelJS from 'exceljs';
import type { PeriodReport } from './period-report';
import { REPORT_WORDS, reportLanguage } from './report-words';
import { DATE_TIME, HEADER_FONT, PERCENT, POINTS, dateCell, moneyCells, summaryLines, table } from './report-sheets';

export async function writePeriodReportXlsx(report: PeriodReport): Promise<Uint8Array> {
  const w = REPORT_WORDS[reportLanguage(report.program.locale)];
  const { format: money, amount } = moneyCells(report.program.currency);
  // Basis points as the fraction a percent format shows: 9,512 bp is 0.9512, shown 95.12%.
  const percent = (bp: number | null) => (bp === null ? null : bp / 10_000);
  const { result } = report;
  // The client reads tiers by their names ("Silver"); an id the rules no longer name is shown as it is.
  const tierName = (id: string | null) => (id === null ? null : (report.tierNames[id] ?? id));
  const totals = result.totals;

  const book = new ExcelJS.Workbook();
  book.creator = 'Loyalty Desk';
  book.created = new Date(report.madeAt);

  const summary = book.addWorksheet(w.sheetSummary);
  const line = summaryLines(summary);
  summary.addRow([`${w.title}: ${report.program.name}, ${report.period}`]).font = { bold: true, size: 14 };
  summary.addRow([]);
  line(w.program, report.program.name);
  line(w.client, report.program.client);
  line(w.period, report.period);
  line(w.rulesVersion, result.rulesVersion, '0');
  line(w.approvedAt, dateCell(result.approval?.at ?? null), DATE_TIME);
  line(w.approvedBy, result.approval?.actor ?? null);
  line(w.participantsActive, totals.participants, POINTS);
  line(w.lines, totals.lines, POINTS);
  line(w.earned, totals.earned, POINTS);
  line(w.prizes, totals.prizes, POINTS);
  line(w.payablePoints, totals.payablePoints, POINTS);
  line(w.payable, amount(totals.payoutMinor), money);
  line(w.paid, amount(report.paidMinor), money);
  line(w.budget, amount(totals.budgetMinor), money);
  if (totals.budgetMinor !== null && totals.budgetMinor > 0)
    // A share shown as a percent; not money, so the one division here is fine as a double.
    line(w.budgetUsed, report.paidMinor / totals.budgetMinor, PERCENT);
  line(w.held, totals.heldParticipants, POINTS);
  line(w.heldPoints, totals.heldPoints, POINTS);
  if (result.approval?.overBudgetReason) line(w.overBudgetReason, result.approval.overBudgetReason);
  summary.addRow([]);
  summary.addRow([w.tiers]).font = HEADER_FONT;
  for (const t of report.tiers) line(tierName(t.tier) ?? w.noTier, t.participants, POINTS);
  summary.addRow([]);
  summary.addRow([w.attainment]).font = HEADER_FONT;
  for (const a of report.attainment) line(w[a.band], a.participants, POINTS);
  summary.addRow([]);
  line(w.ledgerHead, report.ledgerHead.id, '0', report.ledgerHead.hash);
  line(w.sealHead, report.sealHead.id, '0', report.sealHead.hash);
  line(w.madeAt, dateCell(report.madeAt), DATE_TIME);

  table(
    book.addWorksheet(w.sheetRanking),
    [
      { header: w.rank, width: 8, format: '0' },
      { header: w.code, width: 14 },
      { header: w.name, width: 30 },
      { header: w.tier, width: 12 },
      { header: w.total, width: 14, format: POINTS },
      { header: w.paid, width: 18, format: money },
    ],
    report.participants.map((p) => [p.rank, p.code, p.name, tierName(p.tier), p.total, amount(p.paidMinor)]),
  );

  table(
    book.addWorksheet(w.sheetParticipants),
    [
      { header: w.code, width: 14 },
      { header: w.name, width: 30 },
      { header: w.tier, width: 12 },
      { header: w.volume, width: 18, format: money },
      { header: w.base, width: 12, format: POINTS },
      { header: w.campaign, width: 12, format: POINTS },
      { header: w.tierBonus, width: 12, format: POINTS },
      { header: w.target, width: 18, format: money },
      { header: w.attainmentPct, width: 12, format: PERCENT },
      { header: w.targetBonus, width: 12, format: POINTS },
      { header: w.capCut, width: 12, format: POINTS },
      { header: w.prize, width: 12, format: POINTS },
      { header: w.total, width: 12, format: POINTS },
      { header: w.carry, width: 12, format: POINTS },
      { header: w.payablePoints, width: 14, format: POINTS },
      { header: w.payable, width: 18, format: money },
      { header: w.paid, width: 18, format: money },
      { header: w.heldReason, width: 22 },
    ],
    [...report.participants]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((p) => [
        p.code,
        p.name,
        tierName(p.tier),
        amount(p.volumeMinor),
        p.base,
        p.campaign,
        p.tierBonus,
        amount(p.targetMinor),
        percent(p.attainmentBp),
        p.targetBonus,
        // A cut is points taken away: shown as the negative it is.
        p.capCut === 0 ? 0 : -p.capCut,
        p.prize,
        p.total,
        p.carry,
        p.payablePoints,
        amount(p.payoutMinor),
        amount(p.paidMinor),
        p.held === null ? null : w[p.held],
      ]),
  );

  table(
    book.addWorksheet(w.sheetFindings),
    [
      { header: w.finding, width: 26 },
      { header: w.participant, width: 14 },
      { header: w.lineCount, width: 10, format: POINTS },
      { header: w.status, width: 14 },
      { header: w.decision, width: 34 },
      { header: w.reason, width: 50 },
      { header: w.by, width: 16 },
      { header: w.at, width: 18, format: DATE_TIME },
    ],
    report.findings.flatMap((f) => {
      const first = [w.findingCodes[f.code], f.participantCode, f.lineCount, w[f.status]];
      // The client's report gives the decisions that stood at approval; a withdrawn one stays in the audit trail.
      const stood = f.decisions.filter((d) => !d.withdrawal);
      if (stood.length === 0) return [[...first, null, null, null, null]];
      return stood.map((d) => [...first, w[d.action], d.reason, d.actor, dateCell(d.at)]);
    }),
  );

  return new Uint8Array(await book.xlsx.writeBuffer());
}
