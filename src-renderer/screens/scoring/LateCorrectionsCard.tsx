import type { LateCorrection } from '../../../src-main/ipc/contract';
import { formatSignedPoints } from '../../forms/format-figures';
import { useI18n } from '../../i18n/i18n';

/** Differences found in locked earlier periods, settled when this period is approved. */
export function LateCorrectionsCard({
  corrections,
  locked,
}: {
  corrections: readonly LateCorrection[];
  locked: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="card" aria-labelledby="corrections-title" data-testid="late-corrections">
      <div className="card-header">
        <h2 className="card-title" id="corrections-title">
          {t('corrections.title')}
        </h2>
        {corrections.length > 0 ? <span className="count-pill">{i18n.formatInteger(corrections.length)}</span> : null}
      </div>
      <p className="card-lead">{locked ? t('corrections.leadLocked') : t('corrections.lead')}</p>
      {corrections.length === 0 ? (
        <p className="muted">{t('corrections.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('corrections.title')} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('corrections.participant')}</th>
                <th scope="col">{t('corrections.period')}</th>
                <th scope="col" className="num">
                  {t('corrections.points')}
                </th>
                <th scope="col">{t('corrections.imports')}</th>
              </tr>
            </thead>
            <tbody>
              {corrections.map((c) => (
                <tr key={`${c.participantCode}-${c.correctsPeriod}`}>
                  <td className="mono">{c.participantCode}</td>
                  <td className="nowrap">{i18n.formatPeriod(c.correctsPeriod)}</td>
                  <td className="num">{formatSignedPoints(c.points, i18n.formatInteger)}</td>
                  <td className="small">
                    {t('corrections.batches', {
                      settled: c.settledBatches.map((b) => `#${b}`).join(', ') || '—',
                      current: c.currentBatches.map((b) => `#${b}`).join(', ') || '—',
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
