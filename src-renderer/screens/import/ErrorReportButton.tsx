import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../../src-main/ipc/contract';
import { describeError } from '../../api/describe-error';
import { saveDownload, XLSX_TYPE } from '../../api/save-download';
import { safeCall } from '../../api/use-call';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';

/** How long the button says it is done before it offers the export again. */
const DONE_FOR_MS = 4000;

/**
 * "Export error report": the problems of a previewed job or of a committed batch as an
 * xlsx to send back to the client. Success shows on the button itself (and is announced
 * with the file's name), so that the actions around it keep their places; a failure is
 * said in one sentence beside it.
 */
export function ErrorReportButton({ source }: { source: { jobId: string } | { batchId: number } }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    if (saved === null) return;
    const timer = window.setTimeout(() => setSaved(null), DONE_FOR_MS);
    return () => window.clearTimeout(timer);
  }, [saved]);

  const exportReport = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    const result = await safeCall('import.errorReport', source);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    saveDownload(result.value.fileName, result.value.bytes, XLSX_TYPE);
    setSaved(result.value.fileName);
  };

  return (
    <span className="error-report">
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => void exportReport()}
        disabled={busy}
        aria-busy={busy}
        data-testid="export-error-report"
      >
        {busy ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          <Icon name={saved ? 'check' : 'download'} size={16} className={saved ? 'text-success' : undefined} />
        )}
        {busy ? t('import.errorReport.busy') : saved ? t('import.errorReport.done') : t('import.errorReport.export')}
      </button>
      <span className="sr-only" role="status" aria-live="polite">
        {saved ? t('import.errorReport.saved', { file: saved }) : ''}
      </span>
      {error ? (
        <span className="text-danger small error-report-error" role="alert">
          {describeError(error, i18n)}
        </span>
      ) : null}
    </span>
  );
}
