// The ledger as a workbook for a person: one row per entry, frozen header, autofilter, sensible widths. Written as
// SpreadsheetML by hand, each row made by SQLite: a general workbook library takes minutes over the 1,200,000 entries
// of a year, and a sheet holds at most 1,048,576 rows, so a longer ledger goes on to a second sheet. The CSV beside
// it is the exact copy; this one is for reading.
import type Database from 'better-sqlite3';
import { PackageZip } from './zip-writer';
import { progressEvery } from '../progress';

const ROWS_PER_SHEET = 1_000_000;

const COLUMNS: { name: string; header: string; text: boolean; width: number }[] = [
  { name: 'id', header: 'Entry', text: false, width: 10 },
  { name: 'created_at', header: 'Posted at', text: true, width: 24 },
  { name: 'period', header: 'Period', text: true, width: 9 },
  { name: 'participant_code', header: 'Participant', text: true, width: 12 },
  { name: 'kind', header: 'Kind', text: true, width: 11 },
  { name: 'points', header: 'Points', text: false, width: 10 },
  { name: 'rule', header: 'Rule', text: true, width: 22 },
  { name: 'rule_version', header: 'Rules version', text: false, width: 8 },
  { name: 'sales_line_id', header: 'Sales line', text: false, width: 10 },
  { name: 'batch_id', header: 'Import batch', text: false, width: 8 },
  { name: 'source_row', header: 'Source row', text: false, width: 8 },
  { name: 'corrects_period', header: 'Corrects period', text: true, width: 9 },
  { name: 'reverses_id', header: 'Reverses entry', text: false, width: 10 },
  { name: 'reference', header: 'Reference', text: true, width: 22 },
  { name: 'note', header: 'Note', text: true, width: 40 },
  { name: 'created_by', header: 'By', text: true, width: 12 },
];

const escapeSql = (c: string) => `replace(replace(replace(${c}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

function cellSql(column: (typeof COLUMNS)[number]): string {
  const c = `"${column.name}"`;
  return column.text
    ? `CASE WHEN ${c} IS NULL THEN '<c/>' ELSE '<c t="inlineStr"><is><t xml:space="preserve">' || ${escapeSql(c)} || '</t></is></c>' END`
    : `CASE WHEN ${c} IS NULL THEN '<c/>' ELSE '<c><v>' || ${c} || '</v></c>' END`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

function sheetStart(): string {
  const cols = COLUMNS.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join(
    '',
  );
  const header = COLUMNS.map((c) => `<c t="inlineStr" s="1"><is><t>${escapeXml(c.header)}</t></is></c>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData><row>${header}</row>`
  );
}

function sheetEnd(rows: number): string {
  return `</sheetData><autoFilter ref="A1:${columnLetter(COLUMNS.length)}${rows + 1}"/></worksheet>`;
}

const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * The ledger's workbook: every entry up to `upTo` (the head the package names; the ledger is append-only, so the
 * entries up to it are the same from any later moment), or every entry.
 */
export function ledgerWorkbook(sqlite: Database.Database, upTo = Number.MAX_SAFE_INTEGER): Buffer {
  const zip = new PackageZip();
  try {
    return writeWorkbook(sqlite, zip, upTo);
  } finally {
    zip.close();
  }
}

function writeWorkbook(sqlite: Database.Database, zip: PackageZip, upTo: number): Buffer {
  // Rows in order, a sheet at most ROWS_PER_SHEET rows: each sheet's rows read as chunks by rowid, which is the id.
  const sheets: string[] = [];
  const ids = sqlite.prepare('SELECT MIN(id), MAX(id), COUNT(*) FROM ledger_entries WHERE id <= ?').raw().get(upTo) as [
    number | null,
    number | null,
    number,
  ];
  const progress = progressEvery('packaging', ids[2], 1);
  const rowXml = `'<row>' || ${COLUMNS.map(cellSql).join(' || ')} || '</row>'`;
  const chunk = sqlite
    .prepare(
      `SELECT CAST(group_concat(${rowXml}, '' ORDER BY id) AS BLOB), COUNT(*) FROM ledger_entries
       WHERE id >= ? AND id < ? AND id <= ?`,
    )
    .raw();
  const countIn = sqlite.prepare('SELECT COUNT(*) FROM ledger_entries WHERE id >= ? AND id < ? AND id <= ?').pluck();
  let sheet: ReturnType<PackageZip['open']> | null = null;
  let inSheet = 0;
  let done = 0;
  const open = () => {
    sheets.push(sheets.length === 0 ? 'Ledger' : `Ledger ${sheets.length + 1}`);
    sheet = zip.open(`xl/worksheets/sheet${sheets.length}.xml`);
    sheet.push(sheetStart());
    inSheet = 0;
  };
  open();
  const [first, last] = ids;
  const STEP = 20_000;
  for (let from = first ?? 1; first !== null && last !== null && from <= last; from += STEP) {
    // A sheet ends where the next chunk would pass its limit (ids without gaps fill it to ROWS_PER_SHEET).
    const inChunk = countIn.get(from, from + STEP, upTo) as number;
    if (inSheet > 0 && inSheet + inChunk > ROWS_PER_SHEET) {
      sheet!.push(sheetEnd(inSheet));
      sheet!.end();
      open();
    }
    const [xml, n] = chunk.get(from, from + STEP, upTo) as [Buffer | null, number];
    if (xml) sheet!.push(xml);
    inSheet += n;
    done += n;
    progress(done);
  }
  sheet!.push(sheetEnd(inSheet));
  sheet!.end();

  const sheetList = sheets.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const relations = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  zip.add(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheets>${sheetList}</sheets></workbook>`,
  );
  zip.add(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `${relations}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.add('xl/styles.xml', STYLES);
  zip.add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  );
  return zip.finish();
}
