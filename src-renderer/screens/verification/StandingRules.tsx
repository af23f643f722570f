// The decisions that hold for later periods too, each with its reason and its end, and a way to
// end one: from the period after, the findings it settled are asked about again.
import { useState, type FormEvent } from 'react';
import type { AppErrorData, StandingRuleView } from '../../../src-main/ipc/contract';
import { decodeFindingKey } from '../../../src-main/core/decisions/finding-key';
import { safeCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/i18n';
import { findingKeySubject, findingLabel } from './finding-text';

export function StandingRules({
  rules,
  period,
  onEnded,
}: {
  rules: readonly StandingRuleView[];
  period: string;
  onEnded: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [ending, setEnding] = useState<number | null>(null);
  if (rules.length === 0) return null;
  const about = (r: StandingRuleView) => {
    const key = decodeFindingKey(r.anomalyKey);
    return key ? `${findingLabel(key.code, i18n)} ${findingKeySubject(key, i18n)}` : r.anomalyKey;
  };
  const what = (r: StandingRuleView) =>
    r.action === 'assign'
      ? t('standing.assign', { participant: r.participantCode ?? '' })
      : t(r.action === 'exclude' ? 'standing.exclude' : 'standing.accept');
  return (
    <section className="card standing-rules" aria-labelledby="standing-title" data-testid="standing-rules">
      <h2 className="section-title" id="standing-title">
        {t('standing.title')}
      </h2>
      <ul className="decision-list">
        {rules.map((r) => (
          <li key={r.id} className="decision" data-testid="standing-rule" data-key={r.anomalyKey}>
            <div className="decision-body">
              <p className="decision-what">
                {about(r)}: {what(r)}
              </p>
              <p className="decision-reason">{t('decision.reason', { reason: r.reason })}</p>
              <p className="decision-meta" data-testid="standing-span">
                {r.ended
                  ? t('standing.ended', {
                      from: i18n.formatPeriod(r.fromPeriod),
                      last: i18n.formatPeriod(r.ended.lastPeriod),
                      reason: r.ended.reason,
                    })
                  : r.untilPeriod
                    ? t('standing.until', {
                        from: i18n.formatPeriod(r.fromPeriod),
                        last: i18n.formatPeriod(r.untilPeriod),
                      })
                    : t('standing.noEnd', { from: i18n.formatPeriod(r.fromPeriod) })}
              </p>
              <p className="decision-meta">{t('decision.meta', { actor: r.actor, date: i18n.formatDateTime(r.at) })}</p>
              {r.ended ? null : ending === r.id ? (
                <EndForm
                  rule={r}
                  period={period}
                  onDone={() => {
                    setEnding(null);
                    onEnded();
                  }}
                  onCancel={() => setEnding(null)}
                />
              ) : (
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => setEnding(r.id)}
                  data-testid="standing-end"
                >
                  {t('standing.end')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EndForm({
  rule,
  period,
  onDone,
  onCancel,
}: {
  rule: StandingRuleView;
  period: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [last, setLast] = useState(period < rule.fromPeriod ? rule.fromPeriod : period);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await safeCall('verify.endStanding', { standingRuleId: rule.id, lastPeriod: last, reason });
    if (answer.ok) onDone();
    else setError(answer.error);
  };
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate data-testid="standing-end-form">
      <label className="field-label">
        {t('standing.lastPeriod')}
        <input type="month" className="input" value={last} onChange={(event) => setLast(event.target.value)} />
      </label>
      <label className="field-label">
        {t('resolve.reason')}
        <input
          className="input"
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
          data-testid="standing-end-reason"
        />
      </label>
      <button type="submit" className="btn btn-primary btn-small" data-testid="standing-end-submit">
        {t('standing.end')}
      </button>
      <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
