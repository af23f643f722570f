// The difference between two versions of the rules, field by field, as data: the Rules screen and the CLI word it,
// each in its own language and number format. Pure, so the renderer can import its types.
import type { Rules } from './program-config';

/** How a value reads: the renderer formats each unit its own way (money in the program's currency, dates...). */
export type RulesValueUnit =
  'rate' | 'points' | 'money' | 'percent' | 'basisPoints' | 'date' | 'text' | 'flag' | 'list';

/** A base rate: `points` for each full `perMinor` minor units of net value. */
export interface BaseRateValue {
  points: number;
  perMinor: number;
}

export type RulesDiffValue = number | string | boolean | null | readonly number[] | BaseRateValue;

export interface RulesFieldChange {
  /** The field as the rules name it: `bonusPct`, `minVolumeMinor`, `capPointsPerPeriod`... */
  field: string;
  unit: RulesValueUnit;
  /** Null where the version has no value: a cap or budget not set, a field an added item brings. */
  from: RulesDiffValue;
  to: RulesDiffValue;
}

export type RulesSection =
  | 'pointValueMinor'
  | 'baseRate'
  | 'capPointsPerPeriod'
  | 'budget'
  | 'payout'
  | 'productRates'
  | 'tiers'
  | 'targetBands'
  | 'campaigns'
  | 'contests';

export interface RulesChange {
  section: RulesSection;
  /** The item of a list the change is about (a tier's id, a product's SKU, a band's threshold), or null. */
  item: string | null;
  /** The item's name where it has one (a tier's or campaign's name in the newer version that has it). */
  itemName: string | null;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`, the fields that differ; for `added` and `removed`, every field of the item. */
  fields: RulesFieldChange[];
}

export interface RulesVersionView {
  version: number;
  note: string;
  /** ISO instant. */
  createdAt: string;
  createdBy: string;
  /** The version that new scoring uses (the newest). */
  inForce: boolean;
}

export interface RulesDiff {
  from: RulesVersionView;
  to: RulesVersionView;
  changes: RulesChange[];
}

type Item = Record<string, unknown>;
type Units = Record<string, RulesValueUnit>;

const TIER_UNITS: Units = { name: 'text', minVolumeMinor: 'money', bonusPct: 'percent' };
const BAND_UNITS: Units = { minAttainmentBp: 'basisPoints', bonusPct: 'percent' };
const CAMPAIGN_UNITS: Units = { name: 'text', productGroup: 'text', from: 'date', to: 'date', bonusPct: 'percent' };
const CONTEST_UNITS: Units = { name: 'text', eligibility: 'text', prizes: 'list', tieBreak: 'text' };
const PRODUCT_RATE_UNITS: Units = { pointsPerUnit: 'points' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function valueOf(value: unknown): RulesDiffValue {
  if (value === undefined) return null;
  // A contest's tie-break order reads as one text: "joinDate, code".
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return value as RulesDiffValue;
}

function fieldChanges(from: Item | null, to: Item | null, units: Units): RulesFieldChange[] {
  return Object.entries(units).flatMap(([field, unit]) => {
    const a = from ? valueOf(from[field]) : null;
    const b = to ? valueOf(to[field]) : null;
    return same(a, b) ? [] : [{ field, unit, from: a, to: b }];
  });
}

/** A list's items matched by their key: those added, removed and changed, in the newer version's order. */
function listChanges(
  section: RulesSection,
  from: readonly Item[],
  to: readonly Item[],
  keyOf: (item: Item) => string,
  units: Units,
): RulesChange[] {
  const before = new Map(from.map((item) => [keyOf(item), item]));
  const after = new Map(to.map((item) => [keyOf(item), item]));
  const nameOf = (item: Item | undefined) => (typeof item?.name === 'string' && item.name !== '' ? item.name : null);
  const changes: RulesChange[] = [];
  for (const [key, item] of before)
    if (!after.has(key))
      changes.push({
        section,
        item: key,
        itemName: nameOf(item),
        change: 'removed',
        fields: fieldChanges(item, null, units),
      });
  for (const [key, item] of after) {
    const old = before.get(key);
    const fields = fieldChanges(old ?? null, item, units);
    if (old && fields.length === 0) continue;
    changes.push({
      section,
      item: key,
      itemName: nameOf(item) ?? nameOf(old),
      change: old ? 'changed' : 'added',
      fields,
    });
  }
  return changes;
}

/** Every difference between two versions of the rules, section by section in the order the rules form shows them. */
export function diffRules(from: Rules, to: Rules): RulesChange[] {
  const changes: RulesChange[] = [];
  const single = (section: RulesSection, fields: RulesFieldChange[]) => {
    if (fields.length > 0) changes.push({ section, item: null, itemName: null, change: 'changed', fields });
  };
  // Versions read here name their point value (rules-versions.ts fills the program's own where one names none).
  single('pointValueMinor', fieldChanges(from, to, { pointValueMinor: 'money' }));
  single(
    'baseRate',
    same(from.baseRate, to.baseRate) ? [] : [{ field: 'baseRate', unit: 'rate', from: from.baseRate, to: to.baseRate }],
  );
  changes.push(
    ...listChanges('productRates', from.productRates, to.productRates, (r) => String(r.sku), PRODUCT_RATE_UNITS),
  );
  changes.push(...listChanges('tiers', from.tiers, to.tiers, (t) => String(t.id), TIER_UNITS));
  // A band is known by its threshold: a band whose threshold moved reads as one removed and one added.
  changes.push(
    ...listChanges('targetBands', from.targetBands, to.targetBands, (b) => String(b.minAttainmentBp), BAND_UNITS),
  );
  changes.push(...listChanges('campaigns', from.campaigns, to.campaigns, (c) => String(c.id), CAMPAIGN_UNITS));
  single('capPointsPerPeriod', fieldChanges(from, to, { capPointsPerPeriod: 'points' }));
  changes.push(...listChanges('contests', from.contests, to.contests, (c) => String(c.id), CONTEST_UNITS));
  single('payout', fieldChanges(from.payout, to.payout, { requiresDestination: 'flag', requiresActive: 'flag' }));
  single(
    'budget',
    same(from.budget, to.budget)
      ? []
      : [
          {
            field: 'perPeriodMinor',
            unit: 'money',
            from: from.budget?.perPeriodMinor ?? null,
            to: to.budget?.perPeriodMinor ?? null,
          },
        ],
  );
  return changes;
}
