// The one contract between the renderer and the core: every call's name, arguments and
// result. The preload exposes exactly these calls, the handlers implement exactly these
// (checked with `satisfies`), and the web bridge serves the same over HTTP.
import { z } from 'zod';
import { programConfigSchema, type ProgramConfig } from '../core/program/program-config';
import type { ImportJobStatus, ImportReport, MappingField, PreviewRow } from '../core/import/import-report';
import type {
  AdjustmentResult,
  Explanation,
  LedgerVerification,
  ParticipantLedger,
  PeriodResult,
  PeriodSummary,
  WhatIfResult,
} from '../core/scoring/scoring-views';
import { VERIFICATION_ACTIONS, type BudgetView, type ExportResult, type PayoutBatchView, type PayoutProposal, type PayoutView, type VerificationQueue } from '../core/verification/verification-views';
import type { PayoutTemplate } from '../core/payouts/files/payout-template';
import { asFindingKey, type FindingKey } from '../core/verification/finding-key';
import { CHANNELS, ipcChannel, type ChannelName } from './channels';

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
} from '../core/import/import-report';
export type { ProgramConfig, ProgramConfigInput, Rules } from '../core/program/program-config';
import type { ValidationProblem } from '../core/program/config-problems';
export type { ValidationProblem, ValidationProblemCode, ValidationProblemParams } from '../core/program/config-problems';
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
  AdjustmentResult,
  LedgerVerification,
  LedgerProblem,
  LedgerEntryView,
  ParticipantLedger,
} from '../core/scoring/scoring-views';
export type {
  FindingKey,
  VerificationCode,
  VerificationAction,
  VerificationItem,
  VerificationQueue,
  EvidenceLine,
  DecisionView,
  ResolveInput,
  PayoutProposal,
  PayoutProposalRow,
  HeldPayout,
  PayoutView,
  PayoutStatus,
  PayoutBatchView,
  ExportResult,
  BudgetView,
  BudgetPeriodView,
} from '../core/verification/verification-views';
export { VERIFICATION_ACTIONS } from '../core/verification/verification-views';
export type { PayoutTemplate, PayoutTemplateInput, PayoutField } from '../core/payouts/files/payout-template';
export { PAYOUT_FIELDS } from '../core/payouts/files/payout-template';

/** The configured card-issuer template, as the settings screen shows it. */
export interface PayoutTemplateView {
  template: PayoutTemplate;
  builtIn: boolean;
}
export type { PeriodState, LedgerKind } from '../core/ledger/ledger-kinds';

