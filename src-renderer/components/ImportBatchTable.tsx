import { useI18n } from '../i18n/i18n';
import type { BatchView } from '../screens/import/import-batch-view';
import { batchReportHref } from '../screens/import/BatchReportView';
import { kindLabel } from '../screens/import/import-texts';

/**
 * Import batches, newest first: the import history and the dashboard's last imports. A superseded batch stays, marked.
 */
export function ImportBatchTable({
  batches,
  label,
  compact = false,
}: {
  batches: BatchView[];
  label: string;
  compact?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const anyPeriod = batches.some((b) => b.period);
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table" data-testid="import-batches">
        <thead>
          <tr>
            <th scope="col">{t('import.history.when')}</th>
            <th scope="col">{t('import.history.file')}</th>
            {compact ? null : <th scope="col">{t('import.history.kind')}</th>}
            {compact || !anyPeriod ? null : <th scope="col">{t('import.history.period')}</th>}
            <th scope="col" className="num">
              {t('import.report.rowsRead')}
            </th>
            <th scope="col" className="num">
              {t('import.report.accepted')}
            </th>
            <th scope="col" className="num">
              {t('import.report.rejected')}
            </th>
            <th scope="col" className="num">
              {t('import.report.skipped')}
            </th>
            {compact ? null : <th scope="col">{t('import.history.by')}</th>}
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => {
            const superseded = batch.supersededBy !== null && batch.supersededBy !== undefined;
            return (
              <tr
                key={batch.id}
                className={superseded ? 'is-superseded' : undefined}
                data-batch={batch.id}
                data-kind={batch.kind}
              >
                <td className="nowrap">{i18n.formatDateTime(batch.createdAt)}</td>
                <td>
                  <a
                    className="file-name"
                    href={batchReportHref(batch.id)}
                    title={t('import.history.open')}
                    data-testid="open-batch"
                  >
                    {batch.fileName}
                  </a>
                  <span className="cell-sub">
                    {compact
                      ? kindLabel(batch.kind, i18n)
                      : `${t('import.history.batch', { id: batch.id })} · ${i18n.formatFileSize(batch.fileSize)}`}
                  </span>
                  {superseded ? (
                    <a
                      className="badge badge--neutral badge--small superseded-mark"
                      href={batchReportHref(batch.supersededBy!)}
                      data-testid="superseded-mark"
                    >
                      {t('import.history.superseded', { id: batch.supersededBy ?? '' })}
                    </a>
                  ) : null}
                </td>
                {compact ? null : <td>{kindLabel(batch.kind, i18n)}</td>}
                {compact || !anyPeriod ? null : (
                  <td className="nowrap">{batch.period ? i18n.formatPeriod(batch.period) : '—'}</td>
                )}
                <td className="num">{i18n.formatInteger(batch.rowsRead)}</td>
                <td className="num">{i18n.formatInteger(batch.accepted)}</td>
                <td className={batch.rejected > 0 ? 'num text-danger' : 'num'}>
                  {batch.rejected > 0 ? (
                    <a className="text-danger" href={batchReportHref(batch.id)} data-testid="open-batch-rejected">
                      {i18n.formatInteger(batch.rejected)}
                    </a>
                  ) : (
                    i18n.formatInteger(batch.rejected)
                  )}
                </td>
                <td className="num">{i18n.formatInteger(batch.skipped)}</td>
                {compact ? null : <td>{batch.createdBy}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
