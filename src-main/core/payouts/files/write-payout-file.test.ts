// The xlsx and csv payout files as the card issuer and the coordinator see them: opened by
// LibreOffice headless, converted back to CSV and read; the xlsx also by openpyxl.
import { execFileSync } from 'node:child_process';
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
import { AppError } from '../../app-error';
import { FORMULA_NAMES, payoutBatch, payoutItem } from '../../../../tests/fixtures/payout-batch-fixture';
import type { PayoutFile } from './payout-file-types';
import {
  BUILT_IN_TEMPLATE,
  parsePayoutTemplate,
  type PayoutTemplate,
  type PayoutTemplateInput,
} from './payout-template';
import { writePayoutFile } from './write-payout-file';

// LibreOffice's CSV filter: separator, quote, charset (76 UTF-8, 33 windows-1250, 34 windows-1251),
// first line, column formats ("7/2" = column 7 as text, so that "2026-10" stays a period), language.
const LO_CSV_OUT = 'csv:Text - txt - csv (StarCalc):44,34,76,1';
function loCsvIn(separator: string, charset: number, language: number, textColumns: number[]): string {
  return `CSV:${separator.charCodeAt(0)},34,${charset},1,${textColumns.map((c) => `${c}/2`).join('/')},${language}`;
}

function save(dir: string, file: PayoutFile): string {
  const path = join(dir, file.fileName);
  writeFileSync(path, file.bytes);
  return path;
}

function readCsv(path: string): string[][] {
  return parse(readFileSync(path, 'utf8'), { relax_column_count: true }) as string[][];
}

/** Reads cells with openpyxl: value, data_type and number_format of every cell of the first sheet. */
function openpyxlCells(path: string): { v: unknown; t: string; f: string }[][] {
  const script = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps([[{'v': c.value, 't': c.data_type, 'f': c.number_format} for c in row] for row in ws.iter_rows()]))
