import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DetailPanel } from '../../components/DetailPanel';
import { useI18n } from '../../i18n/i18n';
import { ExplanationView } from './ExplanationView';

/** One participant's points of the period, step by step, beside the scoring table. */
export function ExplainPanel({
  period,
  participantCode,
  onClose,
}: {
  period: string;
  participantCode: string;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const explanation = useCall('score.explain', { period, participantCode });
  const value =
    explanation.value && explanation.value.participant.code === participantCode && explanation.value.period === period
      ? explanation.value
      : null;

  return (
    <DetailPanel
      className="detail-panel--fixed"
      titleId="explain-title"
      testId="explain-panel"
      focusKey={participantCode}
      eyebrow={
        <>
          <span className="mono">{participantCode}</span>
          <span>{t('explain.eyebrow', { period: i18n.formatPeriod(period) })}</span>
        </>
      }
      title={value?.participant.name ?? participantCode}
      closeLabel={t('explain.close')}
      closeTestId="explain-close"
      onClose={onClose}
    >
      {explanation.error ? <ErrorNotice error={explanation.error} onRetry={explanation.reload} /> : null}
      {!value && !explanation.error ? <BusyIndicator label={t('common.loading')} /> : null}
      {value ? <ExplanationView explanation={value} /> : null}
    </DetailPanel>
  );
}
