// The core's validation problems in the operator's language: each code has its message, filled
// with the problem's params, and its path is named with the form's own labels. The core's
// English sentence is never read here.
import type { AppErrorData, ValidationProblem } from '../../src-main/ipc/contract';
import type { MessageKey, Params, Translator } from '../i18n/i18n';

/** Codes worded by a screen's own message rather than the general one. */
const OWN_WORDS: Partial<Record<ValidationProblem['code'], MessageKey>> = {
  repeated_column: 'payoutTemplate.problem.repeated',
  missing_reference_column: 'payoutTemplate.problem.reference',
  missing_amount_column: 'payoutTemplate.problem.amount',
  same_separator: 'payoutTemplate.problem.sameSeparator',
  invalid_sheet_name: 'payoutTemplate.problem.sheetCharacters',
};

/** The message of a problem's code and the params to fill it with. */
export function problemMessage(problem: ValidationProblem): { key: MessageKey; params: Params } {
  return {
    key:
      OWN_WORDS[problem.code] ??
      `problem.${problem.code as Exclude<ValidationProblem['code'], keyof typeof OWN_WORDS>}`,
    params: { ...problem.params },
  };
}

export function problemSentence(problem: ValidationProblem, i18n: Pick<Translator, 't'>): string {
  const { key, params } = problemMessage(problem);
  return i18n.t(key, params);
}

/** A list of rows, and how one of its rows is called ("tier 2"). */
const ROWS: Record<string, MessageKey> = {
  productRates: 'rules.productRates.row',
  tiers: 'rules.tiers.row',
  targetBands: 'rules.bands.row',
  campaigns: 'rules.campaigns.row',
  contests: 'path.contest',
};

/** A setting, by the label its field has on the screens; a name not listed here is shown as it is. */
const LABELS: Record<string, MessageKey> = {
  rules: 'path.rules',
  name: 'rules.field.name',
  client: 'create.field.client',
  currency: 'path.currency',
  code: 'create.field.currencyCode',
  minorDigits: 'create.field.minorDigits',
  locale: 'create.field.locale',
  pointValueMinor: 'create.field.pointValue',
  firstPeriod: 'create.field.firstPeriod',
  payment: 'path.payment',
  sepaDebtor: 'path.sepaDebtor',
  iban: 'path.iban',
  bic: 'path.bic',
  baseRate: 'rules.base.title',
  points: 'rules.base.points',
  perMinor: 'rules.base.per',
  productRates: 'rules.productRates.title',
  sku: 'rules.productRates.sku',
  pointsPerUnit: 'rules.productRates.ppu',
  tiers: 'rules.tiers.title',
  id: 'rules.field.id',
  minVolumeMinor: 'rules.tiers.min',
  bonusPct: 'rules.field.bonus',
  targetBands: 'rules.bands.title',
  minAttainmentBp: 'rules.bands.min',
  campaigns: 'rules.campaigns.title',
  productGroup: 'rules.campaigns.group',
  from: 'rules.campaigns.from',
  to: 'rules.campaigns.to',
  capPointsPerPeriod: 'rules.cap.points',
  contests: 'rules.contests.title',
  prizes: 'path.prizes',
  tieBreak: 'path.tieBreak',
  payout: 'rules.payout.title',
  requiresDestination: 'rules.payout.destination',
  requiresActive: 'rules.payout.active',
  budget: 'rules.budget.amount',
  perPeriodMinor: 'rules.budget.amount',
};

/**
 * Where a problem is, in the operator's words: ['rules', 'tiers', 1, 'bonusPct'] is
 * "Rules › tier 2 › Bonus"; the program's name is "Program name" at the top level.
 */
export function problemPlace(path: readonly (string | number)[], i18n: Pick<Translator, 't'>): string {
  const { t } = i18n;
  if (path.length === 0) return t('path.document');
  const words: string[] = [];
  path.forEach((part, i) => {
    const next = path[i + 1];
    if (typeof part === 'number') {
      const list = path[i - 1];
      if (list === 'prizes') words.push(t('rules.contests.place', { place: part + 1 }));
      return;
    }
    const row = ROWS[part];
    if (row && typeof next === 'number') {
      words.push(t(row, { n: next + 1 }));
      return;
    }
    // A group whose one field names it well enough on its own: the currency's code is "Currency".
    if (
      (part === 'budget' && next === 'perPeriodMinor') ||
      (part === 'currency' && typeof next === 'string') ||
      (part === 'payment' && next === 'sepaDebtor')
    )
      return;
    if (part === 'name' && i === 0) {
      words.push(t('create.field.name'));
      return;
    }
    const label = LABELS[part];
    words.push(label ? t(label) : part);
  });
  return words.join(t('path.separator'));
}

/** The place and the problem, for a list of problems not shown beside a field. */
export function problemLine(problem: ValidationProblem, i18n: Pick<Translator, 't'>): string {
  return `${problemPlace(problem.path, i18n)}: ${problemSentence(problem, i18n)}`;
}

/** The problems an INVALID_INPUT refusal carries (a payout template, a call's arguments); none for any other error. */
export function inputProblemsOf(error: AppErrorData): ValidationProblem[] {
  if (error.code !== 'INVALID_INPUT' || !error.details || !('problems' in error.details)) return [];
  return error.details.problems ?? [];
}

/** The problems an INVALID_RULES refusal carries; none for any other error. */
export function rulesProblemsOf(error: AppErrorData): ValidationProblem[] {
  return error.code === 'INVALID_RULES' ? (error.details?.problems ?? []) : [];
}

/** The problems an INVALID_PROGRAM refusal carries; none for any other error. */
export function programProblemsOf(error: AppErrorData): ValidationProblem[] {
  return error.code === 'INVALID_PROGRAM' ? (error.details?.problems ?? []) : [];
}
