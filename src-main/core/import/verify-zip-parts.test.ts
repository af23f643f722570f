import { describe, expect, it } from 'vitest';
import { zipOf } from '../../../tests/fixtures/zip-of';
import { AppError } from '../app-error';
import { readZipDirectory } from './read-zip-directory';
import { verifyZipParts } from './verify-zip-parts';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('verifyZipParts', () => {
  const zip = zipOf({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': `<worksheet>${'<row/>'.repeat(1000)}</worksheet>` });

  it('passes whole parts', async () => {
    await expect(verifyZipParts(zip, readZipDirectory(zip, 'a.xlsx'), 'a.xlsx', 1_000_000)).resolves.toBeUndefined();
  });

  it('refuses a part whose checksum or size does not match the directory', async () => {
    const entries = readZipDirectory(zip, 'a.xlsx').map((e) => ({ ...e }));
    entries[1]!.crc32 ^= 1;
    const crc = await refusal(verifyZipParts(zip, entries, 'a.xlsx', 1_000_000));
    expect(crc.code).toBe('FILE_UNREADABLE');
    expect(crc.message).toBe('The file "a.xlsx" is damaged and cannot be read (the part "xl/worksheets/sheet1.xml" is corrupt); ask the client to send it again.');
    const lying = readZipDirectory(zip, 'a.xlsx').map((e) => ({ ...e, uncompressedSize: 10 }));
    expect((await refusal(verifyZipParts(zip, lying, 'a.xlsx', 1_000_000))).code).toBe('FILE_UNREADABLE');
  });

  it('refuses data that does not inflate', async () => {
    const broken = new Uint8Array(zip);
    const sheet = readZipDirectory(zip, 'a.xlsx')[1]!;
    broken.fill(0xff, sheet.dataStart, sheet.dataStart + sheet.compressedSize);
    expect((await refusal(verifyZipParts(broken, readZipDirectory(broken, 'a.xlsx'), 'a.xlsx', 1_000_000))).message).toContain('does not unpack');
  });

  it('stops unpacking at the limit, whatever the directory claims', async () => {
    const error = await refusal(verifyZipParts(zip, readZipDirectory(zip, 'a.xlsx'), 'a.xlsx', 2000));
    expect(error.code).toBe('FILE_TOO_LARGE');
  });
});
