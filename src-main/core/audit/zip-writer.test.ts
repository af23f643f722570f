// The package's zip as a client's tool reads it: entries deflated in the second thread, several pieces long, stored
// entries between them and an empty one, all in the order written, each with the SHA-256 the manifest gets.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackageZip } from './zip-writer';
import { readZipEntries } from './zip-reader';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Text of `size` bytes that deflates (rows of a table), different for each seed. */
function rows(seed: number, size: number): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const line = `${i},"participant ${(i * 7919 + seed) % 2000}",${(i * 104_729 + seed) % 100_000}\n`;
    out.push(line);
    length += line.length;
  }
  return out.join('');
}

describe('PackageZip', () => {
  it('writes entries of many pieces, stored and empty ones between them, as a zip every tool reads back', () => {
    const big = rows(1, 11 << 20); // three pieces and a bit
    const second = rows(2, 5 << 20);
    const stored = Buffer.from(rows(3, 300_000));
    const zip = new PackageZip();
    const table = zip.open('tables/big.csv');
    for (let at = 0; at < big.length; at += 1_000_000) table.push(big.slice(at, at + 1_000_000));
    table.end();
    zip.add('ledger.xlsx', Buffer.from(stored), false);
    zip.add('empty.csv', '');
    const other = zip.open('tables/second.csv');
    other.push(Buffer.from(second));
    other.end();
    zip.add('README.txt', 'small');
    const files = zip.files;
    const bytes = zip.finish();

    expect(files.map((f) => f.path)).toEqual([
      'tables/big.csv',
      'ledger.xlsx',
      'empty.csv',
      'tables/second.csv',
      'README.txt',
    ]);
    const expected: Record<string, string> = {
      'tables/big.csv': big,
      'ledger.xlsx': stored.toString('utf8'),
      'empty.csv': '',
      'tables/second.csv': second,
      'README.txt': 'small',
    };
    for (const f of files) {
      expect(f.sha256).toBe(sha256(expected[f.path]!));
      expect(f.size).toBe(Buffer.byteLength(expected[f.path]!));
    }
    const entries = readZipEntries(bytes);
    for (const [path, text] of Object.entries(expected))
      expect(Buffer.from(entries[path]!).toString('utf8')).toBe(text);

    // Python's zipfile, as an auditor's script would open it: every CRC checked, every entry's size.
    const dir = mkdtempSync(join(tmpdir(), 'package-zip-'));
    try {
      writeFileSync(join(dir, 'p.zip'), bytes);
      const listed = execFileSync(
        'python3',
        [
          '-c',
          'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
            'for i in z.infolist(): print(i.filename, i.file_size, i.compress_type)',
          join(dir, 'p.zip'),
        ],
        { encoding: 'utf8' },
      );
      expect(listed.trim().split('\n')).toEqual([
        `tables/big.csv ${big.length} 8`,
        `ledger.xlsx ${stored.length} 0`,
        'empty.csv 0 8',
        `tables/second.csv ${second.length} 8`,
        'README.txt 5 8',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same bytes for the same files, whatever the thread was doing', () => {
    const make = () => {
      const zip = new PackageZip();
      zip.add('a.csv', rows(5, 9 << 20));
      zip.add('b.csv', rows(6, 100));
      return zip.finish();
    };
    expect(sha256(make())).toBe(sha256(make()));
  });
});
