import { describe, expect, it } from 'vitest';
import { neutraliseCsvText } from './neutralise-formula';

describe('neutraliseCsvText', () => {
  it('prefixes text that could start a formula with an apostrophe', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+48 600', '-5', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseCsvText(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text alone, including an inner "="', () => {
    for (const text of ['Anna Nowak', 'a=b', "'already", '', ' =1']) expect(neutraliseCsvText(text)).toBe(text);
  });
});
