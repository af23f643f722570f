// The core's validation problems are worded from their code and params in every language; a
// reworded English sentence in the core changes nothing here.
import { describe, expect, it } from 'vitest';
import { VALIDATION_PROBLEM_CODES, type ValidationProblem } from '../../src-main/ipc/contract';
import { parseProgramConfig, parseRules } from '../../src-main/core/program/program-config';
import { createTranslator } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { pl } from '../i18n/messages-pl';
import { ru } from '../i18n/messages-ru';
import { problemLine, problemMessage, problemPlace, problemSentence } from './validation-problem-text';
import { problemsFromCore } from '../screens/rules/rules-draft';

describe('validation problem texts', () => {
  it.each(VALIDATION_PROBLEM_CODES)('%s has its message in English, Polish and Russian', (code) => {
    const { key } = problemMessage({ path: [], code, params: {}, message: '' } as unknown as ValidationProblem);
    for (const dictionary of [en, pl, ru] as Record<string, unknown>[]) expect(dictionary[key]).toBeDefined();
    // Translated, not copied: the Polish and Russian texts differ from the English one.
    expect(JSON.stringify(pl[key])).not.toBe(JSON.stringify(en[key]));
    expect(JSON.stringify(ru[key])).not.toBe(JSON.stringify(en[key]));
  });

  it('fills the params and names the place with the form labels, in Polish and Russian', () => {
    const parsed = parseRules({
      baseRate: { points: 1, perMinor: 100 },
      tiers: [{ id: 'GOLD', name: 'Gold', minVolumeMinor: 100, bonusPct: 1001 }],
    });
    if (parsed.ok) throw new Error('the rules should be refused');
    const [problem] = parsed.issues as [ValidationProblem];
    const plText = createTranslator('pl');
    const ruText = createTranslator('ru');
    expect(problemLine(problem, plText)).toBe('poziom 1 › Premia: Wpisz 1\u00a0000 lub mniej.');
    expect(problemLine(problem, ruText).replace(/\s/g, ' ')).toBe('уровень 1 › Бонус: Введите 1 000 или меньше.');
    expect(problemLine(problem, createTranslator('en'))).toBe('tier 1 › Bonus: Enter 1,000 or less.');
  });

  it('words the problems of a program document, its rules included, without reading the English sentence', () => {
    const parsed = parseProgramConfig({
      name: 'X',
      client: 'Y',
      currency: { code: 'zł', minorDigits: 2 },
      locale: 'pl-PL',
      pointValueMinor: 10,
      firstPeriod: '2026-09',
      rules: {
        baseRate: { points: 1, perMinor: 100 },
        contests: [{ id: 'T', name: 'T', eligibility: 'joinedInPeriod', prizes: [0] }],
      },
      colour: 'blue',
    });
    if (parsed.ok) throw new Error('the program should be refused');
    // The English sentence is not what the words come from: a changed sentence changes nothing.
    const problems = parsed.issues.map((p) => ({ ...p, message: 'reworded' }));
    const pl = createTranslator('pl');
    expect(problems.map((p) => problemLine(p, pl))).toEqual([
      'Waluta: Użyj trzyliterowego kodu, np. PLN.',
      'Zasady › konkurs 1 › Nagrody › Miejsce 1: Wpisz 1 lub więcej.',
      'Cały dokument: Loyalty Desk nie zna ustawienia "colour".',
    ]);
    expect(problemPlace(['name'], pl)).toBe('Nazwa programu');
    expect(problemSentence(problems[0]!, createTranslator('ru'))).toBe('Укажите трёхбуквенный код, например PLN.');
  });

  it('puts the rules problems beside their fields on the rules screen', () => {
    const parsed = parseRules({
      baseRate: { points: 1, perMinor: 100 },
      tiers: [{ id: 'T'.repeat(41), name: 'Gold', minVolumeMinor: 100, bonusPct: 5 }],
      bonus: 1,
    });
    if (parsed.ok) throw new Error('the rules should be refused');
    expect(problemsFromCore(parsed.issues)).toEqual({
      'tiers[0].id': { key: 'problem.too_long', params: { maximum: 40 } },
      '(rules)': { key: 'problem.unknown_key', params: { keys: '"bonus"', count: 1 } },
    });
  });
});
