// The "Columns" button of a table: a box per column to show or hide it; the pinned ones (code, name) stay shown.
import { useI18n } from '../i18n/i18n';
import { Icon } from './Icon';

export function ColumnChooser({
  tableId,
  columns,
  hidden,
  onChange,
}: {
  tableId: string;
  columns: readonly { id: string; label: string; title?: string; pinned?: boolean }[];
  hidden: ReadonlySet<string>;
  onChange: (column: string, hide: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <details className="column-chooser" data-testid={`${tableId}-columns`}>
      <summary className="btn btn-secondary">
        <Icon name="columns" size={16} />
        {t('table.columns')}
      </summary>
      <fieldset className="column-chooser-panel">
        <legend className="sr-only">{t('table.columnsShown')}</legend>
        {columns.map((column) => (
          <label key={column.id} className="check-row">
            <input
              type="checkbox"
              checked={column.pinned || !hidden.has(column.id)}
              disabled={column.pinned}
              onChange={(event) => onChange(column.id, !event.target.checked)}
              data-testid={`${tableId}-column-${column.id}`}
            />
            {column.title ?? column.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
