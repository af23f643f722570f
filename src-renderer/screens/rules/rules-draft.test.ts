// The rules editor's draft: the rules shown in the coordinator's own notation and read back
// exactly (money in minor units, attainment in basis points, never through a float), each wrong
// field named by the path the core uses and worded in English, Polish and Russian.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SAFE_AMOUNT } from '../../../src-main/core/money/minor-units';
import { parseRules, type Rules } from '../../../src-main/core/program/program-config';
import { createTranslator, type Translator } from '../../i18n/i18n';
import {
  canonicalJson,
  draftFromRules,
  draftToRules,
  newRow,
  problemsFromCore,
  type FieldProblem,
  type RulesDraft,
} from './rules-draft';

/** The rules of examples/reference-program.json. */
const REFERENCE: Rules = {
  baseRate: { points: 1, perMinor: 100 },
  productRates: [],
  tiers: [
    { id: 'GOLD', name: 'Gold', minVolumeMinor: 50_000_000, bonusPct: 10 },
    { id: 'SILVER', name: 'Silver', minVolumeMinor: 25_000_000, bonusPct: 5 },
    { id: 'BRONZE', name: 'Bronze', minVolumeMinor: 10_000_000, bonusPct: 3 },
  ],
  targetBands: [
    { minAttainmentBp: 12_000, bonusPct: 50 },
    { minAttainmentBp: 10_000, bonusPct: 20 },
  ],
  campaigns: [
    {
      id: 'AUTUMN-DRY',
      name: 'Autumn dry food',
      productGroup: 'DRY',
      from: '2026-10-01',
      to: '2026-10-15',
      bonusPct: 10,
    },
    {
      id: 'XMAS-WET',
      name: 'Christmas wet food',
      productGroup: 'WET',
      from: '2026-12-01',
      to: '2026-12-24',
      bonusPct: 25,
    },
  ],
  capPointsPerPeriod: 50_000,
  contests: [
    {
      id: 'TURBOBOOST',
      name: 'TurboBoost',
      eligibility: 'joinedInPeriod',
      prizes: [2000, 1000, 500],
      tieBreak: ['joinDate', 'code'],
    },
  ],
  payout: { requiresDestination: true, requiresActive: true },
  budget: { perPeriodMinor: 15_000_000 },
};

function referenceRules(): Rules {
  const parsed = parseRules(REFERENCE);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.value;
}

const EN = { minorDigits: 2, locale: 'en-GB' };
const PL = { minorDigits: 2, locale: 'pl-PL' };
const RU = { minorDigits: 2, locale: 'ru-RU' };
const LANGUAGES = { en: EN, pl: PL, ru: RU } as const;

const said = (i18n: Translator, problem: FieldProblem | undefined) =>
  problem ? i18n.t(problem.key, problem.params) : undefined;

