// The renderer's texts in English, Polish and Russian: the same keys in each, every key the code writes out
// present, and no key that nothing can show. A key is shown either where the code writes it out ('nav.import') or
// where the code builds it from a code of the core (`error.${code}`); such a key counts as shown when what follows
// its prefix is a member of the list or union that feeds it, listed below next to the screen that builds it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_MISMATCH_KINDS,
  IMPORT_KINDS,
  PAYOUT_FIELDS,
  VALIDATION_PROBLEM_CODES,
  VERIFICATION_ACTIONS,
  OPERATOR_ACTIONS,
  OPERATOR_AREAS,
  type AnomalyCode,
  type AuditProblemCode,
  type ErrorCode,
  type HeldReason,
  type LineRule,
  type PayoutStatus,
  type PayoutTemplate,
  type PayoutView,
  type ProblemCode,
  type VerificationItem,
} from '../../src-main/ipc/contract';
import { VERIFICATION_CODES } from '../../src-main/core/verification/verification-views';
import { LEDGER_KINDS, PERIOD_STATES } from '../../src-main/db/ledger-kinds';
import type { ProgressPhase } from '../../src-main/core/task-progress';
import { repoRoot } from '../fixtures/repo-paths';
import { BACKUP_REASONS } from '../../src-main/core/backup/backup-types';
import type { ErrorDetails } from '../../src-main/core/error-catalogue';

// Loaded by path: the renderer's files belong to the web project, which this (node) project does not compile.
async function dictionary(language: string): Promise<Record<string, unknown>> {
  const module = (await import(join(repoRoot, 'src-renderer', 'i18n', `messages-${language}.ts`))) as Record<
    string,
    Record<string, unknown>
  >;
  return module[language]!;
}
const DICTIONARIES: Record<string, Record<string, unknown>> = {
  en: await dictionary('en'),
  pl: await dictionary('pl'),
  ru: await dictionary('ru'),
};
const en = DICTIONARIES.en!;

