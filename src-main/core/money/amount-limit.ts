// The one limit for points and amounts (MAX_SAFE_AMOUNT), checked where a number enters
// (imports, adjustments, rules, approval) and wherever the app adds or multiplies them
// (balances, period totals, payouts, budget to date, points x point value). Past it a number
// is refused with a sentence, never stored or summed inexactly.
import { AppError, type ErrorFacts } from '../app-error';
import { MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT_TEXT } from './minor-units';

export { MAX_SAFE_AMOUNT_TEXT };

const WHY = `the largest number of points or minor units Loyalty Desk counts exactly`;

function isWithinLimit(value: number): boolean {
  return Number.isInteger(value) && value <= MAX_SAFE_AMOUNT && value >= -MAX_SAFE_AMOUNT;
}

/**
 * Refuses a number given at a point of entry: `what` names it ("An adjustment of R0002 in
 * 2026-10"), the sentence quotes the value as it came.
 */
export function requireWithinLimit(value: number, what: string, details: ErrorFacts = {}): number {
  if (isWithinLimit(value)) return value;
  if (!Number.isInteger(value))
    throw new AppError('INVALID_INPUT', `${what} is ${String(value)}, which is not a whole number.`, details);
  throw new AppError(
    'AMOUNT_TOO_LARGE',
    `${what} is ${String(value)}, past ${MAX_SAFE_AMOUNT_TEXT}, ${WHY}; nothing was written.`,
    {
      ...details,
      value: String(value),
      limit: MAX_SAFE_AMOUNT,
    },
  );
}

/**
 * Refuses a sum or product the app formed: its exact value may not be known (past 2^53 a
 * double is not exact), so the sentence says only that it would pass the limit.
 */
export function amountTooLarge(what: string, details: ErrorFacts = {}): AppError {
  return new AppError(
    'AMOUNT_TOO_LARGE',
    `${what} would be more than ${MAX_SAFE_AMOUNT_TEXT}, ${WHY}; nothing was written.`,
    { ...details, limit: MAX_SAFE_AMOUNT },
  );
}

/**
 * A checked result: both parts within the limit make any sum of two exact, so checking the
 * result after each addition keeps a running sum exact. `what` is only worded on failure.
 */
function checkedResult(value: number, what: () => string, details?: () => ErrorFacts): number {
  if (value <= MAX_SAFE_AMOUNT && value >= -MAX_SAFE_AMOUNT) return value;
  throw amountTooLarge(what(), details?.());
}

/** a + b, refused past the limit. */
export function addWithinLimit(a: number, b: number, what: () => string, details?: () => ErrorFacts): number {
  return checkedResult(a + b, what, details);
}

/** A sum of values, each within the limit, refused as soon as the running sum passes it. */
export function sumWithinLimit(values: Iterable<number>, what: () => string, details?: () => ErrorFacts): number {
  let sum = 0;
  for (const value of values) sum = checkedResult(checkedResult(value, what, details) + sum, what, details);
  return sum;
}

/**
 * a x b of two integers within the limit (points x point value, quantity x points per unit).
 * The double product is exact whenever the true one is within the limit, and when the true one
 * is past it the rounded one is too (rounding is monotonic and MAX_SAFE_AMOUNT + 1 is a double).
 */
export function multiplyWithinLimit(a: number, b: number, what: () => string, details?: () => ErrorFacts): number {
  return checkedResult(a * b + 0, what, details);
}
