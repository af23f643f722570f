// The rules as the form holds them: text as typed, money and percentages in the coordinator's
// own notation, turned back into the rules document exactly (integers, minor units, basis
// points) when read. Field ids are the paths the core names in its problems
// ("tiers[0].bonusPct"), so that its messages land beside the right input.
import type { Rules, ValidationProblem } from '../../../src-main/ipc/contract';
import { describePath } from '../../../src-main/core/program/config-problems';
import { problemMessage } from '../../forms/validation-problem-text';
import { decimalInputText } from '../../forms/format-figures';
import { readTypedAmount, type TypedAmount } from '../../forms/typed-amount';
import { dateInputText, readTypedDate } from '../../forms/typed-date';
import type { MessageKey } from '../../i18n/i18n';

let nextKey = 1;
const key = () => `r${nextKey++}`;

export interface ProductRateDraft {
  key: string;
  sku: string;
  pointsPerUnit: string;
}
export interface TierDraft {
  key: string;
  id: string;
  name: string;
  minVolume: string;
  bonusPct: string;
}
export interface BandDraft {
  key: string;
  minAttainment: string;
  bonusPct: string;
}
export interface CampaignDraft {
  key: string;
  id: string;
  name: string;
  productGroup: string;
  from: string;
  to: string;
  bonusPct: string;
}
interface ContestDraft {
  key: string;
  id: string;
  name: string;
  prizes: Array<{ key: string; points: string }>;
  tieBreak: Rules['contests'][number]['tieBreak'];
}

export interface RulesDraft {
  basePoints: string;
  basePer: string;
  productRates: ProductRateDraft[];
  tiers: TierDraft[];
  bands: BandDraft[];
  campaigns: CampaignDraft[];
  capEnabled: boolean;
  cap: string;
  contests: ContestDraft[];
  requiresDestination: boolean;
  requiresActive: boolean;
  budgetEnabled: boolean;
  budget: string;
  /** The point value a version names (set on the Settings screen, never in this form): carried as it is. */
  pointValueMinor?: number;
}

export interface FieldProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export type Problems = Record<string, FieldProblem>;

export interface Notation {
  minorDigits: number;
  locale: string;
}

/** Percentages of attainment are basis points: two decimals. */
const BP_SCALE = 2;

export function draftFromRules(rules: Rules, n: Notation): RulesDraft {
  const money = (minor: number) => decimalInputText(minor, n.minorDigits, n.locale);
  return {
    ...(rules.pointValueMinor !== undefined ? { pointValueMinor: rules.pointValueMinor } : {}),
    basePoints: String(rules.baseRate.points),
    basePer: money(rules.baseRate.perMinor),
    productRates: rules.productRates.map((r) => ({ key: key(), sku: r.sku, pointsPerUnit: String(r.pointsPerUnit) })),
    tiers: rules.tiers.map((tier) => ({
      key: key(),
      id: tier.id,
      name: tier.name,
      minVolume: money(tier.minVolumeMinor),
      bonusPct: String(tier.bonusPct),
    })),
    bands: rules.targetBands.map((b) => ({
      key: key(),
      minAttainment: decimalInputText(b.minAttainmentBp, BP_SCALE, n.locale),
      bonusPct: String(b.bonusPct),
    })),
    campaigns: rules.campaigns.map((c) => ({
      key: key(),
      id: c.id,
      name: c.name ?? '',
      productGroup: c.productGroup,
      from: dateInputText(c.from, n.locale),
      to: dateInputText(c.to, n.locale),
      bonusPct: String(c.bonusPct),
    })),
    capEnabled: rules.capPointsPerPeriod !== null,
    cap: rules.capPointsPerPeriod === null ? '' : String(rules.capPointsPerPeriod),
    contests: rules.contests.map((c) => ({
      key: key(),
      id: c.id,
      name: c.name,
      prizes: c.prizes.map((p) => ({ key: key(), points: String(p) })),
      tieBreak: c.tieBreak,
    })),
    requiresDestination: rules.payout.requiresDestination,
    requiresActive: rules.payout.requiresActive,
    budgetEnabled: rules.budget !== null,
    budget: rules.budget === null ? '' : money(rules.budget.perPeriodMinor),
  };
}

export const newRow = {
  productRate: (): ProductRateDraft => ({ key: key(), sku: '', pointsPerUnit: '' }),
  tier: (): TierDraft => ({ key: key(), id: '', name: '', minVolume: '', bonusPct: '' }),
  band: (): BandDraft => ({ key: key(), minAttainment: '', bonusPct: '' }),
  campaign: (): CampaignDraft => ({ key: key(), id: '', name: '', productGroup: '', from: '', to: '', bonusPct: '' }),
  prize: () => ({ key: key(), points: '' }),
};

function numberProblem(result: TypedAmount & { ok: false }, scale: number, example: string): FieldProblem {
  switch (result.problem) {
    case 'empty':
      return { key: 'validation.required' };
    case 'tooManyDecimals':
      return scale === 0
        ? { key: 'validation.wholeNumber' }
        : { key: 'validation.tooManyDecimals', params: { digits: scale } };
    case 'negative':
      return { key: 'validation.notNegative' };
    case 'tooLarge':
      return { key: 'validation.tooLarge' };
    default:
      return scale === 0 ? { key: 'validation.wholeNumber' } : { key: 'validation.amount', params: { example } };
  }
}

