// A finding in the operator's language: the core sends an English sentence and the facts
// behind it; the sentence is worded here from the code and those facts, with money, points
// and percentages written the local way. The core's sentence is the fallback when a fact is
// missing (a finding that a decision made go away keeps none).
import type { FindingKey, VerificationItem } from '../../../src-main/ipc/contract';
import { formatBasisPoints } from '../../forms/format-figures';
import type { CurrencyInfo, MessageKey, Params, Translator } from '../../i18n/i18n';

type Texts = Pick<
  Translator,
  't' | 'tIfComplete' | 'formatInteger' | 'formatMoney' | 'formatPeriod' | 'formatPeriodSince' | 'locale'
>;

export function findingLabel(code: VerificationItem['code'], i18n: Pick<Translator, 't'>): string {
  return i18n.t(`finding.${code}.label`);
}

/** Who or what the finding is about, as shown beside its label. */
export function findingSubject(item: VerificationItem, i18n: Pick<Translator, 't'>): string {
  if (item.code === 'DUPLICATE_LINE') {
    const batch = item.facts.batchId ?? (item.key.code === 'DUPLICATE_LINE' ? item.key.batchId : null);
    return batch ? i18n.t('finding.batchSubject', { batch: String(batch) }) : '';
  }
  if (item.code === 'UNKNOWN_SKU') return item.sku ?? '';
  if (item.code === 'RETURN_WITHOUT_SALE') return `${item.participantCode ?? ''} · ${item.sku ?? ''}`;
  return item.participantCode ?? '';
}

/** Who or what a finding key names: a participant, a SKU, an import batch or a sales line. */
export function findingKeySubject(key: FindingKey, i18n: Pick<Translator, 't'>): string {
  switch (key.code) {
    case 'UNKNOWN_SKU':
      return key.sku;
    case 'DUPLICATE_LINE':
      return i18n.t('finding.batchSubject', { batch: String(key.batchId) });
    case 'RETURN_WITHOUT_SALE':
      return i18n.t('finding.lineSubject', { line: String(key.lineId) });
    default:
      return key.participantCode;
  }
}

/**
 * Which test raised a volume finding: the core says so; a finding kept from before it did is
 * judged from its own numbers, so that the wording never claims more than they show (its
 * quartiles are missing then, and the core's sentence is shown instead of the fence wording).
 */
function outlierTest(f: VerificationItem['facts']): 'own' | 'fence' | 'both' {
  if (f.test === 'ownHistory') return 'own';
  if (f.test === 'spread') return 'fence';
  if (f.test === 'both') return 'both';
  const volume = typeof f.volumeMinor === 'number' ? f.volumeMinor : null;
  const median = typeof f.ownMedianMinor === 'number' ? f.ownMedianMinor : null;
  return volume !== null && median !== null && volume > 3 * median ? 'own' : 'fence';
}

export function findingText(item: VerificationItem, period: string, currency: CurrencyInfo, i18n: Texts): string {
  const f = item.facts;
  const num = (key: string): number | null => (typeof f[key] === 'number' ? (f[key] as number) : null);
  const money = (key: string) => {
    const value = num(key);
    return value === null ? undefined : i18n.formatMoney(value, currency);
  };
  const points = (key: string) => {
    const value = num(key);
    return value === null ? undefined : i18n.formatInteger(value);
  };
  const base: Params = { code: item.participantCode ?? '', sku: item.sku ?? '', period: i18n.formatPeriod(period) };
  let key: MessageKey;
  const params: Record<string, string | number | undefined> = { ...base };
  switch (item.code) {
    case 'UNKNOWN_PARTICIPANT':
    case 'UNKNOWN_SKU':
      key = `finding.${item.code}.text`;
      params.count = num('lines') ?? undefined;
      params.net = money('netMinor');
      break;
    case 'MISSING_TARGET':
      key = 'finding.MISSING_TARGET.text';
      params.promoted = money('promotedMinor');
      break;
    case 'DUPLICATE_LINE':
      key = 'finding.DUPLICATE_LINE.text';
      params.count = num('lines') ?? undefined;
      params.batch = points('batchId');
      break;
    case 'RETURN_WITHOUT_SALE': {
      key = 'finding.RETURN_WITHOUT_SALE.text';
      const quantity = num('quantity');
      const taken = num('points');
      // 0 - x, not -x: a return worth no points has points 0, and -0 would be written "-0".
      params.quantity = quantity === null ? undefined : i18n.formatInteger(0 - quantity);
      params.net = money('netMinor');
      params.points = taken === null ? undefined : i18n.formatInteger(0 - taken);
      params.since = typeof f.since === 'string' ? i18n.formatPeriodSince(f.since) : undefined;
      break;
    }
    case 'NO_DESTINATION':
    case 'INACTIVE':
      key = `finding.${item.code}.text`;
      params.points = points('heldPoints');
      break;
    case 'CAP_REACHED':
      key = 'finding.CAP_REACHED.text';
      params.cap = points('cap');
      params.beforeCap = points('beforeCap');
      params.cut = points('capCut');
      break;
    case 'VOLUME_OUTLIER':
      key = `finding.VOLUME_OUTLIER.${outlierTest(f)}`;
      params.volume = money('volumeMinor');
      params.median = money('ownMedianMinor');
      params.fence = money('fenceMinor');
      params.q1 = money('q1Minor');
      params.q3 = money('q3Minor');
      break;
    case 'NEAR_THRESHOLD':
      if (f.what === 'tier') {
        key = 'finding.NEAR_THRESHOLD.tier';
        params.volume = money('volumeMinor');
        params.threshold = money('thresholdMinor');
        params.tier = typeof f.tier === 'string' ? f.tier : undefined;
      } else {
        key = 'finding.NEAR_THRESHOLD.target';
        const attainment = num('attainmentBp');
        const threshold = num('thresholdBp');
        params.attainment = attainment === null ? undefined : formatBasisPoints(attainment, i18n.locale);
        params.threshold = threshold === null ? undefined : formatBasisPoints(threshold, i18n.locale);
        params.points = points('targetBonus');
      }
      break;
  }
  const filled = Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
  );
  // A finding a decision made go away has no facts left: say so rather than show blanks.
  if (Object.keys(f).length === 0 && item.status === 'resolved') return i18n.t('finding.resolvedAway');
  return i18n.tIfComplete(key, filled) ?? item.message;
}
