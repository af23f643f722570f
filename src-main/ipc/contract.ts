// The one contract between the renderer and the core: every call's name, arguments and
// result. The preload exposes exactly these calls, the handlers implement exactly these
// (checked with `satisfies`), and the web bridge serves the same over HTTP.
import { z } from 'zod';
import { programConfigSchema } from '../core/program/program-config';
import { participantEditSchema } from '../core/import/edits/participant-edit-schema';
import type { ImportJobStatus, ImportReport } from '../core/import/report/import-report';
import type { AdjustmentResult } from '../core/decisions/decision-views';
import type { Explanation, PeriodResult, PeriodSummary, WhatIfResult } from '../core/scoring/scoring-views';
import type { ParticipantLedger } from '../core/ledger/ledger-views';
import { VERIFICATION_ACTIONS } from '../core/decisions/decision-views';
import {
  type BudgetView,
  type ExportResult,
  type PayoutBatchView,
  type PayoutView,
} from '../core/payouts/payout-types';
import { type PayoutProposal } from '../core/approval/approval-views';
import {
  type ResolveOutcome,
  type StandingRuleView,
  type VerificationQueue,
  type FindingEvidence,
} from '../core/verification/verification-views';
import type { ProgramView } from '../core/program/program-view';
import type { ProgramSettingsView } from '../core/program/program-settings-views';
import type { RulesDiff, RulesVersionView } from '../core/program/rules-diff';
import {
  participantsFilterSchema,
  participantsQuerySchema,
  PARTICIPANT_SORT_FIELDS,
  type ParticipantDetail,
  type ParticipantFacets,
  type ParticipantsPage,
} from '../core/program/participants/participant-types';
import type { ImportBatchView } from '../core/import/report/import-report';
import { BATCH_LINE_SORT_FIELDS } from '../core/import/report/import-report';
import type { BatchLinesPage, ImportBatchReport } from '../core/import/report/import-report';
import type { PayoutTemplateView } from '../core/payouts/payout-types';
import { asFindingKey, type FindingKey } from '../core/decisions/finding-key';
import { CANCELLABLE_CHANNELS, CHANNELS, ipcChannel, type ChannelName } from './channels';
import type { TaskProgress } from '../core/task-progress';
import type { ReportFile } from '../core/reports/report-types';
import type { OperatorLogPage } from '../core/audit/operator-log-types';
import type { DashboardOverview, NavigationCounts } from '../core/reports/dashboard-views';
import type { PublishCounts } from '../core/reports/statements/statement-types';
import type { AuditPackageFile, AuditVerification } from '../core/audit/audit-views';
import type { BackUpNowResult, BackupView, RestoreOutcome, StartCheck } from '../core/backup/backup-types';

/** The statements of a period as the window downloads them. */
export type StatementsZip = ReportFile & { counts: PublishCounts; statements: number };