// The members of type-only unions, as objects keyed by them: the type checker fails this file if one is missing
// or one is not a member, so the lists cannot drift from the unions.
const ERROR_CODES: Record<ErrorCode, true> = {
  INVALID_INPUT: true,
  NO_PROGRAM: true,
  PROGRAM_EXISTS: true,
  INVALID_PROGRAM: true,
  FILE_EMPTY: true,
  FILE_UNREADABLE: true,
  FILE_DAMAGED: true,
  FILE_NOT_SUPPORTED: true,
  FILE_TOO_LARGE: true,
  FILE_ALREADY_IMPORTED: true,
  HEADER_NOT_FOUND: true,
  SHEET_NOT_FOUND: true,
  NOT_FOUND: true,
  PERIOD_REQUIRED: true,
  DATABASE_NEWER: true,
  DATABASE_BUSY: true,
  DATABASE_INCONSISTENT: true,
  NOT_LOYALTY_DATABASE: true,
  DATABASE_DAMAGED: true,
  BACKUP_REFUSED: true,
  RESTORE_LOSES_EXPORTS: true,
  BACKUP_FAILED: true,
  AMOUNT_TOO_LARGE: true,
  CANCELLED: true,
  PREVIEW_OUT_OF_DATE: true,
  REPLACEMENT_NOT_ALLOWED: true,
  IMPORT_NOT_READY: true,
  PERIOD_LOCKED: true,
  EARLIER_PERIOD_OPEN: true,
  OVER_BUDGET: true,
  ANOMALIES_OPEN: true,
  NOTHING_TO_EXPORT: true,
  PERIOD_NOT_APPROVED: true,
  PAYOUTS_MOVED: true,
  PAYOUT_STATE_CONFLICT: true,
  FILE_NOT_WRITABLE: true,
  FILE_NOT_MOVED: true,
  AUDIT_PACKAGE_DAMAGED: true,
  REASON_REQUIRED: true,
  PARTICIPANT_CHANGED: true,
  FINDING_NOT_OPEN: true,
  DECISION_NOT_IN_FORCE: true,
  INVALID_RULES: true,
  INTERNAL: true,
};
const IMPORT_PROBLEM_CODES: Record<ProblemCode, true> = {
  MISSING_VALUE: true,
  BAD_DATE: true,
  BAD_NUMBER: true,
  TOO_MANY_DECIMALS: true,
  AMOUNT_TOO_LARGE: true,
  BAD_STATUS: true,
  BAD_IBAN: true,
  BAD_EMAIL: true,
  TOO_LONG: true,
  ERROR_CELL: true,
  UNREADABLE_CELL: true,
  MERGED_CELL: true,
  DUPLICATE_IN_FILE: true,
  TOTALS_ROW: true,
  NOT_DATA: true,
  AMBIGUOUS_NUMBER: true,
  BAD_PERIOD: true,
  BAD_FLAG: true,
  OUTSIDE_PERIOD: true,
  DUPLICATE_LINE: true,
  UNKNOWN_PARTICIPANT: true,
  UNKNOWN_SKU: true,
  BAD_CONFIRMATION_STATUS: true,
  CONFIRMATION_MISMATCH: true,
};
const PROGRESS_PHASES: Record<ProgressPhase, true> = {
  checking: true,
  scoring: true,
  posting: true,
  recording: true,
  writingFile: true,
  verifying: true,
  publishing: true,
  drawing: true,
  packaging: true,
  rebuilding: true,
  recomputing: true,
};
const ANOMALY_CODES: Record<AnomalyCode, true> = { UNKNOWN_PARTICIPANT: true, UNKNOWN_SKU: true, MISSING_TARGET: true };
const LINE_RULES: Record<LineRule, true> = { baseRate: true, productRate: true, notPromoted: true, unknownSku: true };
const HELD_REASONS: Record<HeldReason, true> = { noDestination: true, inactive: true };
const PAYOUT_STATUSES: Record<PayoutStatus, true> = {
  approved: true,
  exported: true,
  paid: true,
  failed: true,
  voided: true,
};
const FINDING_STATUSES: Record<VerificationItem['status'], true> = { open: true, resolved: true };
const PAYOUT_METHODS: Record<PayoutView['method'], true> = { card: true, transfer: true };
const CSV_ENCODINGS: Record<PayoutTemplate['encoding'], true> = {
  'utf-8': true,
  'utf-8-bom': true,
  'windows-1250': true,
  'windows-1251': true,
};
const AUDIT_PROBLEM_CODES: Record<AuditProblemCode, true> = {
  FILE_MISSING: true,
  FILE_UNLISTED: true,
  FILE_CHANGED: true,
  ORIGINAL_FILE_CHANGED: true,
  TABLE_UNREADABLE: true,
  HEAD_MISMATCH: true,
  RECOMPUTE_DIFFERENCE: true,
  RECOMPUTE_FAILED: true,
  CONTENT_CHANGED: true,
  CHAIN_BROKEN: true,
  ENTRY_MISSING: true,
  ANCHOR_MISSING: true,
  GUARD_MISSING: true,
  NOT_WHOLE_POINTS: true,
  ROW_CHANGED: true,
  ROW_REMOVED: true,
  ROW_UNSEALED: true,
  SEAL_MISMATCH: true,
  SEAL_CHAIN_BROKEN: true,
  SEALS_MISSING: true,
  BASELINE_LATE: true,
  PAYOUT_AMOUNT: true,
  PAYOUT_REDEMPTION: true,
  ANCHOR_NOT_FOUND: true,
};
const BACKUP_REFUSALS: ErrorDetails['BACKUP_REFUSED']['why'][] = [
  'INTEGRITY',
  'NEWER',
  'NOT_LOYALTY_DATABASE',
  'CHAIN_BROKEN',
  'GUARD_MISSING',
];
const members = <T extends string>(union: Record<T, true>) => Object.keys(union) as T[];

