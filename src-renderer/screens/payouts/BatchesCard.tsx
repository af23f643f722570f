import { useState } from 'react';
import type { AppErrorData, PayoutBatchView } from '../../../src-main/ipc/contract';
import { saveDownload, XLSX_TYPE } from '../../api/save-download';
import { safeCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { VoidBatchDialog } from './VoidBatchDialog';

/** The other card format a batch can be downloaded in: the same batch, never a second payment. */
const OTHER_FORMAT = { xlsx: 'csv', csv: 'xlsx' } as const;

/**
 * The payout files made for the period, with their control sums; a card file can be downloaded
 * in the other card format (the same batch, references and control sum), and a file the issuer
 * did not process can be voided.
 */
export function BatchesCard({
  batches,
  currency,
  onVoided,
}: {
  batches: readonly PayoutBatchView[];
  currency: CurrencyInfo;
  onVoided: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [voiding, setVoiding] = useState<PayoutBatchView | null>(null);
  const [copying, setCopying] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const downloadAs = async (batch: PayoutBatchView, format: 'xlsx' | 'csv') => {
    setCopying(batch.batchRef);
    setError(null);
    const answer = await safeCall('payouts.exportBatch', { batchRef: batch.batchRef, format });
    setCopying(null);
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    saveDownload(answer.value.fileName, answer.value.bytes, format === 'xlsx' ? XLSX_TYPE : 'text/csv');
    onVoided();
  };
  return (
    <section className="card" aria-labelledby="batches-title" data-testid="batches-card">
      <div className="card-header">
        <h2 className="card-title" id="batches-title">
          {t('batches.title')}
        </h2>
        {batches.length > 0 ? <span className="count-pill">{i18n.formatInteger(batches.length)}</span> : null}
      </div>
      {batches.length === 0 ? (
        <p className="muted">{t('batches.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="batches-title" tabIndex={0}>
          <table className="data-table" data-testid="batches">
            <thead>
              <tr>
                <th scope="col">{t('batches.col.batch')}</th>
                <th scope="col">{t('batches.col.file')}</th>
                <th scope="col" className="num">
                  {t('batches.col.rows')}
                </th>
                <th scope="col" className="num">
                  {t('batches.col.sum')}
                </th>
                <th scope="col">{t('batches.col.created')}</th>
                <th scope="col">
                  <span className="sr-only">{t('batches.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr
                  key={b.id}
                  data-testid="batch"
                  data-batch={b.batchRef}
                  className={b.voided ? 'is-superseded' : undefined}
                >
                  <td className="nowrap">
                    <span className="mono">{b.batchRef}</span>
                    <span className="cell-sub">{t(`batches.format.${b.format}`)}</span>
                  </td>
                  <td>
                    <span className="file-name">{b.fileName}</span>
                    <span className="cell-sub mono" title={b.sha256}>
                      SHA-256 {b.sha256.slice(0, 12)}…
                    </span>
                  </td>
                  <td className="num">{i18n.formatInteger(b.rowCount)}</td>
                  <td className="num nowrap">{i18n.formatMoney(b.controlSumMinor, currency)}</td>
                  <td>
                    <span className="nowrap">{i18n.formatDateTime(b.createdAt)}</span>
                    <span className="cell-sub">{b.createdBy}</span>
                  </td>
                  <td className="num">
                    {b.voided ? (
                      <span className="badge badge--neutral badge--small" data-testid="batch-voided">
                        {t('batches.voided')}
                      </span>
                    ) : (
                      <span className="nowrap">
                        {b.format !== 'sepa' ? (
                          <button
                            type="button"
                            className="btn btn-secondary btn-small"
                            onClick={() => void downloadAs(b, OTHER_FORMAT[b.format as 'xlsx' | 'csv'])}
                            disabled={copying !== null}
                            aria-label={t(`batches.downloadAs.${OTHER_FORMAT[b.format as 'xlsx' | 'csv']}.label`, {
                              batch: b.batchRef,
                            })}
                            title={t('batches.downloadAs.hint')}
                            data-testid="batch-download-as"
                          >
                            {copying === b.batchRef ? (
                              <span className="spinner" aria-hidden="true" />
                            ) : (
                              <Icon name="download" size={14} />
                            )}
                            {t(`batches.downloadAs.${OTHER_FORMAT[b.format as 'xlsx' | 'csv']}`)}
                          </button>
                        ) : null}{' '}
                        <button
                          type="button"
                          className="btn btn-secondary btn-small"
                          onClick={() => setVoiding(b)}
                          aria-label={t('batches.void.label', { batch: b.batchRef })}
                          data-testid="batch-void"
                        >
                          {t('batches.void')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error ? <ErrorNotice error={error} testId="batch-download-error" /> : null}
      {voiding ? (
        <VoidBatchDialog
          batch={voiding}
          onClose={() => setVoiding(null)}
          onVoided={() => {
            setVoiding(null);
            onVoided();
          }}
        />
      ) : null}
    </section>
  );
}
