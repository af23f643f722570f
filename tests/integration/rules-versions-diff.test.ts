// Issue 14, item 7: the rules' versions with their notes, dates and authors, and the difference between any two,
// field by field, as data; on a real SQLite file.
import { describe, expect, it } from 'vitest';
import { requireProgram } from '../../src-main/core/program/program-store';
import { diffRulesVersions, listRulesVersions } from '../../src-main/core/program/rules-versions';
import { updateRules } from '../../src-main/core/program/update-rules';
import { openTestContext } from '../fixtures/test-database';

function programWithThreeVersions() {
  const ctx = openTestContext();
  const v1 = requireProgram(ctx).rules;
  updateRules(
    ctx,
    {
      ...v1,
      baseRate: { points: 12, perMinor: 1_000 },
      tiers: [
        ...v1.tiers.filter((t) => t.id !== 'BRONZE').map((t) => (t.id === 'SILVER' ? { ...t, bonusPct: 7 } : t)),
        { id: 'PLATINUM', name: 'Platinum', minVolumeMinor: 100_000_000, bonusPct: 15 },
      ],
      targetBands: v1.targetBands.filter((b) => b.minAttainmentBp !== 12_000),
      campaigns: v1.campaigns.map((c) => (c.id === 'XMAS-WET' ? { ...c, to: '2026-12-31' } : c)),
      capPointsPerPeriod: null,
      budget: { perPeriodMinor: 20_000_000 },
    },
    'Richer tiers for 2027, agreed with the client on 3 December',
  );
  updateRules(
    ctx,
    { ...requireProgram(ctx).rules, payout: { requiresDestination: true, requiresActive: false } },
    'Inactive participants are paid too',
  );
  return ctx;
}

describe('rules versions', () => {
  it('lists every version newest first with its note, date and who saved it', () => {
    const ctx = programWithThreeVersions();
    const versions = listRulesVersions(ctx);
    expect(versions.map((v) => [v.version, v.note, v.inForce])).toEqual([
      [3, 'Inactive participants are paid too', true],
      [2, 'Richer tiers for 2027, agreed with the client on 3 December', false],
      [1, expect.any(String), false],
    ]);
    expect(versions[0]).toMatchObject({ createdBy: ctx.actor, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('gives the difference field by field: values before and after, items added, removed and changed', () => {
    const ctx = programWithThreeVersions();
    const diff = diffRulesVersions(ctx, 1, 2);
    expect(diff.from.version).toBe(1);
    expect(diff.to).toMatchObject({ version: 2, note: 'Richer tiers for 2027, agreed with the client on 3 December' });
    expect(diff.changes).toEqual([
      {
        section: 'baseRate',
        item: null,
        itemName: null,
        change: 'changed',
        fields: [
          { field: 'baseRate', unit: 'rate', from: { points: 1, perMinor: 100 }, to: { points: 12, perMinor: 1_000 } },
        ],
      },
      {
        section: 'tiers',
        item: 'BRONZE',
        itemName: 'Bronze',
        change: 'removed',
        fields: [
          { field: 'name', unit: 'text', from: 'Bronze', to: null },
          { field: 'minVolumeMinor', unit: 'money', from: 10_000_000, to: null },
          { field: 'bonusPct', unit: 'percent', from: 3, to: null },
        ],
      },
      {
        section: 'tiers',
        item: 'SILVER',
        itemName: 'Silver',
        change: 'changed',
        fields: [{ field: 'bonusPct', unit: 'percent', from: 5, to: 7 }],
      },
      {
        section: 'tiers',
        item: 'PLATINUM',
        itemName: 'Platinum',
        change: 'added',
        fields: [
          { field: 'name', unit: 'text', from: null, to: 'Platinum' },
          { field: 'minVolumeMinor', unit: 'money', from: null, to: 100_000_000 },
          { field: 'bonusPct', unit: 'percent', from: null, to: 15 },
        ],
      },
      {
        section: 'targetBands',
        item: '12000',
        itemName: null,
        change: 'removed',
        fields: [
          { field: 'minAttainmentBp', unit: 'basisPoints', from: 12_000, to: null },
          { field: 'bonusPct', unit: 'percent', from: 50, to: null },
        ],
      },
      {
        section: 'campaigns',
        item: 'XMAS-WET',
        itemName: 'Christmas wet food',
        change: 'changed',
        fields: [{ field: 'to', unit: 'date', from: '2026-12-24', to: '2026-12-31' }],
      },
      {
        section: 'capPointsPerPeriod',
        item: null,
        itemName: null,
        change: 'changed',
        fields: [{ field: 'capPointsPerPeriod', unit: 'points', from: 50_000, to: null }],
      },
      {
        section: 'budget',
        item: null,
        itemName: null,
        change: 'changed',
        fields: [{ field: 'perPeriodMinor', unit: 'money', from: 15_000_000, to: 20_000_000 }],
      },
    ]);
  });

  it('compares any two versions either way, and nothing with itself; an unknown version is named', () => {
    const ctx = programWithThreeVersions();
    expect(diffRulesVersions(ctx, 3, 2).changes).toEqual([
      {
        section: 'payout',
        item: null,
        itemName: null,
        change: 'changed',
        fields: [{ field: 'requiresActive', unit: 'flag', from: false, to: true }],
      },
    ]);
    expect(diffRulesVersions(ctx, 2, 2).changes).toEqual([]);
    expect(() => diffRulesVersions(ctx, 1, 9)).toThrow('There is no version 9 of the rules; the versions are 1 to 3.');
  });
});
