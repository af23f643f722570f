// Issue 14, item 6: a confirmation's mismatch reads as the facts, in the operator's language and the program's money.
import { describe, expect, it } from 'vitest';
import type { ImportProblem } from '../../../src-main/ipc/contract';
import { createTranslator } from '../../i18n/i18n';
import { problemText } from './import-texts';

const problem = (params: Record<string, string | number>, code: ImportProblem['code'] = 'CONFIRMATION_MISMATCH') => ({
  row: 4,
  column: 'Kwota',
  value: '999.99',
  code,
  reason: 'core sentence',
  params: { row: 4, currency: 'PLN', minorDigits: 2, ...params },
  severity: 'error' as const,
});

const AMOUNT = { kind: 'amount', reference: 'LD-2026-09-000003', expectedMinor: 77_790, givenMinor: 99_999 };

describe('a confirmation’s mismatch in words', () => {
  it('names both amounts in the program’s money format, in English and Polish', () => {
    expect(problemText(problem(AMOUNT), createTranslator('en', ['en-GB']), 'confirmations').replace(/\s/g, ' ')).toBe(
      'The top-up LD-2026-09-000003 was PLN 777.90; the file says PLN 999.99. Nothing was changed for it.',
    );
    expect(problemText(problem(AMOUNT), createTranslator('pl'), 'confirmations').replace(/\s/g, ' ')).toBe(
      'Doładowanie LD-2026-09-000003 wynosiło 777,90 zł; plik podaje 999,99 zł. Nic dla niego nie zmieniono.',
    );
  });

  it('words every kind in en, pl and ru, never the generic sentence', () => {
    const cases: Record<string, string | number>[] = [
      { kind: 'unknownReference', reference: 'LD-2099-01-000001' },
      { kind: 'noMatch', destination: 'CARD-ZZ', givenMinor: 1_000 },
      { kind: 'ambiguous', destination: 'CARD-ZZ', givenMinor: 1_000, candidates: 2 },
      AMOUNT,
      { kind: 'alreadyConfirmed', reference: 'LD-1', knownStatus: 'paid', fileStatus: 'failed' },
      { kind: 'notExported', reference: 'LD-1' },
      { kind: 'voided', reference: 'LD-1' },
      { kind: 'twice', reference: 'LD-1', firstRow: 2 },
    ];
    for (const language of ['en', 'pl', 'ru'] as const) {
      const i18n = createTranslator(language);
      const generic = i18n.t('problem.CONFIRMATION_MISMATCH');
      for (const params of cases) {
        const text = problemText(problem(params), i18n, 'confirmations');
        expect(text, `${language} ${String(params.kind)}`).not.toBe(generic);
        expect(text).not.toMatch(/\{|Minor|core sentence/);
      }
    }
    expect(
      problemText(
        problem({ kind: 'alreadyConfirmed', reference: 'LD-1', knownStatus: 'paid', fileStatus: 'failed' }),
        createTranslator('pl'),
        'confirmations',
      ),
    ).toBe('Doładowanie LD-1 jest już potwierdzone jako „Zrealizowane”; plik podaje „Odrzucone”. Nic nie zmieniono.');
  });

  it('quotes the status the file gives that is neither paid nor failed', () => {
    expect(
      problemText(problem({ status: 'może' }, 'BAD_CONFIRMATION_STATUS'), createTranslator('ru'), 'confirmations'),
    ).toContain('«może»');
  });
});
