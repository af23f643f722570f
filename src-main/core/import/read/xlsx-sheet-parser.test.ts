import { describe, expect, it } from 'vitest';
import { zipOf } from '../../../../tests/fixtures/zip-of';
import { DEFAULT_IMPORT_LIMITS } from './import-limits';
import { openTableSource } from './open-table-source';
import type { RawRow } from './raw-table';

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function rowsOf(sheetData: string): Promise<RawRow[]> {
  const bytes = zipOf({
    'xl/workbook.xml': `<workbook ${NS}><sheets><sheet name="Dane" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`,
  });
  const rows: RawRow[] = [];
  for await (const sheet of openTableSource('cells.xlsx', bytes, 'pl-PL', DEFAULT_IMPORT_LIMITS).sheets())
    for await (const row of sheet.rows()) rows.push(row);
  return rows;
}

const cells = (values: string[], type = 'n') =>
  `<row r="1">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" t="${type}"><v>${v}</v></c>`).join('')}</row>`;

describe('the sheet parser reads each cell as its type says, and nothing else', () => {
  it('takes plain decimal numbers whole and calls anything else unreadable, never a prefix or a 0', async () => {
    const [row] = await rowsOf(
      cells(['1.2345678901234501E+20', '-0.5', '+7', '963.72abc', '0x10', ' 12', 'Infinity', '1e999', '1-2', '']),
    );
    expect(row?.cells).toEqual([
      1.2345678901234501e20,
      -0.5,
      7,
      { error: '963.72abc', unreadable: 'number' },
      { error: '0x10', unreadable: 'number' },
      { error: ' 12', unreadable: 'number' },
      { error: 'Infinity', unreadable: 'number' },
      { error: '1e999', unreadable: 'number' },
      { error: '1-2', unreadable: 'number' },
    ]);
  });

  it('reads ISO date cells (t="d") as their date and time, and a day that does not exist as unreadable', async () => {
    const [row] = await rowsOf(
      cells(['2026-09-05', '2026-09-05T13:45:10.5', '2026-09-05T00:00:00Z', '2026-02-29', '05.09.2026'], 'd'),
    );
    expect(row?.cells).toEqual([
      new Date(Date.UTC(2026, 8, 5)),
      new Date(Date.UTC(2026, 8, 5, 13, 45, 10, 500)),
      new Date(Date.UTC(2026, 8, 5)),
      { error: '2026-02-29', unreadable: 'date' },
      { error: '05.09.2026', unreadable: 'date' },
    ]);
  });

  it('reads booleans, inline rich text whole, and rows and cells without references in order', async () => {
    const rows = await rowsOf(
      `<row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="b"><v>yes</v></c></row><row><c t="inlineStr"><is><r><t>Anna </t></r><r><t>Nowak</t></r><rPh><t>ア</t></rPh></is></c></row>`,
    );
    expect(rows).toEqual([
      { row: 1, cells: [true, false, { error: 'yes', unreadable: 'boolean' }] },
      { row: 2, cells: ['Anna Nowak'] },
    ]);
  });
});