export const LANGUAGES = ['en', 'pl', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NO_PROGRAM'
  | 'PROGRAM_EXISTS'
  | 'INVALID_PROGRAM'
  | 'FILE_EMPTY'
  | 'FILE_UNREADABLE'
  /** A workbook one of whose sheets is cut short or malformed part way: refused whole. */
  | 'FILE_DAMAGED'
  | 'FILE_NOT_SUPPORTED'
  | 'FILE_TOO_LARGE'
  | 'FILE_ALREADY_IMPORTED'
  | 'HEADER_NOT_FOUND'
  | 'SHEET_NOT_FOUND'
  | 'NOT_FOUND'
  /** A sales file whose dates span several months, imported without saying which period it is for. */
  | 'PERIOD_REQUIRED'
  | 'DATABASE_NEWER'
  /** Another window or command held the data file's write lock past the busy timeout. */
  | 'DATABASE_BUSY'
  /** A number of points or an amount past MAX_SAFE_AMOUNT, or a sum that would pass it. */
  | 'AMOUNT_TOO_LARGE'
  | 'CANCELLED'
  | 'PREVIEW_OUT_OF_DATE'
  | 'REPLACEMENT_NOT_ALLOWED'
  | 'IMPORT_NOT_READY'
  /** A change asked of an approved (or later) period, which never changes. */
  | 'PERIOD_LOCKED'
  /** Approving a period while an earlier one with sales is still open. */
  | 'EARLIER_PERIOD_OPEN'
  | 'OVER_BUDGET'
  /** Approving while findings of the verification queue are open. */
  | 'ANOMALIES_OPEN'
  /** Exporting or confirming when there is nothing to (no approved top-ups left). */
  | 'NOTHING_TO_EXPORT'
  | 'PERIOD_NOT_APPROVED'
  /** Top-ups a preview relied on were voided, exported or confirmed before its commit; nothing was written. */
  | 'PAYOUTS_MOVED'
  /** A move of a top-up its state forbids (such as paying a voided one). */
  | 'PAYOUT_STATE_CONFLICT'
  /** A file cannot be written where asked (no folder, no permission, disk full); nothing was recorded. */
  | 'FILE_NOT_WRITABLE'
  /** The payout batch was recorded, but its file could not be moved into place; it is left beside it. */
  | 'FILE_NOT_MOVED'
  | 'REASON_REQUIRED'
  | 'INVALID_RULES'
  | 'INTERNAL';

/** A plain value of an error's context: what JSON carries. */
export type ErrorFact = string | number | boolean | null | undefined | readonly ErrorFact[] | { readonly [key: string]: ErrorFact };
/**
 * The context a refusal names (participant, period, row, the numbers compared): plain values, by
 * name. `problems` is kept for validation problems, so that a reader finds them by that name alone.
 */
export type ErrorFacts = { readonly [key: string]: ErrorFact; readonly problems?: never };

/** Why a call never reached the core (set by the renderer's transport, with INTERNAL). */
export type TransportProblem = 'offline' | 'accessDenied' | 'tooLarge';

/**
 * What each error code carries besides its sentence. A code that names no further context
 * has `never`. The renderer reads these with their types; an AppError is built only with the
 * details its code has here.
 */
export interface ErrorDetails {
  INVALID_INPUT:
    | { problems: ValidationProblem[] }
    | { httpStatus: number }
    | { period: string }
    | { field: string }
    | ErrorFacts;
  NO_PROGRAM: never;
  PROGRAM_EXISTS: never;
  INVALID_PROGRAM: { problems: ValidationProblem[] };
  FILE_EMPTY: { headerRow: number; sheet: string | null | undefined } | ErrorFacts;
  FILE_UNREADABLE: { why: string } | ErrorFacts;
  FILE_DAMAGED: ErrorFacts;
  FILE_NOT_SUPPORTED: ErrorFacts;
  FILE_TOO_LARGE: ErrorFacts;
  FILE_ALREADY_IMPORTED: { batchId: number; fileName: string; createdAt: string };
  HEADER_NOT_FOUND:
    | {
        /** Each required field with the headers that name it. */
        required: Record<string, readonly string[]>;
        /** The row nearest to a header row, and which fields it named. */
        closest: { sheet: string | null; row: number; matched: string[]; missing: string[] } | null;
        headers: string[];
        fields: MappingField[];
        rows: PreviewRow[];
        headerRow?: undefined;
      }
    /** A targets file with a code column but neither the long nor the wide form. */
    | { headerRow: number; headers: string[]; required?: undefined; closest?: undefined; fields?: undefined; rows?: undefined };
  SHEET_NOT_FOUND: ErrorFacts;
  NOT_FOUND: { batchId: number } | { code: string } | { jobId: string };
  PERIOD_REQUIRED: { months: Record<string, number> };
  DATABASE_NEWER: never;
  DATABASE_BUSY: { file: string };
  AMOUNT_TOO_LARGE: ErrorFacts & { limit?: number };
  CANCELLED: ErrorFacts;
  PREVIEW_OUT_OF_DATE: { kind: string; batchId: number; fileName: string };
  REPLACEMENT_NOT_ALLOWED: ErrorFacts & { batchId: number };
  IMPORT_NOT_READY: { state: string };
  PERIOD_LOCKED: ErrorFacts;
  EARLIER_PERIOD_OPEN: { periods: string[] };
  OVER_BUDGET: { payoutMinor: number; budgetMinor: number | null };
  ANOMALIES_OPEN: { open: number; codes: string[] };
  NOTHING_TO_EXPORT: ErrorFacts;
  PERIOD_NOT_APPROVED: ErrorFacts;
  PAYOUTS_MOVED: ErrorFacts;
  PAYOUT_STATE_CONFLICT: ErrorFacts;
  FILE_NOT_WRITABLE: ErrorFacts;
  FILE_NOT_MOVED: ErrorFacts;
  REASON_REQUIRED: never;
  INVALID_RULES: { problems: ValidationProblem[] };
  INTERNAL: { transport: TransportProblem };
}

// Fails to compile when a code has no entry in ErrorDetails.
export type ErrorDetailsCoverEveryCode = Expect<[Exclude<ErrorCode, keyof ErrorDetails>] extends [never] ? true : false>;

/** An error as data: its code, one sentence, and the details of that code. */
export type AppErrorData = {
  [C in ErrorCode]: {
    code: C;
    /** One sentence for the operator, in English; the UI translates by code where it can. */
    message: string;
    details?: ErrorDetails[C];
  };
}[ErrorCode];

/** The error data of one code. */
export type AppErrorOf<C extends ErrorCode> = Extract<AppErrorData, { code: C }>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export interface ProgramView {
  id: number;
  name: string;
  client: string;
  currency: { code: string; minorDigits: number };
  locale: string;
  pointValueMinor: number;
  firstPeriod: string;
  rulesVersion: number;
  rules: ProgramConfig['rules'];
  createdAt: string;
}

export interface AppInfo {
  version: string;
  dataFile: string;
  runtime: 'electron' | 'web';
}

export interface ParticipantRow {
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  region: string | null;
  joinDate: string | null;
  cardRef: string | null;
  iban: string | null;
  status: 'active' | 'inactive';
}

export interface ParticipantHistoryEntry {
  at: string;
  batchId: number;
  fileName: string;
  row: number | null;
  field: string;
  from: string | null;
  to: string | null;
}

export interface ParticipantDetail extends ParticipantRow {
  createdAt: string;
  updatedAt: string;
  source: { batchId: number; fileName: string; row: number | null } | null;
  history: ParticipantHistoryEntry[];
}

export const PARTICIPANT_SORT_FIELDS = ['code', 'name', 'region', 'joinDate', 'status', 'cardRef'] as const;

export const participantsQuerySchema = z.strictObject({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
  sort: z.enum(PARTICIPANT_SORT_FIELDS).default('code'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  /** Matches code, name, email, region or card, case-insensitively. */
  search: z.string().max(200).default(''),
  status: z.enum(['all', 'active', 'inactive']).default('all'),
});
export type ParticipantsQuery = z.input<typeof participantsQuerySchema>;

export interface ParticipantsPage {
  total: number;
  offset: number;
  rows: ParticipantRow[];
}

export interface ImportBatchView {
  id: number;
  kind: string;
  fileName: string;
  fileSize: number;
  sha256: string;
  sheet: string | null;
  rowsRead: number;
  accepted: number;
  rejected: number;
  skipped: number;
  createdAt: string;
  createdBy: string;
  /** Sales: the period of the batch's lines. */
  period: string | null;
  /** The later batch that superseded this one (a corrected sales file), or null. */
  supersededBy: number | null;
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
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' }).optional(),
  /** Sales: the earlier batch this corrected file supersedes. */
  replaceBatchId: z.number().int().positive().optional(),
});
export type ImportStartArgs = z.input<typeof importStartSchema>;

const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month YYYY-MM' });
const participantCodeSchema = z.string().trim().min(1).max(100);
const reasonSchema = z.string().max(2000);

const findingKeySchema = z.custom<FindingKey>((value) => asFindingKey(value) !== null, { error: 'must be a finding key of the verification queue' });

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
  'demo.create': { args: z.void(), result: returns<{ program: ProgramView; participants: ImportReport; imports: ImportReport[] }>() },
  'dashboard.get': { args: z.void(), result: returns<DashboardView>() },
  'import.participants': { args: fileSchema, result: returns<ImportReport>() },
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
  'participants.list': { args: participantsQuerySchema, result: returns<ParticipantsPage>() },
  'participants.get': { args: z.strictObject({ code: z.string().min(1).max(100) }), result: returns<ParticipantDetail>() },
  'periods.list': { args: z.void(), result: returns<PeriodSummary[]>() },
  /** Scores a period: the draft of an open period (noted as calculated), or what was posted for a locked one. */
  'score.period': { args: z.strictObject({ period: periodSchema }), result: returns<PeriodResult>() },
  'score.explain': { args: z.strictObject({ period: periodSchema, participantCode: participantCodeSchema }), result: returns<Explanation>() },
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
    args: z.strictObject({ period: periodSchema, participantCode: participantCodeSchema, points: z.number().int(), reason: reasonSchema }),
    result: returns<AdjustmentResult>(),
  },
  'ledger.participant': { args: z.strictObject({ participantCode: participantCodeSchema }), result: returns<ParticipantLedger>() },
  /** The period under the current rules and under the rules being edited, nothing saved. */
  'rules.whatIf': { args: z.strictObject({ period: periodSchema, rules: z.unknown() }), result: returns<WhatIfResult>() },
  /** Saves the rules as a new version with a note. */
  'rules.update': { args: z.strictObject({ rules: z.unknown(), note: reasonSchema }), result: returns<ProgramView>() },
  'audit.verify': { args: z.void(), result: returns<LedgerVerification>() },
  /** The head of the seal chain now: the anchor to note outside the file (`audit verify --anchor`). */
  'audit.head': { args: z.void(), result: returns<{ id: number; hash: string }>() },
  /** The verification queue of a period: findings with evidence, status and decisions. */
  'verify.queue': { args: z.strictObject({ period: periodSchema }), result: returns<VerificationQueue>() },
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
  /** The top-ups an approval would make (or made, once locked), fitted to the budget or narrowed to a selection on request. */
  'payouts.proposal': {
    args: z.strictObject({ period: periodSchema, fitBudget: z.boolean().optional(), only: z.array(participantCodeSchema).max(100_000).optional() }),
    result: returns<PayoutProposal>(),
  },
  'payouts.list': { args: z.strictObject({ period: periodSchema.optional() }), result: returns<PayoutView[]>() },
  'payouts.batches': { args: z.strictObject({ period: periodSchema.optional() }), result: returns<PayoutBatchView[]>() },
  /** Writes the payout file of an approved period; asking again returns the same file, never a second payment. */
  'payouts.export': { args: z.strictObject({ period: periodSchema, format: z.enum(['xlsx', 'csv', 'sepa']) }), result: returns<ExportResult>() },
  /** A recorded batch's file in the format asked: its own, or the same batch in the other card format (xlsx <-> csv); never a new payment. */
  'payouts.exportBatch': { args: z.strictObject({ batchRef: z.string().min(1).max(60), format: z.enum(['xlsx', 'csv', 'sepa']) }), result: returns<ExportResult>() },
  'payouts.void': { args: z.strictObject({ batchRef: z.string().min(1).max(60), reason: reasonSchema }), result: returns<PayoutBatchView>() },
  'budget.view': { args: z.void(), result: returns<BudgetView>() },
  /** The card issuer's template for xlsx and csv payout files, and whether it is the built-in one. */
  'payouts.template': { args: z.void(), result: returns<PayoutTemplateView>() },
  /** Saves a template (refused with one sentence per wrong field), or null for the built-in one. */
  'payouts.setTemplate': { args: z.strictObject({ template: z.unknown() }), result: returns<PayoutTemplateView>() },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;

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
  [C in Channel]: Args<C> extends void ? () => Promise<CallResult<Result<C>>> : (args: Args<C>) => Promise<CallResult<Result<C>>>;
};
