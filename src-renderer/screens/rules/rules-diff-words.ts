// The core's difference between two rules versions in the operator's words: which rule, and each value before and
// after in the locale's numbers and dates and the program's money.
import type { RulesChange, RulesDiffValue, RulesFieldChange, RulesSection } from '../../../src-main/ipc/contract';
import { decimalInputText } from '../../forms/format-figures';
import type { CurrencyInfo, MessageKey, Translator } from '../../i18n/i18n';

type Words = Pick<Translator, 't' | 'locale' | 'formatInteger' | 'formatMoney' | 'formatDate'>;

const SECTION: Record<RulesSection, MessageKey> = {
  pointValueMinor: 'rules.diff.section.pointValueMinor',
  baseRate: 'rules.diff.section.baseRate',
  productRates: 'rules.diff.section.productRates',
  tiers: 'rules.diff.section.tiers',
  targetBands: 'rules.diff.section.targetBands',
  campaigns: 'rules.diff.section.campaigns',
  capPointsPerPeriod: 'rules.diff.section.capPointsPerPeriod',
  contests: 'rules.diff.section.contests',
  payout: 'rules.diff.section.payout',
  budget: 'rules.diff.section.budget',
};

const FIELD: Record<string, MessageKey> = {
  name: 'rules.diff.field.name',
  minVolumeMinor: 'rules.diff.field.minVolumeMinor',
  bonusPct: 'rules.diff.field.bonusPct',
  minAttainmentBp: 'rules.diff.field.minAttainmentBp',
  productGroup: 'rules.diff.field.productGroup',
  from: 'rules.diff.field.from',
  to: 'rules.diff.field.to',
  eligibility: 'rules.diff.field.eligibility',
  prizes: 'rules.diff.field.prizes',
  tieBreak: 'rules.diff.field.tieBreak',
  pointsPerUnit: 'rules.diff.field.pointsPerUnit',
  requiresDestination: 'rules.diff.field.requiresDestination',
  requiresActive: 'rules.diff.field.requiresActive',
};

const CHANGE: Record<RulesChange['change'], MessageKey> = {
  added: 'rules.diff.added',
  removed: 'rules.diff.removed',
  changed: 'rules.diff.changed',
};

const WORD: Record<string, MessageKey> = {
  joinDate: 'rules.diff.tieBreak.joinDate',
  code: 'rules.diff.tieBreak.code',
  joinedInPeriod: 'rules.diff.eligibility.joinedInPeriod',
};

const basisPoints = (bp: number, i18n: Words) => `${decimalInputText(bp, 2, i18n.locale)}%`;

/** The rule a change is about: "Tier Silver", "Target band from 120,00%", "Base rate". */
export function changeSubject(change: RulesChange, i18n: Words): string {
  const section = i18n.t(SECTION[change.section]);
  if (change.item === null) return section;
  const item =
    change.section === 'targetBands'
      ? i18n.t('rules.diff.bandFrom', { attainment: basisPoints(Number(change.item), i18n) })
      : (change.itemName ?? change.item);
  return `${section} ${item}`;
}

export const changeKindText = (change: RulesChange, i18n: Words) => i18n.t(CHANGE[change.change]);

/** The field's name within its rule, or null where the rule is one value (the base rate, the cap, the budget). */
export function fieldLabel(field: RulesFieldChange, i18n: Words): string | null {
  const key = FIELD[field.field];
  return key ? i18n.t(key) : null;
}

/** One value in words; `—` where the version has none. */
export function valueText(field: RulesFieldChange, value: RulesDiffValue, currency: CurrencyInfo, i18n: Words): string {
  if (value === null)
    return field.field === 'capPointsPerPeriod' || field.field === 'perPeriodMinor' ? i18n.t('rules.diff.notSet') : '—';
  if (typeof value === 'boolean') return i18n.t(value ? 'rules.diff.yes' : 'rules.diff.no');
  if (typeof value === 'object') {
    if ('points' in value)
      return i18n.t('rules.diff.rate', { count: value.points, amount: i18n.formatMoney(value.perMinor, currency) });
    return value.map((v) => i18n.formatInteger(v)).join(', ');
  }
  if (typeof value === 'number') {
    switch (field.unit) {
      case 'money':
        return i18n.formatMoney(value, currency);
      case 'percent':
        return `${i18n.formatInteger(value)}%`;
      case 'basisPoints':
        return basisPoints(value, i18n);
      case 'points':
        return i18n.t('rules.diff.points', { count: value });
      default:
        return i18n.formatInteger(value);
    }
  }
  if (field.unit === 'date') return i18n.formatDate(value);
  if (field.field !== 'tieBreak' && field.field !== 'eligibility') return value;
  return value
    .split(', ')
    .map((word) => (WORD[word] ? i18n.t(WORD[word]) : word))
    .join(', ');
}
