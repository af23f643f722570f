import { describe, expect, it } from 'vitest';
import { replacementDiff } from './replacement-diff';
import { salesLineKey, type SalesLineValues } from './sales-line-key';

const line = (
  documentNo: string | null,
  sku: string,
  quantity: number,
  netMinor: number,
  date = '2026-10-05',
): SalesLineValues => ({
  date,
  participantCode: 'R0001',
  sku,
  quantity,
  netMinor,
  documentNo,
  lineNo: documentNo ? '1' : null,
  participantName: null,
  productName: null,
});

describe('salesLineKey', () => {
  it('is the document, line, participant and SKU when there is a document number', () => {
    expect(salesLineKey(line('FV/1', 'DOG-01', 1, 100))).toBe(
      salesLineKey(line('FV/1', 'DOG-01', 5, 999, '2026-10-06')),
    );
    expect(salesLineKey(line('FV/1', 'DOG-01', 1, 100))).not.toBe(salesLineKey(line('FV/2', 'DOG-01', 1, 100)));
  });
  it('is every field without a document number', () => {
    expect(salesLineKey(line(null, 'DOG-01', 1, 100))).toBe(salesLineKey(line(null, 'DOG-01', 1, 100)));
    expect(salesLineKey(line(null, 'DOG-01', 1, 100))).not.toBe(salesLineKey(line(null, 'DOG-01', 1, 101)));
  });
});

describe('replacementDiff', () => {
  it('counts lines added, removed, changed and unchanged, matched by key, with examples', () => {
    const before = [line('FV/1', 'DOG-01', 1, 100), line('FV/2', 'CAT-07', 2, 200), line('FV/3', 'TOY-3', 3, 300)];
    const after = [line('FV/1', 'DOG-01', 1, 100), line('FV/2', 'CAT-07', 2, 250), line('FV/4', 'DOG-02', 4, 400)];
    const diff = replacementDiff({ id: 7, fileName: 'old.xlsx' }, before, after, 2);
    expect(diff).toMatchObject({
      replacesBatchId: 7,
      replacesFileName: 'old.xlsx',
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 1,
    });
    expect(diff.examples).toEqual([
      {
        change: 'changed',
        key: 'FV/2 line 1, R0001, CAT-07',
        before: '2026-10-05 R0001 CAT-07 quantity 2, net 2.00',
        after: '2026-10-05 R0001 CAT-07 quantity 2, net 2.50',
      },
      {
        change: 'added',
        key: 'FV/4 line 1, R0001, DOG-02',
        before: null,
        after: '2026-10-05 R0001 DOG-02 quantity 4, net 4.00',
      },
      {
        change: 'removed',
        key: 'FV/3 line 1, R0001, TOY-3',
        before: '2026-10-05 R0001 TOY-3 quantity 3, net 3.00',
        after: null,
      },
    ]);
  });

  it('keeps at most five examples of each change', () => {
    const after = Array.from({ length: 12 }, (_, i) => line(`FV/${i}`, 'DOG-01', 1, 100));
    const diff = replacementDiff({ id: 1, fileName: 'a.csv' }, [], after, 2);
    expect(diff.added).toBe(12);
    expect(diff.examples).toHaveLength(5);
  });
});
