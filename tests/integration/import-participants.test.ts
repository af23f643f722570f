import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import type { CoreContext } from '../../src-main/core/context';
import { readZipDirectory } from '../../src-main/core/import/read/read-zip-directory';
import { importParticipants, type ImportFileInput } from '../../src-main/core/import/kinds/import-participants';
import { getParticipant, listParticipants } from '../../src-main/core/program/participants/participants-query';
import { findProjectRoot } from '../../src-main/db/project-paths';
import { editXlsxWithOpenpyxl, hasOpenpyxl, makeTempDir } from '../fixtures/client-files';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const repoRoot = findProjectRoot();
const samplePath = resolve(repoRoot, '../shared/samples/participants.xlsx');
const sample = (): ImportFileInput => ({ fileName: 'participants.xlsx', bytes: readFileSync(samplePath) });

async function refusal(ctx: CoreContext, input: ImportFileInput): Promise<AppError> {
  try {
    await importParticipants(ctx, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${input.fileName} to be refused`);
}

function csv(fileName: string, text: string): ImportFileInput {
  return { fileName, bytes: new TextEncoder().encode(text) };
}

let ctx: CoreContext;
beforeEach(() => {
  ctx = openTestContext();
});

describe('importParticipants: the sample file', () => {
  it('imports the 12 participants of shared/samples/participants.xlsx', async () => {
    const report = await importParticipants(ctx, sample());
    expect(report).toMatchObject({
      batchId: 1,
      kind: 'participants',
      fileName: 'participants.xlsx',
      sheet: 'Participants',
      headerRow: 1,
      rowsRead: 12,
      accepted: 12,
      rejected: 0,
      skipped: 0,
      created: 12,
      updated: 0,
      unchanged: 0,
      changes: [],
      problems: [],
      source: { format: 'xlsx' },
    });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.mapping).toEqual({
      code: 'Participant code',
      name: 'Name',
      email: 'Email',
      joinDate: 'Join date',
      cardRef: 'Card',
      status: 'Status',
      region: 'Region',
    });

    const page = listParticipants(ctx, { limit: 100 });
    expect(page.total).toBe(12);
    expect(page.rows[0]).toEqual({
      code: 'R0001',
      name: 'Barbara Nowicka',
      email: 'r0001@client.example',
      phone: null,
      region: 'South',
      joinDate: '2026-08-05',
      cardRef: '4000-0001',
      iban: null,
      status: 'active',
    });
    expect(page.rows.find((r) => r.code === 'R0003')?.name).toBe('Ольга Петрова');
    expect(page.rows.find((r) => r.code === 'R0005')?.cardRef).toBe(null);
    expect(page.rows.find((r) => r.code === 'R0012')?.joinDate).toBe('2026-09-18');

    const batch = ctx.store.sqlite.prepare('SELECT * FROM import_batches').all();
    expect(batch).toEqual([
      {
        id: 1,
        program_id: 1,
        kind: 'participants',
        file_name: 'participants.xlsx',
        file_size: readFileSync(samplePath).byteLength,
        sha256: report.sha256,
        sheet: 'Participants',
        header_row: 1,
        mapping_json: JSON.stringify(report.mapping),
        rows_read: 12,
        accepted: 12,
        rejected: 0,
        skipped: 0,
        created_at: '2026-11-01T10:00:00.000Z',
        created_by: 'test',
        superseded_by: null,
        period: null,
        headers_json: JSON.stringify(['Participant code', 'Name', 'Email', 'Join date', 'Card', 'Status', 'Region']),
      },
    ]);
    const detail = getParticipant(ctx, 'R0001');
    expect(detail.source).toEqual({ batchId: 1, fileName: 'participants.xlsx', row: 2 });
    // the creation is in the history: where each value came from
    expect(detail.history.map((h) => [h.field, h.from, h.to, h.row])).toEqual(
      expect.arrayContaining([
        ['name', null, 'Barbara Nowicka', 2],
        ['cardRef', null, '4000-0001', 2],
        ['status', null, 'active', 2],
      ]),
    );
    expect(tableCounts(ctx)).toMatchObject({
      participants: 12,
      participant_changes: 71,
      import_batches: 1,
      import_problems: 0,
    });
    const log = ctx.store.sqlite
      .prepare("SELECT actor, action, subject, details_json FROM operator_log WHERE action = 'import.participants'")
      .all() as { details_json: string }[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: 'test', action: 'import.participants', subject: 'participants.xlsx' });
    expect(JSON.parse(log[0]?.details_json ?? '{}')).toMatchObject({
      batchId: 1,
      accepted: 12,
      rejected: 0,
      created: 12,
    });
  });

  it('refuses the same bytes a second time, naming the first batch, and writes nothing', async () => {
    await importParticipants(ctx, sample());
    const before = tableCounts(ctx);
    const error = await refusal(ctx, { ...sample(), fileName: 'participants-copy.xlsx' });
    expect(error.code).toBe('FILE_ALREADY_IMPORTED');
    expect(error.message).toBe(
      'This file was already imported as batch 1 ("participants.xlsx", 2026-11-01 10:00 UTC); the same file is not imported twice.',
    );
    expect(error.details).toEqual({
      batchId: 1,
      fileName: 'participants.xlsx',
      createdAt: '2026-11-01T10:00:00.000Z',
      createdBy: 'test',
    });
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('needs a program', async () => {
    const bare = openTestContext({ withProgram: false });
    expect((await refusal(bare, sample())).code).toBe('NO_PROGRAM');
  });
});

describe('importParticipants: a changed file imported again', () => {
  it.skipIf(!hasOpenpyxl)('reports what changed, keeps the history and creates the new participant', async () => {
    await importParticipants(ctx, sample());
    const dir = makeTempDir();
    const original = join(dir, 'participants.xlsx');
    copyFileSync(samplePath, original);
    const bytes = editXlsxWithOpenpyxl(
      original,
      join(dir, 'participants-november.xlsx'),
      { C3: 'jakub.m@client.example', G5: null, E6: '4000-0005', F13: 'inactive' },
      [['R0013', 'Nowy Uczestnik', 'r0013@client.example', '01.10.2026', '4000-0013', 'aktywny', 'East']],
    );
    const report = await importParticipants(ctx, { fileName: 'participants-november.xlsx', bytes });
    expect(report).toMatchObject({
      batchId: 2,
      rowsRead: 13,
      accepted: 13,
      rejected: 0,
      created: 1,
      updated: 4,
      unchanged: 8,
      problems: [],
    });
    expect(report.changes).toEqual([
      {
        code: 'R0002',
        row: 3,
        changes: [{ field: 'email', from: 'r0002@client.example', to: 'jakub.m@client.example' }],
      },
      // a present column with a blank cell clears the field
      { code: 'R0004', row: 5, changes: [{ field: 'region', from: 'North', to: null }] },
      { code: 'R0005', row: 6, changes: [{ field: 'cardRef', from: null, to: '4000-0005' }] },
      { code: 'R0012', row: 13, changes: [{ field: 'status', from: 'active', to: 'inactive' }] },
    ]);
    const jakub = getParticipant(ctx, 'R0002');
    expect(jakub.email).toBe('jakub.m@client.example');
    expect(jakub.history[0]).toEqual({
      at: '2026-11-01T10:00:00.000Z',
      batchId: 2,
      fileName: 'participants-november.xlsx',
      row: 3,
      field: 'email',
      from: 'r0002@client.example',
      to: 'jakub.m@client.example',
    });
    // the source stays the row that created the participant
    expect(jakub.source).toEqual({ batchId: 1, fileName: 'participants.xlsx', row: 3 });
    expect(getParticipant(ctx, 'R0004').region).toBe(null);
    expect(getParticipant(ctx, 'R0013')).toMatchObject({
      name: 'Nowy Uczestnik',
      joinDate: '2026-10-01',
      status: 'active',
      source: { batchId: 2, row: 14 },
    });
    const updatedBatch = ctx.store.sqlite
      .prepare("SELECT updated_batch_id AS b FROM participants WHERE code IN ('R0001', 'R0002') ORDER BY code")
      .all();
    expect(updatedBatch).toEqual([{ b: 1 }, { b: 2 }]);
    expect(tableCounts(ctx)).toMatchObject({ participants: 13, import_batches: 2 });
  });

  it('leaves the fields of absent columns untouched and clears those of blank cells', async () => {
    await importParticipants(ctx, sample());
    const report = await importParticipants(
      ctx,
      csv(
        'emails.csv',
        'Rep code;Name;E-mail;Card\nR0001;Barbara Nowicka;barbara@client.example;4000-0001\nR0003;Ольга Петрова;r0003@client.example;\n',
      ),
    );
    expect(report).toMatchObject({ accepted: 2, created: 0, updated: 2, unchanged: 0 });
    expect(report.changes).toEqual([
      {
        code: 'R0001',
        row: 2,
        changes: [{ field: 'email', from: 'r0001@client.example', to: 'barbara@client.example' }],
      },
      { code: 'R0003', row: 3, changes: [{ field: 'cardRef', from: '4000-0003', to: null }] },
    ]);
    // region, join date and status are not in the file: kept
    expect(getParticipant(ctx, 'R0001')).toMatchObject({
      region: 'South',
      joinDate: '2026-08-05',
      status: 'active',
      cardRef: '4000-0001',
    });
  });

  it('counts rows that change nothing as unchanged and writes no history for them', async () => {
    await importParticipants(ctx, sample());
    const before = tableCounts(ctx).participant_changes;
    const report = await importParticipants(
      ctx,
      csv('same.csv', 'Participant code,Name,Status\nR0001,Barbara Nowicka,\nR0002,Jakub Malinowski,Active\n'),
    );
    expect(report).toMatchObject({ accepted: 2, created: 0, updated: 0, unchanged: 2, changes: [] });
    expect(tableCounts(ctx).participant_changes).toBe(before);
  });

  it('records a batch whose rows were all rejected, with its problems, and changes no participant', async () => {
    const report = await importParticipants(ctx, csv('bad.csv', 'Rep code;Name;Email\nR1;;x\n'));
    expect(report).toMatchObject({ accepted: 0, rejected: 1, created: 0 });
    expect(tableCounts(ctx)).toMatchObject({ participants: 0, import_batches: 1, import_problems: 2 });
    const stored = ctx.store.sqlite
      .prepare('SELECT row, "column", value, code, severity FROM import_problems ORDER BY id')
      .all();
    expect(stored).toEqual([
      { row: 2, column: 'Name', value: '', code: 'MISSING_VALUE', severity: 'error' },
      { row: 2, column: 'Email', value: 'x', code: 'BAD_EMAIL', severity: 'warning' },
    ]);
  });
});

describe('importParticipants: files that cannot be imported leave the database as it was', () => {
  const damaged: [string, () => ImportFileInput, string, RegExp][] = [
    ['an empty file', () => ({ fileName: 'participants.xlsx', bytes: new Uint8Array() }), 'FILE_EMPTY', /is empty/],
    [
      'a truncated download',
      () => ({ fileName: 'participants.xlsx', bytes: readFileSync(samplePath).subarray(0, 3000) }),
      'FILE_UNREADABLE',
      /damaged/,
    ],
    [
      'random bytes named .xlsx',
      () => ({
        fileName: 'participants.xlsx',
        bytes: new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)),
      }),
      'FILE_UNREADABLE',
      /neither an Excel workbook nor a CSV/,
    ],
    [
      'an OLE2 header (old .xls)',
      () => ({
        fileName: 'participants.xls',
        bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(1024)]),
      }),
      'FILE_NOT_SUPPORTED',
      /save it as an Excel workbook \(\.xlsx\)/,
    ],
    [
      'HTML saved as .xls',
      () =>
        csv(
          'participants.xls',
          '<html><head><meta charset="utf-8"></head><body><table><tr><td>Rep code</td><td>Name</td></tr><tr><td>R1</td><td>Anna</td></tr></table></body></html>',
        ),
      'FILE_NOT_SUPPORTED',
      /web page \(HTML\)/,
    ],
    ['an unknown extension', () => csv('participants.json', '[]'), 'FILE_NOT_SUPPORTED', /only Excel workbooks/],
    [
      'a sheet that does not exist',
      () => ({ ...sample(), sheet: 'Lista' }),
      'SHEET_NOT_FOUND',
      /no sheet named "Lista"; its sheets are "Participants"/,
    ],
    [
      'no header row',
      () => csv('p.csv', 'Kod;Nazwisko\nR1;Nowak\n'),
      'HEADER_NOT_FOUND',
      /Rep code \(or Rep ID, Participant code, Kod przedstawiciela, Kod PH, Код представителя, Код агента, Selgerkode\) and Name/,
    ],
    [
      'a header and no data',
      () => csv('p.csv', 'Rep code;Name\n;\n'),
      'FILE_EMPTY',
      /has a header row \(row 1\) but no data rows/,
    ],
  ];

  it.each(damaged)('refuses %s', async (_what, input, code, message) => {
    await importParticipants(ctx, csv('earlier.csv', 'Rep code;Name\nR9;Earlier Participant\n'));
    const before = tableCounts(ctx);
    const error = await refusal(ctx, input());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('refuses a workbook whose sheet data is corrupt inside an intact zip', async () => {
    const bytes = new Uint8Array(readFileSync(samplePath));
    const sheet = readZipDirectory(bytes, 'x').find((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('the sample has no sheet1');
    for (let i = 10; i < sheet.compressedSize - 10; i++) bytes[sheet.dataStart + i] = 0xff;
    const before = tableCounts(ctx);
    const error = await refusal(ctx, { fileName: 'participants.xlsx', bytes });
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(tableCounts(ctx)).toEqual(before);
  });
});
