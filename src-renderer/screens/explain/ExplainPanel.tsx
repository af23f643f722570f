import { useEffect, useRef } from 'react';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { ExplanationView } from './ExplanationView';

/** One participant's points of the period, step by step, beside the scoring table. */
export function ExplainPanel({ period, participantCode, onClose }: { period: string; participantCode: string; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const explanation = useCall('score.explain', { period, participantCode });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const value = explanation.value && explanation.value.participant.code === participantCode && explanation.value.period === period ? explanation.value : null;

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [participantCode]);

  return (
    <section
      className="detail-panel detail-panel--wide detail-panel--fixed"
      aria-labelledby="explain-title"
      data-testid="explain-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="detail-header">
        <div className="detail-heading">
          <p className="detail-eyebrow">
            <span className="mono">{participantCode}</span>
            <span>{t('explain.eyebrow', { period: i18n.formatPeriod(period) })}</span>
          </p>
          <h2 className="detail-title" id="explain-title" tabIndex={-1} ref={headingRef}>
            {value?.participant.name ?? participantCode}
          </h2>
        </div>
        <button type="button" className="btn-icon" onClick={onClose} aria-label={t('explain.close')} data-testid="explain-close">
          <Icon name="close" size={18} />
        </button>
      </div>
      {/* Focusable so that a keyboard can scroll a long explanation. */}
      <div className="detail-body" tabIndex={0}>
        {explanation.error ? <ErrorNotice error={explanation.error} onRetry={explanation.reload} /> : null}
        {!value && !explanation.error ? <BusyIndicator label={t('common.loading')} /> : null}
        {value ? <ExplanationView explanation={value} /> : null}
      </div>
    </section>
  );
}
