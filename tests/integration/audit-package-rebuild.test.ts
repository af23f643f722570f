// A package's table that cannot be read back whole: the rebuilt database takes the rows before the first one that
// fails, and the problem names that row, whether the rows go to SQLite one by one or many to a statement.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportAuditPackage } from '../../src-main/core/audit/export-audit-package';
import { verifyAuditPackage } from '../../src-main/core/audit/verify-audit-package';
import { septemberClosed } from '../fixtures/september-payout-stages';
import { caseOpener } from '../fixtures/staged-database';

const open = caseOpener();

/**
 * The package with sales_lines.csv made longer than a statement's rows (copies of its last row under new ids, which
 * the seals report and which are not what is tested here), then its `line`-th row (1 is the first after the header)
 * rewritten by `edit`.
 */
async function withSalesLine(line: number, edit: (row: string, lines: string[]) => string) {
  const { ctx, dir } = await open(septemberClosed);
  const zip = join(dir, 'audit.zip');
  exportAuditPackage(ctx, zip);
  const entries = unzipSync(readFileSync(zip));
  const lines = Buffer.from(entries['tables/sales_lines.csv']!).toString('utf8').split('\n');
  const original = lines.length - 2; // a header and the empty text after the last line feed
  const last = lines[original]!;
  const lastId = Number(last.split(',')[0]);
  for (let i = 1; i <= 90; i++) lines.splice(lines.length - 1, 0, last.replace(/^\d+,/, `${lastId + i},`));
  lines[line] = edit(lines[line]!, lines);
  entries['tables/sales_lines.csv'] = strToU8(lines.join('\n'));
  const out = join(dir, 'edited.zip');
  writeFileSync(out, zipSync(entries, { level: 1 }));
  // The rows of every table but sales_lines, and those of sales_lines before `line`.
  return { clean: verifyAuditPackage(zip), edited: verifyAuditPackage(out), others: -original + line - 1 };
}

describe('a table that cannot be read back whole', () => {
  it('names the row whose id repeats an earlier one, with the rows before it rebuilt', async () => {
    const { clean, edited, others } = await withSalesLine(45, (row, lines) =>
      row.replace(/^\d+,/, `${lines[3]!.split(',')[0]!},`),
    );
    expect(clean.ok).toBe(true);
    const unreadable = edited.problems.filter((p) => p.code === 'TABLE_UNREADABLE');
    expect(unreadable).toEqual([
      expect.objectContaining({
        table: 'sales_lines',
        path: 'tables/sales_lines.csv',
        message: expect.stringMatching(
          /^tables\/sales_lines\.csv: row 45 cannot be read back into sales_lines: UNIQUE/,
        ),
      }),
    ]);
    expect(edited.counts.rows).toBe(clean.counts.rows + others);
  });

  it('names the row that is not CSV of the package’s encoding, with the rows before it rebuilt', async () => {
    const { clean, edited, others } = await withSalesLine(40, (row) => row.replace(/,[^,]*$/, ''));
    const unreadable = edited.problems.filter((p) => p.code === 'TABLE_UNREADABLE');
    expect(unreadable).toEqual([
      expect.objectContaining({
        table: 'sales_lines',
        message: expect.stringMatching(
          /^tables\/sales_lines\.csv: row 40 cannot be read back into sales_lines: record/,
        ),
      }),
    ]);
    expect(edited.counts.rows).toBe(clean.counts.rows + others);
  });
});
