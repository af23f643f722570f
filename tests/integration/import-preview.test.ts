// The preview that every kind builds the same way before anything is written, shown here on
// participants (the first kind to run through prepare/commit): rows with problems first, the
// mapping and where each column came from, the layout compared with the last file, and the
// refusal of the same bytes checked again at commit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { createImportJobs } from '../../src-main/core/import/jobs/import-jobs';
import type { ImportFile } from '../../src-main/core/import/jobs/import-pipeline';
import { IMPORT_RUNNERS } from '../../src-main/ipc/import-kinds';
import { NO_PROGRESS } from '../../src-main/core/import/jobs/prepare-import';
import { importParticipants, participantsRunner } from '../../src-main/core/import/kinds/import-participants';
import { samplesDir } from '../fixtures/repo-paths';
import { openTestContext, tableCounts } from '../fixtures/test-database';

const csv = (fileName: string, lines: string[]): ImportFile => ({
  fileName,
  bytes: new TextEncoder().encode(lines.join('\n')),
});

let ctx: CoreContext;
beforeEach(() => {
  ctx = openTestContext();
});

describe('the preview of an import', () => {
  it('reads and judges the whole file, writes nothing, and shows the rows with problems first', async () => {
    const before = tableCounts(ctx);
    const file = csv('lista.csv', [
      'Lista;;;',
      'Kod przedstawiciela;Imię i nazwisko;E-mail;Uwagi',
      'P1;Anna;anna@firma.pl;',
      'P2;;p2@firma.pl;brak nazwiska',
      'P3;Ewa;ewa(at)firma.pl;',
      'P4;Jan;jan@firma.pl;',
      'Razem;;;',
    ]);
    const prepared = await participantsRunner.prepare(ctx, file, {}, NO_PROGRESS);
    expect(tableCounts(ctx)).toEqual(before);
    const { preview } = prepared;
    expect(preview).toMatchObject({
      kind: 'participants',
      fileName: 'lista.csv',
      fileSize: file.bytes.byteLength,
      sheet: null,
      headerRow: 2,
      headers: ['Kod przedstawiciela', 'Imię i nazwisko', 'E-mail', 'Uwagi'],
      rowsRead: 5,
      // P3's e-mail cannot be read: a warning, the participant is taken without it.
      accepted: 3,
      rejected: 1,
      skipped: 1,
      duplicates: 0,
      period: null,
      layoutChange: null,
      replacement: null,
      source: { format: 'csv', separator: ';' },
    });
    expect(preview.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.fields.slice(0, 3)).toEqual([
      { field: 'code', required: true, header: 'Kod przedstawiciela', source: 'synonym' },
      { field: 'name', required: true, header: 'Imię i nazwisko', source: 'synonym' },
      { field: 'email', required: false, header: 'E-mail', source: 'synonym' },
    ]);
    expect(preview.rows).toEqual([
      { row: 4, cells: ['P2', null, 'p2@firma.pl', 'brak nazwiska'], status: 'rejected' },
      { row: 5, cells: ['P3', 'Ewa', 'ewa(at)firma.pl', null], status: 'accepted' },
      { row: 7, cells: ['Razem', null, null, null], status: 'skipped' },
      { row: 3, cells: ['P1', 'Anna', 'anna@firma.pl', null], status: 'accepted' },
      { row: 6, cells: ['P4', 'Jan', 'jan@firma.pl', null], status: 'accepted' },
    ]);
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [4, 'Imię i nazwisko', 'MISSING_VALUE'],
      [5, 'E-mail', 'BAD_EMAIL'],
      [7, 'Kod przedstawiciela', 'TOTALS_ROW'],
    ]);
    const report = prepared.commit();
    expect(report).toMatchObject({ accepted: 3, rejected: 1, skipped: 1, created: 3 });
    expect(ctx.store.sqlite.prepare('SELECT count(*) AS n FROM import_problems').get()).toEqual({ n: 3 });
  });

  it('refuses at commit a file whose same bytes were committed since the preview', async () => {
    const file: ImportFile = {
      fileName: 'participants.xlsx',
      bytes: readFileSync(join(samplesDir, 'participants.xlsx')),
    };
    const jobs = createImportJobs(ctx, IMPORT_RUNNERS);
    const a = jobs.start('participants', file);
    const b = jobs.start('participants', { ...file, fileName: 'copy.xlsx' });
    await jobs.settled(a);
    await jobs.settled(b);
    expect(jobs.commit(a)).toMatchObject({ accepted: 12 });
    const before = tableCounts(ctx);
    expect(() => jobs.commit(b)).toThrow(/already imported as batch 1/);
    expect(jobs.status(b).state).toBe('ready');
    expect(tableCounts(ctx)).toEqual(before);
  });

  it('remembers a mapping for the same header row, and says when the layout changed', async () => {
    await importParticipants(ctx, {
      ...csv('a.csv', ['Nr;Osoba;E-mail', 'P1;Anna;a@x.pl']),
      mapping: { code: 'Nr', name: 'Osoba' },
    });
    const same = await participantsRunner.prepare(
      ctx,
      csv('b.csv', ['nr ;OSOBA;E-mail', 'P2;Piotr;p@x.pl']),
      {},
      NO_PROGRESS,
    );
    expect(same.preview.fields.slice(0, 3).map((f) => [f.field, f.header, f.source])).toEqual([
      ['code', 'nr', 'remembered'],
      ['name', 'OSOBA', 'remembered'],
      ['email', 'E-mail', 'synonym'],
    ]);
    expect(same.preview.layoutChange).toBeNull();
    // An explicit choice beats the remembered one.
    const explicit = await participantsRunner.prepare(
      ctx,
      { ...csv('b.csv', ['Nr;Osoba;E-mail', 'P2;Piotr;p@x.pl']), mapping: { name: 'E-mail' } },
      {},
      NO_PROGRESS,
    );
    expect(explicit.preview.mapping).toMatchObject({ code: 'Nr', name: 'E-mail' });
    expect(explicit.preview.fields.find((f) => f.field === 'name')?.source).toBe('explicit');

    const changed = await participantsRunner.prepare(
      ctx,
      csv('c.csv', ['Participant code;Name;Phone', 'P3;Ewa;123']),
      {},
      NO_PROGRESS,
    );
    expect(changed.preview.layoutChange).toEqual({
      previousBatchId: 1,
      previousFileName: 'a.csv',
      added: ['Participant code', 'Name', 'Phone'],
      removed: ['Nr', 'Osoba', 'E-mail'],
    });
  });

  it('refuses options that belong to sales files', async () => {
    const file = csv('a.csv', ['Participant code;Name', 'P1;Anna']);
    await expect(participantsRunner.prepare(ctx, file, { replaceBatchId: 1 }, NO_PROGRESS)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Only a sales file replaces an earlier batch; a participants file updates what it lists.',
    });
  });
});
