// Fitting to the budget lands on it to the point value, not exactly: the Payouts screen says
// so, and names what stays unpaid, in every language.
import { describe, expect, it } from 'vitest';
import { createTranslator } from './i18n';

describe('the fit-to-budget words', () => {
  it.each(['en', 'pl', 'ru'] as const)(
    '%s: the hint promises no exact budget and the remainder is named',
    (language) => {
      const { t } = createTranslator(language);
      expect(t('payouts.fit.hint')).not.toMatch(/exactly|dokładnie w|ровно/i);
      expect(t('payouts.fit.remainder', { remainder: '0,05 zł' })).toContain('0,05 zł');
    },
  );
});