/**
 * The fields of each kind of import (the field tables of core/import/kinds, sales and payouts/import-confirmations),
 * which fieldLabel names as `field.<kind>.<field>` or `field.<field>`.
 */
const IMPORT_FIELDS: Record<(typeof IMPORT_KINDS)[number], readonly string[]> = {
  participants: ['code', 'name', 'email', 'phone', 'region', 'joinDate', 'cardRef', 'iban', 'status'],
  products: ['sku', 'name', 'group', 'promoted', 'pointsPerUnit'],
  targets: ['participantCode', 'period', 'target'],
  sales: [
    'date',
    'participantCode',
    'sku',
    'quantity',
    'netValue',
    'documentNo',
    'lineNo',
    'participantName',
    'productName',
  ],
  confirmations: ['reference', 'cardRef', 'iban', 'amount', 'status', 'reason'],
};

/** Every key the renderer builds from a code, by the file that builds it. */
function builtKeys(): Set<string> {
  const formats = ['xlsx', 'csv', 'sepa'];
  const keys = [
    // api/describe-error.ts
    ...members(ERROR_CODES).map((code) => `error.${code}`),
    // components/PeriodStateBadge.tsx, scoring/PeriodSelect.tsx, explain/ExplanationView.tsx
    ...PERIOD_STATES.map((state) => `periodState.${state}`),
    // audit/AuditPackageCard.tsx: what a verification found
    ...members(AUDIT_PROBLEM_CODES).map((code) => `audit.problem.${code}`),
    // audit/OperatorLogCard.tsx: the log's actions and their areas
    ...OPERATOR_ACTIONS.map((action) => `audit.action.${action}`),
    ...OPERATOR_AREAS.map((area) => `audit.area.${area}`),
    // components/TaskProgress: the phase a long call reports.
    ...members(PROGRESS_PHASES).map((phase) => `task.phase.${phase}`),
    // explain/ledger-kind-label.ts
    ...LEDGER_KINDS.map((kind) => `ledgerKind.${kind}`),
    // explain/ExplainLines.tsx
    ...members(LINE_RULES).map((rule) => `rule.${rule}`),
    // scoring/HeldBadge.tsx, explain/ExplanationView.tsx
    ...members(HELD_REASONS).flatMap((reason) => [`held.${reason}`, `held.${reason}.long`]),
    // scoring/AnomaliesCard.tsx
    ...members(ANOMALY_CODES).flatMap((code) => [`anomaly.${code}.label`, `anomaly.${code}.text`]),
    // verification/finding-text.ts (the volume outlier by the test that raised it), verification/FindingCard.tsx
    ...VERIFICATION_CODES.flatMap((code) => [`finding.${code}.label`, `finding.${code}.text`]),
    ...['own', 'fence', 'both'].map((test) => `finding.VOLUME_OUTLIER.${test}`),
    ...members(FINDING_STATUSES).map((status) => `finding.status.${status}`),
    // verification/VerificationScreen.tsx: the status filter
    ...['open', 'resolved', 'all'].map((filter) => `verify.filter.${filter}`),
    // verification/ResolveForm.tsx
    ...VERIFICATION_ACTIONS.flatMap((action) => [`resolve.action.${action}`, `resolve.action.${action}.hint`]),
    // payouts/PayoutStatusBadge.tsx, PayoutMethod.tsx, ExportCard.tsx, BatchesCard.tsx
    ...members(PAYOUT_STATUSES).map((status) => `payoutStatus.${status}`),
    ...members(PAYOUT_METHODS).flatMap((method) => [
      `payouts.method.${method}`,
      `payouts.export.none.${method}`,
      `payouts.export.waiting.${method}`,
    ]),
    ...formats.flatMap((format) => [`payouts.export.${format}`, `batches.format.${format}`]),
    ...['xlsx', 'csv'].flatMap((format) => [`batches.downloadAs.${format}`, `batches.downloadAs.${format}.label`]),
    // payout-template/PayoutTemplateCard.tsx: fields, encodings, separators by name
    ...PAYOUT_FIELDS.map((field) => `payoutField.${field}`),
    ...members(CSV_ENCODINGS).map((encoding) => `payoutTemplate.encoding.${encoding}`),
    ...['semicolon', 'comma', 'tab', 'dot'].map((separator) => `payoutTemplate.sep.${separator}`),
    // import/import-texts.ts: kinds, fields, problems (the kind's own wording first, then `.full`, then plain)
    ...IMPORT_KINDS.map((kind) => `kind.${kind}`),
    ...IMPORT_KINDS.flatMap((kind) => IMPORT_FIELDS[kind].flatMap((f) => [`field.${f}`, `field.${kind}.${f}`])),
    ...members(IMPORT_PROBLEM_CODES).flatMap((code) => [
      `problem.${code}`,
      `problem.${code}.full`,
      ...IMPORT_KINDS.map((kind) => `problem.${kind}.${code}`),
    ]),
    // import/import-texts.ts: a confirmation's mismatch in the words of its kind
    ...CONFIRMATION_MISMATCH_KINDS.map((kind) => `problem.CONFIRMATION_MISMATCH.${kind}`),
    // forms/validation-problem-text.ts
    ...VALIDATION_PROBLEM_CODES.map((code) => `problem.${code}`),
    // settings/DataCard.tsx, settings/StartCheckNotice.tsx: why a backup was taken; settings/RestoreBackupDialog.tsx:
    // why one was refused
    ...BACKUP_REASONS.map((reason) => `backups.reason.${reason}`),
    ...BACKUP_REFUSALS.map((why) => `backupRefused.${why}`),
  ];
  return new Set(keys);
}

