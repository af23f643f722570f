// The participants' table is sorted, filtered and saved by the core, in SQL, on a real file: every column sorts all
// the participants (empty values last either way, ties by code), the filters combine, and the workbook holds every
// participant the filters keep in the table's order, not only a page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../src-main/core/context';
import { listParticipants, participantFacets } from '../../src-main/core/program/participants/participants-query';
import type { ParticipantsQuery } from '../../src-main/core/program/participants/participant-types';
import { requireProgram } from '../../src-main/core/program/program-store';
import { writeParticipantsWorkbook } from '../../src-main/core/reports/participants-workbook';
import { hasOpenpyxl, makeTempDir } from '../fixtures/client-files';
import { readWithOpenpyxl } from '../fixtures/read-workbook';
import { openTestContext } from '../fixtures/test-database';

type Seed = [
  code: string,
  name: string,
  region: string | null,
  joinDate: string | null,
  card: string | null,
  iban: string | null,
  status: 'active' | 'inactive',
];

const SEEDS: Seed[] = [
  ['R0001', 'Anna Nowak', 'North', '2026-08-03', 'CARD-1', null, 'active'],
  ['R0002', 'Jan Kowalski', 'South', '2026-09-15', null, 'PL61109010140000071219812874', 'active'],
  ['R0003', 'Ewa Zając', null, null, null, null, 'inactive'],
  ['R0004', 'Piotr Wiśniewski', 'North', '2026-09-01', 'CARD-4', 'PL27114020040000300201355387', 'active'],
  ['R0005', 'Olga Petrova', 'East', '2026-08-31', 'CARD-5', null, 'inactive'],
  ['R0006', 'Adam Lis', 'South', '2025-12-24', null, null, 'active'],
];

function seed(ctx: CoreContext, rows: Iterable<Seed>): void {
  const programId = requireProgram(ctx).id;
  const insert = ctx.store.sqlite.prepare(
    `INSERT INTO participants (program_id, code, name, email, phone, region, join_date, card_ref, iban, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, '2026-09-01T08:00:00.000Z', '2026-09-01T08:00:00.000Z')`,
  );
  ctx.store.sqlite.transaction(() => {
    for (const [code, name, region, joinDate, card, iban, status] of rows)
      insert.run(programId, code, name, `${code.toLowerCase()}@client.example`, region, joinDate, card, iban, status);
  })();
}

const codes = (ctx: CoreContext, query: ParticipantsQuery) => listParticipants(ctx, query).rows.map((r) => r.code);

let ctx: CoreContext;
beforeEach(() => {
  ctx = openTestContext();
  seed(ctx, SEEDS);
});

describe('the participants list', () => {
  it('sorts by any column, empty values last either way and ties by code', () => {
    expect(codes(ctx, { sort: 'region' })).toEqual(['R0005', 'R0001', 'R0004', 'R0002', 'R0006', 'R0003']);
    expect(codes(ctx, { sort: 'region', direction: 'desc' })).toEqual([
      'R0002',
      'R0006',
      'R0001',
      'R0004',
      'R0005',
      'R0003',
    ]);
    expect(codes(ctx, { sort: 'joinDate' })).toEqual(['R0006', 'R0001', 'R0005', 'R0004', 'R0002', 'R0003']);
    expect(codes(ctx, { sort: 'iban', direction: 'desc' }).slice(0, 2)).toEqual(['R0002', 'R0004']);
    expect(codes(ctx, { sort: 'cardRef' })).toEqual(['R0001', 'R0004', 'R0005', 'R0002', 'R0003', 'R0006']);
    expect(codes(ctx, { sort: 'status', direction: 'desc' })).toEqual([
      'R0003',
      'R0005',
      'R0001',
      'R0002',
      'R0004',
      'R0006',
    ]);
    expect(codes(ctx, { sort: 'name' })[0]).toBe('R0006');
    expect(codes(ctx, { sort: 'code', direction: 'desc' })[0]).toBe('R0006');
  });

  it('pages through the sorted list without losing or repeating anyone', () => {
    const pages = [0, 2, 4].flatMap((offset) => codes(ctx, { sort: 'region', direction: 'desc', offset, limit: 2 }));
    expect(pages).toEqual(codes(ctx, { sort: 'region', direction: 'desc' }));
  });

  it('filters by status, region (or none), payout destination and join month, together with the search', () => {
    expect(codes(ctx, { status: 'inactive' })).toEqual(['R0003', 'R0005']);
    expect(codes(ctx, { region: 'North' })).toEqual(['R0001', 'R0004']);
    expect(codes(ctx, { region: null })).toEqual(['R0003']);
    expect(codes(ctx, { destination: 'card' })).toEqual(['R0001', 'R0004', 'R0005']);
    expect(codes(ctx, { destination: 'iban' })).toEqual(['R0002', 'R0004']);
    expect(codes(ctx, { destination: 'none' })).toEqual(['R0003', 'R0006']);
    expect(codes(ctx, { joined: '2026-08' })).toEqual(['R0001', 'R0005']);
    expect(codes(ctx, { joined: '2026-09', destination: 'card' })).toEqual(['R0004']);
    expect(codes(ctx, { region: 'South', search: 'kowal' })).toEqual(['R0002']);
    expect(listParticipants(ctx, { status: 'active', region: 'South' }).total).toBe(2);
  });

  it('refuses a month that is not YYYY-MM and a field it does not know', () => {
    expect(() => listParticipants(ctx, { joined: '2026-13' })).toThrow();
    expect(() => listParticipants(ctx, { sort: 'password' as 'code' })).toThrow();
    expect(() => listParticipants(ctx, { colour: 'red' } as ParticipantsQuery)).toThrow();
  });

  it('offers the regions, "no region" and the join months the participants have', () => {
    expect(participantFacets(ctx)).toEqual({
      regions: ['East', 'North', 'South'],
      withoutRegion: true,
      joinMonths: ['2026-09', '2026-08', '2025-12'],
    });
  });
});

