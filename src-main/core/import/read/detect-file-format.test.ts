import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { zipOf } from '../../../../tests/fixtures/zip-of';
import { AppError } from '../../app-error';
import { detectFileFormat } from './detect-file-format';
import { DEFAULT_IMPORT_LIMITS } from './import-limits';
import { readZipDirectory, readZipEntry } from './read-zip-directory';

function refusal(fileName: string, bytes: Uint8Array, limits = DEFAULT_IMPORT_LIMITS): AppError {
  try {
    detectFileFormat(fileName, bytes, limits);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function workbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('A').addRow(['Rep code', 'Name']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('detectFileFormat', () => {
  it('knows a workbook and a CSV by their bytes, whatever the name', async () => {
    const book = await workbookBytes();
    expect(detectFileFormat('a.xlsx', book, DEFAULT_IMPORT_LIMITS).format).toBe('xlsx');
    expect(detectFileFormat('renamed.xls', book, DEFAULT_IMPORT_LIMITS).format).toBe('xlsx');
    const text = new TextEncoder().encode('Rep code;Name\nR1;Anna\n');
    expect(detectFileFormat('a.csv', text, DEFAULT_IMPORT_LIMITS)).toEqual({ format: 'csv' });
    // an ERP's tab-separated export named .xls
    expect(
      detectFileFormat('export.xls', new TextEncoder().encode('Rep code\tName\nR1\tAnna\n'), DEFAULT_IMPORT_LIMITS),
    ).toEqual({ format: 'csv' });
  });

  it('refuses an empty file', () => {
    expect(refusal('a.xlsx', new Uint8Array()).code).toBe('FILE_EMPTY');
    expect(refusal('a.xlsx', new Uint8Array()).message).toBe('The file "a.xlsx" is empty (0 bytes).');
    expect(refusal('a.csv', new TextEncoder().encode('\uFEFF \r\n\r\n')).code).toBe('FILE_EMPTY');
  });

  it('refuses an unknown extension', () => {
    const error = refusal('participants.pdf', new TextEncoder().encode('x'));
    expect(error.code).toBe('FILE_NOT_SUPPORTED');
    expect(error.message).toBe(
      'The file "participants.pdf" cannot be imported: only Excel workbooks (.xlsx) and CSV files (.csv) can; save it in one of these formats.',
    );
  });

  it('refuses an old .xls and a password-protected workbook (OLE2 containers) with what to do', () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(2000)]);
    const old = refusal('old.xls', ole2);
    expect(old.code).toBe('FILE_NOT_SUPPORTED');
    expect(old.message).toBe(
      'The file "old.xls" is an old Excel 97-2003 workbook (.xls) or a password-protected one, which cannot be imported: open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx), then import that file.',
    );
    const encrypted = new Uint8Array([
      ...ole2.subarray(0, 512),
      ...Buffer.from('EncryptedPackage', 'utf16le'),
      ...randomBytes(100),
    ]);
    const locked = refusal('locked.xlsx', encrypted);
    expect(locked.code).toBe('FILE_NOT_SUPPORTED');
    expect(locked.message).toContain('is password-protected');
  });

  it('refuses HTML and Excel 2003 XML saved as .xls', () => {
    const html = refusal(
      'report.xls',
      new TextEncoder().encode('<html><body><table><tr><td>Rep code</td></tr></table></body></html>'),
    );
    expect(html.code).toBe('FILE_NOT_SUPPORTED');
    expect(html.message).toBe(
      'The file "report.xls" is a web page (HTML) saved under a spreadsheet name, not a real workbook: open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx), then import that file.',
    );
    expect(refusal('r.xls', new TextEncoder().encode('\uFEFF  <TABLE border=1><TR><TD>x</TD></TR></TABLE>')).code).toBe(
      'FILE_NOT_SUPPORTED',
    );
    const xml = '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
    expect(refusal('r.xls', new TextEncoder().encode(xml)).message).toContain('Excel 2003 XML');
  });

  it('refuses a truncated zip, random bytes and a PDF', async () => {
    const book = await workbookBytes();
    const truncated = refusal('cut.xlsx', book.subarray(0, Math.floor(book.length / 2)));
    expect(truncated.code).toBe('FILE_UNREADABLE');
    expect(truncated.message).toBe(
      'The file "cut.xlsx" is damaged and cannot be read (the end of the zip archive is missing, as when a download stops early); ask the client to send it again.',
    );
    const random = refusal('random.xlsx', new Uint8Array(randomBytes(4096)));
    expect(random.code).toBe('FILE_UNREADABLE');
    expect(random.message).toBe(
      'The file "random.xlsx" is neither an Excel workbook nor a CSV text file; it may be damaged, so ask the client to send it again.',
    );
    expect(refusal('doc.xlsx', new TextEncoder().encode('%PDF-1.7\n')).code).toBe('FILE_NOT_SUPPORTED');
  });

  it('refuses a zip that is not a workbook, an OpenDocument file, and a zip bomb', () => {
    expect(refusal('a.xlsx', zipOf({ 'word/document.xml': '<w/>' })).message).toBe(
      'The file "a.xlsx" is a zip archive but not an Excel workbook; import the workbook itself (.xlsx).',
    );
    expect(
      refusal('a.xlsx', zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }))
        .message,
    ).toContain('OpenDocument');
    const bomb = zipOf({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': 'x'.repeat(200_000) });
    const error = refusal('bomb.xlsx', bomb, { ...DEFAULT_IMPORT_LIMITS, maxUnpackedBytes: 100_000 });
    expect(error.code).toBe('FILE_TOO_LARGE');
  });
});

describe('readZipDirectory', () => {
  it('lists the parts and unpacks one', () => {
    const zip = zipOf({ 'xl/workbook.xml': '<workbook>ok</workbook>', 'b.txt': 'bee' });
    const entries = readZipDirectory(zip, 'z.xlsx');
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['xl/workbook.xml', 23],
      ['b.txt', 3],
    ]);
    expect(readZipEntry(zip, entries[0]!, 'z.xlsx', 1000).toString()).toBe('<workbook>ok</workbook>');
    expect(() => readZipEntry(zip, entries[0]!, 'z.xlsx', 5)).toThrow(/unpacks to more than the import limit/);
  });

  it('refuses a directory that points at a missing part', () => {
    const zip = zipOf({ 'xl/workbook.xml': '<workbook/>' });
    const broken = new Uint8Array(zip);
    broken[0] = 0; // the local header of the only part
    expect(() => readZipDirectory(broken, 'z.xlsx')).toThrow(/the part "xl\/workbook.xml" is missing/);
  });
});
