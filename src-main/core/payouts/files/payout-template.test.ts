import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATE, formatTemplateDate, parsePayoutTemplate } from './payout-template';

describe('parsePayoutTemplate', () => {
  it('accepts the built-in template and fills defaults', () => {
    expect(parsePayoutTemplate(BUILT_IN_TEMPLATE)).toEqual({ ok: true, value: BUILT_IN_TEMPLATE });
    const { totalsLabel: _t, sheetName: _s, ...withoutDefaults } = BUILT_IN_TEMPLATE;
    const parsed = parsePayoutTemplate(withoutDefaults);
    expect(parsed.ok && parsed.value.totalsLabel).toBe('Total');
    expect(parsed.ok && parsed.value.sheetName).toBe('Payouts');
  });

  it('refuses an invalid template, naming each field', () => {
    const result = parsePayoutTemplate({
      ...BUILT_IN_TEMPLATE,
      columns: [
        { field: 'amount', header: '' },
        { field: 'colour', header: 'Colour' },
        { field: 'amount', header: 'Again' },
      ],
      decimalSeparator: ',',
      csvSeparator: ',',
      encoding: 'latin-1',
      dateFormat: 'MM/DD/YYYY',
      sheetName: 'Pay/outs',
      extra: 1,
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'columns[0].header: must not be empty',
        expect.stringMatching(/^columns\[1\]\.field: must be one of reference, /),
        'encoding: must be utf-8, utf-8-bom, windows-1250 or windows-1251',
        'dateFormat: must be YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY',
        'sheetName: must not contain : \\ / ? * [ or ]',
        '(the document): has unknown setting "extra"',
      ]),
    );
  });

  it('refuses a template without a reference or amount, with a repeated column, or "," twice', () => {
    const result = parsePayoutTemplate({
      ...BUILT_IN_TEMPLATE,
      columns: [
        { field: 'participantName', header: 'Name' },
        { field: 'participantName', header: 'Name 2' },
      ],
      csvSeparator: ',',
    });
    expect(result).toMatchObject({
      ok: false,
      problems: [
        'columns[1].field: repeats the column participantName',
        'columns: must include the reference column: confirmations are matched by it',
        'columns: must include an amount or amountMinor column',
        'decimalSeparator: must differ from csvSeparator: both are ","',
      ],
    });
    // The same as data, which the renderer words by code.
    expect(result.ok ? [] : result.issues.map(({ path, code, params }) => [path, code, params])).toEqual([
      [['columns', 1, 'field'], 'repeated_column', { field: 'participantName' }],
      [['columns'], 'missing_reference_column', {}],
      [['columns'], 'missing_amount_column', {}],
      [['decimalSeparator'], 'same_separator', {}],
    ]);
  });

  it('refuses a missing setting in plain words', () => {
    const { includeTotalsRow: _omit, ...rest } = BUILT_IN_TEMPLATE;
    expect(parsePayoutTemplate(rest)).toMatchObject({
      ok: false,
      problems: ['includeTotalsRow: is missing'],
      issues: [{ path: ['includeTotalsRow'], code: 'required' }],
    });
  });

  it('formats dates in each of its formats', () => {
    expect(formatTemplateDate('2026-11-01', 'YYYY-MM-DD')).toBe('2026-11-01');
    expect(formatTemplateDate('2026-11-01', 'DD.MM.YYYY')).toBe('01.11.2026');
    expect(formatTemplateDate('2026-11-01', 'DD/MM/YYYY')).toBe('01/11/2026');
  });
});
