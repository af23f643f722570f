// The card issuer template editor's draft: the template with a key per column, read back as
// the core reads it, its problems found by the core's own parser and placed beside their
// fields (worded in English, Polish and Russian), and the csv preview of one made-up top-up.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE, type PayoutTemplate } from '../../../src-main/core/payouts/files/payout-template';
import { createTranslator } from '../../i18n/i18n';
import {
  draftFromTemplate,
  draftProblems,
  moveColumn,
  newColumn,
  previewLines,
  sameTemplate,
  templateOfDraft,
  type TemplateDraft,
} from './payout-template-draft';

const SAMPLE = { period: '2026-09', currencyCode: 'PLN', minorDigits: 2, today: '2026-11-03' };

const draft = (template: Partial<PayoutTemplate> = {}): TemplateDraft =>
  draftFromTemplate({ ...BUILT_IN_TEMPLATE, ...template });
const withColumns = (...columns: [PayoutTemplate['columns'][number]['field'], string][]): TemplateDraft => ({
  ...draft(),
  columns: columns.map(([field, header]) => newColumn(field, header)),
});

describe('payout template draft', () => {
  it('reads back as the template it was made from, each column with a key of its own', () => {
    const d = draft();
    expect(templateOfDraft(d)).toEqual(BUILT_IN_TEMPLATE);
    expect(new Set(d.columns.map((c) => c.key)).size).toBe(BUILT_IN_TEMPLATE.columns.length);
    expect(sameTemplate(d, BUILT_IN_TEMPLATE)).toBe(true);
    expect(draftProblems(d)).toEqual({});
  });

  it('is the same template when only spaces the core trims differ, and another when a header changes', () => {
    const d = draft();
    const padded = { ...d, columns: d.columns.map((c, i) => (i === 0 ? { ...c, header: '  Reference ' } : c)) };
    expect(sameTemplate(padded, BUILT_IN_TEMPLATE)).toBe(true);
    const renamed = { ...d, columns: d.columns.map((c, i) => (i === 0 ? { ...c, header: 'Tytuł' } : c)) };
    expect(sameTemplate(renamed, BUILT_IN_TEMPLATE)).toBe(false);
  });

  it('moves a column one place up or down with its key, and leaves the list as it was at the ends', () => {
    const columns = draft().columns;
    const down = moveColumn(columns, 0, 1);
    expect(down.map((c) => c.field).slice(0, 3)).toEqual(['cardRef', 'reference', 'participantName']);
    expect(down[1]).toBe(columns[0]);
    expect(
      moveColumn(columns, 2, -1)
        .map((c) => c.field)
        .slice(0, 3),
    ).toEqual(['reference', 'participantName', 'cardRef']);
    const top = moveColumn(columns, 0, -1);
    expect(top).toEqual(columns);
    expect(top).not.toBe(columns);
    expect(moveColumn(columns, columns.length - 1, 1)).toEqual(columns);
  });

  it('places the core’s problems beside their fields', () => {
    expect(draftProblems(withColumns(['cardRef', 'Card'], ['amount', 'Amount']))).toMatchObject({
      columns: { key: 'payoutTemplate.problem.reference' },
    });
    // No reference and no amount: the first of the two sentences about the list is kept.
    expect(draftProblems(withColumns(['cardRef', 'Card']))).toMatchObject({
      columns: { key: 'payoutTemplate.problem.reference' },
    });
    expect(draftProblems(withColumns(['reference', 'Ref'], ['cardRef', 'Card']))).toMatchObject({
      columns: { key: 'payoutTemplate.problem.amount' },
    });
    expect(draftProblems(withColumns(['reference', 'Ref'], ['amount', ' ']))).toMatchObject({
      'columns[1].header': { key: 'problem.empty' },
    });
    expect(draftProblems(withColumns(['reference', 'Ref'], ['amount', 'x'.repeat(101)]))).toMatchObject({
      'columns[1].header': { key: 'problem.too_long', params: { maximum: 100 } },
    });
    expect(draftProblems(withColumns(['reference', 'Ref'], ['amount', 'A'], ['amount', 'B']))).toMatchObject({
      'columns[2].field': { key: 'payoutTemplate.problem.repeated' },
    });
    expect(draftProblems({ ...draft(), columns: [] })).toMatchObject({ columns: { key: 'problem.too_few_items' } });
    expect(draftProblems({ ...draft(), decimalSeparator: ',', csvSeparator: ',' })).toMatchObject({
      decimalSeparator: { key: 'payoutTemplate.problem.sameSeparator' },
    });
    expect(draftProblems({ ...draft(), sheetName: 'Wypłaty 09/2026' })).toMatchObject({
      sheetName: { key: 'payoutTemplate.problem.sheetCharacters' },
    });
    expect(draftProblems({ ...draft(), sheetName: 'x'.repeat(32) })).toMatchObject({
      sheetName: { key: 'problem.too_long', params: { maximum: 31 } },
    });
  });

  it('words those problems in English, Polish and Russian', () => {
    const expected = {
      en: [
        'Add the reference column: the issuer’s confirmation is matched by it.',
        'With commas between fields, use a point before the decimals.',
        'Use at most 31 characters.',
      ],
      pl: [
        'Dodaj kolumnę z referencją: po niej dopasowuje się potwierdzenie wydawcy.',
        'Gdy pola rozdziela przecinek, przed groszami użyj kropki.',
        'Użyj najwyżej 31 znaków.',
      ],
      ru: [
        'Добавьте столбец с референсом: по нему сопоставляется подтверждение эмитента.',
        'Если поля разделены запятой, перед дробной частью используйте точку.',
        'Не более 31 символов.',
      ],
    };
    const problems = draftProblems({
      ...withColumns(['cardRef', 'Card'], ['amount', 'Amount']),
      decimalSeparator: ',',
      csvSeparator: ',',
      sheetName: 'x'.repeat(32),
    });
    for (const language of ['en', 'pl', 'ru'] as const) {
      const i18n = createTranslator(language);
      const say = (field: string) => i18n.t(problems[field]!.key, problems[field]!.params);
      expect([say('columns'), say('decimalSeparator'), say('sheetName')]).toEqual(expected[language]);
    }
  });

  it('previews the csv: the headers, one top-up with the amount in the template’s notation, no totals row', () => {
    expect(previewLines(draft(), SAMPLE)).toEqual([
      ['Reference', 'Card', 'Name', 'Participant code', 'Amount', 'Currency', 'Period'],
      ['LD-2026-09-000001', 'CARD-000123', 'Barbara Nowicka', 'R0001', '1234,50', 'PLN', '2026-09'],
    ]);
  });

  it('previews the totals row with its label in the first column that is not summed, and quotes a cell holding the separator', () => {
    const d: TemplateDraft = {
      ...withColumns(['amount', 'Kwota; PLN'], ['reference', 'Tytuł'], ['points', 'Punkty'], ['createdDate', 'Data']),
      decimalSeparator: '.',
      csvSeparator: ';',
      dateFormat: 'DD.MM.YYYY',
      includeTotalsRow: true,
      totalsLabel: ' Razem ',
    };
    expect(previewLines(d, SAMPLE)).toEqual([
      ['"Kwota; PLN"', 'Tytuł', 'Punkty', 'Data'],
      ['1234.50', 'LD-2026-09-000001', '12345', '03.11.2026'],
      ['1234.50', 'Razem', '12345', ''],
    ]);
  });

  it('writes the sample amount with the currency’s own number of decimals', () => {
    const amounts = (minorDigits: number) =>
      previewLines(withColumns(['reference', 'R'], ['amount', 'A'], ['amountMinor', 'M']), {
        ...SAMPLE,
        minorDigits,
      })[1]!.slice(1);
    expect(amounts(0)).toEqual(['1234', '1234']);
    expect(amounts(2)).toEqual(['1234,50', '123450']);
    expect(amounts(3)).toEqual(['1234,500', '1234500']);
  });
});
