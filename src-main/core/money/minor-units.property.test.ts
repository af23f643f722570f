// truncDiv and mulTruncDiv against BigInt division (which truncates toward zero, as the
// reference program's trunc does) on both sides of their switch: truncDiv divides as doubles
// while |numerator| < 2^45 and |denominator| < 2^20, and as big integers beyond; mulTruncDiv
// goes through truncDiv while a * b is a safe integer, and multiplies as big integers beyond.
// (A correctly rounded double quotient of safe integers never crosses an integer: its half-ulp
// is below 1/|d|, the least distance of a non-integer quotient from one. So the two paths agree
// on every safe input, and these tests fail on a path that truncates wrongly, not on the switch.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SAFE_AMOUNT, mulTruncDiv, truncDiv } from './minor-units';

const QUICK_NUMERATOR = 2 ** 45;
const QUICK_DENOMINATOR = 2 ** 20;
const RUNS = { numRuns: 2000 };

const between = (min: number, max: number) => fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
const signed = (arb: fc.Arbitrary<number>) => fc.tuple(arb, fc.boolean()).map(([v, negative]) => (negative ? -v : v));

/** The exact result, as the number it comes to: never -0. */
const reference = (n: bigint, d: bigint) => Number(n / d);

/** Numerators and denominators just inside and just outside the quick path's bounds, and the largest of all. */
const numeratorEdges = [
  QUICK_NUMERATOR - 1,
  QUICK_NUMERATOR,
  QUICK_NUMERATOR + 1,
  MAX_SAFE_AMOUNT,
  Number.MAX_SAFE_INTEGER,
];
const denominatorEdges = [
  1,
  2,
  3,
  7,
  100,
  QUICK_DENOMINATOR - 1,
  QUICK_DENOMINATOR,
  QUICK_DENOMINATOR + 1,
  MAX_SAFE_AMOUNT,
];

const quickNumerator = signed(between(0, QUICK_NUMERATOR - 1));
const quickDenominator = signed(between(1, QUICK_DENOMINATOR - 1));
const exactNumerator = signed(between(QUICK_NUMERATOR, Number.MAX_SAFE_INTEGER));
const exactDenominator = signed(between(QUICK_DENOMINATOR, Number.MAX_SAFE_INTEGER));
const anyNumerator = fc.oneof(quickNumerator, exactNumerator, signed(fc.constantFrom(0, ...numeratorEdges)));
const anyDenominator = fc.oneof(quickDenominator, exactDenominator, signed(fc.constantFrom(...denominatorEdges)));

/**
 * A numerator one off a multiple of the denominator (q * d - 1, q * d, q * d + 1): where a
 * rounded double quotient would land on the wrong side of an integer, if it ever did.
 */
const nearMultiple = (denominator: fc.Arbitrary<number>, maxNumerator: number) =>
  fc
    .tuple(denominator, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-1, 0, 1), fc.boolean())
    .map(([d, share, offset, negative]) => {
      const q = BigInt(Math.floor((share * maxNumerator) / Math.abs(d)));
      const n = q * BigInt(Math.abs(d)) + BigInt(offset);
      return { n: Number(negative ? -n : n), d };
    })
    .filter(({ n }) => Math.abs(n) <= maxNumerator);

function checkTruncDiv(n: number, d: number): void {
  expect(Object.is(truncDiv(n, d), reference(BigInt(n), BigInt(d))), `truncDiv(${n}, ${d})`).toBe(true);
}

