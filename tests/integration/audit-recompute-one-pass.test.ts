// The recomputation reads a period's sales lines and approved lines in one pass when every value is of the type the app
// writes, and value by value otherwise: lines of a file edited with another tool (Python's sqlite3, the tables'
// triggers dropped) holding a REAL, a text, a line twice, one taken out and one added are each named, in the order of
// the recomputed lines, with the values exactly as stored (a REAL to its last digit, which JSON would round to 15).
// A period's volumes are reused for the next one's tiers only when its lines are the same: a correction imported after
// September's approval and settled in October's counts in October's previous volume, as approved.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RecomputeDifference } from '../../src-main/core/audit/audit-views';
import { recomputeApprovedPeriods } from '../../src-main/core/audit/recompute-approved';
import { openDatabaseReadOnly } from '../../src-main/db/open-database';
import { approvePeriod } from '../../src-main/core/approval/approve-period';
import { importSales } from '../../src-main/core/sales/import-sales';
import { SALES_HEADER, csvFile, importScenarioSales } from '../fixtures/scoring-scenario';
import { septemberApproved, septemberClosed } from '../fixtures/september-payout-stages';
import { caseOpener, stage } from '../fixtures/staged-database';

const open = caseOpener();

/** September approved, then corrected (A sold more DOG-01) and the correction settled in October's approval. */
const octoberAfterCorrection = stage(septemberApproved, async (ctx) => {
  const september = ctx.store.sqlite
    .prepare("SELECT MIN(id) FROM import_batches WHERE kind = 'sales' AND period = '2026-09'")
    .pluck()
    .get() as number;
  await importSales(
    ctx,
    csvFile('sales-2026-09-fixed.csv', [
      SALES_HEADER,
      '2026-09-05;A;DOG-01;30;3000,00;S/1',
      '2026-09-06;A;TOY-3;100;300000,00;S/2',
      '2026-09-10;B;TOY-3;100;550000,00;S/3',
      '2026-09-11;B;CAT-07;10;500,00;S/4',
      '2026-09-15;C;DOG-01;600;60000,00;S/5',
      '2026-09-16;D;DOG-01;8;800,00;S/6',
      '2026-09-17;E;DOG-01;5;500,00;S/7',
    ]),
    { period: '2026-09', replaceBatchId: september },
  );
  await importScenarioSales(ctx, '2026-10');
  approvePeriod(ctx, '2026-10', { fitBudget: true, acceptOpenAnomalies: 'Checked with the client' });
});

const PYTHON_TAMPER = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
guards = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
for name, _ in guards:
    db.execute('DROP TRIGGER ' + name)
for sql, params in json.loads(sys.argv[2]):
    db.execute(sql, params)
for _, sql in guards:
    db.execute(sql)
