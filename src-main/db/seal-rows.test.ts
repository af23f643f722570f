// A seal's content on a real SQLite file: the same rows give the same digest, any change of
// value or type gives another, and the per-row checks name the row, with or without gaps in
// the rowids.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/fixtures/client-files';
import { sealRows, unpackChecks } from './seal-rows';

function table(rows: [number, unknown, unknown][]): Database.Database {
  const db = new Database(join(makeTempDir('loyalty-seal-rows-'), 't.db'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a, b BLOB)');
  const insert = db.prepare('INSERT INTO t (id, a, b) VALUES (?, ?, ?)');
  for (const row of rows) insert.run(...row);
  return db;
}

const COLUMNS = ['rowid', 'id', 'a', 'b'];

describe('sealRows', () => {
  it('gives the same digest for the same rows, and another for a changed value or type', () => {
    const rows: [number, unknown, unknown][] = [
      [1, 'x', Buffer.from('ab', 'hex')],
      [2, 5, null],
      [3, 'żółć "quoted"\n', null],
    ];
    const first = sealRows(table(rows), 't', COLUMNS, 0, 10)!;
    expect(sealRows(table(rows), 't', COLUMNS, 0, 10)).toEqual(first);
    expect(first).toMatchObject({ firstRowid: 1, lastRowid: 3, rowCount: 3 });
    expect(first.checks.length).toBe(12);
    for (const changed of [
      [[1, 'x', 'ab'], rows[1], rows[2]],
      [rows[0], [2, 5.5, null], rows[2]],
      [rows[0], [2, '5', null], rows[2]],
      [rows[0], rows[1], [3, 'żółć "quoted"', null]],
    ] as [number, unknown, unknown][][]) {
      expect(sealRows(table(changed), 't', COLUMNS, 0, 10)!.digest).not.toBe(first.digest);
    }
    expect(sealRows(table(rows), 't', COLUMNS, 3, 10)).toBeNull();
  });

  it('keeps the rowid of each check when the rowids have gaps, so that a changed row is named', () => {
    const rows: [number, unknown, unknown][] = [
      [4, 'a', null],
      [9, 'b', null],
      [10, 'c', null],
    ];
    const sealed = sealRows(table(rows), 't', COLUMNS, 0, 100)!;
    expect(sealed.checks.length).toBe(24);
    const expected = unpackChecks(sealed.firstRowid, sealed.rowCount, sealed.checks)!;
    expect([...expected.keys()]).toEqual([4, 9, 10]);
    const now = new Map<number, number>();
    sealRows(table([rows[0]!, [9, 'B', null], rows[2]!]), 't', COLUMNS, 0, 100, (r) => now.set(r.rowid, r.crc));
    expect([...expected].filter(([rowid, crc]) => now.get(rowid) !== crc).map(([rowid]) => rowid)).toEqual([9]);
    expect(unpackChecks(4, 3, Buffer.alloc(5))).toBeNull();
  });
});
