// Who decided what about a finding, when and why: under the finding in Verification, and in
// a participant's explanation, where it says which finding each decision was about.
import type { ReactNode } from 'react';
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
  /** Set when it was withdrawn: it stays listed, in force no longer. */
  withdrawal?: { reason: string; at: string; actor: string } | null;
  /** A standing rule of an earlier period that settled the finding here. */
  standingRuleId?: number | null;
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
  extra,
}: {
  decisions: readonly DecisionShown[];
  currency: CurrencyInfo;
  label: string;
  testId?: string;
  /** What may be done with a decision (withdrawing it), shown under it. */
  extra?: (decision: DecisionShown) => ReactNode;
}) {
  const i18n = useI18n();
  return (
    <ul className="decision-list" aria-label={label} data-testid={testId}>
      {decisions.map((d) => (
        <li
          key={d.standingRuleId && d.id === 0 ? `standing-${d.standingRuleId}` : d.id}
          className={d.withdrawal ? 'decision is-withdrawn' : 'decision'}
          data-testid="decision"
          data-action={d.action}
          data-withdrawn={d.withdrawal ? 'true' : undefined}
        >
          <Icon name={d.withdrawal ? 'arrowLeft' : 'checkCircle'} size={16} className="decision-icon" />
          <div className="decision-body">
            <p className="decision-what">
              {decisionText(d, currency, i18n)}
              {d.standingRuleId && d.id === 0 ? (
                <span className="badge badge--info badge--small decision-tag">{i18n.t('decision.byStanding')}</span>
              ) : d.standingRuleId ? (
                <span className="badge badge--info badge--small decision-tag">{i18n.t('decision.makesStanding')}</span>
              ) : null}
            </p>
            {d.about ? (
              <p className="decision-about">{i18n.t('explain.decision.about', { finding: d.about })}</p>
            ) : null}
            <p className="decision-reason">{i18n.t('decision.reason', { reason: d.reason })}</p>
            <p className="decision-meta">
              {i18n.t('decision.meta', { actor: d.actor, date: i18n.formatDateTime(d.at) })}
            </p>
            {d.withdrawal ? (
              <p className="decision-withdrawn" data-testid="decision-withdrawal">
                {i18n.t('decision.withdrawn', {
                  reason: d.withdrawal.reason,
                  actor: d.withdrawal.actor,
                  date: i18n.formatDateTime(d.withdrawal.at),
                })}
              </p>
            ) : null}
            {extra?.(d)}
          </div>
        </li>
      ))}
    </ul>
  );
}
