import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseProgramConfig } from './program-config';

const root = resolve(__dirname, '..', '..', '..');
const reference = () => JSON.parse(readFileSync(join(root, 'examples', 'reference-program.json'), 'utf8'));

describe('the reference program file', () => {
  it('encodes every parameter of docs/reference-program.md', () => {
    const parsed = parseProgramConfig(reference());
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const p = parsed.value;
    expect(p.currency).toEqual({ code: 'PLN', minorDigits: 2 });
    expect(p.pointValueMinor).toBe(10);
    expect(p.firstPeriod).toBe('2026-09');
    expect(p.rules.baseRate).toEqual({ points: 1, perMinor: 100 });
    expect(p.rules.tiers.map((t) => [t.id, t.minVolumeMinor, t.bonusPct])).toEqual([
      ['GOLD', 50_000_000, 10],
      ['SILVER', 25_000_000, 5],
      ['BRONZE', 10_000_000, 3],
    ]);
    expect(p.rules.targetBands).toEqual([
      { minAttainmentBp: 12000, bonusPct: 50 },
      { minAttainmentBp: 10000, bonusPct: 20 },
    ]);
    expect(p.rules.campaigns.map((c) => [c.id, c.productGroup, c.from, c.to, c.bonusPct])).toEqual([
      ['AUTUMN-DRY', 'DRY', '2026-10-01', '2026-10-15', 10],
      ['XMAS-WET', 'WET', '2026-12-01', '2026-12-24', 25],
      ['XMAS-ALL-DRY', 'DRY', '2026-12-10', '2026-12-24', 5],
    ]);
    expect(p.rules.capPointsPerPeriod).toBe(50_000);
    expect(p.rules.contests).toEqual([
      {
        id: 'TURBOBOOST',
        name: 'TurboBoost',
        eligibility: 'joinedInPeriod',
        prizes: [2000, 1000, 500],
        tieBreak: ['joinDate', 'code'],
      },
    ]);
    expect(p.rules.payout).toEqual({ requiresDestination: true, requiresActive: true });
    expect(p.rules.budget).toEqual({ perPeriodMinor: 15_000_000 });
  });
});

describe('parseProgramConfig', () => {
  const withRules = (patch: Record<string, unknown>) => {
    const doc = reference();
    return { ...doc, rules: { ...doc.rules, ...patch } };
  };

  it.each([
    [{ capPointsPerPeriod: 0 }, 'rules.capPointsPerPeriod: must be at least 1'],
    [
      { tiers: [{ id: 'GOLD', name: 'Gold', minVolumeMinor: 100, bonusPct: 2.5 }] },
      'rules.tiers[0].bonusPct: must be a whole number',
    ],
    [
      { campaigns: [{ id: 'A', productGroup: 'DRY', from: '2026-10-15', to: '2026-10-01', bonusPct: 5 }] },
      'rules.campaigns[0].to: must end on or after the day it starts',
    ],
    [
      {
        campaigns: [
          { id: 'A', productGroup: 'DRY', from: '2026-10-01', to: '2026-10-15', bonusPct: 5 },
          { id: 'A', productGroup: 'WET', from: '2026-10-01', to: '2026-10-15', bonusPct: 5 },
        ],
      },
      'rules.campaigns[1].id: repeats the id "A"',
    ],
    [{ bonus: 5 }, 'rules: has unknown setting "bonus"'],
    [{ baseRate: undefined }, 'rules.baseRate: is missing'],
  ])('refuses invalid rules naming the field (%#)', (patch, expected) => {
    const parsed = parseProgramConfig(withRules(patch));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContain(expected);
  });

  it('refuses a money amount that is not whole minor units', () => {
    const parsed = parseProgramConfig({ ...reference(), pointValueMinor: 0.1 });
    expect(parsed).toMatchObject({ ok: false, problems: ['pointValueMinor: must be a whole number'] });
  });

  it('refuses a period that is not YYYY-MM and a currency that is not ISO', () => {
    const parsed = parseProgramConfig({
      ...reference(),
      firstPeriod: '2026-13',
      currency: { code: 'zł', minorDigits: 2 },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems).toEqual(
        expect.arrayContaining([
          'firstPeriod: must be a month YYYY-MM',
          'currency.code: must be a three-letter ISO 4217 code such as PLN',
        ]),
      );
    }
  });
});
