import { describe, expect, it } from 'vitest';
import { gridMoveTarget } from './grid-keys';

describe('gridMoveTarget', () => {
  it('moves by a row, by a page of the viewport less one row, and to either end, never past them', () => {
    // 440 px: a 40 px header and 10 rows of 40 px, so a page is 9 rows.
    expect(
      ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].map((key) => gridMoveTarget(key, 20, 100, 440)),
    ).toEqual([21, 19, 29, 11, 0, 99]);
    expect(gridMoveTarget('ArrowUp', 0, 100, 440)).toBe(0);
    expect(gridMoveTarget('PageDown', 95, 100, 440)).toBe(99);
    expect(gridMoveTarget('PageUp', 3, 100, 440)).toBe(0);
    // A viewport smaller than a row still pages by one.
    expect(gridMoveTarget('PageDown', 5, 100, 10)).toBe(6);
  });

  it('leaves other keys to the caller', () => {
    expect(gridMoveTarget('Enter', 5, 100, 440)).toBeNull();
    expect(gridMoveTarget('a', 5, 100, 440)).toBeNull();
  });
});
