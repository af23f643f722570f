// "Save as xlsx" of exactly what a table shows (the columns shown, the rows as filtered and sorted, numbers as
// numbers), for DataTable and the tables that bring their own filters.
import { useState } from 'react';
import type { AppErrorData, CallResult } from '../../src-main/ipc/contract';
import { describeError } from '../api/describe-error';
import { saveDownload, XLSX_TYPE } from '../api/save-download';
import { safeCall } from '../api/use-call';
import { useI18n } from '../i18n/i18n';
import type { DataColumn } from './DataTable';
import { Icon } from './Icon';
import { tableCells } from './table-rows';

/** A workbook the core wrote for a table: its file name, its bytes, and how many rows it holds when it says so. */
type SavedTable = { fileName: string; bytes: Uint8Array; rows?: number };

export interface SaveState {
  saving: boolean;
  /** The file saved last, and its rows when the core counted them (all that match, not only those in view). */
  saved: { file: string; rows: number | null } | null;
  error: AppErrorData | null;
  save: () => Promise<void>;
}

/** Asks the core for the workbook and hands it to the browser or Electron as a download; an error stays to be said. */
export function useSaveDownload(call: () => Promise<CallResult<SavedTable>>): SaveState {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SaveState['saved']>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const save = async () => {
    setSaving(true);
    setSaved(null);
    setError(null);
    const result = await call();
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    saveDownload(result.value.fileName, result.value.bytes, XLSX_TYPE);
    setSaved({ file: result.value.fileName, rows: result.value.rows ?? null });
  };
  return { saving, saved, error, save };
}

/** The rows in memory as shown, written by the core's table.xlsx. */
export function useSaveTable<T>(title: string, columns: readonly DataColumn<T>[], rows: readonly T[]): SaveState {
  return useSaveDownload(() => safeCall('table.xlsx', { title, ...tableCells(columns, rows) }));
}

export function SaveTableButton({
  tableId,
  state,
  disabled,
}: {
  tableId: string;
  state: SaveState;
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

export function SaveTableError({ state }: { state: SaveState }) {
  const i18n = useI18n();
  return state.error ? (
    <p className="text-danger small" role="alert">
      {describeError(state.error, i18n)}
    </p>
  ) : null;
}
