// How import data reads in the operator's language: field names, problems, outcomes. The
// core sends English sentences and codes; these pick the translation by code, falling back
// to the core's own sentence where a translation would lose something.
import type { ImportKind, ImportProblem, PreviewRow } from '../../../src-main/ipc/contract';
import type { MessageKey, Translator } from '../../i18n/i18n';

type Texts = Pick<Translator, 't' | 'hasKey'>;

/** A field by its name, in the kind's own words where they differ (a product's name is not a person's). */
export function fieldLabel(field: string, i18n: Texts, kind?: ImportKind | string): string {
  const own = `field.${kind}.${field}`;
  if (kind && i18n.hasKey(own)) return i18n.t(own);
  const key = `field.${field}`;
  return i18n.hasKey(key) ? i18n.t(key) : field;
}

/** A stored value as the operator reads it: statuses in their language, the rest as stored. */
export function fieldValueText(
  field: string,
  value: string | null,
  i18n: Pick<Translator, 't' | 'formatDate'>,
): string {
  if (value === null || value === '') return '—';
  if (field === 'status' && (value === 'active' || value === 'inactive'))
    return i18n.t(value === 'active' ? 'status.active' : 'status.inactive');
  if (field === 'joinDate') return i18n.formatDate(value);
  return value;
}

/**
 * The problem in the operator's language by its code and params; the core's sentence where
 * we have no full translation. The most specific text whose every placeholder the params
 * fill wins: the kind's own wording, then the code's `.full` text (which names more, such
 * as the earlier file), then the code's plain one.
 */
export function problemText(
  problem: ImportProblem,
  i18n: Pick<Translator, 'tIfComplete'> & Partial<Pick<Translator, 't' | 'formatMoney'>>,
  kind?: ImportKind | string,
): string {
  const params = wordedParams(problem.params, i18n);
  // A problem whose params give its own kind (a confirmation's mismatch) has a wording for each kind.
  const ownKind = typeof problem.params?.kind === 'string' ? [`problem.${problem.code}.${problem.params.kind}`] : [];
  const keys = [
    ...ownKind,
    ...(kind ? [`problem.${kind}.${problem.code}`] : []),
    `problem.${problem.code}.full`,
    `problem.${problem.code}`,
  ];
  for (const key of keys) {
    const text = i18n.tIfComplete(key, params);
    if (text !== null) return text;
  }
  return problem.reason;
}

/**
 * Params that carry money in minor units with their currency (`expectedMinor`, `currency`, `minorDigits`) also get
 * the amount in the program's money format (`expected`), and payout statuses (`knownStatus`) their words.
 */
function wordedParams(
  params: ImportProblem['params'],
  i18n: Partial<Pick<Translator, 't' | 'formatMoney'>>,
): ImportProblem['params'] {
  if (!params) return params;
  const worded: Record<string, string | number> = { ...params };
  const { currency, minorDigits } = params;
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Minor') && typeof value === 'number' && typeof currency === 'string' && i18n.formatMoney)
      worded[name.slice(0, -'Minor'.length)] = i18n.formatMoney(value, {
        code: currency,
        minorDigits: typeof minorDigits === 'number' ? minorDigits : 2,
      });
    if (name.endsWith('Status') && (value === 'paid' || value === 'failed') && i18n.t)
      worded[name] = i18n.t(`payoutStatus.${value}`);
  }
  return worded;
}

export function kindLabel(kind: string, i18n: Texts): string {
  const key = `kind.${kind}`;
  return i18n.hasKey(key) ? i18n.t(key) : kind;
}

export const SEVERITY_TEXT: Record<ImportProblem['severity'], MessageKey> = {
  error: 'import.severity.error',
  skipped: 'import.severity.skipped',
  warning: 'import.severity.warning',
};

export const SEVERITY_TONE: Record<ImportProblem['severity'], 'danger' | 'neutral' | 'warning'> = {
  error: 'danger',
  skipped: 'neutral',
  warning: 'warning',
};

export const ROW_STATUS_TEXT: Record<PreviewRow['status'], MessageKey> = {
  accepted: 'import.preview.status.accepted',
  rejected: 'import.preview.status.rejected',
  skipped: 'import.preview.status.skipped',
  duplicate: 'import.preview.status.duplicate',
};

export const ROW_STATUS_TONE: Record<PreviewRow['status'], 'success' | 'danger' | 'neutral' | 'warning'> = {
  accepted: 'success',
  rejected: 'danger',
  skipped: 'neutral',
  duplicate: 'warning',
};