/** Reads the draft into a rules document, or says which fields are wrong. */
export function draftToRules(draft: RulesDraft, n: Notation): { rules: Rules | null; problems: Problems } {
  const problems: Problems = {};
  const moneyExample = decimalInputText(150_000 * 10 ** n.minorDigits, n.minorDigits, n.locale);
  const read = (path: string, text: string, scale: number, min: number, example: string): number => {
    const result = readTypedAmount(text, scale, n.locale);
    if (!result.ok) {
      problems[path] = numberProblem(result, scale, example);
      return 0;
    }
    if (result.value < min)
      problems[path] = min === 1 ? { key: 'validation.atLeastOne' } : { key: 'validation.atLeast', params: { min } };
    return result.value;
  };
  const whole = (path: string, text: string, min = 0) => read(path, text, 0, min, '');
  const money = (path: string, text: string, min = 0) => read(path, text, n.minorDigits, min, moneyExample);
  const percent = (path: string, text: string) => {
    const value = whole(path, text);
    if (!problems[path] && value > 1000) problems[path] = { key: 'validation.percent' };
    return value;
  };
  const required = (path: string, text: string) => {
    if (text.trim() === '') problems[path] = { key: 'validation.required' };
    return text.trim();
  };
  const unique = (ids: string[], path: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (id !== '' && seen.has(id)) problems[`${path}[${i}].id`] = { key: 'validation.duplicateId' };
      seen.add(id);
    });
  };

  const rules: Rules = {
    ...(draft.pointValueMinor !== undefined ? { pointValueMinor: draft.pointValueMinor } : {}),
    baseRate: {
      points: whole('baseRate.points', draft.basePoints),
      perMinor: money('baseRate.perMinor', draft.basePer, 1),
    },
    productRates: draft.productRates.map((r, i) => ({
      sku: required(`productRates[${i}].sku`, r.sku),
      pointsPerUnit: whole(`productRates[${i}].pointsPerUnit`, r.pointsPerUnit),
    })),
    tiers: draft.tiers.map((tier, i) => ({
      id: required(`tiers[${i}].id`, tier.id),
      name: required(`tiers[${i}].name`, tier.name),
      minVolumeMinor: money(`tiers[${i}].minVolumeMinor`, tier.minVolume, 1),
      bonusPct: percent(`tiers[${i}].bonusPct`, tier.bonusPct),
    })),
    targetBands: draft.bands.map((b, i) => ({
      minAttainmentBp: read(`targetBands[${i}].minAttainmentBp`, b.minAttainment, BP_SCALE, 1, '100'),
      bonusPct: percent(`targetBands[${i}].bonusPct`, b.bonusPct),
    })),
    campaigns: draft.campaigns.map((c, i) => {
      const from = readTypedDate(c.from, n.locale) ?? '';
      const to = readTypedDate(c.to, n.locale) ?? '';
      const dateProblem = (text: string): FieldProblem =>
        text.trim() === ''
          ? { key: 'validation.date' }
          : { key: 'validation.dateTyped', params: { example: dateInputText('2026-12-24', n.locale) } };
      if (!from) problems[`campaigns[${i}].from`] = dateProblem(c.from);
      if (!to) problems[`campaigns[${i}].to`] = dateProblem(c.to);
      else if (from && to < from) problems[`campaigns[${i}].to`] = { key: 'validation.dateOrder' };
      const name = c.name.trim();
      return {
        id: required(`campaigns[${i}].id`, c.id),
        ...(name ? { name } : {}),
        productGroup: required(`campaigns[${i}].productGroup`, c.productGroup),
        from,
        to,
        bonusPct: percent(`campaigns[${i}].bonusPct`, c.bonusPct),
      };
    }),
    capPointsPerPeriod: draft.capEnabled ? whole('capPointsPerPeriod', draft.cap, 1) : null,
    contests: draft.contests.map((c, i) => {
      if (c.prizes.length === 0) problems[`contests[${i}].prizes`] = { key: 'validation.onePrize' };
      return {
        id: required(`contests[${i}].id`, c.id),
        name: required(`contests[${i}].name`, c.name),
        eligibility: 'joinedInPeriod' as const,
        prizes: c.prizes.map((p, j) => whole(`contests[${i}].prizes[${j}]`, p.points, 1)),
        tieBreak: c.tieBreak,
      };
    }),
    payout: { requiresDestination: draft.requiresDestination, requiresActive: draft.requiresActive },
    budget: draft.budgetEnabled ? { perPeriodMinor: money('budget.perPeriodMinor', draft.budget) } : null,
  };
  unique(
    rules.tiers.map((x) => x.id),
    'tiers',
  );
  unique(
    rules.campaigns.map((x) => x.id),
    'campaigns',
  );
  unique(
    rules.contests.map((x) => x.id),
    'contests',
  );
  return { rules: Object.keys(problems).length === 0 ? rules : null, problems };
}

/** The core's problems with the rules by field (the form's field ids are their paths), each worded by its code. */
export function problemsFromCore(problems: readonly ValidationProblem[]): Problems {
  const out: Problems = {};
  for (const problem of problems) {
    const path = problem.path[0] === 'rules' ? problem.path.slice(1) : problem.path;
    const field = path.length === 0 ? '(rules)' : describePath(path);
    if (!out[field]) out[field] = problemMessage(problem);
  }
  return out;
}

/** JSON with sorted keys: two rules documents are the same whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
