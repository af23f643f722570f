// Reports for the client, written from what was approved.
import type { Command } from './command-types';
import { requiredOption } from './option-values';

export const REPORT_COMMANDS: Command[] = [
  {
    words: ['report', 'period'],
    positionals: [],
    options: '--period YYYY-MM --out FILE.xlsx',
    summary:
      "write the client's report of an approved period: summary, ranking, every participant's points and payout, the findings and their resolutions (reads only)",
    async run(ctx, _rest, values) {
      const period = requiredOption(values, 'period', 'YYYY-MM');
      const out = requiredOption(values, 'out', 'FILE.xlsx');
      const [{ periodReport }, { writePeriodReportXlsx }, { saveReportFile }] = await Promise.all([
        import('../core/reports/period-report'),
        import('../core/reports/period-report-xlsx'),
        import('../core/reports/save-report'),
      ]);
      const report = periodReport(ctx, period);
      const path = saveReportFile(await writePeriodReportXlsx(report), out);
      const summary = {
        path,
        period,
        participants: report.result.totals.participants,
        earned: report.result.totals.earned,
        paidMinor: report.paidMinor,
        findings: report.findings.length,
        ledgerHead: report.ledgerHead,
      };
      return {
        json: summary,
        text: `Wrote ${path}: ${period}, ${summary.participants} participants, ${summary.earned} points earned, ${report.findings.length} findings; made from ledger entry ${report.ledgerHead.id} (${report.ledgerHead.hash.slice(0, 16)}...).`,
      };
    },
  },
  {
    words: ['report', 'program'],
    positionals: [],
    options: '--out FILE.xlsx',
    summary:
      "write the client's program-to-date report: every approved period side by side against its budget, and every participant's points across them (reads only)",
    async run(ctx, _rest, values) {
      const out = requiredOption(values, 'out', 'FILE.xlsx');
      const [{ programReport }, { writeProgramReportXlsx }, { saveReportFile }] = await Promise.all([
        import('../core/reports/program-report'),
        import('../core/reports/program-report-xlsx'),
        import('../core/reports/save-report'),
      ]);
      const report = programReport(ctx);
      const path = saveReportFile(await writeProgramReportXlsx(report), out);
      const summary = {
        path,
        periods: report.periods.map((p) => p.period),
        participants: report.participants.length,
        earned: report.totals.earned,
        paidMinor: report.totals.paidMinor,
        ledgerHead: report.ledgerHead,
      };
      return {
        json: summary,
        text: `Wrote ${path}: ${summary.periods.length} approved periods (${summary.periods[0]} to ${summary.periods[summary.periods.length - 1]}), ${summary.participants} participants, ${summary.earned} points earned; made from ledger entry ${report.ledgerHead.id} (${report.ledgerHead.hash.slice(0, 16)}...).`,
      };
    },
  },
];
