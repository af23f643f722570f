import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repeatedDeflate, zipOfRaw } from '../../../../tests/fixtures/zip-bomb';
import { zipOf } from '../../../../tests/fixtures/zip-of';
import { AppError } from '../../app-error';
import { readZipDirectory, type ZipEntry } from './read-zip-directory';
import { repackZipParts, type RepackPart, type RepackOptions } from './repack-zip-parts';
import { XmlPartGuard } from './xml-part-guard';

const options: RepackOptions = {
  fileName: 'a.xlsx',
  maxUnpackedBytes: 1_000_000,
  maxTextRunBytes: 1024 * 1024,
  maxCellChars: 32_767,
};

async function collect(bytes: Uint8Array, parts: RepackPart[], opts: Partial<RepackOptions> = {}): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of repackZipParts(bytes, parts, { ...options, ...opts })) out.push(chunk);
  return Buffer.concat(out);
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The stored records of a repacked zip: name and data of each. */
function storedRecords(zip: Buffer): { name: string; data: string }[] {
  const records: { name: string; data: string }[] = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    expect(zip.readUInt16LE(at + 8)).toBe(0);
    const size = zip.readUInt32LE(at + 22);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString();
    const start = at + 30 + nameLength;
    records.push({ name, data: zip.subarray(start, start + size).toString() });
    at = start + size;
  }
  expect(zip.readUInt32LE(at)).toBe(0x06054b50);
  return records;
}

