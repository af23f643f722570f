// Steps 1-6 of "Per sales line" in reference-program.md: the points of one line and its
// campaign bonuses. trunc toward zero, so that a sale and its full return cancel exactly.
import { mulTruncDiv, percentOf } from '../money/minor-units';
import type { Rules } from '../program/program-config';
import type { CampaignBonus, LineScore, ScoringProduct } from './score-types';
import type { ScoringLine } from '../sales/scoring-line';

type Campaign = Rules['campaigns'][number];

export interface LineRules {
  baseRate: Rules['baseRate'];
  /** productRates of the rules by SKU. */
  rateBySku: ReadonlyMap<string, number>;
  /** Campaigns by product group, only those that touch the period. */
  campaignsByGroup: ReadonlyMap<string, readonly Campaign[]>;
}

export function lineRulesFor(rules: Rules, period: string): LineRules {
  const first = `${period}-01`;
  const last = `${period}-31`;
  const campaignsByGroup = new Map<string, Campaign[]>();
  for (const campaign of rules.campaigns) {
    if (campaign.to < first || campaign.from > last) continue;
    const list = campaignsByGroup.get(campaign.productGroup) ?? [];
    list.push(campaign);
    campaignsByGroup.set(campaign.productGroup, list);
  }
  return {
    baseRate: rules.baseRate,
    rateBySku: new Map(rules.productRates.map((r) => [r.sku, r.pointsPerUnit])),
    campaignsByGroup,
  };
}

const NO_CAMPAIGNS: CampaignBonus[] = [];

export function scoreLine(line: ScoringLine, product: ScoringProduct | undefined, rules: LineRules): LineScore {
  if (!product) {
    return {
      line,
      rule: 'unknownSku',
      pointsPerUnit: null,
      points: 0,
      campaigns: NO_CAMPAIGNS,
      campaignPoints: 0,
      promoted: false,
    };
  }
  if (!product.promoted) {
    return {
      line,
      rule: 'notPromoted',
      pointsPerUnit: null,
      points: 0,
      campaigns: NO_CAMPAIGNS,
      campaignPoints: 0,
      promoted: false,
    };
  }
  const ppu = rules.rateBySku.get(product.sku) ?? product.pointsPerUnit;
  const rule = ppu === null ? 'baseRate' : 'productRate';
  const points =
    ppu === null ? mulTruncDiv(line.netMinor, rules.baseRate.points, rules.baseRate.perMinor) : line.quantity * ppu + 0;
  let campaigns = NO_CAMPAIGNS;
  let campaignPoints = 0;
  const candidates = product.group === null ? undefined : rules.campaignsByGroup.get(product.group);
  if (candidates && points !== 0) {
    for (const campaign of candidates) {
      if (line.date < campaign.from || line.date > campaign.to) continue;
      // Overlapping campaigns add, each on the line's own points.
      const bonus = percentOf(points, campaign.bonusPct);
      if (campaigns === NO_CAMPAIGNS) campaigns = [];
      campaigns.push({ campaignId: campaign.id, bonusPct: campaign.bonusPct, points: bonus });
      campaignPoints += bonus;
    }
  }
  return { line, rule, pointsPerUnit: ppu, points, campaigns, campaignPoints, promoted: true };
}
