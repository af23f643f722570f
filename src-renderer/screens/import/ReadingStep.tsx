import type { RefObject } from 'react';
import type { ImportJobStatus } from '../../../src-main/ipc/contract';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';

interface Props {
  fileName: string;
  fileSize: number;
  /** Null until the first status has come back (the file is still on its way). */
  status: ImportJobStatus | null;
  cancelling: boolean;
  onCancel(): void;
  titleRef: RefObject<HTMLHeadingElement | null>;
}

/** The file being read: rows so far and a bar by bytes, with Cancel. Nothing is written yet. */
export function ReadingStep({ fileName, fileSize, status, cancelling, onCancel, titleRef }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const total = status?.totalBytes || fileSize;
  const read = Math.min(status?.bytesRead ?? 0, total);
  // Whole percent: a bar does not need more, and the value text stays short.
  const percent = total > 0 ? Math.floor((read * 100) / total) : 0;
  const rows = status?.rowsRead ?? 0;
  const rowsText = t('import.reading.rows', { count: rows });

  return (
    <section
      className="card import-card reading"
      aria-labelledby="import-step-title"
      data-testid="import-step-reading"
      aria-busy="true"
    >
      <div className="step-header">
        <span className="step-icon" aria-hidden="true">
          <Icon name="sheet" size={22} />
        </span>
        <div className="step-heading">
          <h2 className="card-title step-title" id="import-step-title" tabIndex={-1} ref={titleRef}>
            {t('import.reading.title')}
          </h2>
          <p className="step-sub">
            {t('import.reading.file', { file: fileName, size: i18n.formatFileSize(fileSize) })}
          </p>
        </div>
      </div>

      <div className="reading-progress">
        <div className="reading-figures">
          <span className="reading-rows" data-testid="reading-rows">
            {status ? rowsText : t('import.reading.starting')}
          </span>
          <span className="reading-bytes">
            {t('import.reading.bytes', { read: i18n.formatFileSize(read), total: i18n.formatFileSize(total) })}
          </span>
        </div>
        <div
          className="meter"
          role="progressbar"
          aria-label={t('import.reading.progress', { file: fileName })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t('import.reading.valueText', { percent, rows: rowsText })}
          data-testid="reading-progress"
        >
          <div className="meter-bar" style={{ width: `${percent}%` }} />
        </div>
        <p className="field-hint">{t('import.reading.hint')}</p>
      </div>

      <div className="step-actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={onCancel}
          disabled={cancelling}
          data-testid="import-cancel-reading"
        >
          {cancelling ? <span className="spinner" aria-hidden="true" /> : <Icon name="close" size={16} />}
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
    </section>
  );
}
