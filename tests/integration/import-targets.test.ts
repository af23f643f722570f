// Targets files, long form (the sample) and wide form (a column per month), their values as
// exact money, and the latest batch deciding a participant's target for a month.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import type { ImportFile } from '../../src-main/core/import/jobs/import-pipeline';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { importParticipants } from '../../src-main/core/import/kinds/import-participants';
import { currentTargets, importTargets, targetsRunner } from '../../src-main/core/import/kinds/import-targets';
import { hasOpenpyxl, makeTempDir, writeXlsxWithOpenpyxl } from '../fixtures/client-files';
import { encodeLegacy } from '../fixtures/legacy-encoding';
import { samplesDir } from '../fixtures/repo-paths';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const sample = (name: string): ImportFile => ({ fileName: name, bytes: readFileSync(join(samplesDir, name)) });
const csv = (fileName: string, lines: string[]): ImportFile => ({
  fileName,
  bytes: new TextEncoder().encode(lines.join('\n')),
});

interface StoredTarget {
  participant_code: string;
  period: string;
  target_minor: number;
  batch_id: number;
  source_row: number;
}
const targetsOf = (ctx: CoreContext, batchId: number) =>
  ctx.store.sqlite
    .prepare(
      'SELECT participant_code, period, target_minor, batch_id, source_row FROM targets WHERE batch_id = ? ORDER BY id',
    )
    .all(batchId) as StoredTarget[];

let dir: string;
let ctx: CoreContext;
beforeAll(() => {
  dir = makeTempDir('loyalty-targets-');
});
beforeEach(() => {
  ctx = openTestContext();
});

describe('targets, long form', () => {
  it('imports the 24 targets of the sample in minor units, each with its row', async () => {
    await importParticipants(ctx, sample('participants.xlsx'));
    const report = await importTargets(ctx, sample('targets.xlsx'));
    expect(report).toMatchObject({
      kind: 'targets',
      rowsRead: 24,
      accepted: 24,
      rejected: 0,
      created: 24,
      updated: 0,
      unchanged: 0,
      problems: [],
    });
    expect(report.mapping).toEqual({ participantCode: 'Rep code', period: 'Period', target: 'Target' });
    const stored = targetsOf(ctx, report.batchId);
    expect(stored).toHaveLength(24);
    expect(stored[0]).toEqual({
      participant_code: 'R0001',
      period: '2026-09',
      target_minor: 500000,
      batch_id: report.batchId,
      source_row: 2,
    });
    expect(currentTargets(ctx, 1, ['2026-10']).get(JSON.stringify(['R0004', '2026-10']))).toBe(800000);
  });

  it('adds the targets of a later file; the latest one counts, the earlier one stays', async () => {
    const first = await importTargets(
      ctx,
      csv('cele.csv', ['Kod PH;Okres;Cel', 'R0001;2026-10;1 000,00', 'R0002;2026-10;2000']),
    );
    const second = await importTargets(
      ctx,
      csv('cele-korekta.csv', [
        'Kod PH;Okres;Cel',
        'R0001;2026-10;1 200,50',
        'R0002;2026-10;2000',
        'R0003;2026-10;300',
      ]),
    );
    expect(second).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(second.changes).toEqual([
      { code: 'R0001', row: 2, changes: [{ field: 'target 2026-10', from: '1000.00', to: '1200.50' }] },
    ]);
    const current = currentTargets(ctx, 1, ['2026-10']);
    expect(current.get(JSON.stringify(['R0001', '2026-10']))).toBe(120050);
    expect(current.get(JSON.stringify(['R0003', '2026-10']))).toBe(30000);
    expect(targetsOf(ctx, first.batchId).map((t) => t.target_minor)).toEqual([100000, 200000]);
    expect(() => ctx.store.sqlite.prepare('UPDATE targets SET target_minor = 1').run()).toThrow(/append-only/);
  });

  it('reads periods as months, dates in the month or dd.mm.yyyy text, and rejects bad periods and amounts', async () => {
    const prepared = await targetsRunner.prepare(
      ctx,
      csv('plan.csv', [
        'Код представителя;Месяц;План',
        'R1;2026-10;1000',
        'R2;01.10.2026;1 500,5',
        'R3;10.2026;99,999',
        'R4;октябрь;100',
        'R5;2026-10;-5',
        'R1;2026-10;1',
        'R6;2026-11;abc',
      ]),
      {},
      NO_PROGRESS,
    );
    expect(prepared.preview).toMatchObject({ accepted: 2, rejected: 5 });
    expect(
      prepared.preview.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.value, p.code]),
    ).toEqual([
      [4, 'План', '99,999', 'TOO_MANY_DECIMALS'],
      [5, 'Месяц', 'октябрь', 'BAD_PERIOD'],
      [6, 'План', '-5', 'BAD_NUMBER'],
      [7, 'Код представителя', 'R1 / 2026-10', 'DUPLICATE_IN_FILE'],
      [8, 'План', 'abc', 'BAD_NUMBER'],
    ]);
    const report = prepared.commit();
    expect(targetsOf(ctx, report.batchId).map((t) => [t.participant_code, t.period, t.target_minor])).toEqual([
      ['R1', '2026-10', 100000],
      ['R2', '2026-10', 150050],
    ]);
  });
});

