// The quick paths of decimalFromNumber, decimalToMinor and parseWholeNumber (taken for nearly
// every cell of a sales file) must read every number exactly as the general path does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SAFE_AMOUNT } from './minor-units';
import { decimalFromNumber, decimalToMinor, parseWholeNumber, type Decimal } from './parse-decimal';

/** The general path, as it was before the quick paths: the reference. */
function referenceDecimal(value: number): Decimal | null {
  if (!Number.isFinite(value)) return null;
  let text = String(value);
  const significant = text.replace(/e.*$/i, '').replace(/[-.]/g, '').replace(/^0+/, '');
  if (significant.length > 15) text = value.toPrecision(15);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return null;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const point = (m[2] ?? '').length + Number.parseInt(m[4] ?? '0', 10);
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = point <= 0 ? 1 : point;
  const whole = padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0';
  const fraction = padded.slice(at).replace(/0+$/, '');
  return { negative: m[1] === '-' && !(whole === '0' && fraction === ''), whole, fraction };
}

function referenceMinor(value: Decimal, digits: number): number | null {
  if (value.fraction.length > digits) return null;
  const minor = BigInt(value.whole + value.fraction.padEnd(digits, '0'));
  if (minor > BigInt(MAX_SAFE_AMOUNT)) return null;
  const abs = Number(minor);
  return value.negative ? -abs : abs;
}

const amounts = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }).map((minor) => minor / 100),
  fc.integer({ min: -1e6, max: 1e6 }).map((minor) => minor / 1000),
  fc.constantFrom(
    0,
    -0,
    0.1,
    0.30000000000000004,
    1158.6,
    1e15,
    1e15 - 1,
    -999999999999999,
    123456789012345.6,
    1e-7,
    2 ** 53,
  ),
);

describe('quick paths of the number readers', () => {
  it('read every double as the general path does', () => {
    fc.assert(
      fc.property(amounts, (value) => {
        const result = decimalFromNumber(value);
        const reference = referenceDecimal(value);
        expect(result.ok ? result.value : null).toEqual(reference);
      }),
      { numRuns: 5000 },
    );
  });

  it('turn decimals into minor units as the general path does', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 3 }), (value, digits) => {
        const decimal = referenceDecimal(value);
        if (!decimal) return;
        const result = decimalToMinor(decimal, digits);
        expect(result.ok ? result.minor : null).toBe(referenceMinor(decimal, digits));
      }),
      { numRuns: 5000 },
    );
  });

  it('read whole numbers as the general path does', () => {
    fc.assert(
      fc.property(amounts, (value) => {
        const decimal = referenceDecimal(value);
        const expected = decimal && decimal.fraction === '' ? referenceMinor(decimal, 0) : null;
        const result = parseWholeNumber(value, 'pl-PL');
        expect(result.ok ? result.value : null).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