describe('truncDiv', () => {
  it('on the quick path (|n| < 2^45, |d| < 2^20) truncates toward zero exactly as BigInt division', () => {
    fc.assert(fc.property(quickNumerator, quickDenominator, checkTruncDiv), RUNS);
  });

  it('on the quick path, a numerator one off a multiple of the denominator is not rounded across the integer', () => {
    fc.assert(
      fc.property(nearMultiple(quickDenominator, QUICK_NUMERATOR - 1), ({ n, d }) => checkTruncDiv(n, d)),
      RUNS,
    );
  });

  it('on the exact path (|n| >= 2^45 or |d| >= 2^20) truncates exactly as BigInt division, up to 2^53 - 1', () => {
    fc.assert(fc.property(exactNumerator, anyDenominator, checkTruncDiv), RUNS);
    fc.assert(fc.property(anyNumerator, exactDenominator, checkTruncDiv), RUNS);
  });

  it('on the exact path, a numerator one off a multiple of a small denominator is not rounded across the integer', () => {
    fc.assert(
      fc.property(nearMultiple(signed(between(2, QUICK_DENOMINATOR - 1)), Number.MAX_SAFE_INTEGER), ({ n, d }) =>
        checkTruncDiv(n, d),
      ),
      RUNS,
    );
  });

  it('is exact at the bounds of the switch and at MAX_SAFE_AMOUNT', () => {
    for (const n of [0, ...numeratorEdges])
      for (const d of denominatorEdges)
        for (const [sn, sd] of [
          [1, 1],
          [-1, 1],
          [1, -1],
          [-1, -1],
        ] as const)
          checkTruncDiv(sn * n, sd * d);
  });

  it('refuses to divide by zero on either path', () => {
    expect(() => truncDiv(5, 0)).toThrow(RangeError);
    expect(() => truncDiv(MAX_SAFE_AMOUNT, 0)).toThrow(RangeError);
  });
});

const amount = signed(between(0, MAX_SAFE_AMOUNT));
const smallFactor = signed(between(0, 2 ** 26));
const divisor = fc.oneof(
  signed(between(1, QUICK_DENOMINATOR - 1)),
  signed(between(QUICK_DENOMINATOR, MAX_SAFE_AMOUNT)),
  signed(fc.constantFrom(1, 100, 10_000, MAX_SAFE_AMOUNT)),
);

/** Factors whose product lies just below, at or just above 2^53, where mulTruncDiv changes path. */
const productNearLimit = fc
  .tuple(between(2 ** 20, 2 ** 33), fc.constantFrom(-1, 0, 1), fc.boolean(), fc.boolean())
  .map(([a, offset, negA, negB]) => {
    const b = Math.floor(2 ** 53 / a) + offset;
    return { a: negA ? -a : a, b: negB ? -b : b };
  });

function checkMulTruncDiv(a: number, b: number, d: number): void {
  expect(
    Object.is(mulTruncDiv(a, b, d), reference(BigInt(a) * BigInt(b), BigInt(d))),
    `mulTruncDiv(${a}, ${b}, ${d})`,
  ).toBe(true);
}

describe('mulTruncDiv', () => {
  it('while a * b is a safe integer, equals BigInt trunc(a * b / d)', () => {
    fc.assert(fc.property(smallFactor, smallFactor, divisor, checkMulTruncDiv), RUNS);
  });

  it('when a * b passes 2^53 (amounts up to MAX_SAFE_AMOUNT), still equals BigInt trunc(a * b / d)', () => {
    fc.assert(
      fc.property(amount, amount, divisor, (a, b, d) => {
        fc.pre(!Number.isSafeInteger(a * b));
        checkMulTruncDiv(a, b, d);
      }),
      RUNS,
    );
  });

  it('is exact where a * b crosses 2^53, on either side', () => {
    fc.assert(
      fc.property(productNearLimit, divisor, ({ a, b }, d) => checkMulTruncDiv(a, b, d)),
      RUNS,
    );
  });

  it('takes a percentage of MAX_SAFE_AMOUNT exactly, as percentOf does with a campaign or tier bonus', () => {
    for (const pct of [1, 3, 5, 10, 20, 25, 50, 99, 100, 1000]) {
      checkMulTruncDiv(MAX_SAFE_AMOUNT, pct, 100);
      checkMulTruncDiv(-MAX_SAFE_AMOUNT, pct, 100);
    }
    checkMulTruncDiv(MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT);
    checkMulTruncDiv(MAX_SAFE_AMOUNT, -MAX_SAFE_AMOUNT, 7);
  });

  it('refuses to divide by zero on either path', () => {
    expect(() => mulTruncDiv(3, 5, 0)).toThrow(RangeError);
    expect(() => mulTruncDiv(MAX_SAFE_AMOUNT, MAX_SAFE_AMOUNT, 0)).toThrow(RangeError);
  });
});
