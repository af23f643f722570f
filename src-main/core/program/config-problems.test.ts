import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SAFE_AMOUNT } from '../money/minor-units';
import { contract } from '../../ipc/contract';
import { validationProblems, type ValidationProblem } from './config-problems';
import { parseProgramConfig, parseRules } from './program-config';

const root = resolve(__dirname, '..', '..', '..');
const reference = () =>
  JSON.parse(readFileSync(join(root, 'examples', 'reference-program.json'), 'utf8')) as Record<string, unknown> & {
    rules: Record<string, unknown>;
  };

/** The problems as data, without the English sentence: what the renderer words. */
function problemsOf(result: ReturnType<typeof parseProgramConfig>): Omit<ValidationProblem, 'message'>[] {
  if (result.ok) return [];
  return result.issues.map(({ path, code, params }) => ({ path, code, params }) as Omit<ValidationProblem, 'message'>);
}

describe('validation problems of a program', () => {
  it('name each typical mistake by path, code and params, the English sentence kept beside them', () => {
    const doc = reference();
    const tier = { id: 'GOLD', name: 'Gold', minVolumeMinor: 100, bonusPct: 10 };
    const campaign = { id: 'A', productGroup: 'DRY', from: '2026-10-01', to: '2026-10-15', bonusPct: 5 };
    const parsed = parseProgramConfig({
      ...doc,
      name: '  ',
      currency: { code: 'zł', minorDigits: 2 },
      locale: 'Polish',
      pointValueMinor: 0.5,
      firstPeriod: '2026-13',
      payment: { sepaDebtor: { name: 'Agency', iban: 'PL61', bic: 'bank' } },
      colour: 'blue',
      rules: {
        ...doc.rules,
        baseRate: { points: 1 },
        tiers: [tier, { ...tier, name: 'Gold again', bonusPct: 1001, minVolumeMinor: MAX_SAFE_AMOUNT + 1 }],
        targetBands: [{ minAttainmentBp: 0, bonusPct: -1 }],
        campaigns: [
          campaign,
          { ...campaign, to: '2026-10-1' },
          { ...campaign, id: 'B', from: '2026-10-20', to: '2026-10-10' },
        ],
        contests: [{ id: 'T', name: 'T', eligibility: 'everyone', prizes: [] }],
        capPointsPerPeriod: '500',
      },
    });
    expect(problemsOf(parsed)).toEqual([
      { path: ['name'], code: 'empty', params: {} },
      { path: ['currency', 'code'], code: 'invalid_currency_code', params: {} },
      { path: ['locale'], code: 'invalid_locale', params: {} },
      { path: ['pointValueMinor'], code: 'not_integer', params: {} },
      { path: ['firstPeriod'], code: 'invalid_month', params: {} },
      { path: ['payment', 'sepaDebtor', 'iban'], code: 'too_short', params: { minimum: 15 } },
      { path: ['payment', 'sepaDebtor', 'bic'], code: 'invalid_bic', params: {} },
      { path: ['rules', 'baseRate', 'perMinor'], code: 'required', params: {} },
      { path: ['rules', 'tiers', 1, 'minVolumeMinor'], code: 'amount_too_large', params: { maximum: MAX_SAFE_AMOUNT } },
      { path: ['rules', 'tiers', 1, 'bonusPct'], code: 'too_large', params: { maximum: 1000 } },
      { path: ['rules', 'targetBands', 0, 'minAttainmentBp'], code: 'too_small', params: { minimum: 1 } },
      { path: ['rules', 'targetBands', 0, 'bonusPct'], code: 'too_small', params: { minimum: 0 } },
      { path: ['rules', 'campaigns', 1, 'to'], code: 'invalid_date', params: {} },
      { path: ['rules', 'campaigns', 2, 'to'], code: 'date_order', params: {} },
      { path: ['rules', 'capPointsPerPeriod'], code: 'not_a_number', params: {} },
      { path: ['rules', 'contests', 0, 'eligibility'], code: 'not_one_of', params: { options: 'joinedInPeriod' } },
      { path: ['rules', 'contests', 0, 'prizes'], code: 'too_few_items', params: { minimum: 1 } },
      { path: [], code: 'unknown_key', params: { keys: '"colour"', count: 1 } },
    ]);
    if (!parsed.ok) {
      expect(parsed.issues.map((p) => p.message)).toEqual(parsed.problems);
      expect(parsed.problems).toContain('rules.tiers[1].bonusPct: must be at most 1000');
      expect(parsed.problems).toContain('rules.campaigns[2].to: must end on or after the day it starts');
    }
  });

  it('give a tier name too long with its limit, and a repeated id with the id', () => {
    const tier = { id: 'GOLD', name: 'Gold', minVolumeMinor: 100, bonusPct: 10 };
    const parsed = parseRules({
      baseRate: { points: 1, perMinor: 100 },
      tiers: [tier, { ...tier, name: 'G'.repeat(61) }],
      unknownRule: 1,
    });
    expect(parsed.ok ? [] : parsed.issues).toEqual([
      {
        path: ['tiers', 1, 'name'],
        code: 'too_long',
        params: { maximum: 60 },
        message: 'tiers[1].name: must be at most 60 characters',
      },
      {
        path: [],
        code: 'unknown_key',
        params: { keys: '"unknownRule"', count: 1 },
        message: '(the document): has unknown setting "unknownRule"',
      },
      {
        path: ['tiers', 1, 'id'],
        code: 'duplicate_id',
        params: { id: 'GOLD' },
        message: 'tiers[1].id: repeats the id "GOLD"',
      },
    ]);
    const repeated = parseRules({ baseRate: { points: 1, perMinor: 100 }, tiers: [tier, tier] });
    expect(repeated.ok ? [] : repeated.issues).toEqual([
      {
        path: ['tiers', 1, 'id'],
        code: 'duplicate_id',
        params: { id: 'GOLD' },
        message: 'tiers[1].id: repeats the id "GOLD"',
      },
    ]);
  });

  it("a call's arguments refused by the contract are problems of the same kind", () => {
    const parsed = contract['verify.resolve'].args.safeParse({
      period: '2026-13',
      key: 'UNKNOWN_PARTICIPANT:A',
      action: 'pay',
      reason: 'x',
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(validationProblems(parsed.error).map(({ path, code }) => [path, code])).toEqual([
        [['period'], 'invalid_month'],
        [['key'], 'invalid'],
        [['action'], 'not_one_of'],
      ]);
    }
  });
});
