// Participants files as clients make them: openpyxl workbooks with title rows, notes and
// merged cells, CSVs in Windows code pages, and workbooks that went through LibreOffice.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/core/app-error';
import type { CoreContext } from '../../src-main/core/context';
import { importParticipants, type ImportFileInput } from '../../src-main/core/import/kinds/import-participants';
import { getParticipant, listParticipants } from '../../src-main/core/program/participants/participants-query';
import {
  convertWithSoffice,
  encodeWithPython,
  hasOpenpyxl,
  hasSoffice,
  makeTempDir,
  writeXlsxWithOpenpyxl,
  type SheetCell,
} from '../fixtures/client-files';
import { openTestContext, tableCounts } from '../fixtures/test-database';

if (!hasSoffice)
  console.warn('LibreOffice (soffice) is not installed: the tests of files saved by LibreOffice are skipped.');
if (!hasOpenpyxl)
  console.warn('openpyxl is not available to /usr/bin/python3: the tests of files written by openpyxl are skipped.');

async function refusal(ctx: CoreContext, input: ImportFileInput): Promise<AppError> {
  try {
    await importParticipants(ctx, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${input.fileName} to be refused`);
}

const problemsOf = (report: {
  problems: { row: number | null; column: string | null; value: string | null; code: string; severity: string }[];
}) => report.problems.map((p) => [p.row, p.column, p.value, p.code, p.severity]);

let dir: string;
let ctx: CoreContext;
beforeAll(() => {
  dir = makeTempDir();
});
beforeEach(() => {
  ctx = openTestContext();
});

const HEADER = [
  'Lp.',
  'Kod przedstawiciela',
  'Imię i nazwisko',
  'E-mail',
  'Telefon',
  'Województwo',
  'Data przystąpienia',
  'Nr karty',
  'Nr rachunku',
  'Status',
  'Uwagi',
];
const IBAN = 'PL61 1090 1014 0000 0712 1981 2874';

/** A Polish coordinator's list: an instructions sheet, title rows, every kind of problem, a totals row and a note. */
function messyPolishRows(): SheetCell[][] {
  return [
    ['Lista uczestników programu Partner Plus'],
    ['Stan na 31.10.2026'],
    [],
    HEADER,
    [
      1,
      'P001',
      'Anna Kowalska',
      'anna@firma.pl',
      48601234567,
      'mazowieckie',
      { date: '2026-08-05' },
      4000123412341234,
      IBAN,
      'aktywny',
    ],
    [
      2,
      'P002',
      ' Piotr  Nowak ',
      'piotr@firma.pl',
      '+48 601 000 002',
      'śląskie',
      '05.09.2026',
      '4000-0002',
      null,
      'nieaktywny',
    ],
    [
      3,
      'P003',
      'Ewa Wiśniewska',
      'ewa@firma.pl',
      null,
      'małopolskie',
      46300,
      null,
      '61 1090 1014 0000 0712 1981 2874',
      'Aktywny',
    ],
    [],
    [
      4,
      'P004',
      'Marek Lewandowski',
      'marek@firma.pl',
      null,
      null,
      null,
      null,
      'PL61 1090 1014 0000 0712 1981 2875',
      null,
    ],
    [5, 'P005', null, 'p5@firma.pl', null, 'łódzkie'],
    [6, 'P006', 'Jan Zieliński', 'jan(at)firma.pl', null, null, '31.02.2026', null, null, 'zawieszony'],
    [7, 'P002', 'Piotr Nowak', 'piotr2@firma.pl'],
    [8, 'P007', 'Олег Смирнов', 'oleg@firma.ru', null, null, { formula: '=DATE(2026,9,1)' }],
    [9, 'P008', 'Kasia Wójcik', 'kasia@firma.pl', null, 'pomorskie'],
    [10, 'P009', 'Tomasz Kamiński', 'tomasz@firma.pl'],
    [11, 'P010', 'Zofia Mazur', 'zofia@firma.pl', null, 'lubelskie', '2026-10-15', null, null, null, 'nowa'],
    [12, 'P011', 'Adam Krawczyk', null, null, null, null, 2 ** 64],
    [null, null, 'Razem', null, null, null, null, null, null, null, 11],
    [],
    ['* Dane poufne – nie przekazywać'],
  ];
}

describe('a Polish workbook written by openpyxl', () => {
  it.skipIf(!hasOpenpyxl)(
    'reads the data under the title rows and reports every problem by row, column and value',
    async () => {
      const bytes = writeXlsxWithOpenpyxl(join(dir, 'uczestnicy.xlsx'), [
        {
          title: 'Instrukcja',
          rows: [['Wypełnij arkusz "Lista uczestników".'], ['Kolumny: kod, imię i nazwisko, ...']],
        },
        {
          title: 'Lista uczestników',
          rows: messyPolishRows(),
          merges: ['F14:F15'],
          hyperlinks: { D16: 'mailto:zofia@firma.pl' },
        },
      ]);
      const report = await importParticipants(ctx, { fileName: 'uczestnicy.xlsx', bytes });
      expect(report).toMatchObject({
        sheet: 'Lista uczestników',
        headerRow: 4,
        rowsRead: 14,
        accepted: 4,
        rejected: 8,
        skipped: 2,
        created: 4,
      });
      expect(report.mapping).toEqual({
        code: 'Kod przedstawiciela',
        name: 'Imię i nazwisko',
        email: 'E-mail',
        phone: 'Telefon',
        region: 'Województwo',
        joinDate: 'Data przystąpienia',
        cardRef: 'Nr karty',
        iban: 'Nr rachunku',
        status: 'Status',
      });
      expect(problemsOf(report)).toEqual([
        [9, 'Nr rachunku', 'PL61 1090 1014 0000 0712 1981 2875', 'BAD_IBAN', 'error'],
        [10, 'Imię i nazwisko', '', 'MISSING_VALUE', 'error'],
        // An e-mail is for people, not for scoring or payouts: a warning (the row has errors of its own)
        [11, 'E-mail', 'jan(at)firma.pl', 'BAD_EMAIL', 'warning'],
        [11, 'Data przystąpienia', '31.02.2026', 'BAD_DATE', 'error'],
        [11, 'Status', 'zawieszony', 'BAD_STATUS', 'error'],
        [12, 'Kod przedstawiciela', 'P002', 'DUPLICATE_IN_FILE', 'error'],
        [13, 'Data przystąpienia', '=DATE(2026,9,1)', 'ERROR_CELL', 'error'],
        [14, 'Województwo', 'pomorskie', 'MERGED_CELL', 'error'],
        [15, 'Województwo', '', 'MERGED_CELL', 'error'],
        // 2^64 as openpyxl writes it; how many digits it keeps is its business
        [17, 'Nr karty', expect.stringMatching(/^184467440737095/), 'BAD_NUMBER', 'error'],
        [18, 'Imię i nazwisko', 'Razem', 'TOTALS_ROW', 'skipped'],
        [20, null, '* Dane poufne – nie przekazywać', 'NOT_DATA', 'skipped'],
      ]);
      const reasons = report.problems.map((p) => p.reason);
      expect(reasons).toContain(
        'Row 11, column "Data przystąpienia": "31.02.2026" is not a date (expected dd.mm.yyyy or yyyy-mm-dd).',
      );
      expect(reasons).toContain(
        'Row 9, column "Nr rachunku": "PL61 1090 1014 0000 0712 1981 2875" is not a valid IBAN (its check digits do not match; a character is probably mistyped).',
      );
      expect(reasons).toContain('Row 10, column "Imię i nazwisko": the value is missing, and this column is required.');
      expect(reasons).toContain(
        'Row 12, column "Kod przedstawiciela": "P002" was already given in row 6; this row was not taken.',
      );
      expect(reasons).toContain('Row 18 is a totals row ("Razem") and was skipped.');

      expect(listParticipants(ctx, { limit: 10 }).rows).toEqual([
        {
          code: 'P001',
          name: 'Anna Kowalska',
          email: 'anna@firma.pl',
          phone: '48601234567',
          region: 'mazowieckie',
          joinDate: '2026-08-05',
          cardRef: '4000123412341234',
          iban: 'PL61109010140000071219812874',
          status: 'active',
        },
        {
          code: 'P002',
          name: 'Piotr  Nowak',
          email: 'piotr@firma.pl',
          phone: '+48 601 000 002',
          region: 'śląskie',
          joinDate: '2026-09-05',
          cardRef: '4000-0002',
          iban: null,
          status: 'inactive',
        },
        {
          code: 'P003',
          name: 'Ewa Wiśniewska',
          email: 'ewa@firma.pl',
          phone: null,
          region: 'małopolskie',
          joinDate: '2026-10-05',
          cardRef: null,
          iban: 'PL61109010140000071219812874',
          status: 'active',
        },
        {
          code: 'P010',
          name: 'Zofia Mazur',
          email: 'zofia@firma.pl',
          phone: null,
          region: 'lubelskie',
          joinDate: '2026-10-15',
          cardRef: null,
          iban: null,
          status: 'active',
        },
      ]);
      const stored = ctx.store.sqlite
        .prepare('SELECT row, "column", code, severity FROM import_problems ORDER BY id')
        .all();
      expect(stored).toHaveLength(12);
      expect(stored[0]).toEqual({ row: 9, column: 'Nr rachunku', code: 'BAD_IBAN', severity: 'error' });
    },
  );

  it.skipIf(!hasOpenpyxl)(
    'imports from the sheet named, and names the sheets when asked for one that is not there',
    async () => {
      const bytes = writeXlsxWithOpenpyxl(join(dir, 'two-lists.xlsx'), [
        {
          title: 'Północ',
          rows: [
            ['Kod PH', 'Przedstawiciel'],
            ['N1', 'Nadia Północna'],
          ],
        },
        {
          title: 'Południe',
          rows: [
            ['Kod PH', 'Przedstawiciel'],
            ['S1', 'Stefan Południowy'],
          ],
        },
      ]);
      const south = await importParticipants(ctx, { fileName: 'two-lists.xlsx', bytes, sheet: 'Południe' });
      expect(south).toMatchObject({ sheet: 'Południe', accepted: 1 });
      expect(listParticipants(ctx, {}).rows.map((r) => r.code)).toEqual(['S1']);
      const error = await refusal(openTestContext(), { fileName: 'two-lists.xlsx', bytes, sheet: 'Wschód' });
      expect(error.code).toBe('SHEET_NOT_FOUND');
      expect(error.message).toBe(
        'The workbook "two-lists.xlsx" has no sheet named "Wschód"; its sheets are "Północ", "Południe".',
      );
    },
  );
});

describe('CSV files in the encodings clients send', () => {
  it('reads a Russian CSV in Windows-1251 with quoted separators and line breaks', async () => {
    const text = [
      'Список участников;;;;;;;',
      'Код представителя;ФИО;Телефон;Регион;Дата вступления;Номер карты;Счёт;Статус',
      'R100;Ольга Петрова;+7 900 000-00-01;"Москва; центр";05.08.2026;4000-0100;;активен',
      'R101;"Сергей ""Серж"" Кузнецов";;"Санкт-',
      'Петербург";2026-09-01;;;неактивен',
      'R102;Иван Иванов;;Юг;1.9.2026;;;Активный',
      'Итого;3;;;;;;',
      '',
    ].join('\r\n');
    const bytes = encodeWithPython(text, 'cp1251');
    const report = await importParticipants(ctx, { fileName: 'участники.csv', bytes });
    expect(report).toMatchObject({
      sheet: null,
      headerRow: 2,
      rowsRead: 4,
      accepted: 3,
      rejected: 0,
      skipped: 1,
      source: { format: 'csv', encoding: 'windows-1251', separator: ';' },
    });
    expect(problemsOf(report)).toEqual([[6, 'Код представителя', 'Итого', 'TOTALS_ROW', 'skipped']]);
    expect(listParticipants(ctx, {}).rows).toEqual([
      {
        code: 'R100',
        name: 'Ольга Петрова',
        email: null,
        phone: '+7 900 000-00-01',
        region: 'Москва; центр',
        joinDate: '2026-08-05',
        cardRef: '4000-0100',
        iban: null,
        status: 'active',
      },
      {
        code: 'R101',
        name: 'Сергей "Серж" Кузнецов',
        email: null,
        phone: null,
        region: 'Санкт-\r\nПетербург',
        joinDate: '2026-09-01',
        cardRef: null,
        iban: null,
        status: 'inactive',
      },
      {
        code: 'R102',
        name: 'Иван Иванов',
        email: null,
        phone: null,
        region: 'Юг',
        joinDate: '2026-09-01',
        cardRef: null,
        iban: null,
        status: 'active',
      },
    ]);
  });

  it('reads a Polish tab-separated export in Windows-1250, with an account number without PL', async () => {
    const text =
      'Kod PH\tPrzedstawiciel\tWojewództwo\tRachunek\tStatus\tData przystąpienia\nP1\tŁucja Żółkiewska\tłódzkie\t61109010140000071219812874\tnieaktywny\t1.10.2026\nP2\tGrzegorz Brzęczyszczykiewicz\tświętokrzyskie\t\t\t2026-10-02\n';
    const report = await importParticipants(ctx, { fileName: 'export.txt', bytes: encodeWithPython(text, 'cp1250') });
    expect(report).toMatchObject({
      accepted: 2,
      rejected: 0,
      source: { format: 'csv', encoding: 'windows-1250', separator: 'tab' },
    });
    expect(getParticipant(ctx, 'P1')).toMatchObject({
      name: 'Łucja Żółkiewska',
      region: 'łódzkie',
      iban: 'PL61109010140000071219812874',
      status: 'inactive',
      joinDate: '2026-10-01',
    });
    expect(getParticipant(ctx, 'P2')).toMatchObject({
      name: 'Grzegorz Brzęczyszczykiewicz',
      region: 'świętokrzyskie',
      status: 'active',
    });
  });

  it('reads a UTF-8 CSV with BOM and commas, English and Norwegian headers', async () => {
    const text =
      'Selgerkode,Navn,E-mail,Kontonummer,Status\r\nN1,"Øyvind Ås, jr.",oyvind@firma.no,NO93 8601 1117 947,aktiv\r\nN2,Kari Nordmann,,,inaktiv\r\n';
    const report = await importParticipants(ctx, {
      fileName: 'selgere.csv',
      bytes: encodeWithPython(text, 'utf-8-sig'),
    });
    expect(report).toMatchObject({ accepted: 2, source: { encoding: 'utf-8 (BOM)', separator: ',' } });
    expect(getParticipant(ctx, 'N1')).toMatchObject({
      name: 'Øyvind Ås, jr.',
      iban: 'NO9386011117947',
      status: 'active',
    });
    expect(getParticipant(ctx, 'N2').status).toBe('inactive');
  });
});

describe('files that went through LibreOffice', () => {
  it.skipIf(!hasSoffice || !hasOpenpyxl)(
    'reads cached formula results, refuses a real .xls and an HTML export',
    async () => {
      const source = join(dir, 'formuly.xlsx');
      writeXlsxWithOpenpyxl(source, [
        {
          title: 'Uczestnicy',
          rows: [
            ['Rep code', 'Name', 'Join date', 'Email'],
            ['F1', { formula: '=CONCATENATE("Jan"," ","Kowal")' }, { formula: '=DATE(2026,9,1)' }, 'f1@firma.pl'],
            ['F2', 'Anna Nowak', { formula: '=NA()' }, null],
            [
              'F3',
              { formula: '=UPPER("ola")' },
              { date: '2026-08-05', format: 'dd.mm.yyyy' },
              { formula: '=LOWER("F3@FIRMA.PL")' },
            ],
          ],
        },
      ]);
      const outDir = makeTempDir('lo-out-');
      const [xlsx] = convertWithSoffice([source], 'xlsx', outDir);
      const [xls] = convertWithSoffice([source], 'xls', outDir);
      const [html] = convertWithSoffice([source], 'html', outDir);
      if (!xlsx || !xls || !html) throw new Error('LibreOffice wrote nothing');

      const report = await importParticipants(ctx, { fileName: 'formuly.xlsx', bytes: readFileSync(xlsx) });
      expect(report).toMatchObject({ accepted: 2, rejected: 1 });
      expect(problemsOf(report)).toEqual([[3, 'Join date', '=NA()', 'ERROR_CELL', 'error']]);
      expect(getParticipant(ctx, 'F1')).toMatchObject({ name: 'Jan Kowal', joinDate: '2026-09-01' });
      expect(getParticipant(ctx, 'F3')).toMatchObject({ name: 'OLA', joinDate: '2026-08-05', email: 'f3@firma.pl' });

      const before = tableCounts(ctx);
      const old = await refusal(ctx, { fileName: 'formuly.xls', bytes: readFileSync(xls) });
      expect(old.code).toBe('FILE_NOT_SUPPORTED');
      expect(old.message).toContain('open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)');
      const htmlAsXls = join(outDir, 'formuly-web.xls');
      writeFileSync(htmlAsXls, readFileSync(html));
      const web = await refusal(ctx, { fileName: 'formuly-web.xls', bytes: readFileSync(htmlAsXls) });
      expect(web.code).toBe('FILE_NOT_SUPPORTED');
      expect(web.message).toContain('web page (HTML)');
      expect(tableCounts(ctx)).toEqual(before);
    },
  );

  it.skipIf(!hasSoffice)('reads a CSV that LibreOffice turned into a workbook', async () => {
    const csvPath = join(dir, 'lo-lista.csv');
    writeFileSync(
      csvPath,
      'Participant code,Name,Join date,Phone,Status\nL1,Łucja Lis,2026-08-05,0048601000001,active\nL2,Łukasz Lis,2026-09-01,,inactive\n',
      'utf8',
    );
    // As a user opening the file in Calc would choose: comma-separated, UTF-8 (76).
    const [xlsx] = convertWithSoffice([csvPath], 'xlsx', makeTempDir('lo-out-'), { infilter: 'CSV:44,34,76' });
    if (!xlsx) throw new Error('LibreOffice wrote nothing');
    const report = await importParticipants(ctx, { fileName: 'lo-lista.xlsx', bytes: readFileSync(xlsx) });
    expect(report).toMatchObject({ accepted: 2, rejected: 0 });
    expect(getParticipant(ctx, 'L1')).toMatchObject({ name: 'Łucja Lis', joinDate: '2026-08-05', status: 'active' });
    expect(getParticipant(ctx, 'L2')).toMatchObject({ joinDate: '2026-09-01', status: 'inactive' });
  });
});
