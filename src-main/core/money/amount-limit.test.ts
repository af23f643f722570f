import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { addWithinLimit, multiplyWithinLimit, requireWithinLimit, sumWithinLimit } from './amount-limit';
import { MAX_SAFE_AMOUNT } from './minor-units';

const what = () => 'The total';

describe('the one limit for points and amounts', () => {
  it('takes every value and sum up to the limit, exactly', () => {
    expect(requireWithinLimit(MAX_SAFE_AMOUNT, 'An adjustment')).toBe(MAX_SAFE_AMOUNT);
    expect(requireWithinLimit(-MAX_SAFE_AMOUNT, 'An adjustment')).toBe(-MAX_SAFE_AMOUNT);
    expect(addWithinLimit(MAX_SAFE_AMOUNT, -MAX_SAFE_AMOUNT, what)).toBe(0);
    expect(sumWithinLimit([MAX_SAFE_AMOUNT - 1, 1, -5, 5], what)).toBe(MAX_SAFE_AMOUNT);
    expect(multiplyWithinLimit(9_999_999, 10_000_000, what)).toBe(99_999_990_000_000);
    expect(multiplyWithinLimit(MAX_SAFE_AMOUNT, 1, what)).toBe(MAX_SAFE_AMOUNT);
  });

  it('refuses one past it, and any sum or product past it however far, with AMOUNT_TOO_LARGE', () => {
    const refused = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        if (error instanceof AppError) return [error.code, error.message];
      }
      return null;
    };
    expect(refused(() => requireWithinLimit(MAX_SAFE_AMOUNT + 1, 'An adjustment of A'))).toEqual([
      'AMOUNT_TOO_LARGE',
      'An adjustment of A is 100000000000000, past 99,999,999,999,999, the largest number of points or minor units Loyalty Desk counts exactly; nothing was written.',
    ]);
    expect(refused(() => requireWithinLimit(1.5, 'An adjustment of A'))?.[0]).toBe('INVALID_INPUT');
    expect(refused(() => addWithinLimit(MAX_SAFE_AMOUNT, 1, what))?.[0]).toBe('AMOUNT_TOO_LARGE');
    // Rounded products past 2^53 never fall back under the limit.
    expect(refused(() => multiplyWithinLimit(MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT, what))?.[1]).toBe(
      'The total would be more than 99,999,999,999,999, the largest number of points or minor units Loyalty Desk counts exactly; nothing was written.',
    );
    expect(refused(() => multiplyWithinLimit(-10_000_000, 10_000_001, what))?.[0]).toBe('AMOUNT_TOO_LARGE');
    expect(refused(() => sumWithinLimit([MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT, -MAX_SAFE_AMOUNT], what))?.[0]).toBe(
      'AMOUNT_TOO_LARGE',
    );
  });
});
