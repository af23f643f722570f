// "Save as xlsx" of exactly what a table shows (the columns shown, the rows as filtered and sorted, numbers as
// numbers), for DataTable and the tables that bring their own filters.
import { useState } from 'react';
import type { AppErrorData } from '../../src-main/ipc/contract';
import { describeError } from '../api/describe-error';
import { saveDownload, XLSX_TYPE } from '../api/save-download';
import { safeCall } from '../api/use-call';
import { useI18n } from '../i18n/i18n';
import type { DataColumn } from './DataTable';
import { Icon } from './Icon';
import { tableCells } from './table-rows';

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
