import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstRowsByKey, hashKey } from './first-rows-by-key';

/** A table over a plain list of staged keys, as the stage would hand them back. */
function tableOver(hash?: (key: string) => readonly [number, number]) {
  const staged: string[] = [];
  const table = new FirstRowsByKey((place) => staged[place - 1] as string, hash, 4);
  return {
    table,
    add(key: string, row: number) {
      staged.push(key);
      table.add(key, row, staged.length);
    },
  };
}

describe('FirstRowsByKey', () => {
  it('finds the first row of every key added, through many growths, and nothing for keys never added', () => {
    const { table, add } = tableOver();
    for (let i = 0; i < 50_000; i++) add(JSON.stringify(['doc', `INV-${i}`, '1', `R${i % 400}`, 'DOG-01']), i + 2);
    expect(table.count).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997)
      expect(table.rowOf(JSON.stringify(['doc', `INV-${i}`, '1', `R${i % 400}`, 'DOG-01']))).toBe(i + 2);
    expect(table.rowOf(JSON.stringify(['doc', 'INV-50000', '1', 'R0', 'DOG-01']))).toBeUndefined();
  });

  it('tells apart keys that share both hashes, by the key the stage holds', () => {
    const { table, add } = tableOver(() => [7, 7]);
    add('a', 2);
    add('b', 3);
    add('c', 4);
    expect([table.rowOf('a'), table.rowOf('b'), table.rowOf('c'), table.rowOf('d')]).toEqual([2, 3, 4, undefined]);
  });

  it('agrees with a Map on any sequence of keys', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (keys) => {
        const { table, add } = tableOver((key) => [hashKey(key)[0] & 3, 0]); // few hashes: collisions everywhere
        const map = new Map<string, number>();
        keys.forEach((key, i) => {
          expect(table.rowOf(key)).toBe(map.get(key));
          if (!map.has(key)) {
            map.set(key, i + 1);
            add(key, i + 1);
          }
        });
      }),
    );
  });

  it('hashes text into two different 32-bit numbers', () => {
    const [a, b] = hashKey('["doc","FV/10/69","1","R0001","TOY-3"]');
    expect(Number.isInteger(a) && Number.isInteger(b)).toBe(true);
    expect(a).not.toBe(b);
    expect(hashKey('ab')).not.toEqual(hashKey('ba'));
  });
});