describe.skipIf(!hasOpenpyxl)('the participants table saved as xlsx', () => {
  it('holds every participant the filters keep, in the table order, with the columns shown', async () => {
    const file = await writeParticipantsWorkbook(ctx, {
      filter: { sort: 'joinDate', direction: 'desc', status: 'all', destination: 'any' },
      title: 'Uczestnicy',
      columns: [
        { field: 'code', label: 'Kod' },
        { field: 'name', label: 'Imię i nazwisko' },
        { field: 'status', label: 'Status' },
        { field: 'iban', label: 'IBAN' },
        { field: 'joinDate', label: 'Data przystąpienia' },
      ],
      statusWords: { active: 'Aktywny', inactive: 'Nieaktywny' },
    });
    expect(file.rows).toBe(6);
    expect(file.fileName).toBe('Uczestnicy.xlsx');
    const path = join(makeTempDir(), file.fileName);
    writeFileSync(path, file.bytes);
    const [sheet] = readWithOpenpyxl(path);
    expect(sheet!.rows[0]).toEqual(['Kod', 'Imię i nazwisko', 'Status', 'IBAN', 'Data przystąpienia']);
    expect(sheet!.rows.slice(1).map((r) => r[0])).toEqual(['R0002', 'R0004', 'R0005', 'R0001', 'R0006', 'R0003']);
    // The join date is a date cell (openpyxl reads a datetime), not the text "2026-09-15".
    // An IBAN as the screen shows it, by its last four characters (the screen did not show them in full).
    expect(sheet!.rows[1]).toEqual(['R0002', 'Jan Kowalski', 'Aktywny', '•••• 2874', '2026-09-15T00:00:00']);
    expect(sheet!.formats[1]![4]).toBe('yyyy-mm-dd');
    expect(sheet!.rows[6]).toEqual(['R0003', 'Ewa Zając', 'Nieaktywny', null, null]);

    const revealed = await writeParticipantsWorkbook(ctx, {
      filter: { sort: 'joinDate', direction: 'desc', status: 'all', destination: 'any' },
      title: 'Uczestnicy',
      columns: [{ field: 'iban', label: 'IBAN' }],
      statusWords: { active: 'Aktywny', inactive: 'Nieaktywny' },
      revealSecrets: true,
    });
    const fullPath = join(makeTempDir(), revealed.fileName);
    writeFileSync(fullPath, revealed.bytes);
    expect(readWithOpenpyxl(fullPath)[0]!.rows[1]).toEqual(['PL61109010140000071219812874']);
  });
});

describe('100,000 participants', () => {
  it('sorts by any column and reaches the last page in a bounded time', () => {
    const regions = ['North', 'South', 'East', 'West', 'Central'];
    seed(
      ctx,
      (function* () {
        for (let i = 1; i <= 100_000; i++)
          yield [
            `P${String(i).padStart(6, '0')}`,
            `Participant ${i}`,
            regions[i % 5]!,
            `2026-08-${String((i % 28) + 1).padStart(2, '0')}`,
            i % 10 === 0 ? null : `4000-${i}`,
            null,
            i % 17 === 0 ? 'inactive' : 'active',
          ] satisfies Seed;
      })(),
    );
    const total = 100_000 + SEEDS.length;
    for (const sort of ['code', 'name', 'region', 'joinDate', 'cardRef', 'status'] as const) {
      const started = performance.now();
      const last = listParticipants(ctx, { sort, direction: 'desc', offset: total - 100, limit: 100 });
      const took = performance.now() - started;
      expect(last.total).toBe(total);
      expect(last.rows).toHaveLength(100);
      // Some 70 ms on a laptop (see listParticipants); the bound leaves room for a slow shared machine.
      expect(took, `the last page by ${sort}`).toBeLessThan(1500);
    }
    // Empty cards last, also in descending order.
    const byCard = listParticipants(ctx, { sort: 'cardRef', direction: 'desc', offset: total - 3, limit: 3 });
    expect(byCard.rows.every((r) => r.cardRef === null)).toBe(true);
  });
});
