// What each template column holds for a top-up, typed so that each writer can write it its
// own way: text stays text (and is neutralised or stored as a text cell), amounts stay integer
// minor units until the writer formats them.
import type { PayoutFileBatch, PayoutFileItem } from './payout-file-types';
import { createdDateOf } from './check-payout-batch';
import { formatTemplateDate, type PayoutField, type PayoutTemplate } from './payout-template';

export type PayoutCellValue =
  | { kind: 'text'; text: string }
  /** Money in minor units of the batch's currency. */
  | { kind: 'amount'; minor: number }
  /** A whole number: points, or an amount in minor units. */
  | { kind: 'integer'; value: number }
  /** A date already written in the template's format; not participant text. */
  | { kind: 'date'; text: string }
  | { kind: 'empty' };

export function payoutCellValue(
  field: PayoutField,
  item: PayoutFileItem,
  batch: PayoutFileBatch,
  template: PayoutTemplate,
): PayoutCellValue {
  switch (field) {
    case 'reference':
      return { kind: 'text', text: item.reference };
    case 'participantCode':
      return { kind: 'text', text: item.participantCode };
    case 'participantName':
      return { kind: 'text', text: item.participantName };
    case 'cardRef':
      return item.cardRef ? { kind: 'text', text: item.cardRef } : { kind: 'empty' };
    case 'iban':
      return item.iban ? { kind: 'text', text: item.iban } : { kind: 'empty' };
    case 'amount':
      return { kind: 'amount', minor: item.amountMinor };
    case 'amountMinor':
      return { kind: 'integer', value: item.amountMinor };
    case 'points':
      return { kind: 'integer', value: item.points };
    case 'period':
      return { kind: 'text', text: item.period };
    case 'currency':
      return { kind: 'text', text: batch.currency.code };
    case 'batchId':
      return { kind: 'text', text: batch.batchId };
    case 'createdDate':
      return { kind: 'date', text: formatTemplateDate(createdDateOf(batch), template.dateFormat) };
  }
}

const SUMMED: ReadonlySet<PayoutField> = new Set(['amount', 'amountMinor', 'points']);

/**
 * The totals row: sums under amount, amountMinor and points, the label in the first column
 * that holds no sum (or none, when every column is a sum). Sums are of integers, checked safe
 * by checkPayoutBatch for amounts.
 */
export function payoutTotalsRow(
  batch: PayoutFileBatch,
  template: PayoutTemplate,
  controlSumMinor: number,
): PayoutCellValue[] {
  const pointsTotal = batch.items.reduce((sum, item) => sum + item.points, 0);
  const labelAt = template.columns.findIndex((c) => !SUMMED.has(c.field));
  return template.columns.map((c, i): PayoutCellValue => {
    if (c.field === 'amount') return { kind: 'amount', minor: controlSumMinor };
    if (c.field === 'amountMinor') return { kind: 'integer', value: controlSumMinor };
    if (c.field === 'points') return { kind: 'integer', value: pointsTotal };
    if (i === labelAt) return { kind: 'text', text: template.totalsLabel };
    return { kind: 'empty' };
  });
}