const sheet = `<worksheet>${'<row/>'.repeat(1000)}</worksheet>`;
const zip = zipOf({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/data.xml': sheet });
const entries = () => readZipDirectory(zip, 'a.xlsx').map((e) => ({ ...e }));
const partsOf = (list: ZipEntry[]): RepackPart[] =>
  list.map((entry, i) => ({ name: i === 0 ? 'xl/workbook.xml' : 'xl/worksheets/sheet1.xml', entry }));

describe('repackZipParts', () => {
  it('hands the parts over unpacked, as stored records under the names asked for, and made-up parts too', async () => {
    const parts: RepackPart[] = [...partsOf(entries()), { name: 'xl/sharedStrings.xml', entry: null, text: '<sst/>' }];
    const progress: number[] = [];
    const records = storedRecords(await collect(zip, parts, { onBytes: (n) => progress.push(n) }));
    expect(records).toEqual([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
      { name: 'xl/sharedStrings.xml', data: '<sst/>' },
    ]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeLessThanOrEqual(zip.byteLength);
  });

  it('refuses a part whose checksum or size does not match the directory', async () => {
    const crc = entries();
    crc[1]!.crc32 ^= 1;
    const corrupt = await refusal(collect(zip, partsOf(crc)));
    expect(corrupt.code).toBe('FILE_UNREADABLE');
    expect(corrupt.message).toBe(
      'The file "a.xlsx" is damaged and cannot be read (the part "xl/worksheets/data.xml" is corrupt); ask the client to send it again.',
    );
    const smaller = entries();
    smaller[1]!.uncompressedSize = 10;
    expect((await refusal(collect(zip, partsOf(smaller)))).message).toContain(
      'unpacks to more than its directory says',
    );
    const larger = entries();
    larger[1]!.uncompressedSize += 10;
    expect((await refusal(collect(zip, partsOf(larger)))).message).toContain('is corrupt');
  });

  it('refuses data that does not inflate, and a deflate stream cut short', async () => {
    const broken = new Uint8Array(zip);
    const part = entries()[1]!;
    broken.fill(0xff, part.dataStart, part.dataStart + part.compressedSize);
    expect((await refusal(collect(broken, partsOf(readZipDirectory(broken, 'a.xlsx'))))).message).toContain(
      'does not unpack',
    );
    const cut = repeatedDeflate('<a>', 'x', 10).subarray(0, 5);
    const cutZip = zipOfRaw([{ name: 'xl/worksheets/sheet1.xml', data: cut, method: 8, crc32: 0, declaredSize: 14 }]);
    expect(
      (
        await refusal(
          collect(cutZip, [{ name: 'xl/worksheets/sheet1.xml', entry: readZipDirectory(cutZip, 'a.xlsx')[0]! }]),
        )
      ).code,
    ).toBe('FILE_UNREADABLE');
  });

  it('stops at the limit, and at what the directory says, whatever the part really unpacks to', async () => {
    const limit = await refusal(collect(zip, partsOf(entries()), { maxUnpackedBytes: 2000 }));
    expect(limit.code).toBe('FILE_TOO_LARGE');
    expect(limit.message).toBe(
      'The workbook "a.xlsx" unpacks to more than 2 KB, over the import limit; it was not imported.',
    );
    // 2 GB of rows in 6 MB, declared as 10 KB: refused after about 10 KB, in well under a second.
    const data = repeatedDeflate(
      '<worksheet><sheetData>',
      '<row r="2"><c r="A2"><v>1</v></c></row>'.repeat(16384),
      3300,
    );
    const bomb = zipOfRaw([{ name: 'xl/worksheets/sheet1.xml', data, method: 8, crc32: 0, declaredSize: 10_000 }]);
    const started = performance.now();
    let handed = 0;
    const error = await refusal(
      (async () => {
        for await (const chunk of repackZipParts(
          bomb,
          [{ name: 'xl/worksheets/sheet1.xml', entry: readZipDirectory(bomb, 'bomb.xlsx')[0]! }],
          { ...options, fileName: 'bomb.xlsx' },
        ))
          handed += chunk.length;
      })(),
    );
    expect(error.message).toBe(
      'The file "bomb.xlsx" is damaged and cannot be read (the part "xl/worksheets/sheet1.xml" unpacks to more than its directory says); ask the client to send it again.',
    );
    expect(handed).toBeLessThan(10_100);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses declared entities and gigantic text as they stream past', async () => {
    const dtd = zipOf({
      'xl/worksheets/sheet1.xml':
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><worksheet>&b;</worksheet>',
    });
    const entity = await refusal(
      collect(dtd, [{ name: 'xl/worksheets/sheet1.xml', entry: readZipDirectory(dtd, 'a.xlsx')[0]! }]),
    );
    expect(entity.code).toBe('FILE_NOT_SUPPORTED');
    expect(entity.message).toBe(
      'The workbook "a.xlsx" cannot be imported: its part "xl/worksheets/sheet1.xml" declares XML entities (a DOCTYPE), which Excel never writes and which can hide an entity bomb; open it in Excel, save it as .xlsx and import that file.',
    );
    const giant = zipOf({ 'xl/sharedStrings.xml': `<sst><si><t>${'x'.repeat(3 * 1024 * 1024)}</t></si></sst>` });
    const run = await refusal(
      collect(giant, [{ name: 'xl/sharedStrings.xml', entry: readZipDirectory(giant, 'a.xlsx')[0]! }], {
        maxUnpackedBytes: 10_000_000,
      }),
    );
    expect(run.code).toBe('FILE_TOO_LARGE');
    expect(run.message).toBe(
      'The workbook "a.xlsx" has a cell (or other entry) with more than 1 MB of text in its part "xl/sharedStrings.xml", over the import limit of 32,767 characters a cell; it was not imported.',
    );
  });

  it('stops when the import is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await refusal(collect(zip, partsOf(entries()), { signal: controller.signal }))).code).toBe('CANCELLED');
  });

  it('hands a stored part over as it is, checking its checksum', async () => {
    const text = '<workbook/>';
    const stored = zipOfRaw([
      { name: 'xl/workbook.xml', data: Buffer.from(text), method: 0, crc32: crc32(text), declaredSize: text.length },
    ]);
    const records = storedRecords(
      await collect(stored, [{ name: 'xl/workbook.xml', entry: readZipDirectory(stored, 'a.xlsx')[0]! }]),
    );
    expect(records).toEqual([{ name: 'xl/workbook.xml', data: text }]);
  });
});

describe('XmlPartGuard', () => {
  const guard = (max = 100) => new XmlPartGuard('a.xlsx', 'p.xml', max, 10);

  it('finds a DOCTYPE cut between two chunks', () => {
    const g = guard();
    g.check(Buffer.from('<?xml version="1.0"?><!DOC'));
    expect(() => g.check(Buffer.from('TYPE x>'))).toThrow(/declares XML entities/);
    const e = guard();
    e.check(Buffer.from('<x><!ENT'));
    expect(() => e.check(Buffer.from('ITY a "b">'))).toThrow(/declares XML entities/);
  });

  it('measures text runs across chunks, and passes runs under the limit', () => {
    const g = guard();
    g.check(Buffer.from(`<a>${'x'.repeat(60)}`));
    expect(() => g.check(Buffer.from(`${'x'.repeat(60)}</a>`))).toThrow(/more than 100 bytes of text/);
    const ok = guard();
    for (let i = 0; i < 100; i++) ok.check(Buffer.from(`<a>${'x'.repeat(90)}</a>`));
    const big = guard();
    expect(() => big.check(Buffer.from(`<a>${'x'.repeat(50)}</a><b>${'y'.repeat(150)}</b>`))).toThrow(
      /more than 100 bytes/,
    );
  });
});
