// Thin: each handler checks nothing the contract has not already parsed, calls one core
// function and returns its result.
import type { Channel, ParsedArgs, Result, DashboardView, Language, AppInfo, RelayChannel } from './contract';
import { LANGUAGES } from './contract';
import type { CoreContext } from '../core/context';
import { createProgram, getProgram, readReferenceTemplate, requireProgram } from '../core/program/program-store';
import { readSetting, writeSetting } from '../core/settings/settings-store';
import {
  countParticipants,
  getParticipant,
  listParticipants,
  participantFacets,
} from '../core/program/participants/participants-query';
import { editParticipant } from '../core/import/edits/edit-participant';
import { listImportBatches } from '../core/import/jobs/import-batches';
import { createDemo } from '../core/demo/create-demo';
import { createImportJobs } from '../core/import/jobs/import-jobs';
import { IMPORT_RUNNERS } from './import-kinds';
import { writeTableWorkbook } from '../core/reports/table-workbook';
import { writeParticipantsWorkbook } from '../core/reports/participants-workbook';
import { writeBatchLinesWorkbook } from '../core/reports/batch-lines-workbook';
import { errorReportOfBatch, errorReportOfJob } from '../core/import/report/import-error-report';
import { importBatchReport } from '../core/import/report/import-batch-report';
import { batchLinesPage } from '../core/sales/batch-lines-page';
import { listPeriods } from '../core/scoring/list-periods';
import { calculatePeriod, periodResult } from '../core/scoring/period-score';
import { explainParticipant } from '../core/scoring/explain';
import { approvePeriod } from '../core/approval/approve-period';
import { addManualAdjustment } from '../core/decisions/manual-adjustment';
import { participantLedger } from '../core/ledger/ledger-query';
import { whatIf } from '../core/scoring/what-if';
import { updateRules } from '../core/program/update-rules';
import { diffRulesVersions, listRulesVersions } from '../core/program/rules-versions';
import { programSettings, updateProgramSettings } from '../core/program/program-settings';
import { sealHead } from '../db/record-seals';
import {
  endStandingRule,
  findingEvidence,
  resolveFinding,
  resolveFindings,
  verificationQueue,
  withdrawDecision,
} from '../core/verification/verification-queue';
import { budgetView, listPayouts } from '../core/payouts/payout-views';
import { payoutProposal } from '../core/approval/proposal-view';
import { exportPayoutBatch, exportPayouts, listPayoutBatches, voidPayoutBatch } from '../core/payouts/export-payouts';
import { periodReport } from '../core/reports/period-report';
import { writePeriodReportXlsx } from '../core/reports/period-report-xlsx';
import { operatorLogPage } from '../core/audit/operator-log-query';
import { programReport } from '../core/reports/program-report';
import { writeProgramReportXlsx } from '../core/reports/program-report-xlsx';
import { payoutTemplate, setPayoutTemplate } from '../core/payouts/payout-template-setting';
import { dashboardOverview } from '../core/reports/dashboard';
import { navigationCounts } from '../core/reports/navigation-counts';
import { publishStatements } from '../core/reports/statements/publish-statements';
import { periodStatementsZip } from '../core/reports/statements/statement-files';
import { rulesDocumentPdf } from '../core/reports/rules-document/rules-document';
import { auditPackageFile } from '../core/audit/export-audit-package';
import { verifyConnection, verifyPackageBytes } from '../core/audit/verify-audit-package';
import { backUpNow, listDataBackups } from '../core/backup/backup-actions';
import type { StartCheck } from '../core/backup/backup-types';

type Handler<C extends Channel> = (args: ParsedArgs<C>) => Result<C> | Promise<Result<C>>;
/** The core's calls: every channel of the contract but those the relay answers (task.progress, task.cancel). */
export type CoreChannel = Exclude<Channel, RelayChannel>;
export type Handlers = { [C in CoreChannel]: Handler<C> };

export interface HandlerEnvironment {
  version: string;
  runtime: AppInfo['runtime'];
  /** What the check at the start found (the interactive host runs it); all well when not given. */
  startCheck?: StartCheck;
}

const NOTHING_FOUND: StartCheck = {
  ok: true,
  refusal: null,
  problems: [],
  integrity: 'integrity',
  tookMs: 0,
  latestGoodBackup: null,
};

