// Who decided what about a finding, when and why: under the finding in Verification, and in
// a participant's explanation, where it says which finding each decision was about.
import { Icon } from '../../components/Icon';
import { useI18n, type CurrencyInfo, type Translator } from '../../i18n/i18n';

export interface DecisionShown {
  id: string | number;
  action: string;
  participantCode: string | null;
  targetMinor: number | null;
  lineCount: number;
  reason: string;
  at: string;
  actor: string;
  /** What the decision was about, when the list is not under its finding. */
  about?: string;
}

function decisionText(
  decision: DecisionShown,
  currency: CurrencyInfo,
  i18n: Pick<Translator, 't' | 'formatMoney'>,
): string {
  const { t } = i18n;
  const count = decision.lineCount;
  switch (decision.action) {
    case 'assign':
      return t('decision.assign', { count, participant: decision.participantCode ?? '' });
    case 'exclude':
      return t('decision.exclude', { count });
    case 'setTarget':
      return t('decision.setTarget', {
        target: decision.targetMinor === null ? '—' : i18n.formatMoney(decision.targetMinor, currency),
      });
    case 'accept':
      return t('decision.accept');
    default:
      return decision.action;
  }
}

export function DecisionList({
  decisions,
  currency,
  label,
  testId = 'decisions',
}: {
  decisions: readonly DecisionShown[];
  currency: CurrencyInfo;
  label: string;
  testId?: string;
}) {
  const i18n = useI18n();
  return (
    <ul className="decision-list" aria-label={label} data-testid={testId}>
      {decisions.map((d) => (
        <li key={d.id} className="decision" data-testid="decision" data-action={d.action}>
          <Icon name="checkCircle" size={16} className="decision-icon" />
          <div className="decision-body">
            <p className="decision-what">{decisionText(d, currency, i18n)}</p>
            {d.about ? (
              <p className="decision-about">{i18n.t('explain.decision.about', { finding: d.about })}</p>
            ) : null}
            <p className="decision-reason">{i18n.t('decision.reason', { reason: d.reason })}</p>
            <p className="decision-meta">
              {i18n.t('decision.meta', { actor: d.actor, date: i18n.formatDateTime(d.at) })}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