describe('targets, wide form', () => {
  it('reads one target per filled month cell of a Windows-1250 CSV', async () => {
    const text = [
      'Cele miesięczne;;;',
      'Kod przedstawiciela;Imię i nazwisko;2026-09;2026-10;2026-11',
      'R0001;Barbara Nowicka;5 000,00;3000;',
      'R0002;Jakub Malinowski;;2 500,50;4000',
      'R0003;Ольга;;;',
    ].join('\r\n');
    const bytes = encodeLegacy(text.replace('Ольга', 'Olga'), 'windows-1250');
    const prepared = await targetsRunner.prepare(ctx, { fileName: 'cele-szeroko.csv', bytes }, {}, NO_PROGRESS);
    expect(prepared.preview.mapping).toEqual({
      participantCode: 'Kod przedstawiciela',
      '2026-09': '2026-09',
      '2026-10': '2026-10',
      '2026-11': '2026-11',
    });
    expect(prepared.preview.fields.map((f) => f.field)).toEqual(['participantCode', '2026-09', '2026-10', '2026-11']);
    expect(prepared.preview).toMatchObject({ headerRow: 2, accepted: 3, rejected: 0 });
    const report = prepared.commit();
    expect(report).toMatchObject({ accepted: 3, created: 4 });
    expect(
      targetsOf(ctx, report.batchId).map((t) => [t.participant_code, t.period, t.target_minor, t.source_row]),
    ).toEqual([
      ['R0001', '2026-09', 500000, 3],
      ['R0001', '2026-10', 300000, 3],
      ['R0002', '2026-10', 250050, 4],
      ['R0002', '2026-11', 400000, 4],
    ]);
  });

  it.skipIf(!hasOpenpyxl)(
    'reads month headers that Excel turned into dates, and rejects a row with a bad amount',
    async () => {
      const bytes = writeXlsxWithOpenpyxl(join(dir, 'targets-wide.xlsx'), [
        {
          title: 'Plan',
          rows: [
            [
              'Rep code',
              { date: '2026-09-01', format: 'mmm yy' },
              { date: '2026-10-01', format: 'yyyy-mm' },
              'Comment',
            ],
            ['R0001', 5000, 3000.5, 'ok'],
            ['R0002', '3 000,00', 'n/a'],
            ['R0003', { formula: '=2*1500' }, null],
          ],
        },
      ]);
      const report = await importTargets(ctx, { fileName: 'targets-wide.xlsx', bytes });
      // openpyxl writes formulas without a cached result: such a cell is an error, not a guess.
      expect(report).toMatchObject({ accepted: 1, rejected: 2, created: 2 });
      expect(report.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.code])).toEqual([
        [3, '2026-10-01', 'BAD_NUMBER'],
        [4, '2026-09-01', 'ERROR_CELL'],
      ]);
      expect(targetsOf(ctx, report.batchId).map((t) => [t.participant_code, t.period, t.target_minor])).toEqual([
        ['R0001', '2026-09', 500000],
        ['R0001', '2026-10', 300050],
      ]);
    },
  );

  it('says what a targets file needs when it is in neither form, and writes nothing', async () => {
    const before = tableCounts(ctx);
    await expect(importTargets(ctx, csv('cele.csv', ['Rep code;Name;Q4', 'R1;A;100']))).rejects.toMatchObject({
      code: 'HEADER_NOT_FOUND',
      message:
        'The targets file "cele.csv" has a Rep code column (row 1) but neither Period and Target columns (the long form) nor columns headed by months such as 2026-10 (the wide form).',
    });
    await expect(importTargets(ctx, csv('cele.csv', ['Kto;Ile', 'R1;100']))).rejects.toMatchObject({
      code: 'HEADER_NOT_FOUND',
    });
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('warns of participant codes that the program does not know', async () => {
    await importParticipants(ctx, sample('participants.xlsx'));
    const report = await importTargets(
      ctx,
      csv('cele.csv', ['Rep code;2026-10;2026-11', 'R0001;100;100', 'X-9;100;200']),
    );
    expect(report.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Rep code',
        value: 'X-9',
        code: 'UNKNOWN_PARTICIPANT',
        severity: 'warning',
      }),
    ]);
    expect(report.created).toBe(4);
  });
});
