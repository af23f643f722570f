// Damaged workbooks (issue 11, item 2): a sheet whose XML stops or breaks part way is refused
// whole, with one sentence naming the sheet and where; a number cell whose text is not a
// number is a row error naming row, column and value; an ISO date cell is its date. Every file
// is the client's own sample (written by openpyxl) with its sheet's XML edited and re-zipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import type { CoreContext } from '../../src-main/core/context';
import { readZipDirectory, readZipEntry } from '../../src-main/core/import/read/read-zip-directory';
import { importSales } from '../../src-main/core/sales/import-sales';
import { samplesDir } from '../fixtures/repo-paths';
import { openTestContext, tableCounts } from '../fixtures/test-database';
import { zipOf } from '../fixtures/zip-of';

const SAMPLE = readFileSync(join(samplesDir, 'sales-2026-09.xlsx'));
const SHEET = 'xl/worksheets/sheet1.xml';

/** The sample's parts as text, each editable, and the sample zipped again from them. */
function sampleParts(): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const entry of readZipDirectory(SAMPLE, 'sample.xlsx'))
    parts[entry.name] = readZipEntry(SAMPLE, entry, 'sample.xlsx', 1 << 24).toString('utf8');
  return parts;
}

function sampleWithSheet(edit: (xml: string) => string): Uint8Array {
  const parts = sampleParts();
  const xml = parts[SHEET] ?? '';
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  return zipOf({ ...parts, [SHEET]: edited });
}

let ctx: CoreContext;
beforeEach(() => {
  ctx = openTestContext();
});

async function refusal(fileName: string, bytes: Uint8Array): Promise<AppError> {
  const before = tableCounts(ctx);
  let caught: unknown = null;
  try {
    await importSales(ctx, { fileName, bytes });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect(tableCounts(ctx)).toEqual(before);
  const error = caught as AppError;
  expect(error.message).toMatch(/\.$/);
  expect(error.message).not.toMatch(/[.!?]\s+[A-Z]/);
  return error;
}

describe('a damaged workbook is refused whole', () => {
  it('refuses a sheet whose XML is cut in half inside a whole zip, naming the sheet and the last row read; a zip cut in half too', async () => {
    const cut = sampleWithSheet((xml) => xml.slice(0, Math.floor(xml.length / 2)));
    const error = await refusal('cut-sheet.xlsx', cut);
    expect(error.code).toBe('FILE_DAMAGED');
    const row = (error as AppError<'FILE_DAMAGED'>).details?.row as number;
    expect(row).toBeGreaterThan(10);
    expect(row).toBeLessThan(69);
    expect(error.message).toMatch(
      new RegExp(
        `^The sheet "Sales" of "cut-sheet\\.xlsx" is damaged: its XML cannot be read past row ${row}: it ends unfinished at byte [\\d,]+ \\(unclosed tag: \\w+\\); the file was not imported, ask the client to send it again\\.$`,
      ),
    );
    expect(error.details).toMatchObject({ sheet: 'Sales' });

    const zipCut = await refusal('cut-zip.xlsx', SAMPLE.subarray(0, Math.floor(SAMPLE.length / 2)));
    expect(zipCut.code).toBe('FILE_UNREADABLE');
  });

  it('refuses the workbook when a sheet after the one imported is cut short', async () => {
    const parts = sampleParts();
    const sheet = parts[SHEET] ?? '';
    const bytes = zipOf({
      ...parts,
      'xl/workbook.xml': (parts['xl/workbook.xml'] ?? '').replace(
        '</sheets>',
        '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="Archiwum" sheetId="2" state="visible" r:id="rId9"/></sheets>',
      ),
      'xl/_rels/workbook.xml.rels': (parts['xl/_rels/workbook.xml.rels'] ?? '').replace(
        '</Relationships>',
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml" Id="rId9"/></Relationships>',
      ),
      'xl/worksheets/sheet2.xml': sheet.slice(0, sheet.indexOf('<row r="12"')),
    });
    const error = await refusal('two-sheets.xlsx', bytes);
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.details).toMatchObject({ sheet: 'Archiwum', row: 11 });
  });

  it('refuses a sheet with a stray "&" in a cell reference part way down', async () => {
    const bytes = sampleWithSheet((xml) => xml.replace('<c r="B30" ', '<c r="B&30" '));
    const error = await refusal('ampersand.xlsx', bytes);
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.message).toMatch(
      /^The sheet "Sales" of "ampersand\.xlsx" is damaged: its XML cannot be read past row 29: /,
    );
    expect(error.details).toMatchObject({ sheet: 'Sales', row: 29 });
  });

  it('refuses malformed XML part way (a broken tag), naming the line and column', async () => {
    const bytes = sampleWithSheet((xml) => xml.replace('<row r="40">', '<row r="40"><<'));
    const error = await refusal('broken-tag.xlsx', bytes);
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.message).toMatch(
      /^The sheet "Sales" of "broken-tag\.xlsx" is damaged: its XML cannot be read past row 39: it is malformed at line 1, column \d+ \(.+\); /,
    );
  });

  it('refuses a row numbered outside 1..1,048,576', async () => {
    const zero = await refusal(
      'row-zero.xlsx',
      sampleWithSheet((xml) => xml.replace('<row r="20">', '<row r="0">')),
    );
    expect(zero.code).toBe('FILE_DAMAGED');
    expect(zero.message).toContain('it has a row numbered "0", outside the 1 to 1,048,576 rows a sheet can have');
    const past = await refusal(
      'row-past.xlsx',
      sampleWithSheet((xml) => xml.replace('<row r="20">', '<row r="99999999999">')),
    );
    expect(past.code).toBe('FILE_DAMAGED');
    expect(past.message).toContain('it has a row numbered "99999999999"');
  });
});

