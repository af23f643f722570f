// Every amount the ledger can hold can be paid: a top-up AT the one limit (MAX_SAFE_AMOUNT minor
// units, 999999999999.99 PLN) is written by each writer and read back exactly, the xlsx by
// LibreOffice and openpyxl, the csv as text, the SEPA file by xmllint against the XSD; one
// minor unit more is refused before a byte is written.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  convertWithSoffice,
  hasOpenpyxl,
  hasSoffice,
  makeTempDir,
  SYSTEM_PYTHON,
} from '../../../../tests/fixtures/client-files';
import { MAX_SAFE_AMOUNT } from '../../money/minor-units';
import { payoutBatch, payoutItem } from '../../../../tests/fixtures/payout-batch-fixture';
import type { PayoutFile } from './payout-file-types';
import { parsePayoutTemplate, type PayoutTemplate } from './payout-template';
import { writePayoutFile } from './write-payout-file';

const XSD = '/work/shared/schemas/pain.001.001.03.xsd';
const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { stdio: 'ignore' }).status === 0;

const AT_LIMIT_TEXT = '999999999999.99';
const DEBTOR = { name: 'Agencja Motywacyjna', iban: 'PL61 1090 1014 0000 0712 1981 2874', bic: 'WBKPPLPP' };

function numbersTemplate(includeTotalsRow: boolean, decimalSeparator: '.' | ','): PayoutTemplate {
  const parsed = parsePayoutTemplate({
    name: 'Numbers',
    columns: [
      { field: 'reference', header: 'Reference' },
      { field: 'amount', header: 'Amount' },
      { field: 'amountMinor', header: 'Amount minor' },
      { field: 'points', header: 'Points' },
    ],
    decimalSeparator,
    csvSeparator: ';',
    encoding: 'utf-8',
    dateFormat: 'YYYY-MM-DD',
    includeTotalsRow,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.value;
}

const atLimit = (amountMinor = MAX_SAFE_AMOUNT) =>
  payoutBatch(
    [payoutItem(1, { amountMinor, points: MAX_SAFE_AMOUNT, cardRef: null, iban: 'PL34109010140000071219812875' })],
    { debtor: DEBTOR },
  );
const PAST_LIMIT =
  /amount of 100000000000000 minor units, more than 99,999,999,999,999, the largest Loyalty Desk counts exactly/;

function save(dir: string, file: PayoutFile): string {
  const path = join(dir, file.fileName);
  writeFileSync(path, file.bytes);
  return path;
}

describe('payout files at the limit', () => {
  it.runIf(hasSoffice && hasOpenpyxl)(
    'xlsx: LibreOffice and openpyxl read the amount, the minor units and the points exactly',
    async () => {
      const dir = makeTempDir('payout-limit-xlsx-');
      const file = await writePayoutFile('xlsx', atLimit(), numbersTemplate(true, '.'));
      expect(file.controlSumMinor).toBe(MAX_SAFE_AMOUNT);
      const path = save(dir, file);
      const [csvPath] = convertWithSoffice([path], 'csv:Text - txt - csv (StarCalc):44,34,76,1', join(dir, 'out'));
      const rows = parse(readFileSync(csvPath!, 'utf8'), { relax_column_count: true }) as string[][];
      expect(rows[1]).toEqual(['LD-2026-10-000001', AT_LIMIT_TEXT, '99999999999999', '99999999999999']);
      expect(rows[2]).toEqual(['Total', AT_LIMIT_TEXT, '99999999999999', '99999999999999']);
      // Python's repr is the shortest text that reads back as the same double: the exact decimal or not.
      const script = String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print('|'.join(repr(c.value) for c in wb.worksheets[0][2]))
print('|'.join(repr(c.value) for c in wb['Batch']['B']))
`;
      const [row, batch] = execFileSync(SYSTEM_PYTHON, ['-c', script, path], { encoding: 'utf8' }).trim().split('\n');
      expect(row).toBe(`'LD-2026-10-000001'|${AT_LIMIT_TEXT}|99999999999999|99999999999999`);
      expect(batch!.split('|')).toContain(AT_LIMIT_TEXT);
      await expect(writePayoutFile('xlsx', atLimit(MAX_SAFE_AMOUNT + 1))).rejects.toThrow(PAST_LIMIT);
    },
    120_000,
  );

  it('csv: the amount, minor units, points and totals are the exact decimal text', async () => {
    const file = await writePayoutFile('csv', atLimit(), numbersTemplate(true, ','));
    const lines = new TextDecoder().decode(file.bytes).split('\r\n');
    expect(lines[1]).toBe('LD-2026-10-000001;999999999999,99;99999999999999;99999999999999');
    expect(lines[2]).toBe('Total;999999999999,99;99999999999999;99999999999999');
    await expect(writePayoutFile('csv', atLimit(MAX_SAFE_AMOUNT + 1))).rejects.toThrow(PAST_LIMIT);
  });

  it.runIf(hasXmllint)('SEPA: valid against the XSD, with the amount and control sum exact', async () => {
    const dir = makeTempDir('payout-limit-sepa-');
    const file = await writePayoutFile('sepa', atLimit());
    const path = save(dir, file);
    const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, path], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
    const xml = readFileSync(path, 'utf8');
    expect(xml).toContain(`<InstdAmt Ccy="PLN">${AT_LIMIT_TEXT}</InstdAmt>`);
    expect([...xml.matchAll(/<CtrlSum>([^<]*)<\/CtrlSum>/g)].map((m) => m[1])).toEqual([AT_LIMIT_TEXT, AT_LIMIT_TEXT]);
    // xmllint itself reads the amount back from the file.
    const amount = spawnSync('xmllint', ['--xpath', "string(//*[local-name()='InstdAmt'])", path], {
      encoding: 'utf8',
    });
    expect(amount.stdout.trim()).toBe(AT_LIMIT_TEXT);
    await expect(writePayoutFile('sepa', atLimit(MAX_SAFE_AMOUNT + 1))).rejects.toThrow(PAST_LIMIT);
  });
});