`;
  return JSON.parse(execFileSync(SYSTEM_PYTHON, ['-c', script, path], { encoding: 'utf8' })) as {
    v: unknown;
    t: string;
    f: string;
  }[][];
}

function template(input: PayoutTemplateInput): PayoutTemplate {
  const parsed = parsePayoutTemplate(input);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.value;
}

const AMOUNTS = [1, 12345, 100_000_000, 9_999_999_999];
const AMOUNT_TEXTS = ['0.01', '123.45', '1000000.00', '99999999.99'];
const AMOUNT_SUM = AMOUNTS.reduce((a, b) => a + b, 0);

function amountsBatch() {
  const items = [
    ...AMOUNTS.map((amountMinor, i) => payoutItem(i + 1, { amountMinor, participantName: `Zażółć Gęślą ${i + 1}` })),
    ...FORMULA_NAMES.map((participantName, i) => payoutItem(10 + i, { participantName, amountMinor: 100 })),
  ];
  return payoutBatch(items);
}

const WITH_TOTALS: PayoutTemplateInput = {
  ...BUILT_IN_TEMPLATE,
  includeTotalsRow: true,
  decimalSeparator: '.',
  encoding: 'utf-8',
};

describe('writePayoutFile xlsx', () => {
  it('returns the row count, control sum and a file name with period and batch', async () => {
    const batch = amountsBatch();
    const file = await writePayoutFile('xlsx', batch);
    expect(file.fileName).toBe('payouts-2026-10-PB-2026-10-1.xlsx');
    expect(file.rowCount).toBe(batch.items.length);
    expect(file.controlSumMinor).toBe(AMOUNT_SUM + 100 * FORMULA_NAMES.length);
    expect(file.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it.runIf(hasOpenpyxl)(
    'stores names that look like formulas as text cells, amounts as numbers with two decimals',
    async () => {
      const dir = makeTempDir('payout-xlsx-');
      const path = save(dir, await writePayoutFile('xlsx', amountsBatch(), template(WITH_TOTALS)));
      const rows = openpyxlCells(path);
      expect(rows[0]!.map((c) => c.v)).toEqual([
        'Reference',
        'Card',
        'Name',
        'Participant code',
        'Amount',
        'Currency',
        'Period',
      ]);
      const nameCells = rows.slice(1).map((r) => r[2]!);
      for (const name of FORMULA_NAMES) {
        const cell = nameCells.find((c) => c.v === name);
        expect(cell, name).toBeDefined();
        expect(cell!.t).toBe('s');
      }
      expect(rows.flat().every((c) => c.t !== 'f')).toBe(true);
      const amountCells = rows.slice(1, 1 + AMOUNTS.length).map((r) => r[4]!);
      expect(amountCells.map((c) => c.t)).toEqual(['n', 'n', 'n', 'n']);
      expect(amountCells.every((c) => c.f === '0.00')).toBe(true);
      expect(rows[1]![0]!.t).toBe('s');
      expect(rows[1]![6]).toMatchObject({ v: '2026-10', t: 's' });
      // The raw XML holds no <f> element at all.
      const sheetXml = execFileSync('unzip', ['-p', path, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
      expect(sheetXml).not.toMatch(/<f[ >]/);
    },
  );

  it.runIf(hasSoffice)(
    'opens in LibreOffice with exact amounts, the totals row and the names as literal text',
    async () => {
      const dir = makeTempDir('payout-xlsx-lo-');
      const batch = amountsBatch();
      const file = await writePayoutFile('xlsx', batch, template(WITH_TOTALS));
      const [csvPath] = convertWithSoffice([save(dir, file)], LO_CSV_OUT, join(dir, 'out'));
      const rows = readCsv(csvPath!);
      expect(rows).toHaveLength(1 + batch.items.length + 1);
      expect(rows.slice(1, 1 + AMOUNTS.length).map((r) => r[4])).toEqual(AMOUNT_TEXTS);
      expect(rows.slice(1 + AMOUNTS.length, -1).map((r) => r[2])).toEqual(FORMULA_NAMES);
      expect(rows.slice(1 + AMOUNTS.length, -1).map((r) => r[4])).toEqual(FORMULA_NAMES.map(() => '1.00'));
      expect(rows[1]!.slice(0, 3)).toEqual(['LD-2026-10-000001', 'CARD-1001', 'Zażółć Gęślą 1']);
      expect(rows.at(-1)).toEqual(['Total', '', '', '', '101000128.45', '', '']);
      expect(file.controlSumMinor).toBe(10_100_012_845);
    },
  );

  it.runIf(hasOpenpyxl)('has a Batch sheet with the batch id, row count and control sum', async () => {
    const dir = makeTempDir('payout-xlsx-batch-');
    const path = save(dir, await writePayoutFile('xlsx', amountsBatch()));
    const script = String.raw`
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Batch']
print(json.dumps({r[0].value: [r[1].value, r[1].data_type, r[1].number_format] for r in ws.iter_rows()}))
`;
    const facts = JSON.parse(execFileSync(SYSTEM_PYTHON, ['-c', script, path], { encoding: 'utf8' })) as Record<
      string,
      [unknown, string, string]
    >;
    expect(facts['Batch']).toEqual(['PB-2026-10-1', 's', '@']);
    expect(facts['Row count']![0]).toBe(9);
    expect(facts['Control sum']).toEqual([101000128.45, 'n', '0.00']);
    expect(facts['Currency']![0]).toBe('PLN');
    expect(facts['Execution date']![0]).toBe('2026-11-03');
  });

  it.runIf(hasSoffice)('writes amounts of a currency without minor digits as whole numbers', async () => {
    const dir = makeTempDir('payout-xlsx-jpy-');
    const batch = payoutBatch([payoutItem(1, { amountMinor: 1500 }), payoutItem(2, { amountMinor: 7 })], {
      currency: { code: 'HUF', minorDigits: 0 },
    });
    const [csvPath] = convertWithSoffice(
      [save(dir, await writePayoutFile('xlsx', batch))],
      LO_CSV_OUT,
      join(dir, 'out'),
    );
    expect(
      readCsv(csvPath!)
        .slice(1)
        .map((r) => r[4]),
    ).toEqual(['1500', '7']);
  });
});

describe('writePayoutFile csv', () => {
  it('writes the built-in template: UTF-8 with BOM, ";" and "," decimals, CRLF, formulas neutralised', async () => {
    const batch = payoutBatch([
      payoutItem(1, { amountMinor: 12345, participantName: 'Kowalski; Jan "JK"' }),
      payoutItem(2, { amountMinor: 1, participantName: '=HYPERLINK("http://x","y")', cardRef: null }),
    ]);
    const file = await writePayoutFile('csv', batch);
    expect(file.fileName).toBe('payouts-2026-10-PB-2026-10-1.csv');
    expect(file.mediaType).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(file.bytes)).toBe(
      [
        'Reference;Card;Name;Participant code;Amount;Currency;Period',
        'LD-2026-10-000001;CARD-1001;"Kowalski; Jan ""JK""";P-001;123,45;PLN;2026-10',
        `LD-2026-10-000002;;"'=HYPERLINK(""http://x"",""y"")";P-002;0,01;PLN;2026-10`,
        '',
      ].join('\r\n'),
    );
    expect(file.rowCount).toBe(2);
    expect(file.controlSumMinor).toBe(12346);
  });

  it.runIf(hasSoffice)(
    'opens in LibreOffice with exact amounts and totals, and formula-like names as text',
    async () => {
      const dir = makeTempDir('payout-csv-lo-');
      const batch = amountsBatch();
      const file = await writePayoutFile('csv', batch, template({ ...BUILT_IN_TEMPLATE, includeTotalsRow: true }));
      const [csvPath] = convertWithSoffice([save(dir, file)], LO_CSV_OUT, join(dir, 'out'), {
        infilter: loCsvIn(';', 76, 1045, [1, 2, 4, 7]),
      });
      const rows = readCsv(csvPath!);
      expect(rows).toHaveLength(1 + batch.items.length + 1);
      expect(rows[1]!.slice(0, 3)).toEqual(['LD-2026-10-000001', 'CARD-1001', 'Zażółć Gęślą 1']);
      // LibreOffice shows numbers in the General format; the value is what counts.
      const amounts = rows.slice(1, 1 + AMOUNTS.length).map((r) => r[4]!);
      expect(amounts.map(decimalTextToMinor)).toEqual(AMOUNTS);
      // The neutralising apostrophe stays visible: the cell is text and runs nothing (un-neutralised,
      // LibreOffice would show "y", the HYPERLINK's result).
      expect(rows.slice(1 + AMOUNTS.length, -1).map((r) => r[2])).toEqual(FORMULA_NAMES.map((n) => `'${n}`));
      expect(rows.at(-1)![0]).toBe('Total');
      expect(decimalTextToMinor(rows.at(-1)![4]!)).toBe(file.controlSumMinor);
      expect(rows.slice(1, -1).map((r) => r[6])).toEqual(batch.items.map(() => '2026-10'));
    },
  );

  it.runIf(hasSoffice)(
    'honours a custom template: column order, headers, "," decimals, DD.MM.YYYY, tab separator',
    async () => {
      const dir = makeTempDir('payout-csv-custom-');
      const custom = template({
        name: 'Issuer X',
        columns: [
          { field: 'amount', header: 'Kwota' },
          { field: 'cardRef', header: 'Numer karty' },
          { field: 'reference', header: 'Referencja' },
          { field: 'createdDate', header: 'Data' },
          { field: 'amountMinor', header: 'Grosze' },
          { field: 'points', header: 'Punkty' },
          { field: 'batchId', header: 'Paczka' },
        ],
        decimalSeparator: ',',
        csvSeparator: '\t',
        encoding: 'utf-8',
        dateFormat: 'DD.MM.YYYY',
        includeTotalsRow: true,
        totalsLabel: 'Suma',
      });
      const batch = payoutBatch([payoutItem(1, { amountMinor: 123456 }), payoutItem(2, { amountMinor: 5, points: 3 })]);
      const file = await writePayoutFile('csv', batch, custom);
      const text = new TextDecoder().decode(file.bytes);
      expect(text.split('\r\n')).toEqual([
        'Kwota\tNumer karty\tReferencja\tData\tGrosze\tPunkty\tPaczka',
        '1234,56\tCARD-1001\tLD-2026-10-000001\t01.11.2026\t123456\t100\tPB-2026-10-1',
        '0,05\tCARD-1002\tLD-2026-10-000002\t01.11.2026\t5\t3\tPB-2026-10-1',
        '1234,61\tSuma\t\t\t123461\t103\t',
        '',
      ]);
      const [csvPath] = convertWithSoffice([save(dir, file)], LO_CSV_OUT, join(dir, 'out'), {
        infilter: loCsvIn('\t', 76, 1045, [2, 3, 4, 7]),
      });
      const rows = readCsv(csvPath!);
      expect(rows[0]).toEqual(['Kwota', 'Numer karty', 'Referencja', 'Data', 'Grosze', 'Punkty', 'Paczka']);
      expect(rows.slice(1).map((r) => decimalTextToMinor(r[0]!))).toEqual([123456, 5, 123461]);
      expect(rows[1]![3]).toBe('01.11.2026');
    },
  );

  it('writes windows-1250 for Polish names, decoded back by Python', async () => {
    const names = ['Zażółć Gęślą Jaźń', 'ŁUKASZ ŚWIĘTOCHOWSKI', 'Żaneta Óżańska'];
    const batch = payoutBatch(names.map((participantName, i) => payoutItem(i + 1, { participantName })));
    const file = await writePayoutFile('csv', batch, template({ ...BUILT_IN_TEMPLATE, encoding: 'windows-1250' }));
    expect(file.mediaType).toBe('text/csv; charset=windows-1250');
    expect(file.bytes.includes(0xbf)).toBe(true); // ż in windows-1250
    const decoded = execFileSync(
      SYSTEM_PYTHON,
      ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("cp1250").encode("utf-8"))'],
      { input: file.bytes },
    );
    const rows = parse(decoded.toString('utf8'), { delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((r) => r[2])).toEqual(names);
  });

  it.runIf(hasSoffice)('writes windows-1251 for Cyrillic names, decoded by LibreOffice', async () => {
    const dir = makeTempDir('payout-csv-1251-');
    const names = ['Щукин Юрий Ёлкин', 'Жанна Хабибуллина', 'Эдуард Цой'];
    const batch = payoutBatch(names.map((participantName, i) => payoutItem(i + 1, { participantName })));
    const file = await writePayoutFile('csv', batch, template({ ...BUILT_IN_TEMPLATE, encoding: 'windows-1251' }));
    const [csvPath] = convertWithSoffice([save(dir, file)], LO_CSV_OUT, join(dir, 'out'), {
      infilter: loCsvIn(';', 34, 1049, [1, 2, 4, 7]),
    });
    expect(
      readCsv(csvPath!)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(names);
  });

  it('refuses a name the code page cannot write, naming the participant', async () => {
    const batch = payoutBatch([
      payoutItem(1),
      payoutItem(2, { participantName: 'Щукин Юрий', participantCode: 'P-777' }),
    ]);
    const run = writePayoutFile('csv', batch, template({ ...BUILT_IN_TEMPLATE, encoding: 'windows-1250' }));
    await expect(run).rejects.toBeInstanceOf(AppError);
    await expect(run).rejects.toThrow(
      /top-up LD-2026-10-000002 \(P-777 Щукин Юрий\) contains "Щ".*windows-1250 cannot write/,
    );
  });
});

