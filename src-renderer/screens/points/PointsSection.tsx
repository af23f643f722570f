// A participant's points on their page: the ledger balance and entries, the explanation of a
// chosen period, and a manual adjustment with its reason.
import { useState } from 'react';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useI18n } from '../../i18n/i18n';
import { ExplanationView } from '../explain/ExplanationView';
import { defaultPeriod } from '../scoring/choose-period';
import { PeriodSelect } from '../scoring/PeriodSelect';
import { AdjustmentForm } from './AdjustmentForm';
import { LedgerEntries } from './LedgerEntries';

export function PointsSection({ code }: { code: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ledger = useCall('ledger.participant', { participantCode: code });
  const periods = useCall('periods.list');
  const [chosen, setChosen] = useState<string | null>(null);
  const list = periods.value ?? [];
  const period = chosen && list.some((p) => p.period === chosen) ? chosen : defaultPeriod(list);

  const adjusted = (adjustedPeriod: string) => {
    ledger.reload();
    periods.reload();
    setChosen(adjustedPeriod);
  };

  return (
    <section aria-labelledby="detail-points" data-testid="points-section">
      <h3 className="section-title" id="detail-points">
        {t('points.title')}
      </h3>
      {ledger.error ? <ErrorNotice error={ledger.error} onRetry={ledger.reload} /> : null}
      {ledger.value ? (
        <div className="points-summary">
          <div className="stat" data-testid="points-balance">
            <span className="stat-label">{t('points.balance')}</span>
            <span className="stat-value">{i18n.formatInteger(ledger.value.balance)}</span>
          </div>
          <p className="muted small">{t('points.entries', { count: ledger.value.entryCount })}</p>
        </div>
      ) : !ledger.error ? (
        <BusyIndicator label={t('common.loading')} />
      ) : null}

      {ledger.value ? <LedgerEntries ledger={ledger.value} /> : null}

      {period ? (
        <div className="points-explain">
          <div className="points-explain-head">
            <h4 className="subsection-title">{t('points.explainTitle')}</h4>
            <PeriodSelect
              id="points-period"
              label={t('points.explainFor')}
              periods={list}
              value={period}
              onChange={setChosen}
              testId="points-period"
            />
          </div>
          <PeriodExplanation key={`${period} ${ledger.value?.entryCount ?? 0}`} code={code} period={period} />
        </div>
      ) : null}

      {list.length > 0 && period ? (
        <AdjustmentForm code={code} periods={list} defaultPeriod={period} onAdded={adjusted} />
      ) : null}
    </section>
  );
}

function PeriodExplanation({ code, period }: { code: string; period: string }) {
  const { t } = useI18n();
  const explanation = useCall('score.explain', { period, participantCode: code });
  if (explanation.error) return <ErrorNotice error={explanation.error} onRetry={explanation.reload} />;
  if (!explanation.value) return <BusyIndicator label={t('common.loading')} />;
  return <ExplanationView explanation={explanation.value} />;
}
