// The sales lines a batch stored, a page at a time: a batch of 100,000 lines opens as quickly
// as one of ten, and every line can still be reached.
import { useState } from 'react';
import { useCall } from '../../api/use-call';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';

const PAGE = 100;

export function BatchLinesTable({ batchId }: { batchId: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [offset, setOffset] = useState(0);
  const program = useCall('program.get');
  const page = useCall('imports.lines', { batchId, offset, limit: PAGE });
  const currency = program.value?.currency ?? null;
  const total = page.value?.total ?? 0;
  const lines = page.value?.lines ?? [];
  const empty = '—';

  return (
    <section className="report-section report-section--lines" aria-labelledby="batch-lines" data-testid="batch-lines">
      <h3 className="section-title" id="batch-lines">
        {t('import.batch.lines')}
        {page.value ? (
          <span className="count-pill count-pill--neutral">{t('import.batch.lineCount', { count: total })}</span>
        ) : null}
      </h3>
      {page.error ? <ErrorNotice error={page.error} onRetry={page.reload} /> : null}
      {page.value && total === 0 ? <p className="muted">{t('import.batch.noLines')}</p> : null}
      {lines.length > 0 ? (
        <>
          <div className="table-wrap" role="region" aria-labelledby="batch-lines" tabIndex={0}>
            <table className="data-table" data-testid="batch-lines-table" aria-busy={page.loading}>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('import.report.row')}
                  </th>
                  <th scope="col">{t('field.date')}</th>
                  <th scope="col">{t('import.report.participant')}</th>
                  <th scope="col">{t('field.sku')}</th>
                  <th scope="col" className="num">
                    {t('field.quantity')}
                  </th>
                  <th scope="col" className="num">
                    {t('field.netValue')}
                  </th>
                  <th scope="col">{t('field.documentNo')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.id} data-row={line.sourceRow}>
                    <td className="num">{i18n.formatInteger(line.sourceRow)}</td>
                    <td className="nowrap">{i18n.formatDate(line.saleDate)}</td>
                    <td>
                      <code>{line.participantCode}</code>
                      {line.participantName ? <span className="cell-sub">{line.participantName}</span> : null}
                    </td>
                    <td>
                      <code>{line.sku}</code>
                      {line.productName ? <span className="cell-sub">{line.productName}</span> : null}
                    </td>
                    <td className="num">{i18n.formatInteger(line.quantity)}</td>
                    <td className="num nowrap">
                      {currency ? i18n.formatMoney(line.netMinor, currency) : i18n.formatInteger(line.netMinor)}
                    </td>
                    <td>{[line.documentNo, line.lineNo].filter(Boolean).join(' / ') || empty}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="batch-lines-pager" data-testid="batch-lines-pager">
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
              disabled={offset === 0 || page.loading}
              data-testid="lines-previous"
            >
              <Icon name="arrowLeft" size={15} />
              {t('import.batch.previous')}
            </button>
            <span className="muted small" data-testid="lines-range">
              {t('import.batch.range', {
                from: i18n.formatInteger(offset + 1),
                to: i18n.formatInteger(offset + lines.length),
                total: i18n.formatInteger(total),
              })}
            </span>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setOffset(offset + PAGE)}
              disabled={offset + PAGE >= total || page.loading}
              data-testid="lines-next"
            >
              {t('import.batch.next')}
              <Icon name="arrowRight" size={15} />
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
