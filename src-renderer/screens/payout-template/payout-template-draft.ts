// The card issuer's template as the editor holds it: the template itself, with a stable key
// per column so that React keeps focus and state on a row while it moves. Problems are read
// with the core's own parser (pure zod), so that what is shown beside a field as the
// coordinator types is exactly what saving would refuse.
import { minorToDecimalString } from '../../../src-main/core/money/minor-units';
import {
  formatTemplateDate,
  parsePayoutTemplate,
  type PayoutField,
  type PayoutTemplate,
} from '../../../src-main/core/payouts/files/payout-template';
import type { ValidationProblem } from '../../../src-main/ipc/contract';
import { describePath } from '../../../src-main/core/program/config-problems';
import { problemMessage } from '../../forms/validation-problem-text';
import type { MessageKey } from '../../i18n/i18n';

let nextKey = 1;

export interface ColumnDraft {
  key: string;
  field: PayoutField;
  header: string;
}

export type TemplateDraft = Omit<PayoutTemplate, 'columns'> & { columns: ColumnDraft[] };

export function newColumn(field: PayoutField, header: string): ColumnDraft {
  return { key: `c${nextKey++}`, field, header };
}

export function draftFromTemplate(template: PayoutTemplate): TemplateDraft {
  return { ...template, columns: template.columns.map((c) => newColumn(c.field, c.header)) };
}

/** The template as the core reads it: the draft without the editor's row keys. */
export function templateOfDraft(draft: TemplateDraft): unknown {
  return { ...draft, columns: draft.columns.map(({ field, header }) => ({ field, header })) };
}

/** Moves the column at `from` one place up (-1) or down (+1); the list as it was at the ends. */
export function moveColumn(columns: readonly ColumnDraft[], from: number, step: -1 | 1): ColumnDraft[] {
  const to = from + step;
  if (to < 0 || to >= columns.length) return [...columns];
  const out = [...columns];
  const [moved] = out.splice(from, 1);
  if (moved) out.splice(to, 0, moved);
  return out;
}

export interface FieldProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Problems by the path the core names ("columns[1].header", "columns", "decimalSeparator"). */
export type TemplateProblems = Record<string, FieldProblem>;

/** The core's problems with a template by field ("columns[1].header"), each worded by its code. */
export function problemsFromCore(problems: readonly ValidationProblem[]): TemplateProblems {
  const out: TemplateProblems = {};
  for (const problem of problems) {
    const key = problem.path.length === 0 ? '(template)' : describePath(problem.path);
    // Two problems of the column list (no reference, no amount): keep the first, it is fixed first.
    if (!out[key]) out[key] = problemMessage(problem);
  }
  return out;
}

/** The draft's problems now, as saving would find them. */
export function draftProblems(draft: TemplateDraft): TemplateProblems {
  const parsed = parsePayoutTemplate(templateOfDraft(draft));
  return parsed.ok ? {} : problemsFromCore(parsed.issues);
}

/** Same template, whatever the row keys and the spaces the core would trim. */
export function sameTemplate(draft: TemplateDraft, template: PayoutTemplate): boolean {
  const parsed = parsePayoutTemplate(templateOfDraft(draft));
  return parsed.ok && JSON.stringify(parsed.value) === JSON.stringify(template);
}

/** One made-up top-up for the preview: what each field would hold. */
export interface SampleTopUp {
  period: string;
  currencyCode: string;
  minorDigits: number;
  today: string;
}

const SAMPLE_POINTS = 12_345;

/** 1234.50 in the currency's minor units, whatever its number of decimals. */
function sampleAmountMinor(minorDigits: number): number {
  return minorDigits >= 2 ? 123_450 * 10 ** (minorDigits - 2) : Math.trunc(123_450 / 10 ** (2 - minorDigits));
}

function sampleValue(
  field: PayoutField,
  sample: SampleTopUp,
  template: Pick<PayoutTemplate, 'decimalSeparator' | 'dateFormat'>,
): string {
  switch (field) {
    case 'reference':
      return `LD-${sample.period}-000001`;
    case 'participantCode':
      return 'R0001';
    case 'participantName':
      return 'Barbara Nowicka';
    case 'cardRef':
      return 'CARD-000123';
    case 'iban':
      return 'PL61109010140000071219812874';
    case 'amount':
      return minorToDecimalString(sampleAmountMinor(sample.minorDigits), sample.minorDigits).replace(
        '.',
        template.decimalSeparator,
      );
    case 'amountMinor':
      return String(sampleAmountMinor(sample.minorDigits));
    case 'points':
      return String(SAMPLE_POINTS);
    case 'period':
      return sample.period;
    case 'currency':
      return sample.currencyCode;
    case 'batchId':
      return `PB-${sample.period}-1`;
    case 'createdDate':
      return formatTemplateDate(sample.today, template.dateFormat);
  }
}

/** A cell as the csv writer writes it: quoted when it holds the separator, a quote or a line break. */
function csvCell(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const SUMMED: ReadonlySet<PayoutField> = new Set(['amount', 'amountMinor', 'points']);

/**
 * The csv's lines for the preview, each as its cells (already quoted): header, one top-up, and the totals row when
 * there is one.
 */
export function previewLines(draft: TemplateDraft, sample: SampleTopUp): string[][] {
  const sep = draft.csvSeparator;
  const lines = [
    draft.columns.map((c) => csvCell(c.header.trim(), sep)),
    draft.columns.map((c) => csvCell(sampleValue(c.field, sample, draft), sep)),
  ];
  if (draft.includeTotalsRow) {
    const labelAt = draft.columns.findIndex((c) => !SUMMED.has(c.field));
    lines.push(
      draft.columns.map((c, i) =>
        SUMMED.has(c.field)
          ? csvCell(sampleValue(c.field, sample, draft), sep)
          : i === labelAt
            ? csvCell(draft.totalsLabel.trim(), sep)
            : '',
      ),
    );
  }
  return lines;
}