export type {
  ImportReport,
  ImportProblem,
  ProblemCode,
  FieldChange,
  ImportKind,
  ImportPreview,
  ImportJobStatus,
  ImportJobState,
  MappingField,
  LayoutChange,
  ReplacementDiff,
  PreviewRow,
} from '../core/import/report/import-report';
export type { ProgramConfig, ProgramConfigInput, Rules } from '../core/program/program-config';
export type {
  ValidationProblem,
  ValidationProblemCode,
  ValidationProblemParams,
} from '../core/program/config-problems';
export { VALIDATION_PROBLEM_CODES } from '../core/program/config-problems';
export type {
  ScoreRow,
  ScoringAnomaly,
  AnomalyCode,
  PeriodTotals,
  CampaignBonus,
  LineRule,
  HeldReason,
  PrizeAward,
} from '../core/scoring/score-types';
export type {
  PeriodResult,
  LateCorrection,
  Explanation,
  ExplainLine,
  LedgerLine,
  WhatIfResult,
  WhatIfRow,
  PeriodSummary,
} from '../core/scoring/scoring-views';
export type { AdjustmentResult } from '../core/decisions/decision-views';
export type {
  LedgerVerification,
  LedgerProblem,
  LedgerEntryView,
  ParticipantLedger,
} from '../core/ledger/ledger-views';
export type {
  VerificationCode,
  VerificationItem,
  VerificationQueue,
  EvidenceLine,
  FindingEvidence,
  DecisionView,
  ResolveInput,
  ResolveOutcome,
  StandingRuleView,
  WithdrawalView,
} from '../core/verification/verification-views';
export type { VerificationAction } from '../core/decisions/decision-views';
export type { PayoutProposal, PayoutProposalRow, HeldPayout } from '../core/approval/approval-views';
export type {
  PayoutView,
  PayoutStatus,
  PayoutBatchView,
  ExportResult,
  BudgetView,
  BudgetPeriodView,
} from '../core/payouts/payout-types';
export { VERIFICATION_ACTIONS } from '../core/decisions/decision-views';
export type { FindingKey } from '../core/decisions/finding-key';
export type { PayoutTemplate, PayoutTemplateInput, PayoutField } from '../core/payouts/files/payout-template';
export { PAYOUT_FIELDS } from '../core/payouts/files/payout-template';
export type {
  BaseRateValue,
  RulesChange,
  RulesDiff,
  RulesDiffValue,
  RulesFieldChange,
  RulesSection,
  RulesValueUnit,
  RulesVersionView,
} from '../core/program/rules-diff';
export {
  CONFIRMATION_MISMATCH_KINDS,
  type ConfirmationMismatchFacts,
  type ConfirmationMismatchKind,
} from '../core/payouts/confirmation-mismatch';

export type { ProgramView } from '../core/program/program-view';
export type {
  ProgramPayment,
  ProgramSettingsChangeInput,
  ProgramSettingsField,
  ProgramSettingsFieldChange,
  ProgramSettingsVersionView,
  ProgramSettingsView,
  SepaDebtor,
} from '../core/program/program-settings-views';
export type {
  ParticipantRow,
  ParticipantHistoryEntry,
  ParticipantDetail,
  ParticipantsQuery,
  ParticipantsPage,
  ParticipantFacets,
  ParticipantField,
  ParticipantsFilter,
} from '../core/program/participants/participant-types';
export {
  PARTICIPANT_SORT_FIELDS,
  PAYOUT_DESTINATION_FILTERS,
  participantsQuerySchema,
} from '../core/program/participants/participant-types';
export type { ImportBatchView } from '../core/import/report/import-report';
export type {
  BatchLink,
  BatchLinesPage,
  ImportBatchReport,
  StoredSalesLine,
  UnknownCodesSummary,
} from '../core/import/report/import-report';
export type { PayoutTemplateView } from '../core/payouts/payout-types';
export { BATCH_LINE_SORT_FIELDS, type BatchLineField } from '../core/import/report/import-report';
export type { PeriodState, LedgerKind } from '../db/ledger-kinds';

