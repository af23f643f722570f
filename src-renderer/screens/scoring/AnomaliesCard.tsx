import type { ScoringAnomaly } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';

const SHOWN_ROWS = 6;

/** What scoring could not score as it should, each with the lines that show it. */
export function AnomaliesCard({
  anomalies,
  currency,
  period,
}: {
  anomalies: readonly ScoringAnomaly[];
  currency: CurrencyInfo;
  period: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="card" aria-labelledby="anomalies-title" data-testid="anomalies">
      <div className="card-header">
        <h2 className="card-title" id="anomalies-title">
          {t('anomalies.title')}
        </h2>
        {anomalies.length > 0 ? <span className="count-pill">{i18n.formatInteger(anomalies.length)}</span> : null}
        <a
          className="link-quiet card-header-link"
          href={hrefOf('verification', { period })}
          data-testid="anomalies-verify"
        >
          {t('anomalies.verify')}
          <Icon name="arrowRight" size={14} />
        </a>
      </div>
      {anomalies.length === 0 ? (
        <p className="muted">{t('anomalies.none')}</p>
      ) : (
        <ul className="anomaly-list">
          {anomalies.map((a, i) => {
            const rows = a.lines
              .slice(0, SHOWN_ROWS)
              .map((l) => t('anomalies.rowRef', { batch: l.batchId, row: l.row }));
            return (
              <li
                key={`${a.code}-${a.participantCode ?? ''}-${a.sku ?? ''}-${i}`}
                className="anomaly-item"
                data-testid="anomaly"
                data-code={a.code}
              >
                <div className="anomaly-head">
                  <span className="badge badge--warning badge--small">{t(`anomaly.${a.code}.label`)}</span>
                  <span className="anomaly-subject mono">{a.code === 'UNKNOWN_SKU' ? a.sku : a.participantCode}</span>
                </div>
                <p className="anomaly-text">{t(`anomaly.${a.code}.text`)}</p>
                {a.lines.length > 0 ? (
                  <p className="anomaly-evidence">
                    {t('anomalies.evidence', { count: a.lines.length, net: i18n.formatMoney(a.netMinor, currency) })}
                    <span className="anomaly-rows">
                      {rows.join(', ')}
                      {a.lines.length > SHOWN_ROWS
                        ? ` ${t('anomalies.more', { count: a.lines.length - SHOWN_ROWS })}`
                        : ''}
                    </span>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
