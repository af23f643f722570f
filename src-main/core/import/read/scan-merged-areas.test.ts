import { describe, expect, it } from 'vitest';
import { zipOf } from '../../../../tests/fixtures/zip-of';
import { AppError } from '../../app-error';
import { readZipDirectory, type ZipEntry } from './read-zip-directory';
import { scanMergedAreas } from './scan-merged-areas';

const options = { fileName: 'a.xlsx', sheetName: 'Data', maxUnpackedBytes: 100_000_000 };

// Rows enough for the part to unpack in several chunks, with the merged areas after them, as Excel writes them.
const rows = Array.from(
  { length: 40_000 },
  (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>value ${i}</t></is></c></row>`,
).join('');
const sheet = (merges: string) => `<worksheet><sheetData>${rows}</sheetData>${merges}</worksheet>`;

function sheetEntry(xml: string): { bytes: Uint8Array; entry: ZipEntry } {
  const bytes = zipOf({ 'xl/worksheets/sheet1.xml': xml });
  return { bytes, entry: readZipDirectory(bytes, 'a.xlsx')[0] as ZipEntry };
}

describe('scanMergedAreas', () => {
  it('finds the merged areas after the rows of a large deflated part, one cut between two chunks included', async () => {
    const { bytes, entry } = sheetEntry(
      sheet(
        '<mergeCells count="3"><mergeCell ref="A1:E1"/><mergeCell ref="B39999:B40000"/><mergeCell ref="C7"/></mergeCells>',
      ),
    );
    expect(entry.uncompressedSize).toBeGreaterThan(2 * 1024 * 1024);
    const areas = await scanMergedAreas(bytes, entry, options);
    expect(areas).toEqual([
      { ref: 'A1:E1', top: 1, bottom: 1, left: 1, right: 5 },
      { ref: 'B39999:B40000', top: 39999, bottom: 40000, left: 2, right: 2 },
      { ref: 'C7', top: 7, bottom: 7, left: 3, right: 3 },
    ]);
  });

  it('reads a stored (uncompressed) part the same way', async () => {
    const xml = Buffer.from(sheet('<mergeCells><x:mergeCell ref="D2:C3"/></mergeCells>'));
    const entry: ZipEntry = {
      name: 'xl/worksheets/sheet1.xml',
      method: 0,
      encrypted: false,
      crc32: 0,
      compressedSize: xml.length,
      uncompressedSize: xml.length,
      localOffset: 0,
      recordEnd: xml.length,
      dataStart: 0,
    };
    expect(await scanMergedAreas(xml, entry, options)).toEqual([
      { ref: 'D2:C3', top: 2, bottom: 3, left: 3, right: 4 },
    ]);
  });

  it('leaves a part that does not unpack, or unpacks past the limit, to the reading pass', async () => {
    const { bytes, entry } = sheetEntry(sheet('<mergeCells><mergeCell ref="A2:A3"/></mergeCells>'));
    const broken = Uint8Array.from(bytes);
    broken.fill(0xff, entry.dataStart + 100, entry.dataStart + 200);
    expect(await scanMergedAreas(broken, entry, options)).toEqual([]);
    expect(await scanMergedAreas(bytes, entry, { ...options, maxUnpackedBytes: 1000 })).toEqual([]);
    expect(await scanMergedAreas(bytes, { ...entry, uncompressedSize: 1000 }, options)).toEqual([]);
  });

  it('stops when the import is cancelled, and refuses more merged cells than can be checked', async () => {
    const { bytes, entry } = sheetEntry(sheet(''));
    const cancelled = await scanMergedAreas(bytes, entry, { ...options, signal: AbortSignal.abort() }).catch(
      (error: unknown) => error,
    );
    expect(cancelled).toBeInstanceOf(AppError);
    expect((cancelled as AppError).code).toBe('CANCELLED');
    const many = Array.from({ length: 100_001 }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('');
    const tooMany = sheetEntry(`<worksheet><sheetData/><mergeCells>${many}</mergeCells></worksheet>`);
    const refused = await scanMergedAreas(tooMany.bytes, tooMany.entry, options).catch((error: unknown) => error);
    expect((refused as AppError).code).toBe('FILE_TOO_LARGE');
    expect((refused as AppError).message).toBe(
      'The sheet "Data" of "a.xlsx" has more merged cells than can be checked; unmerge the cells and save the file again.',
    );
  });
});
