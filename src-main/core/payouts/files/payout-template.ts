// The card issuer's template for xlsx and csv payout files, as data the coordinator can edit:
// which columns, under which headers, in which order, and how numbers, dates and text are
// written. Pure (zod only), so the renderer can validate a template as the coordinator types.
import { z } from 'zod';
import { CONFIG_FORMATS, validationProblems, type RefinementParams } from '../../program/config-problems';
import type { ConfigParseResult } from '../../program/program-config';

const refinement = (params: RefinementParams) => params;

export const PAYOUT_FIELDS = [
  'reference',
  'participantCode',
  'participantName',
  'cardRef',
  'iban',
  /** Decimal amount, e.g. 123,45 */
  'amount',
  /** Whole minor units, e.g. 12345 */
  'amountMinor',
  'points',
  'period',
  'currency',
  'batchId',
  /** The date of the batch's createdAt, in the template's date format. */
  'createdDate',
] as const;
export type PayoutField = (typeof PAYOUT_FIELDS)[number];

const columnSchema = z.strictObject({
  field: z.enum(PAYOUT_FIELDS, { error: `must be one of ${PAYOUT_FIELDS.join(', ')}` }),
  header: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(100, { error: 'must be at most 100 characters' }),
});

// Excel's own rules for a sheet name: 1-31 characters, none of : \ / ? * [ ].
const sheetName = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(31, { error: 'must be at most 31 characters (an Excel limit)' })
  .regex(CONFIG_FORMATS.invalid_sheet_name, { error: 'must not contain : \\ / ? * [ or ]' });

const payoutTemplateSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'must not be empty' }).max(80, { error: 'must be at most 80 characters' }),
    columns: z
      .array(columnSchema)
      .min(1, { error: 'must list at least one column' })
      .max(40, { error: 'must list at most 40 columns' }),
    decimalSeparator: z.enum(['.', ','], { error: 'must be "." or ","' }),
    csvSeparator: z.enum([';', ',', '\t'], { error: 'must be ";", "," or a tab' }),
    encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1250', 'windows-1251'], {
      error: 'must be utf-8, utf-8-bom, windows-1250 or windows-1251',
    }),
    dateFormat: z.enum(['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY'], {
      error: 'must be YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY',
    }),
    includeTotalsRow: z.boolean(),
    /** The first cell of the totals row, when there is one. */
    totalsLabel: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(40, { error: 'must be at most 40 characters' })
      .default('Total'),
    /** The xlsx sheet that holds the top-ups. */
    sheetName: sheetName.default('Payouts'),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.columns.forEach((c, i) => {
      if (seen.has(c.field))
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'field'],
          message: `repeats the column ${c.field}`,
          params: refinement({ problem: 'repeated_column', field: c.field }),
        });
      seen.add(c.field);
    });
    // The reference is how the issuer's confirmation finds the top-up again; a file without it
    // could be paid but never matched, and a second payment never refused.
    if (!seen.has('reference'))
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: 'must include the reference column: confirmations are matched by it',
        params: refinement({ problem: 'missing_reference_column' }),
      });
    if (!seen.has('amount') && !seen.has('amountMinor'))
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: 'must include an amount or amountMinor column',
        params: refinement({ problem: 'missing_amount_column' }),
      });
    // "123,45" in a comma-separated file would need quotes that many issuer importers do not read.
    if (t.decimalSeparator === ',' && t.csvSeparator === ',') {
      ctx.addIssue({
        code: 'custom',
        path: ['decimalSeparator'],
        message: 'must differ from csvSeparator: both are ","',
        params: refinement({ problem: 'same_separator' }),
      });
    }
  });

export type PayoutTemplate = z.infer<typeof payoutTemplateSchema>;
export type PayoutTemplateInput = z.input<typeof payoutTemplateSchema>;

/**
 * The layout used when the coordinator has not set the issuer's own. It is what a Polish card
 * issuer's back office (and Excel on a Polish Windows) expects of a CSV:
 * - ';' between fields and ',' before the grosze, because pl-PL uses ',' as the decimal
 *   separator and Excel therefore uses ';' as the list separator;
 * - UTF-8 with a BOM: Excel reads the BOM and shows Polish letters correctly, and unlike
 *   windows-1250 it can also carry a Ukrainian or Russian participant's Cyrillic name;
 * - dates YYYY-MM-DD, which is both ISO 8601 and the pl-PL short date format of Windows;
 * - no totals row: an importer would read it as one more top-up. The control sum travels with
 *   the batch (and on the xlsx's Batch sheet) instead.
 * The reference comes first: it is the key the issuer's confirmation is matched by.
 */
export const BUILT_IN_TEMPLATE: PayoutTemplate = Object.freeze({
  name: 'Built-in card top-up layout',
  columns: [
    { field: 'reference', header: 'Reference' },
    { field: 'cardRef', header: 'Card' },
    { field: 'participantName', header: 'Name' },
    { field: 'participantCode', header: 'Participant code' },
    { field: 'amount', header: 'Amount' },
    { field: 'currency', header: 'Currency' },
    { field: 'period', header: 'Period' },
  ],
  decimalSeparator: ',',
  csvSeparator: ';',
  encoding: 'utf-8-bom',
  dateFormat: 'YYYY-MM-DD',
  includeTotalsRow: false,
  totalsLabel: 'Total',
  sheetName: 'Payouts',
}) as PayoutTemplate;

export function parsePayoutTemplate(input: unknown): ConfigParseResult<PayoutTemplate> {
  const result = payoutTemplateSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = validationProblems(result.error);
  return { ok: false, problems: issues.map((p) => p.message), issues };
}

/** "2026-11-01" in the template's date format. */
export function formatTemplateDate(isoDate: string, format: PayoutTemplate['dateFormat']): string {
  const [y, m, d] = isoDate.split('-');
  if (format === 'DD.MM.YYYY') return `${d}.${m}.${y}`;
  if (format === 'DD/MM/YYYY') return `${d}/${m}/${y}`;
  return isoDate;
}
