// What leaves the app for the client: the report of each approved period, as a workbook in the program's language,
// made from what was approved (never a draft) and naming the chain head it was made from.
import { useState } from 'react';
import type { AppErrorData, PeriodSummary } from '../../../src-main/ipc/contract';
import { saveDownload, XLSX_TYPE } from '../../api/save-download';
import { safeCall, useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { PeriodStateBadge } from '../../components/PeriodStateBadge';
import { useI18n } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { RulesDocumentCard } from './RulesDocumentCard';
import { StatementsCard } from './StatementsCard';

const PROGRAM = 'program';

const approved = (p: PeriodSummary) => p.state === 'approved' || p.state === 'exported' || p.state === 'closed';

export function ReportsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const periods = useCall('periods.list');
  // The period being written, or PROGRAM for the program-to-date report.
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ period: string; fileName: string } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const list = (periods.value ?? []).filter(approved).sort((a, b) => (a.period < b.period ? 1 : -1));

  const download = async (period: string) => {
    setBusy(period);
    setError(null);
    setSaved(null);
    const answer =
      period === PROGRAM ? await safeCall('reports.programXlsx') : await safeCall('reports.periodXlsx', { period });
    setBusy(null);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    saveDownload(answer.value.fileName, answer.value.bytes, XLSX_TYPE);
    setSaved({ period, fileName: answer.value.fileName });
  };

  return (
    <div className="page">
      <PageHeader title={t('nav.reports')} lead={t('reports.lead')} />
      {periods.error ? <ErrorNotice error={periods.error} onRetry={periods.reload} /> : null}
      {!periods.answered ? <BusyIndicator label={t('common.loading')} /> : null}
      {periods.value && list.length === 0 ? (
        <div className="card" data-testid="reports-none">
          <EmptyState
            icon="reports"
            title={t('reports.none.title')}
            actions={
              <a className="btn btn-secondary" href={hrefOf('scoring')}>
                {t('reports.none.action')}
                <Icon name="arrowRight" size={16} />
              </a>
            }
          >
            <p>{t('reports.none.text')}</p>
          </EmptyState>
        </div>
      ) : null}
      {list.length > 0 ? (
        <section className="card" aria-labelledby="client-reports" data-testid="client-reports">
          <h2 className="card-title" id="client-reports">
            {t('reports.client.title')}
          </h2>
          <p className="card-lead">{t('reports.client.text')}</p>
          <ul className="report-list">
            <li className="report-row" data-testid="report-program">
              <span className="report-row-period">{t('reports.program.title')}</span>
              <span className="report-row-note">
                {t('reports.program.span', {
                  periodFrom: i18n.formatPeriod(list[list.length - 1]!.period),
                  periodTo: i18n.formatPeriod(list[0]!.period),
                })}
              </span>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => void download(PROGRAM)}
                disabled={busy !== null}
                aria-label={t('reports.program.download')}
                data-testid="report-download-program"
              >
                {busy === PROGRAM ? (
                  <span className="spinner" aria-hidden="true" />
                ) : (
                  <Icon name="download" size={16} />
                )}
                {busy === PROGRAM ? t('reports.client.busy') : t('reports.client.download')}
              </button>
            </li>
            {list.map((p) => (
              <li key={p.period} className="report-row" data-testid={`report-${p.period}`}>
                <span className="report-row-period">{i18n.formatPeriod(p.period)}</span>
                <PeriodStateBadge state={p.state} />
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => void download(p.period)}
                  disabled={busy !== null}
                  aria-label={t('reports.client.downloadFor', { period: i18n.formatPeriod(p.period) })}
                  data-testid={`report-download-${p.period}`}
                >
                  {busy === p.period ? (
                    <span className="spinner" aria-hidden="true" />
                  ) : (
                    <Icon name="download" size={16} />
                  )}
                  {busy === p.period ? t('reports.client.busy') : t('reports.client.download')}
                </button>
              </li>
            ))}
          </ul>
          <div role="status" aria-live="polite">
            {saved ? (
              <div className="notice notice--success" data-testid="report-saved">
                <Icon name="check" className="notice-icon" />
                <div className="notice-body">
                  <p className="notice-text">
                    {saved.period === PROGRAM
                      ? t('reports.program.saved', { file: saved.fileName })
                      : t('reports.client.saved', { file: saved.fileName, period: i18n.formatPeriod(saved.period) })}
                  </p>
                </div>
              </div>
            ) : null}
          </div>
          {error ? <ErrorNotice error={error} testId="report-error" /> : null}
        </section>
      ) : null}
      {list.length > 0 ? <StatementsCard periods={list} /> : null}
      {periods.value ? <RulesDocumentCard /> : null}
    </div>
  );
}