describe('writePayoutFile refuses a batch that must not be paid', () => {
  const cases: [string, () => ReturnType<typeof payoutBatch>, RegExp][] = [
    [
      'a duplicate reference',
      () => payoutBatch([payoutItem(1), payoutItem(2, { reference: 'LD-2026-10-000001' })]),
      /reference LD-2026-10-000001 appears twice.*P-002/,
    ],
    [
      'a zero amount',
      () => payoutBatch([payoutItem(1, { amountMinor: 0 })]),
      /amount of 0\.00 PLN; a payout must be more than zero/,
    ],
    ['a negative amount', () => payoutBatch([payoutItem(1, { amountMinor: -500 })]), /amount of -5\.00 PLN/],
    [
      'a fractional amount',
      () => payoutBatch([payoutItem(1, { amountMinor: 10.5 })]),
      /not a whole number of minor units/,
    ],
    [
      'an amount past the limit',
      () => payoutBatch([payoutItem(1, { amountMinor: 2 ** 53 })]),
      /more than 99,999,999,999,999, the largest Loyalty Desk counts exactly/,
    ],
    ['no items', () => payoutBatch([]), /has no top-ups/],
    ['a missing reference', () => payoutBatch([payoutItem(1, { reference: ' ' })]), /has no reference/],
  ];
  for (const [what, makeBatch, message] of cases) {
    for (const format of ['csv', 'xlsx', 'sepa'] as const) {
      it(`${what} (${format})`, async () => {
        const run = writePayoutFile(format, makeBatch());
        await expect(run).rejects.toMatchObject({ code: 'INVALID_INPUT' });
        await expect(run).rejects.toThrow(message);
      });
    }
  }
});

/** "1000000", "0.01", "99999999.99" -> minor units, on digit strings (LibreOffice writes General numbers). */
function decimalTextToMinor(text: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
