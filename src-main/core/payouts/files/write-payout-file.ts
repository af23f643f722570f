// The one entry the payout flow calls: a batch in, the file's bytes, name, row count and
// control sum out. Which writer runs is the only decision made here.
import type { PayoutFile, PayoutFileBatch, PayoutFileFormat } from './payout-file-types';
import { BUILT_IN_TEMPLATE, type PayoutTemplate } from './payout-template';
import { writePayoutCsv } from './write-payout-csv';
import { writePayoutXlsx } from './write-payout-xlsx';
import { writeSepaPain001 } from './write-sepa-pain001';

/** `template` shapes xlsx and csv (the built-in one when absent); sepa has its own fixed layout. */
export async function writePayoutFile(
  format: PayoutFileFormat,
  batch: PayoutFileBatch,
  template: PayoutTemplate = BUILT_IN_TEMPLATE,
): Promise<PayoutFile> {
  switch (format) {
    case 'xlsx':
      return writePayoutXlsx(batch, template);
    case 'csv':
      return writePayoutCsv(batch, template);
    case 'sepa':
      return writeSepaPain001(batch);
  }
}