db.commit()
db.close()
`;

interface ApprovedLine {
  id: number;
  sales_line_id: number;
  participant_code: string;
  points: number;
  campaign_points: number;
}

function tamper(file: string, statements: [string, (string | number)[]][]) {
  const python = spawnSync('python3', ['-c', PYTHON_TAMPER, file, JSON.stringify(statements)], { encoding: 'utf8' });
  expect(python.stderr).toBe('');
  expect(python.status).toBe(0);
}

function recompute(file: string) {
  const store = openDatabaseReadOnly(file);
  try {
    const differences: RecomputeDifference[] = [];
    const failed: string[] = [];
    const counts = store.sqlite.transaction(() =>
      recomputeApprovedPeriods(store.sqlite, {
        difference: (d) => differences.push(d),
        failed: (period, message) => failed.push(`${period}: ${message}`),
      }),
    )();
    return { counts, differences, failed };
  } finally {
    store.close();
  }
}

describe('the recomputation of lines edited behind the app’s back', () => {
  it('names each approved line changed to a REAL or a text, copied, taken out or added, in the recomputed order', async () => {
    const { ctx } = await open(septemberClosed);
    const file = ctx.store.file;
    // The first lines in the order the recomputation reports them: by participant, then batch, row and id.
    const lines = ctx.store.sqlite
      .prepare(
        `SELECT a.id, a.sales_line_id, a.participant_code, a.points, a.campaign_points
         FROM approved_lines a JOIN sales_lines s ON s.id = a.sales_line_id
         WHERE a.points > 0 ORDER BY a.participant_code, s.batch_id, s.source_row, s.id LIMIT 5`,
      )
      .all() as ApprovedLine[];
    expect(lines).toHaveLength(5);
    const [real, text, huge, gone, twice] = lines as [
      ApprovedLine,
      ApprovedLine,
      ApprovedLine,
      ApprovedLine,
      ApprovedLine,
    ];
    const lastLine = ctx.store.sqlite.prepare('SELECT MAX(id) FROM sales_lines').pluck().get() as number;
    const lastApproved = ctx.store.sqlite.prepare('SELECT MAX(id) FROM approved_lines').pluck().get() as number;
    const clean = recompute(file);
    expect(clean.differences).toEqual([]);
    ctx.store.close();

    tamper(file, [
      // Off by a millionth of a billionth: read back to 15 significant digits (as JSON writes a REAL) it is whole.
      ['UPDATE approved_lines SET points = points * 1.000000000000001 WHERE id = ?', [real.id]],
      ["UPDATE approved_lines SET points = 'x' || points WHERE id = ?", [text.id]],
      // 15 significant digits would read it back as 1000000000000000, a whole number of points.
      ['UPDATE approved_lines SET campaign_points = 1000000000000000.4 WHERE id = ?', [huge.id]],
      ['DELETE FROM approved_lines WHERE id = ?', [gone.id]],
      [
        `INSERT INTO approved_lines (approval_id, sales_line_id, participant_code, rule, points_per_unit, points,
           campaign_points, promoted)
         SELECT approval_id, sales_line_id, participant_code, rule, points_per_unit, points + 7, campaign_points, promoted
         FROM approved_lines WHERE id = ?`,
        [twice.id],
      ],
      [
        `INSERT INTO approved_lines (approval_id, sales_line_id, participant_code, rule, points_per_unit, points,
           campaign_points, promoted)
         SELECT approval_id, ?, participant_code, rule, points_per_unit, 11, 0, promoted FROM approved_lines WHERE id = ?`,
        [lastLine + 1000, real.id],
      ],
    ]);

    const { counts, differences, failed } = recompute(file);
    expect(failed).toEqual([]);
    expect(counts.linesCompared).toBe(clean.counts.linesCompared);
    const at = (rowId: number) => ({ table: 'approved_lines', rowId });
    expect(differences).toEqual([
      {
        period: '2026-09',
        participant: real.participant_code,
        field: `line ${real.sales_line_id} points`,
        packaged: real.points * 1.000000000000001,
        recomputed: real.points,
        ...at(real.id),
      },
      {
        period: '2026-09',
        participant: text.participant_code,
        field: `line ${text.sales_line_id} points`,
        packaged: `x${text.points}`,
        recomputed: text.points,
        ...at(text.id),
      },
      {
        period: '2026-09',
        participant: huge.participant_code,
        field: `line ${huge.sales_line_id} campaign_points`,
        packaged: 1000000000000000.4,
        recomputed: huge.campaign_points,
        ...at(huge.id),
      },
      {
        period: '2026-09',
        participant: gone.participant_code,
        field: `approved_lines line ${gone.sales_line_id}`,
        packaged: null,
        recomputed: gone.points,
      },
      // The copy, read after the line it copies, is the one compared.
      {
        period: '2026-09',
        participant: twice.participant_code,
        field: `line ${twice.sales_line_id} points`,
        packaged: twice.points + 7,
        recomputed: twice.points,
        ...at(lastApproved + 1),
      },
      {
        period: '2026-09',
        participant: real.participant_code,
        field: `line ${lastLine + 1000}`,
        packaged: 11,
        recomputed: null,
        ...at(lastApproved + 2),
      },
    ]);
  });

  it('names approved points made a REAL that 15 significant digits would read back as the recomputed whole number', async () => {
    const { ctx } = await open(septemberClosed);
    const file = ctx.store.file;
    const line = ctx.store.sqlite
      .prepare(
        'SELECT id, sales_line_id, participant_code, points FROM approved_lines WHERE points > 0 ORDER BY id LIMIT 1',
      )
      .get() as ApprovedLine;
    ctx.store.close();
    tamper(file, [['UPDATE approved_lines SET points = points * 1.000000000000001 WHERE id = ?', [line.id]]]);
    const packaged = line.points * 1.000000000000001;
    expect(Number(packaged.toPrecision(15))).toBe(line.points);

    const { differences, failed } = recompute(file);
    expect(failed).toEqual([]);
    expect(differences).toEqual([
      {
        period: '2026-09',
        participant: line.participant_code,
        field: `line ${line.sales_line_id} points`,
        packaged,
        recomputed: line.points,
        table: 'approved_lines',
        rowId: line.id,
      },
    ]);
  });

  it('scores a sales line whose net value was made a REAL with the value to its last digit', async () => {
    const { ctx } = await open(septemberClosed);
    const file = ctx.store.file;
    const line = ctx.store.sqlite
      .prepare("SELECT id, net_minor FROM sales_lines WHERE period = '2026-09' AND net_minor > 0 ORDER BY id LIMIT 1")
      .get() as { id: number; net_minor: number };
    ctx.store.close();
    // 2^-13 is exact in binary; read back with 15 significant digits (as JSON writes a REAL) it would be cut short.
    const fraction = 0.0001220703125;
    tamper(file, [['UPDATE sales_lines SET net_minor = net_minor + ? WHERE id = ?', [fraction, line.id]]]);

    // Integer arithmetic refuses a net value that is not whole: the period fails, naming the value as stored.
    const { differences, failed } = recompute(file);
    expect(String(line.net_minor + fraction)).not.toBe(String(Number((line.net_minor + fraction).toPrecision(15))));
    expect(failed).toEqual([expect.stringContaining(`2026-09: The number ${line.net_minor + fraction} `)]);
    expect(differences).toEqual([]);
  });

  it('takes October’s previous volume from September’s lines as corrected after its approval, not as approved', async () => {
    const { ctx } = await open(octoberAfterCorrection);
    const file = ctx.store.file;
    const previous = (period: string) =>
      ctx.store.sqlite
        .prepare(
          `SELECT s.volume_minor, s.previous_volume_minor FROM approved_scores s
           JOIN approved_periods a ON a.id = s.approval_id WHERE a.period = ? AND s.participant_code = 'A'`,
        )
        .get(period) as { volume_minor: number; previous_volume_minor: number | null };
    // September as approved counted A's first line at 1000.00; October's tier counted it at 3000.00, as corrected.
    expect(previous('2026-10').previous_volume_minor).toBe(previous('2026-09').volume_minor + 200_000);
    ctx.store.close();

    const { counts, differences, failed } = recompute(file);
    expect(failed).toEqual([]);
    expect(counts.periodsRecomputed).toBe(2);
    expect(differences).toEqual([]);
  });
});
