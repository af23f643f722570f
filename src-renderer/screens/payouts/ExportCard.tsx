import { useState } from 'react';
import type { AppErrorData, PayoutBatchView, PayoutView } from '../../../src-main/ipc/contract';
import { saveDownload, XLSX_TYPE } from '../../api/save-download';
import { safeCall, useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { TaskProgress } from '../../components/TaskProgress';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { PAYOUT_TEMPLATE_SECTION } from '../payout-template/PayoutTemplateCard';

type Format = 'xlsx' | 'csv' | 'sepa';

const FORMATS: { format: Format; method: PayoutView['method']; type: string }[] = [
  { format: 'xlsx', method: 'card', type: XLSX_TYPE },
  { format: 'csv', method: 'card', type: 'text/csv' },
  { format: 'sepa', method: 'transfer', type: 'application/xml' },
];

interface Outcome {
  format: Format;
  fileName: string;
  rows: number;
  controlSumMinor: number;
  reused: boolean;
  /** The batch already exported in the other card format, written in this one. */
  copyOf: string | null;
}

/**
 * The files for the card issuer (xlsx or csv) and the bank (SEPA). Each holds the top-ups
 * not exported yet; asking again hands back the same file, so a top-up is never paid twice.
 */
export function ExportCard({
  period,
  payouts,
  batches,
  currency,
  onExported,
}: {
  period: string;
  payouts: readonly PayoutView[];
  batches: readonly PayoutBatchView[];
  currency: CurrencyInfo;
  onExported: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState<Format | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const template = useCall('payouts.template');
  const waiting = (method: PayoutView['method']) =>
    payouts.filter((p) => p.method === method && p.status === 'approved').length;
  const any = (method: PayoutView['method']) => payouts.some((p) => p.method === method);
  const made = (format: Format) => batches.some((b) => b.format === format && !b.voided);
  const madeAsCard = () => batches.some((b) => b.format !== 'sepa' && !b.voided);
  const note = (format: Format, method: PayoutView['method'], pending: number) => {
    if (!any(method)) return t(`payouts.export.none.${method}`);
    if (pending > 0) return t(`payouts.export.waiting.${method}`, { count: pending });
    if (made(format)) return t('payouts.export.again');
    return method === 'card' && madeAsCard() ? t('payouts.export.sameBatch') : t('payouts.export.nothingLeft');
  };

  const exportFile = async (format: Format, type: string) => {
    setBusy(format);
    setError(null);
    setOutcome(null);
    const answer = await safeCall('payouts.export', { period, format });
    setBusy(null);
    if (!answer.ok) {
      setError(answer.error);
      // A stop that came as the batch was written leaves it recorded: the screen looks again.
      if (answer.error.code === 'CANCELLED') onExported();
      return;
    }
    const { fileName, bytes, reused, batch, copy } = answer.value;
    saveDownload(fileName, bytes, type);
    setOutcome({
      format,
      fileName,
      rows: batch.rowCount,
      controlSumMinor: batch.controlSumMinor,
      reused,
      copyOf: copy ? batch.batchRef : null,
    });
    onExported();
  };

  return (
    <section className="card" aria-labelledby="export-title" data-testid="export-card">
      <div className="card-header">
        <h2 className="card-title" id="export-title">
          {t('payouts.export.title')}
        </h2>
      </div>
      <p className="card-lead">{t('payouts.export.lead')}</p>
      {template.value ? (
        <p className="export-template" data-testid="export-template">
          <Icon name="columns" size={16} />
          <span>
            {template.value.builtIn
              ? t('payouts.export.templateBuiltIn')
              : t('payouts.export.template', { name: template.value.template.name })}
          </span>
          <a
            className="link-quiet"
            href={hrefOf('settings', { section: PAYOUT_TEMPLATE_SECTION })}
            data-testid="export-template-link"
          >
            {t('payouts.export.templateChange')}
            <Icon name="arrowRight" size={14} />
          </a>
        </p>
      ) : null}
      <div className="export-options">
        {FORMATS.map(({ format, method, type }) => {
          const pending = waiting(method);
          return (
            <div key={format} className="export-option">
              <button
                type="button"
                className={pending > 0 ? 'btn btn-primary' : 'btn btn-secondary'}
                onClick={() => void exportFile(format, type)}
                disabled={busy !== null || !any(method)}
                aria-describedby={`export-${format}-note`}
                data-testid={`export-${format}`}
              >
                {busy === format ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" size={16} />}
                {busy === format ? t('payouts.export.busy') : t(`payouts.export.${format}`)}
              </button>
              <span className="export-note" id={`export-${format}-note`}>
                {note(format, method, pending)}
              </span>
            </div>
          );
        })}
      </div>
      {busy !== null ? <TaskProgress channel="payouts.export" testId="export-progress" /> : null}
      <div role="status" aria-live="polite">
        {outcome ? (
          <div
            className={outcome.reused ? 'notice notice--info' : 'notice notice--success'}
            data-testid={outcome.reused ? 'export-reused' : 'export-done'}
          >
            <Icon name={outcome.reused ? 'info' : 'checkCircle'} className="notice-icon" />
            <p className="notice-text">
              {outcome.copyOf !== null
                ? t('payouts.export.copy', {
                    file: outcome.fileName,
                    batch: outcome.copyOf,
                    count: outcome.rows,
                    amount: i18n.formatMoney(outcome.controlSumMinor, currency),
                  })
                : outcome.reused
                  ? t('payouts.export.reused', { file: outcome.fileName })
                  : t('payouts.export.done', {
                      file: outcome.fileName,
                      count: outcome.rows,
                      amount: i18n.formatMoney(outcome.controlSumMinor, currency),
                    })}
            </p>
          </div>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} testId="export-error" /> : null}
    </section>
  );
}