describe('rules draft', () => {
  it('shows money and attainment in the locale’s notation', () => {
    const rules = referenceRules();
    const en = draftFromRules(rules, EN);
    const pl = draftFromRules(rules, PL);
    expect([en.basePoints, en.basePer, en.tiers[0]!.minVolume, en.bands[0]!.minAttainment, en.cap, en.budget]).toEqual([
      '1',
      '1.00',
      '500000.00',
      '120.00',
      '50000',
      '150000.00',
    ]);
    expect([pl.basePer, pl.tiers[0]!.minVolume, pl.bands[0]!.minAttainment, pl.budget]).toEqual([
      '1,00',
      '500000,00',
      '120,00',
      '150000,00',
    ]);
    expect(pl.contests[0]!.prizes.map((p) => p.points)).toEqual(['2000', '1000', '500']);
  });

  it('reads the draft back into the same rules in every locale', () => {
    const rules = referenceRules();
    for (const notation of [EN, PL, RU]) {
      const { rules: read, problems } = draftToRules(draftFromRules(rules, notation), notation);
      expect(problems).toEqual({});
      expect(canonicalJson(read)).toBe(canonicalJson(rules));
    }
  });

  it('carries the point value a version names (changed on the Settings screen) through the form unchanged', () => {
    const rules = { ...referenceRules(), pointValueMinor: 12 };
    const { rules: read } = draftToRules(draftFromRules(rules, PL), PL);
    expect(canonicalJson(read)).toBe(canonicalJson(rules));
  });

  it('reads any budget up to MAX_SAFE_AMOUNT back to the minor unit, in any locale and with 0 to 3 decimals', () => {
    const rules = referenceRules();
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: BigInt(MAX_SAFE_AMOUNT) }).map(Number),
        fc.constantFrom(EN, PL, RU),
        fc.integer({ min: 0, max: 3 }),
        (minor, notation, minorDigits) => {
          const n = { ...notation, minorDigits };
          const { rules: read } = draftToRules(draftFromRules({ ...rules, budget: { perPeriodMinor: minor } }, n), n);
          expect(read?.budget).toEqual({ perPeriodMinor: minor });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads amounts typed with grouping spaces and either separator as the locale means them', () => {
    const base = draftFromRules(referenceRules(), PL);
    const typed = (budget: string, notation = PL) =>
      draftToRules({ ...base, budget }, notation).rules?.budget?.perPeriodMinor;
    expect(typed('150 000,50')).toBe(15_000_050);
    expect(typed('150\u00a0000,5')).toBe(15_000_050);
    expect(typed('150,000.50', EN)).toBe(15_000_050);
    expect(typed('0,01')).toBe(1);
  });

  it('names each wrong field by the core’s path and leaves the rules unread', () => {
    const draft: RulesDraft = draftFromRules(referenceRules(), PL);
    const broken: RulesDraft = {
      ...draft,
      basePoints: '1,5',
      basePer: '',
      tiers: [
        { ...draft.tiers[0]!, bonusPct: '1001' },
        { ...draft.tiers[1]!, id: draft.tiers[0]!.id, minVolume: '-5' },
        draft.tiers[2]!,
      ],
      campaigns: [{ ...draft.campaigns[0]!, from: '2026-10-15', to: '2026-10-01' }, ...draft.campaigns.slice(1)],
      cap: '0',
      contests: [{ ...draft.contests[0]!, prizes: [] }],
      budget: '12,345',
    };
    const { rules, problems } = draftToRules(broken, PL);
    expect(rules).toBeNull();
    expect(problems).toEqual({
      'baseRate.points': { key: 'validation.wholeNumber' },
      'baseRate.perMinor': { key: 'validation.required' },
      'tiers[0].bonusPct': { key: 'validation.percent' },
      'tiers[1].minVolumeMinor': { key: 'validation.notNegative' },
      'tiers[1].id': { key: 'validation.duplicateId' },
      'campaigns[0].to': { key: 'validation.dateOrder' },
      capPointsPerPeriod: { key: 'validation.atLeastOne' },
      'contests[0].prizes': { key: 'validation.onePrize' },
      'budget.perPeriodMinor': { key: 'validation.tooManyDecimals', params: { digits: 2 } },
    });
  });

  it('words a field’s problem in English, Polish and Russian, with the example in the locale’s notation', () => {
    const expected = {
      en: [
        'Use at most 2 decimal places.',
        'Enter an amount such as 150000.00.',
        'Enter 1 or more.',
        'This id is already used above.',
      ],
      pl: [
        'Najwyżej 2 miejsca po przecinku.',
        'Wpisz kwotę, np. 150000,00.',
        'Podaj 1 lub więcej.',
        'To id jest już użyte powyżej.',
      ],
      ru: [
        'Не больше 2 знаков после запятой.',
        'Введите сумму, например 150000,00.',
        'Введите 1 или больше.',
        'Этот id уже использован выше.',
      ],
    };
    for (const language of ['en', 'pl', 'ru'] as const) {
      const notation = LANGUAGES[language];
      const i18n = createTranslator(language);
      const draft = draftFromRules(referenceRules(), notation);
      const { problems } = draftToRules(
        {
          ...draft,
          budget: '1.234.5x',
          basePer: language === 'en' ? '1.005' : '1,005',
          cap: '0',
          tiers: [draft.tiers[0]!, { ...draft.tiers[1]!, id: draft.tiers[0]!.id }],
        },
        notation,
      );
      expect([
        said(i18n, problems['baseRate.perMinor']),
        said(i18n, problems['budget.perPeriodMinor']),
        said(i18n, problems.capPointsPerPeriod),
        said(i18n, problems['tiers[1].id']),
      ]).toEqual(expected[language]);
    }
  });

  it('refuses a number past the limit rather than rounding it', () => {
    const draft = draftFromRules(referenceRules(), EN);
    const { problems } = draftToRules({ ...draft, budget: '1000000000000.00', cap: '100000000000000' }, EN);
    expect(problems['budget.perPeriodMinor']).toEqual({ key: 'validation.tooLarge' });
    expect(problems.capPointsPerPeriod).toEqual({ key: 'validation.tooLarge' });
  });

  it('places the core’s own problems beside their fields, translated where the wording is known', () => {
    const rules = referenceRules();
    const parsed = parseRules({
      ...rules,
      tiers: [
        { ...rules.tiers[0]!, bonusPct: 5000 },
        { ...rules.tiers[1]!, id: rules.tiers[0]!.id },
      ],
      capPointsPerPeriod: 0,
    });
    expect(parsed.ok).toBe(false);
    const problems = problemsFromCore(parsed.ok ? [] : parsed.issues);
    expect(problems).toMatchObject({
      'tiers[0].bonusPct': { key: 'problem.too_large' },
      'tiers[1].id': { key: 'problem.duplicate_id' },
      capPointsPerPeriod: { key: 'problem.too_small', params: { minimum: 1 } },
    });
  });

  it('compares rules whatever the order of their keys, but not of their lists', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('gives every new row a key of its own, so that the form keeps each row’s state', () => {
    const keys = [
      newRow.tier().key,
      newRow.tier().key,
      newRow.band().key,
      newRow.campaign().key,
      newRow.prize().key,
      newRow.productRate().key,
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
