// The card issuer's CSV: one line per top-up in the template's columns, separators, decimal
// separator, date format and encoding. Lines end in CRLF (RFC 4180, and what Windows issuers
// expect). Text cells are neutralised against formulas; fields holding the separator, a quote
// or a line break are quoted with doubled quotes.
import { AppError } from '../../app-error';
import { minorToDecimalString } from '../../money/minor-units';
import { checkPayoutBatch, describeItem, payoutFileName } from './check-payout-batch';
import { charsetOf, encodeCsvText, unrepresentableCharacters } from './encode-csv-text';
import { neutraliseCsvText } from './neutralise-formula';
import { payoutCellValue, payoutTotalsRow, type PayoutCellValue } from './payout-cell-values';
import type { PayoutFile, PayoutFileBatch } from './payout-file-types';
import { BUILT_IN_TEMPLATE, type PayoutTemplate } from './payout-template';

function csvField(text: string, separator: string): string {
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(value: PayoutCellValue, batch: PayoutFileBatch, template: PayoutTemplate): string {
  switch (value.kind) {
    case 'text':
      return neutraliseCsvText(value.text);
    case 'amount':
      // Formatted from the integer: a "-" here would be ours, so it is not neutralised.
      return minorToDecimalString(value.minor, batch.currency.minorDigits).replace('.', template.decimalSeparator);
    case 'integer':
      return String(value.value);
    case 'date':
      return value.text;
    case 'empty':
      return '';
  }
}

function refuseUnrepresentable(text: string, template: PayoutTemplate, what: string): void {
  const missing = unrepresentableCharacters(text, template.encoding);
  if (missing.length === 0) return;
  throw new AppError(
    'INVALID_INPUT',
    `The ${what} contains ${missing.map((c) => `"${c}"`).join(', ')}, which ${template.encoding} cannot write; choose a template with UTF-8 encoding or correct the text.`,
    { characters: missing, encoding: template.encoding },
  );
}

export function writePayoutCsv(batch: PayoutFileBatch, template: PayoutTemplate = BUILT_IN_TEMPLATE): PayoutFile {
  const { rowCount, controlSumMinor } = checkPayoutBatch(batch);
  const sep = template.csvSeparator;
  const lines: string[] = [];

  const headers = template.columns.map((c) => c.header);
  refuseUnrepresentable(headers.join(''), template, `header of template "${template.name}"`);
  lines.push(headers.map((h) => csvField(neutraliseCsvText(h), sep)).join(sep));

  for (const item of batch.items) {
    const cells = template.columns.map((c) =>
      cellText(payoutCellValue(c.field, item, batch, template), batch, template),
    );
    refuseUnrepresentable(cells.join(''), template, describeItem(item));
    lines.push(cells.map((t) => csvField(t, sep)).join(sep));
  }
  if (template.includeTotalsRow) {
    const cells = payoutTotalsRow(batch, template, controlSumMinor).map((v) => cellText(v, batch, template));
    refuseUnrepresentable(cells.join(''), template, `totals label "${template.totalsLabel}"`);
    lines.push(cells.map((t) => csvField(t, sep)).join(sep));
  }

  return {
    fileName: payoutFileName(batch, 'csv'),
    mediaType: `text/csv; charset=${charsetOf(template.encoding)}`,
    bytes: encodeCsvText(lines.map((l) => `${l}\r\n`).join(''), template.encoding),
    rowCount,
    controlSumMinor,
  };
}
