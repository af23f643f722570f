import type { ImportBatchView } from '../../src-main/ipc/contract';
import { useI18n, type MessageKey } from '../i18n/i18n';

function kindLabel(kind: string, hasKey: (key: string) => key is MessageKey, t: (key: MessageKey) => string): string {
  const key = `kind.${kind}`;
  return hasKey(key) ? t(key) : kind;
}

/** Import batches, newest first: the import history and the dashboard's last imports. */
export function ImportBatchTable({ batches, label, compact = false }: { batches: ImportBatchView[]; label: string; compact?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table" data-testid="import-batches">
        <thead>
          <tr>
            <th scope="col">{t('import.history.when')}</th>
            <th scope="col">{t('import.history.file')}</th>
            {compact ? null : <th scope="col">{t('import.history.kind')}</th>}
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
          {batches.map((batch) => (
            <tr key={batch.id}>
              <td className="nowrap">{i18n.formatDateTime(batch.createdAt)}</td>
              <td>
                <span className="file-name">{batch.fileName}</span>
                {compact ? <span className="cell-sub">{kindLabel(batch.kind, i18n.hasKey, t)}</span> : <span className="cell-sub">{i18n.formatFileSize(batch.fileSize)}</span>}
              </td>
              {compact ? null : <td>{kindLabel(batch.kind, i18n.hasKey, t)}</td>}
              <td className="num">{i18n.formatInteger(batch.rowsRead)}</td>
              <td className="num">{i18n.formatInteger(batch.accepted)}</td>
              <td className={batch.rejected > 0 ? 'num text-danger' : 'num'}>{i18n.formatInteger(batch.rejected)}</td>
              <td className="num">{i18n.formatInteger(batch.skipped)}</td>
              {compact ? null : <td>{batch.createdBy}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
