// Participants' statements of each approved period: publish them (a first statement for each participant, a new one
// naming the one it replaces when a correction changed the figures, nothing when nothing changed) and download them
// all as one zip of PDFs, with a workbook each if asked. Drawing 2,000 statements takes seconds: it shows its
// progress and can be stopped.
import { useState } from 'react';
import type { AppErrorData, PeriodSummary, PublishCounts } from '../../../src-main/ipc/contract';
import { ZIP_TYPE, saveDownload } from '../../api/save-download';
import { safeCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { TaskProgress } from '../../components/TaskProgress';
import { useI18n } from '../../i18n/i18n';

type Busy = { period: string; action: 'publish' | 'download' } | null;

export function StatementsCard({ periods }: { periods: readonly PeriodSummary[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState<Busy>(null);
  const [withXlsx, setWithXlsx] = useState(false);
  const [counts, setCounts] = useState<PublishCounts | null>(null);
  const [saved, setSaved] = useState<{ period: string; fileName: string; statements: number } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const start = (period: string, action: 'publish' | 'download') => {
    setBusy({ period, action });
    setError(null);
    setSaved(null);
    setCounts(null);
  };

  const publish = async (period: string) => {
    start(period, 'publish');
    const answer = await safeCall('statements.publish', { period });
    setBusy(null);
    if (!answer.ok) return setError(answer.error);
    setCounts(answer.value);
  };

  const download = async (period: string) => {
    start(period, 'download');
    const answer = await safeCall('statements.write', { period, xlsx: withXlsx });
    setBusy(null);
    if (!answer.ok) return setError(answer.error);
    saveDownload(answer.value.fileName, answer.value.bytes, ZIP_TYPE);
    setCounts(answer.value.counts);
    setSaved({ period, fileName: answer.value.fileName, statements: answer.value.statements });
  };

  const format = (n: number) => i18n.formatInteger(n);

  return (
    <section className="card" aria-labelledby="statements-title" data-testid="statements-card">
      <h2 className="card-title" id="statements-title">
        {t('statements.title')}
      </h2>
      <p className="card-lead">{t('statements.text')}</p>
      <label className="check-row">
        <input
          type="checkbox"
          checked={withXlsx}
          onChange={(event) => setWithXlsx(event.target.checked)}
          disabled={busy !== null}
          data-testid="statements-xlsx"
        />
        <span>{t('statements.withXlsx')}</span>
      </label>
      <ul className="report-list">
        {periods.map((p) => {
          const label = i18n.formatPeriod(p.period);
          const here = busy?.period === p.period;
          return (
            <li key={p.period} className="report-row" data-testid={`statements-${p.period}`}>
              <span className="report-row-period">{label}</span>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => void publish(p.period)}
                disabled={busy !== null}
                aria-label={t('statements.publishFor', { period: label })}
                data-testid={`statements-publish-${p.period}`}
              >
                {here && busy?.action === 'publish' ? (
                  <span className="spinner" aria-hidden="true" />
                ) : (
                  <Icon name="check" size={16} />
                )}
                {t('statements.publish')}
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => void download(p.period)}
                disabled={busy !== null}
                aria-label={t('statements.downloadFor', { period: label })}
                data-testid={`statements-download-${p.period}`}
              >
                <Icon name="download" size={16} />
                {t('statements.download')}
              </button>
            </li>
          );
        })}
      </ul>
      {busy?.action === 'download' ? <TaskProgress channel="statements.write" testId="statements-progress" /> : null}
      <div role="status" aria-live="polite">
        {counts ? (
          <div className="notice notice--success" data-testid="statements-counts">
            <Icon name="check" className="notice-icon" />
            <div className="notice-body">
              <p className="notice-text">
                {t('statements.counts', {
                  period: i18n.formatPeriod(counts.period),
                  published: format(counts.published),
                  replaced: format(counts.replaced),
                  unchanged: format(counts.unchanged),
                })}
              </p>
              {saved ? (
                <p className="notice-text" data-testid="statements-saved">
                  {t('statements.saved', {
                    file: saved.fileName,
                    count: format(saved.statements),
                    period: i18n.formatPeriod(saved.period),
                  })}
                </p>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} testId="statements-error" /> : null}
    </section>
  );
}