describe('cells read as what they are', () => {
  it('makes a number cell whose text is not a number a row error naming row, column and value, never a 0 or a prefix', async () => {
    const bytes = sampleWithSheet((xml) =>
      xml
        .replace('<c r="D5" t="n"><v>', '<c r="D5" t="n"><v>0x')
        .replace('<c r="E2" t="n"><v>963.72</v>', '<c r="E2" t="n"><v>963.72abc</v>'),
    );
    const report = await importSales(ctx, { fileName: 'bad-numbers.xlsx', bytes });
    expect(report.accepted).toBe(66);
    expect(report.rejected).toBe(2);
    const unreadable = report.problems.filter((p) => p.code === 'UNREADABLE_CELL');
    expect(unreadable.map((p) => [p.row, p.column, p.value, p.severity])).toEqual([
      [2, 'Net value', '963.72abc', 'error'],
      [5, 'Qty', expect.stringMatching(/^0x\d+$/), 'error'],
    ]);
    expect(unreadable[0]?.reason).toBe(
      'Row 2, column "Net value": "963.72abc" is stored as a number cell but is not a number; it was not read as anything else: correct the cell in Excel and save the file again.',
    );
    const rows = ctx.store.sqlite
      .prepare('SELECT source_row AS row FROM sales_lines WHERE batch_id = ? AND source_row IN (2, 5)')
      .all(report.batchId);
    expect(rows).toEqual([]);
  });

  it('reads an ISO date cell (t="d") as its date', async () => {
    const bytes = sampleWithSheet((xml) =>
      xml.replace(/<c r="A2" s="1" t="n"><v>\d+<\/v><\/c>/, '<c r="A2" t="d"><v>2026-09-05T00:00:00</v></c>'),
    );
    const report = await importSales(ctx, { fileName: 'iso-date.xlsx', bytes });
    expect(report).toMatchObject({ accepted: 68, rejected: 0, period: '2026-09' });
    const line = ctx.store.sqlite
      .prepare('SELECT sale_date AS date FROM sales_lines WHERE batch_id = ? AND source_row = 2')
      .get(report.batchId);
    expect(line).toEqual({ date: '2026-09-05' });
  });

  it('makes an ISO date cell that is not a date a row error', async () => {
    const bytes = sampleWithSheet((xml) =>
      xml.replace(/<c r="A2" s="1" t="n"><v>\d+<\/v><\/c>/, '<c r="A2" t="d"><v>2026-02-30</v></c>'),
    );
    const report = await importSales(ctx, { fileName: 'iso-date-bad.xlsx', bytes });
    expect(
      report.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.value, p.code]),
    ).toEqual([[2, 'Date', '2026-02-30', 'UNREADABLE_CELL']]);
  });
});

describe('a damaged list of shared strings', () => {
  it('refuses a workbook whose cells name shared strings its list does not hold (the list cut short)', async () => {
    const NS =
      'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const strings = ['Date', 'Rep code', 'SKU', 'Qty', 'Net value', 'R0001', 'DOG-01', 'R0002'];
    const cell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
    const sheet = `<worksheet ${NS}><sheetData><row r="1">${['A1', 'B1', 'C1', 'D1', 'E1'].map((ref, i) => cell(ref, i)).join('')}</row><row r="2"><c r="A2"><v>46300</v></c>${cell('B2', 5)}${cell('C2', 6)}<c r="D2"><v>1</v></c><c r="E2"><v>10</v></c></row><row r="3"><c r="A3"><v>46301</v></c>${cell('B3', 7)}${cell('C3', 6)}<c r="D3"><v>2</v></c><c r="E3"><v>20</v></c></row></sheetData></worksheet>`;
    // The list as a tool that stopped part way left it: whole XML, the last strings missing.
    const cutList = `<sst ${NS} count="8" uniqueCount="8">${strings
      .slice(0, 7)
      .map((s) => `<si><t>${s}</t></si>`)
      .join('')}</sst>`;
    const bytes = zipOf({
      'xl/workbook.xml': `<workbook ${NS}><sheets><sheet name="Sprzedaż" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      'xl/sharedStrings.xml': cutList,
      [SHEET]: sheet,
    });
    const error = await refusal('strings.xlsx', bytes);
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.message).toBe(
      'The sheet "Sprzedaż" of "strings.xlsx" is damaged: its cell B3 names text number 7 of the workbook\'s shared strings, which holds only 7 (line 1, column ' +
        String((error as AppError<'FILE_DAMAGED'>).details?.column) +
        ' of its XML); the file was not imported, ask the client to send it again.',
    );
  });
});
