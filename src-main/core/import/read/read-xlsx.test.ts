import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasOpenpyxl, makeTempDir, writeXlsxWithOpenpyxl } from '../../../../tests/fixtures/client-files';
import { zipOf } from '../../../../tests/fixtures/zip-of';
import { DEFAULT_IMPORT_LIMITS } from './import-limits';
import { openTableSource } from './open-table-source';
import type { RawRow } from './raw-table';

async function readAll(fileName: string, bytes: Uint8Array) {
  const source = openTableSource(fileName, bytes, 'pl-PL', DEFAULT_IMPORT_LIMITS);
  const sheets: { name: string | null; hidden: boolean; rows: RawRow[]; merges: string[] }[] = [];
  for await (const sheet of source.sheets()) {
    const rows: RawRow[] = [];
    for await (const row of sheet.rows()) rows.push(row);
    sheets.push({
      name: sheet.name,
      hidden: sheet.hidden,
      rows,
      merges: (await sheet.mergedAreas()).map((m) => m.ref),
    });
  }
  return { source, sheets };
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook as Excel writes it: shared strings, shared formulas, error cells, a merged area after the rows. */
function excelStyleWorkbook(date1904 = false): Uint8Array {
  return zipOf({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<workbook ${NS}><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Lista &amp; kody" sheetId="1" r:id="rId1"/><sheet name="Stare" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    'xl/styles.xml': `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<sst ${NS}><si><t>Rep code</t></si><si><t>Name</t></si><si><r><t>Anna </t></r><r><rPr><b/></rPr><t>Nowak</t></r></si></sst>`,
    'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData>
<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>Qty</t></is></c><c r="D2" t="inlineStr"><is><t>Date</t></is></c></row>
<row r="3"><c r="A3" t="str"><f t="shared" ref="A3:A4" si="0">"R"&amp;ROW()</f><v>R3</v></c><c r="B3" t="s"><v>2</v></c><c r="C3"><f t="shared" ref="C3:C4" si="1">ROW()*2</f><v>6</v></c><c r="D3" s="1"><v>46239</v></c></row>
<row r="4"><c r="A4" t="str"><f t="shared" si="0"/><v>R4</v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4"><f t="shared" si="1"/><v>8</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5"><v>0.30000000000000004</v></c><c r="E5" t="inlineStr"><is><t>x</t></is></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="B5:C5"/><mergeCell ref="E5:E6"/></mergeCells></worksheet>`,
    'xl/worksheets/sheet2.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>old</t></is></c></row></sheetData></worksheet>`,
  });
}

describe('readXlsxTable', () => {
  it('reads a workbook as Excel writes it: shared strings and formulas, rich text, errors, dates, merges', async () => {
    const { source, sheets } = await readAll('excel.xlsx', excelStyleWorkbook());
    expect(source.sheetNames).toEqual(['Lista & kody', 'Stare']);
    expect(source.date1904).toBe(false);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Lista & kody', false],
      ['Stare', true],
    ]);
    const [first] = sheets;
    expect(first?.rows).toEqual([
      { row: 2, cells: ['Rep code', 'Name', 'Qty', 'Date'] },
      { row: 3, cells: ['R3', 'Anna Nowak', 6, new Date(Date.UTC(2026, 7, 5))] },
      { row: 4, cells: ['R4', { error: '#N/A' }, 8, { error: '=1/0', uncalculated: true }] },
      { row: 5, cells: [true, 0.30000000000000004, null, null, 'x'] },
    ]);
    expect(first?.merges).toEqual(['B5:C5', 'E5:E6']);
  });

  it('knows a 1904 workbook', async () => {
    const { source, sheets } = await readAll('mac.xlsx', excelStyleWorkbook(true));
    expect(source.date1904).toBe(true);
    expect(sheets[0]?.rows[1]?.cells[3]).toEqual(new Date(Date.UTC(2030, 7, 6)));
  });

  it('hands the sheets over in tab order, not in the order of their parts', async () => {
    const bytes = zipOf({
      'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>second tab</t></is></c></row></sheetData></worksheet>`,
      'xl/worksheets/sheet2.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>first tab</t></is></c></row></sheetData></worksheet>`,
      'xl/workbook.xml': `<workbook ${NS}><sheets><sheet name="First" sheetId="2" r:id="rId2"/><sheet name="Second" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    });
    const { sheets } = await readAll('tabs.xlsx', bytes);
    expect(sheets.map((s) => [s.name, s.rows[0]?.cells[0]])).toEqual([
      ['First', 'first tab'],
      ['Second', 'second tab'],
    ]);
  });

  it.skipIf(!hasOpenpyxl)(
    'names the sheets of an openpyxl workbook (workbook part after the sheets, absolute targets)',
    async () => {
      const dir = makeTempDir();
      const bytes = writeXlsxWithOpenpyxl(join(dir, 'py.xlsx'), [
        { title: 'Instrukcja', rows: [['Fill in the next sheet']] },
        {
          title: 'Uczestnicy',
          rows: [
            ['Rep code', 'Name'],
            ['R1', { date: '2026-08-05' }],
          ],
          merges: ['A3:B3'],
        },
        { title: 'Hidden', rows: [['x']], hidden: true },
      ]);
      const { sheets } = await readAll('py.xlsx', bytes);
      expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
        ['Instrukcja', false],
        ['Uczestnicy', false],
        ['Hidden', true],
      ]);
      expect(sheets[1]?.rows).toEqual([
        { row: 1, cells: ['Rep code', 'Name'] },
        { row: 2, cells: ['R1', new Date(Date.UTC(2026, 7, 5))] },
        // openpyxl writes the empty cells of a merged area as a row of its own
        { row: 3, cells: [] },
      ]);
      expect(sheets[1]?.merges).toEqual(['A3:B3']);
    },
  );
});