export const LANGUAGES = ['en', 'pl', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export type {
  ErrorCode,
  AppErrorData,
  AppErrorOf,
  ErrorDetails,
  ErrorFact,
  ErrorFacts,
  TransportProblem,
} from '../core/app-error';
import type { AppErrorData } from '../core/app-error';

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export interface AppInfo {
  version: string;
  dataFile: string;
  runtime: 'electron' | 'web';
}

export interface DashboardView {
  program: ProgramView | null;
  participants: { total: number; active: number; withoutPayoutDestination: number };
  lastImports: ImportBatchView[];
}

const fileSchema = z.strictObject({
  fileName: z.string().min(1).max(260),
  bytes: z.instanceof(Uint8Array),
  sheet: z.string().max(100).optional(),
});

export const IMPORT_KINDS = ['participants', 'products', 'targets', 'sales', 'confirmations'] as const;

const importStartSchema = fileSchema.extend({
  kind: z.enum(IMPORT_KINDS),
  /** field -> header text, for columns whose headers are not among the synonyms. */
  mapping: z.record(z.string().max(60), z.string().max(200)).optional(),
  /** Sales: the period the file is for; without it, taken from the file's dates. */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' })
    .optional(),
  /** Sales: the earlier batch this corrected file supersedes. */
  replaceBatchId: z.number().int().positive().optional(),
});
export type ImportStartArgs = z.input<typeof importStartSchema>;

/** A table's cells as values: up to 200,000 rows of up to 40 columns, as the screens hold them. */
const tableWorkbookSchema = z.strictObject({
  title: z.string().min(1).max(200),
  columns: z
    .array(
      z.strictObject({ label: z.string().max(200), kind: z.enum(['text', 'integer', 'money', 'basisPoints', 'date']) }),
    )
    .min(1)
    .max(40),
  rows: z.array(z.array(z.union([z.string().max(10_000), z.number(), z.null()])).max(40)).max(200_000),
});

/** How a batch's lines table is sorted and searched. */
const batchLinesOrderShape = {
  sort: z.enum(BATCH_LINE_SORT_FIELDS).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  search: z.string().max(200).optional(),
};

const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' });
const participantCodeSchema = z.string().trim().min(1).max(100);
const reasonSchema = z.string().max(2000);

const findingKeySchema = z.custom<FindingKey>((value) => asFindingKey(value) !== null, {
  error: 'must be a finding key of the verification queue',
});

const jobIdSchema = z.strictObject({ jobId: z.string().min(1).max(100) });

/** The phantom type of a call's result: the contract keeps it for the type checker only. */
const returns = <T>() => undefined as unknown as T;

export const contract = {
  'app.info': { args: z.void(), result: returns<AppInfo>() },
  'settings.getLanguage': { args: z.void(), result: returns<Language | null>() },
  'settings.setLanguage': { args: z.strictObject({ language: z.enum(LANGUAGES) }), result: returns<Language>() },
  'program.get': { args: z.void(), result: returns<ProgramView | null>() },
  'program.create': { args: z.strictObject({ config: z.unknown() }), result: returns<ProgramView>() },
  'program.referenceTemplate': { args: z.void(), result: returns<z.input<typeof programConfigSchema>>() },
  /** The settings in force (name, client, currency, locale, point value, payout settings) and their versions. */
  'program.settings': { args: z.void(), result: returns<ProgramSettingsView>() },
  /** A change of the settings as a new version with its reason; a new point value also saves a rules version. */
  'program.updateSettings': {
    args: z.strictObject({
      name: z.string().max(200).optional(),
      client: z.string().max(200).optional(),
      currency: z.strictObject({ code: z.string().max(3), minorDigits: z.number().int() }).optional(),
      locale: z.string().max(40).optional(),
      pointValueMinor: z.number().int().optional(),
      sepaDebtor: z
        .strictObject({ name: z.string().max(200), iban: z.string().max(60), bic: z.string().max(20) })
        .nullable()
        .optional(),
      reason: reasonSchema,
    }),
    result: returns<ProgramSettingsView>(),
  },
  'demo.create': {
    args: z.void(),
    result: returns<{ program: ProgramView; participants: ImportReport; imports: ImportReport[] }>(),
  },
  'dashboard.get': { args: z.void(), result: returns<DashboardView>() },
  /** The last periods in the pipeline with their counts, budget and next step, and the Dashboard's chart series. */
  'dashboard.overview': { args: z.void(), result: returns<DashboardOverview | null>() },
  /** The navigation's badges: findings open in the open periods, top-ups waiting for confirmation. */
  'nav.counts': { args: z.void(), result: returns<NavigationCounts>() },
  'imports.list': { args: z.void(), result: returns<ImportBatchView[]>() },
  'import.start': { args: importStartSchema, result: returns<{ jobId: string }>() },
  'import.status': { args: jobIdSchema, result: returns<ImportJobStatus>() },
  'import.cancel': { args: jobIdSchema, result: returns<ImportJobStatus>() },
  'import.commit': { args: jobIdSchema, result: returns<ImportReport>() },
  /** The problems of a previewed job or of a committed batch, as an xlsx to send back to the client. */
  'import.errorReport': {
    args: z.union([jobIdSchema, z.strictObject({ batchId: z.number().int().positive() })]),
    result: returns<{ fileName: string; bytes: Uint8Array }>(),
  },
  /** A committed import opened again from the history: counts, problems, what it replaced and what replaced it. */
  'imports.report': {
    args: z.strictObject({ batchId: z.number().int().positive() }),
    result: returns<ImportBatchReport>(),
  },
  /** A page of the sales lines a batch stored. */
  'imports.lines': {
    args: z.strictObject({
      batchId: z.number().int().positive(),
      offset: z.number().int().nonnegative(),
      limit: z.number().int().positive().max(1000),
      ...batchLinesOrderShape,
    }),
    result: returns<BatchLinesPage>(),
  },
  /** Every line of a sales batch the search keeps, in the table's order, with the columns shown, as a workbook. */
  'imports.linesXlsx': {
    args: z.strictObject({
      batchId: z.number().int().positive(),
      ...batchLinesOrderShape,
      title: z.string().min(1).max(200),
      columns: z
        .array(z.strictObject({ field: z.enum(BATCH_LINE_SORT_FIELDS), label: z.string().max(200) }))
        .min(1)
        .max(BATCH_LINE_SORT_FIELDS.length),
    }),
    result: returns<ReportFile & { rows: number }>(),
  },
  'participants.list': { args: participantsQuerySchema, result: returns<ParticipantsPage>() },
  /** The regions and join months the participants' filters offer. */
  'participants.facets': { args: z.void(), result: returns<ParticipantFacets>() },
  /** Every participant the filters keep, in the list's order, with the columns shown, as a workbook. */
  'participants.xlsx': {
    args: z.strictObject({
      filter: participantsFilterSchema,
      title: z.string().min(1).max(200),
      columns: z
        .array(z.strictObject({ field: z.enum(PARTICIPANT_SORT_FIELDS), label: z.string().max(200) }))
        .min(1)
        .max(PARTICIPANT_SORT_FIELDS.length),
      statusWords: z.strictObject({ active: z.string().max(100), inactive: z.string().max(100) }),
      /** Card references and IBANs in full, as the screen shows them when asked; by their last four otherwise. */
      revealSecrets: z.boolean().default(false),
    }),
    result: returns<ReportFile & { rows: number }>(),
  },
  'participants.get': {
    args: z.strictObject({ code: z.string().min(1).max(100) }),
    result: returns<ParticipantDetail>(),
  },
  /** Corrects a participant's fields with a reason: a new version in the history, refused if changed meanwhile. */
  'participants.edit': { args: participantEditSchema, result: returns<ParticipantDetail>() },
  'periods.list': { args: z.void(), result: returns<PeriodSummary[]>() },
  /**
   * Scores a period: the draft of an open period, or what was approved for a locked one. Nothing
   * is written, unless `record` (the coordinator pressed Calculate) notes the open period as calculated.
   */
  'score.period': {
    args: z.strictObject({ period: periodSchema, record: z.boolean().optional() }),
    result: returns<PeriodResult>(),
  },
  'score.explain': {
    args: z.strictObject({ period: periodSchema, participantCode: participantCodeSchema }),
    result: returns<Explanation>(),
  },
  /** Posts the period to the ledger and locks it; over budget only with a written reason. */
  'period.approve': {
    args: z.strictObject({
      period: periodSchema,
      overrideBudget: reasonSchema.optional(),
      fitBudget: z.boolean().optional(),
      acceptOpenAnomalies: reasonSchema.optional(),
      only: z.array(participantCodeSchema).max(100_000).optional(),
      /** The total shown to the operator; the approval is refused if the payouts no longer come to it. */
      expectedPayoutMinor: z.number().int().nonnegative().optional(),
    }),
    result: returns<PeriodResult>(),
  },
  'ledger.adjust': {
    args: z.strictObject({
      period: periodSchema,
      participantCode: participantCodeSchema,
      points: z.number().int(),
      reason: reasonSchema,
    }),
    result: returns<AdjustmentResult>(),
  },
  'ledger.participant': {
    args: z.strictObject({ participantCode: participantCodeSchema }),
    result: returns<ParticipantLedger>(),
  },
  /** The period under the current rules and under the rules being edited, nothing saved. */
  'rules.whatIf': {
    args: z.strictObject({ period: periodSchema, rules: z.unknown() }),
    result: returns<WhatIfResult>(),
  },
  /** Saves the rules as a new version with a note. */
  'rules.update': { args: z.strictObject({ rules: z.unknown(), note: reasonSchema }), result: returns<ProgramView>() },
  /** Every saved version of the rules, newest first, with its note, date and who saved it. */
  'rules.versions': { args: z.void(), result: returns<RulesVersionView[]>() },
  /** What changed between two versions of the rules, field by field. */
  'rules.diff': {
    args: z.strictObject({ from: z.number().int().min(1), to: z.number().int().min(1) }),
    result: returns<RulesDiff>(),
  },
  /** The head of the seal chain now: the anchor to note outside the file (`audit verify --anchor`). */
  'audit.head': { args: z.void(), result: returns<{ id: number; hash: string }>() },
  /** The operator log, newest first, filtered and a page at a time, with the chain heads of the same moment. */
  'audit.log': {
    args: z.strictObject({
      action: z.string().max(60).optional(),
      actor: z.string().max(200).optional(),
      text: z.string().max(200).optional(),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    result: returns<OperatorLogPage>(),
  },
  /** The verification queue of a period: findings with status, amounts and decisions. */
  'verify.queue': { args: z.strictObject({ period: periodSchema }), result: returns<VerificationQueue>() },
  /** The rows that show one finding (its key in text form), asked for when the finding is opened. */
  'verify.evidence': {
    args: z.strictObject({ period: periodSchema, key: z.string().min(1).max(400) }),
    result: returns<FindingEvidence>(),
  },
  /** Resolves one finding with a reason; the draft is re-scored with the decision. */
  'verify.resolve': {
    args: z.strictObject({
      period: periodSchema,
      key: findingKeySchema,
      action: z.enum(VERIFICATION_ACTIONS),
      participantCode: participantCodeSchema.optional(),
      targetMinor: z.number().int().positive().optional(),
      lineIds: z.array(z.number().int().positive()).max(100_000).optional(),
      reason: reasonSchema,
    }),
    result: returns<VerificationQueue>(),
  },
  /**
   * Resolves many findings with one action and one reason, each recorded on its own, all or none; `standing` makes the
   * decisions hold for later periods too.
   */
  'verify.resolveMany': {
    args: z.strictObject({
      period: periodSchema,
      keys: z.array(findingKeySchema).min(1).max(100_000),
      action: z.enum(VERIFICATION_ACTIONS),
      participantCode: participantCodeSchema.optional(),
      targetMinor: z.number().int().positive().optional(),
      reason: reasonSchema,
      standing: z.strictObject({ untilPeriod: periodSchema.nullable() }).nullable().optional(),
    }),
    result: returns<ResolveOutcome>(),
  },
  /** Withdraws a decision of an open period with a reason; the finding opens again. */
  'verify.withdraw': {
    args: z.strictObject({ period: periodSchema, decisionId: z.number().int().positive(), reason: reasonSchema }),
    result: returns<VerificationQueue>(),
  },
  /** Ends a standing decision after a period, with a reason. */
  'verify.endStanding': {
    args: z.strictObject({
      standingRuleId: z.number().int().positive(),
      lastPeriod: periodSchema,
      reason: reasonSchema,
    }),
    result: returns<StandingRuleView[]>(),
  },
  /**
   * The top-ups an approval would make (or made, once locked), fitted to the budget or narrowed to a selection on
   * request.
   */
  'payouts.proposal': {
    args: z.strictObject({
      period: periodSchema,
      fitBudget: z.boolean().optional(),
      only: z.array(participantCodeSchema).max(100_000).optional(),
    }),
    result: returns<PayoutProposal>(),
  },
  'payouts.list': { args: z.strictObject({ period: periodSchema.optional() }), result: returns<PayoutView[]>() },
  'payouts.batches': {
    args: z.strictObject({ period: periodSchema.optional() }),
    result: returns<PayoutBatchView[]>(),
  },
  /** Writes the payout file of an approved period; asking again returns the same file, never a second payment. */
  'payouts.export': {
    args: z.strictObject({ period: periodSchema, format: z.enum(['xlsx', 'csv', 'sepa']) }),
    result: returns<ExportResult>(),
  },
  /**
   * A recorded batch's file in the format asked: its own, or the same batch in the other card format (xlsx <-> csv);
   * never a new payment.
   */
  'payouts.exportBatch': {
    args: z.strictObject({ batchRef: z.string().min(1).max(60), format: z.enum(['xlsx', 'csv', 'sepa']) }),
    result: returns<ExportResult>(),
  },
  'payouts.void': {
    args: z.strictObject({ batchRef: z.string().min(1).max(60), reason: reasonSchema }),
    result: returns<PayoutBatchView>(),
  },
  'budget.view': { args: z.void(), result: returns<BudgetView>() },
  /** The card issuer's template for xlsx and csv payout files, and whether it is the built-in one. */
  'payouts.template': { args: z.void(), result: returns<PayoutTemplateView>() },
  /** Saves a template (refused with one sentence per wrong field), or null for the built-in one. */
  'payouts.setTemplate': { args: z.strictObject({ template: z.unknown() }), result: returns<PayoutTemplateView>() },
  /** The client's report of an approved period, as an xlsx workbook in the program's language. */
  'reports.periodXlsx': { args: z.strictObject({ period: periodSchema }), result: returns<ReportFile>() },
  /** Every approved period side by side, and every participant across them. */
  'reports.programXlsx': { args: z.void(), result: returns<ReportFile>() },
  /** Any table as shown (its columns, filtered and sorted rows) as a workbook, money in the program's currency. */
  'table.xlsx': { args: tableWorkbookSchema, result: returns<ReportFile>() },
  /** Publishes every participant's statement of an approved period: first ones, replacements naming the replaced. */
  'statements.publish': { args: z.strictObject({ period: periodSchema }), result: returns<PublishCounts>() },
  /** Publishes, then zips every participant's statement of the period (PDF, and xlsx when asked). */
  'statements.write': {
    args: z.strictObject({ period: periodSchema, xlsx: z.boolean().optional() }),
    result: returns<StatementsZip>(),
  },
  /** The program's rules (the version in force or `version`) as a PDF in the program's language or `lang`. */
  'rules.pdf': {
    args: z.strictObject({
      version: z.number().int().min(1).max(1_000_000_000).optional(),
      lang: z.enum(['en', 'pl', 'ru']).optional(),
    }),
    result: returns<ReportFile & { version: number; lang: 'en' | 'pl' | 'ru' }>(),
  },
  /** The audit package of the whole program (tables, ledger, original files, rules, manifest), to save as a zip. */
  'audit.export': { args: z.void(), result: returns<AuditPackageFile>() },
  /**
   * Verifies the data file in use (chain, seals, payouts, every approved period recomputed), or, given one, an audit
   * package the coordinator chose, with nothing but its bytes.
   */
  'audit.verify': {
    args: z.strictObject({
      package: z.strictObject({ fileName: z.string().min(1).max(260), bytes: z.instanceof(Uint8Array) }).optional(),
    }),
    result: returns<AuditVerification>(),
  },
  /** What the check at the start found in the data file (nothing, problems, or why it was not opened at all). */
  'app.startCheck': { args: z.void(), result: returns<StartCheck>() },
  /**
   * Opens the data file again, as at the start (the file was refused because another program held it): the relay
   * restarts the core, and the answer is the new start check.
   */
  'app.reopen': { args: z.void(), result: returns<StartCheck>() },
  /** The backups in the folder beside the data file, newest first, with their time, reason and size. */
  'backups.list': { args: z.void(), result: returns<BackupView[]>() },
  /** "Back up now": a backup in the backups folder, and a copy at `to` (a path the coordinator chose) when given. */
  'backups.create': {
    args: z.strictObject({ to: z.string().trim().min(1).max(4096).optional() }),
    result: returns<BackUpNowResult>(),
  },
  /**
   * Restores a backup (one listed, or a file the coordinator chose): judged first, the file in use kept aside, then
   * the app reopens the restored file. Answered by the relay, which restarts the core around it.
   */
  'backups.restore': {
    args: z.strictObject({
      file: z.string().min(1).max(4096),
      /** Why restoring past payout files exported after the backup is right; without it, RESTORE_LOSES_EXPORTS. */
      acceptLostExports: z.string().trim().min(1).max(2000).optional(),
    }),
    result: returns<RestoreOutcome>(),
  },
  /**
   * Where to save a backup by hand: Electron's save dialog, answered by the main process (null when cancelled);
   * `supported: false` from the web bridge, whose page has a path field instead.
   */
  'backups.chooseTarget': { args: z.void(), result: returns<{ supported: boolean; path: string | null }>() },
  /** What the running call of this channel is doing (its phase, so far), answered by the relay without the core. */
  'task.progress': {
    args: z.strictObject({ channel: z.enum(CANCELLABLE_CHANNELS) }),
    result: returns<TaskState>(),
  },
  /** Stops the running call of this channel: its transaction is rolled back, nothing of it stays. */
  'task.cancel': {
    args: z.strictObject({ channel: z.enum(CANCELLABLE_CHANNELS) }),
    result: returns<{ cancelled: boolean }>(),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;

/** A cancellable call as the relay sees it: not running, or running since `startedAt` and where it is. */
export type TaskState = { running: false } | { running: true; startedAt: string; progress: TaskProgress | null };
export type { TaskProgress, ProgressPhase } from '../core/task-progress';
export type { ReportFile } from '../core/reports/report-types';
export type {
  OperatorLogEntry,
  OperatorLogPage,
  LogDetailValue,
  OperatorAction,
} from '../core/audit/operator-log-types';
export { OPERATOR_ACTIONS, OPERATOR_AREAS } from '../core/audit/operator-log-types';
export type {
  DashboardOverview,
  PipelinePeriod,
  NextStep,
  Mover,
  NavigationCounts,
} from '../core/reports/dashboard-views';
export type { PublishCounts } from '../core/reports/statements/statement-types';
export type {
  AuditPackageFile,
  AuditVerification,
  AuditProblem,
  AuditProblemCode,
  RecomputeDifference,
  AuditExportResult,
} from '../core/audit/audit-views';
export { CANCELLABLE_CHANNELS, RELAY_CHANNELS, type CancellableChannel, type RelayChannel } from './channels';
export type {
  BackupView,
  BackupReason,
  BackUpNowResult,
  RestoreOutcome,
  LostExport,
  StartCheck,
  StartProblem,
  StartProblemCode,
} from '../core/backup/backup-types';
export { BACKUP_REASONS } from '../core/backup/backup-types';

// The names also live, zod-free, in channels.ts for the preload (a sandboxed preload is
// bundled whole). This type fails to compile if that list and this contract ever name
// different calls.
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type ChannelListMatchesContract = Expect<SameNames<ChannelName, Channel>>;
export { CHANNELS, ipcChannel };

export type Args<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<Contract[C]['args']>;
export type Result<C extends Channel> = Contract[C]['result'];

/** What the renderer sees as `window.loyalty`: one function per call, each resolving to a CallResult. */
export type LoyaltyApi = {
  [C in Channel]: Args<C> extends void
    ? () => Promise<CallResult<Result<C>>>
    : (args: Args<C>) => Promise<CallResult<Result<C>>>;
};
