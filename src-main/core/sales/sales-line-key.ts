// What makes two sales lines the same line (import-formats.md, "Duplicates and corrections"):
// the document number, line, participant and SKU; or, for a file without document numbers,
// every field. Stored with each line (sales_lines.line_key), so that a line imported before
// is recognised in the next file and a corrected file is compared line by line.
import { minorToDecimalString } from '../money/minor-units';

export interface SalesLineValues {
  date: string;
  participantCode: string;
  sku: string;
  quantity: number;
  netMinor: number;
  documentNo: string | null;
  lineNo: string | null;
  participantName: string | null;
  productName: string | null;
}

export function salesLineKey(line: SalesLineValues): string {
  if (line.documentNo !== null)
    return JSON.stringify(['doc', line.documentNo, line.lineNo, line.participantCode, line.sku]);
  return JSON.stringify([
    'all',
    line.date,
    line.participantCode,
    line.sku,
    line.quantity,
    line.netMinor,
    line.lineNo,
    line.participantName,
    line.productName,
  ]);
}

/** The key as the operator reads it: "FV/10/69 line 1, R0001, TOY-3". */
export function describeLineKey(line: SalesLineValues, digits: number): string {
  if (line.documentNo !== null)
    return `${line.documentNo}${line.lineNo !== null ? ` line ${line.lineNo}` : ''}, ${line.participantCode}, ${line.sku}`;
  return `${line.date}, ${line.participantCode}, ${line.sku}, ${line.quantity} × ${minorToDecimalString(line.netMinor, digits)}`;
}

/** A line's values for a before/after comparison. */
export function describeLine(line: SalesLineValues, digits: number): string {
  return `${line.date} ${line.participantCode} ${line.sku} quantity ${line.quantity}, net ${minorToDecimalString(line.netMinor, digits)}`;
}

/** Two lines with the same key say the same thing when every stored field is the same. */
export function sameLine(a: SalesLineValues, b: SalesLineValues): boolean {
  return (
    a.date === b.date &&
    a.participantCode === b.participantCode &&
    a.sku === b.sku &&
    a.quantity === b.quantity &&
    a.netMinor === b.netMinor &&
    a.documentNo === b.documentNo &&
    a.lineNo === b.lineNo &&
    a.participantName === b.participantName &&
    a.productName === b.productName
  );
}