export function createHandlers(ctx: CoreContext, env: HandlerEnvironment) {
  const jobs = createImportJobs(ctx, IMPORT_RUNNERS);
  return {
    'app.info': () => ({ version: env.version, dataFile: ctx.store.file, runtime: env.runtime }),
    'settings.getLanguage': () => {
      const value = readSetting(ctx, 'language');
      return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;
    },
    'settings.setLanguage': ({ language }) => {
      writeSetting(ctx, 'language', language);
      return language;
    },
    'program.get': () => getProgram(ctx),
    'program.create': ({ config }) => createProgram(ctx, config),
    'program.referenceTemplate': () => readReferenceTemplate(),
    'program.settings': () => programSettings(ctx),
    'program.updateSettings': (change) => updateProgramSettings(ctx, change),
    'demo.create': () => createDemo(ctx),
    'dashboard.get': (): DashboardView => {
      const program = getProgram(ctx);
      if (!program)
        return { program: null, participants: { total: 0, active: 0, withoutPayoutDestination: 0 }, lastImports: [] };
      return {
        program,
        participants: countParticipants(ctx, program.id),
        lastImports: listImportBatches(ctx, program.id, 5),
      };
    },
    'dashboard.overview': () => dashboardOverview(ctx),
    'nav.counts': () => navigationCounts(ctx),
    'imports.list': () => listImportBatches(ctx, requireProgram(ctx).id),
    'import.start': ({ kind, fileName, bytes, sheet, mapping, period, replaceBatchId }) => ({
      jobId: jobs.start(kind, { fileName, bytes, sheet, mapping }, { period, replaceBatchId }),
    }),
    'import.status': ({ jobId }) => jobs.status(jobId),
    'import.cancel': ({ jobId }) => jobs.cancel(jobId),
    'import.commit': ({ jobId }) => jobs.commit(jobId),
    'import.errorReport': (args) =>
      'jobId' in args ? errorReportOfJob(ctx, jobs.status(args.jobId)) : errorReportOfBatch(ctx, args.batchId),
    'imports.report': ({ batchId }) => importBatchReport(ctx, batchId),
    'imports.lines': ({ batchId, offset, limit, ...order }) => batchLinesPage(ctx, batchId, offset, limit, order),
    'imports.linesXlsx': ({ batchId, title, columns, ...order }) =>
      writeBatchLinesWorkbook(ctx, { batchId, order, title, columns }),
    'participants.list': (query) => listParticipants(ctx, query),
    'participants.facets': () => participantFacets(ctx),
    'participants.xlsx': (input) => writeParticipantsWorkbook(ctx, input),
    'participants.get': ({ code }) => getParticipant(ctx, code),
    'participants.edit': (edit) => editParticipant(ctx, edit),
    'periods.list': () => listPeriods(ctx),
    'score.period': ({ period, record }) => (record ? calculatePeriod(ctx, period) : periodResult(ctx, period)),
    'score.explain': ({ period, participantCode }) => explainParticipant(ctx, period, participantCode),
    'period.approve': ({ period, ...options }) => approvePeriod(ctx, period, options),
    'ledger.adjust': (args) => addManualAdjustment(ctx, args),
    'ledger.participant': ({ participantCode }) => participantLedger(ctx, requireProgram(ctx).id, participantCode),
    'rules.whatIf': ({ period, rules }) => whatIf(ctx, period, rules),
    'rules.update': ({ rules, note }) => updateRules(ctx, rules, note),
    'rules.versions': () => listRulesVersions(ctx),
    'rules.diff': ({ from, to }) => diffRulesVersions(ctx, from, to),
    'audit.head': () => sealHead(ctx.store.sqlite),
    'audit.log': (filter) => operatorLogPage(ctx, filter),
    'verify.queue': ({ period }) => verificationQueue(ctx, period),
    'verify.evidence': ({ period, key }) => findingEvidence(ctx, period, key),
    'verify.resolve': (input) => resolveFinding(ctx, input),
    'verify.resolveMany': (input) => resolveFindings(ctx, input),
    'verify.withdraw': (input) => withdrawDecision(ctx, input),
    'verify.endStanding': (input) => endStandingRule(ctx, input),
    'payouts.proposal': ({ period, ...options }) => payoutProposal(ctx, period, options),
    'payouts.list': ({ period }) => listPayouts(ctx, period),
    'payouts.batches': ({ period }) => listPayoutBatches(ctx, period),
    'payouts.export': ({ period, format }) => exportPayouts(ctx, period, format),
    'payouts.exportBatch': ({ batchRef, format }) => exportPayoutBatch(ctx, batchRef, format),
    'payouts.void': ({ batchRef, reason }) => voidPayoutBatch(ctx, batchRef, reason),
    'budget.view': () => budgetView(ctx),
    'reports.periodXlsx': async ({ period }) => ({
      fileName: `report-${period}.xlsx`,
      bytes: await writePeriodReportXlsx(periodReport(ctx, period)),
    }),
    'reports.programXlsx': async () => {
      const report = programReport(ctx);
      return {
        fileName: `report-to-${report.periods[report.periods.length - 1]!.period}.xlsx`,
        bytes: await writeProgramReportXlsx(report),
      };
    },
    'table.xlsx': (table) => writeTableWorkbook({ ...table, currency: requireProgram(ctx).currency }),
    'statements.publish': ({ period }) => publishStatements(ctx, period),
    'statements.write': ({ period, xlsx }) => periodStatementsZip(ctx, period, xlsx === undefined ? {} : { xlsx }),
    'rules.pdf': (options) => rulesDocumentPdf(ctx, options),
    'audit.export': () => auditPackageFile(ctx),
    'audit.verify': (input) =>
      input.package
        ? verifyPackageBytes(input.package.fileName, input.package.bytes)
        : verifyConnection(ctx.store.sqlite),
    'payouts.template': () => payoutTemplate(ctx),
    'payouts.setTemplate': ({ template }) => setPayoutTemplate(ctx, template),
    'app.startCheck': () => env.startCheck ?? NOTHING_FOUND,
    'backups.list': () => listDataBackups(ctx),
    'backups.create': ({ to }) => backUpNow(ctx, to),
  } satisfies Handlers;
}
