// Error details are typed per error code: an AppError takes only the details its code has in
// ErrorDetails, and whoever reads an error's details after checking its code gets their type.
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error';
import { parseRules } from '../core/program/program-config';
import type { AppErrorData, ValidationProblem } from './contract';
import { dispatchCall } from './dispatch';
import type { Handlers } from './handlers';

/** The periods an EARLIER_PERIOD_OPEN refusal names, read without a cast. */
function periodsOf(error: AppErrorData): string[] {
  return error.code === 'EARLIER_PERIOD_OPEN' ? (error.details?.periods ?? []) : [];
}

describe('error details by code', () => {
  it('an AppError is built only with the details of its code, and read back with their type', () => {
    // @ts-expect-error INVALID_RULES carries validation problems, not facts of any shape
    void new AppError('INVALID_RULES', 'The rules are not valid.', { rule: 'tiers' });
    // @ts-expect-error REASON_REQUIRED carries no details
    void new AppError('REASON_REQUIRED', 'Say why.', { reason: '' });
    // @ts-expect-error the periods of EARLIER_PERIOD_OPEN are months, not a count
    void new AppError('EARLIER_PERIOD_OPEN', 'Approve 2026-09 first.', { periods: 1 });

    expect(
      periodsOf(new AppError('EARLIER_PERIOD_OPEN', 'Approve 2026-09 first.', { periods: ['2026-09'] }).toData()),
    ).toEqual(['2026-09']);
    expect(periodsOf(new AppError('NOT_FOUND', 'There is no batch 4.', { batchId: 4 }).toData())).toEqual([]);

    const parsed = parseRules({ baseRate: { points: 1, perMinor: 0 } });
    const problems: ValidationProblem[] = parsed.ok ? [] : parsed.issues;
    const data = new AppError('INVALID_RULES', 'The rules are not valid.', { problems }).toData();
    const first = data.code === 'INVALID_RULES' ? data.details?.problems[0] : undefined;
    expect(first && [first.path, first.code, first.code === 'too_small' ? first.params.minimum : null]).toEqual([
      ['baseRate', 'perMinor'],
      'too_small',
      1,
    ]);
  });

  it("a call's arguments refused at the edge cross as problems with path, code and params", async () => {
    const result = await dispatchCall({} as Handlers, 'ledger.adjust', {
      period: '2026-13',
      participantCode: 'A',
      points: 2.5,
      reason: 'x',
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'INVALID_INPUT') throw new Error('expected INVALID_INPUT');
    expect(result.error.details).toEqual({
      problems: [
        { path: ['period'], code: 'invalid_month', params: {}, message: 'period: must be a month YYYY-MM' },
        { path: ['points'], code: 'not_integer', params: {}, message: 'points: must be a whole number' },
      ],
    });
    expect(result.error.message).toBe(
      'The request was not valid: period: must be a month YYYY-MM; points: must be a whole number.',
    );
  });
});