function rendererSources(dir = join(repoRoot, 'src-renderer')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return rendererSources(path);
    const code = /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name);
    return code && !/^messages-\w+\.ts$/.test(entry.name) ? [path] : [];
  });
}

const SOURCES = rendererSources().map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const ALL_CODE = SOURCES.map(({ text }) => text).join('\n');

/** Whether the renderer's code writes the key whole between quotes (or backticks, as a template without `${}`). */
function writtenOut(key: string): boolean {
  return ["'", '"', '`'].some((quote) => ALL_CODE.includes(`${quote}${key}${quote}`));
}

const placeholders = (message: unknown) =>
  [...new Set([...JSON.stringify(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('message keys', () => {
  it('every key is in English, Polish and Russian, with the same placeholders', () => {
    const english = Object.keys(en).sort();
    for (const [language, dictionary] of Object.entries(DICTIONARIES)) {
      expect(Object.keys(dictionary).sort(), language).toEqual(english);
      for (const key of english)
        expect(placeholders(dictionary[key]), `${language} ${key}`).toEqual(placeholders(en[key]));
    }
  });

  it('every key the renderer writes in t(...) exists in English', () => {
    const missing: string[] = [];
    let found = 0;
    for (const { file, text } of SOURCES)
      for (const match of text.matchAll(/\b(?:t|tIfComplete|hasKey)\(\s*'([^']+)'/g)) {
        found++;
        if (!(match[1]! in en)) missing.push(`${file.slice(repoRoot.length + 1)}: ${match[1]}`);
      }
    expect(found).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });

  it('every key is shown somewhere: written out in the renderer, or built from a member of its code list', () => {
    const built = builtKeys();
    expect(Object.keys(en).filter((key) => !writtenOut(key) && !built.has(key))).toEqual([]);
  });

  it('the code lists above feed real keys: each family of built keys has its texts', () => {
    // A guard on the lists themselves: a family whose keys were all renamed would otherwise pass unnoticed.
    const built = builtKeys();
    for (const prefix of ['error.', 'periodState.', 'ledgerKind.', 'finding.', 'payoutField.', 'problem.', 'field.'])
      expect(
        [...built].some((key) => key.startsWith(prefix) && key in en),
        prefix,
      ).toBe(true);
  });
});
