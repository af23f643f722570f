// The tools every dense table offers beside its own filters: a column chooser remembered on this computer, and
// "Save as xlsx" of exactly what is shown (the columns shown, the rows as filtered and sorted, numbers as numbers).
import { useState } from 'react';
import type { AppErrorData } from '../../src-main/ipc/contract';
import { describeError } from '../api/describe-error';
import { saveDownload, XLSX_TYPE } from '../api/save-download';
import { safeCall } from '../api/use-call';
import { useI18n } from '../i18n/i18n';
import type { DataColumn } from './DataTable';
import { Icon } from './Icon';
import { tableCells } from './table-rows';

export function ColumnChooser<T>({
  tableId,
  columns,
  hidden,
  onHide,
}: {
  tableId: string;
  columns: readonly DataColumn<T>[];
  hidden: ReadonlySet<string>;
  onHide: (column: string, hide: boolean) => void;
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
              onChange={(event) => onHide(column.id, !event.target.checked)}
              data-testid={`${tableId}-column-${column.id}`}
            />
            {column.title ?? column.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** The button and, once saved, the file's name for screen readers; an error is said where the button is. */
export function useSaveTable<T>(
  title: string,
  columns: readonly DataColumn<T>[],
  rows: readonly T[],
): { saving: boolean; saved: string | null; error: AppErrorData | null; save: () => Promise<void> } {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const save = async () => {
    setSaving(true);
    setSaved(null);
    setError(null);
    const result = await safeCall('table.xlsx', { title, ...tableCells(columns, rows) });
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    saveDownload(result.value.fileName, result.value.bytes, XLSX_TYPE);
    setSaved(result.value.fileName);
  };
  return { saving, saved, error, save };
}

export function SaveTableButton({
  tableId,
  state,
  disabled,
}: {
  tableId: string;
  state: ReturnType<typeof useSaveTable>;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-secondary"
      onClick={() => void state.save()}
      disabled={state.saving || disabled}
      aria-busy={state.saving}
      data-testid={`${tableId}-save-xlsx`}
    >
      {state.saving ? (
        <span className="spinner" aria-hidden="true" />
      ) : (
        <Icon
          name={state.saved ? 'check' : 'download'}
          size={16}
          className={state.saved ? 'text-success' : undefined}
        />
      )}
      {t('table.saveXlsx')}
    </button>
  );
}

export function SaveTableError({ state }: { state: ReturnType<typeof useSaveTable> }) {
  const i18n = useI18n();
  return state.error ? (
    <p className="text-danger small" role="alert">
      {describeError(state.error, i18n)}
    </p>
  ) : null;
}
