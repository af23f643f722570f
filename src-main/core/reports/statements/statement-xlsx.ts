// A published statement as a workbook, for a participant who wants the figures in a spreadsheet: a summary sheet
// (the same figures and words as the PDF) and the sales lines, each with a frozen header and the program's currency.
import ExcelJS from 'exceljs';
import { amountNumberFormat, minorToCellNumber } from '../../money/cell-number';
import { reportLanguage } from '../report-words';
import { localeFormat } from './locale-format';
import type { PublishedStatement } from './statement-types';
import { STATEMENT_WORDS } from './statement-words';

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const POINTS = '#,##0';

export async function statementXlsx(statement: PublishedStatement): Promise<Uint8Array> {
  const { content } = statement;
  const { program } = content;
  const w = STATEMENT_WORDS[reportLanguage(program.locale)];
  const f = localeFormat(program.locale, program.currency, program.minorDigits);
  const money = `${amountNumberFormat(program.minorDigits).replace(/^0/, '#,##0')} "${program.currency}"`;
  const amount = (minor: number) => minorToCellNumber(minor, program.minorDigits);

  const book = new ExcelJS.Workbook();
  book.creator = 'Loyalty Desk';
  book.created = new Date(statement.publishedAt);
  book.modified = new Date(statement.publishedAt);
  const summary = book.addWorksheet(w.summary);
  summary.columns = [{ width: 44 }, { width: 22 }];
  const title =
    content.kind === 'period' ? `${w.title}: ${f.month(content.period)}` : `${w.yearTitle}: ${content.year}`;
  summary.addRow([title]).font = { bold: true, size: 14 };
  summary.addRow([`${content.participant.name} (${content.participant.code})`]).font = BOLD;
  summary.addRow([w.statementNo(statement.id, f.instant(statement.publishedAt))]);
  if (statement.replaces)
    summary.addRow([w.replaces(statement.replaces.id, f.instant(statement.replaces.publishedAt))]);
  summary.addRow([w.rulesVersion(content.rules.version, f.day(content.rules.createdAt))]);
  summary.addRow([w.madeFrom(statement.chainHead)]);
  summary.addRow([]);
  const line = (label: string, value: number | string | null, format?: string) => {
    const row = summary.addRow([label, value]);
    row.getCell(1).font = BOLD;
    if (format) row.getCell(2).numFmt = format;
  };

  if (content.kind === 'period') {
    const g = content.figures;
    line(w.volume, amount(g.volumeMinor), money);
    line(w.base, g.base, POINTS);
    line(w.campaign, g.campaign, POINTS);
    line(w.tierBonus, g.tierBonus, POINTS);
    line(w.target, g.targetMinor === null ? w.noTarget : amount(g.targetMinor), money);
    line(w.promoted, amount(g.promotedMinor), money);
    line(w.attainment, g.attainmentBp === null ? w.noTarget : g.attainmentBp / 10_000, '0.00%');
    line(w.targetBonus, g.targetBonus, POINTS);
    line(w.capCut, g.capCut, POINTS);
    line(w.earned, g.earned, POINTS);
    line(w.prize, g.prize, POINTS);
    line(w.total, g.total, POINTS);
    line(w.carry, g.carry, POINTS);
    line(w.adjustments, g.adjustments, POINTS);
    line(w.corrections, g.corrections, POINTS);
    line(w.payable, g.payablePoints, POINTS);
    line(w.paid, amount(g.paidMinor), money);
    line(w.balance, content.balancePoints, POINTS);

    const lines = book.addWorksheet(w.linesTitle);
    lines.columns = [
      { header: w.date, width: 12 },
      { header: 'SKU', width: 14 },
      { header: w.product, width: 30 },
      { header: w.quantity, width: 10, style: { numFmt: POINTS } },
      { header: w.net, width: 16, style: { numFmt: money } },
      { header: w.points, width: 12, style: { numFmt: POINTS } },
      { header: w.campaignPoints, width: 12, style: { numFmt: POINTS } },
    ];
    lines.getRow(1).font = BOLD;
    for (const l of content.lines)
      lines.addRow([l.date, l.sku, l.product, l.quantity, amount(l.netMinor), l.points, l.campaignPoints]);
    lines.views = [{ state: 'frozen', ySplit: 1 }];
  } else {
    const periods = book.addWorksheet(w.year);
    periods.columns = [
      { header: w.period, width: 12 },
      { header: w.earned, width: 14, style: { numFmt: POINTS } },
      { header: w.prize, width: 12, style: { numFmt: POINTS } },
      { header: w.total, width: 14, style: { numFmt: POINTS } },
      { header: w.adjustments, width: 14, style: { numFmt: POINTS } },
      { header: w.corrections, width: 14, style: { numFmt: POINTS } },
      { header: w.payable, width: 14, style: { numFmt: POINTS } },
      { header: w.loadedMinor, width: 16, style: { numFmt: money } },
      { header: w.failedMinor, width: 16, style: { numFmt: money } },
      { header: w.balance, width: 14, style: { numFmt: POINTS } },
    ];
    periods.getRow(1).font = BOLD;
    const row = (label: string, r: typeof content.totals) => [
      label,
      r.earned,
      r.prize,
      r.total,
      r.adjustments,
      r.corrections,
      r.payablePoints,
      amount(r.loadedMinor),
      amount(r.failedMinor),
      r.balancePoints,
    ];
    for (const p of content.periods) periods.addRow(row(p.period, p));
    periods.addRow(row(w.totals, content.totals)).font = BOLD;
    periods.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
