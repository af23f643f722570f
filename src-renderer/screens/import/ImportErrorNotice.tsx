// An import's refusal where the coordinator is looking: beside the control that caused it,
// scrolled into view. A file already imported names the earlier import (when, who, which
// batch) and opens its report, instead of sending the coordinator to look for it.
import { useEffect, useRef } from 'react';
import type { AppErrorData } from '../../../src-main/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { batchReportHref } from './BatchReportView';

function AlreadyImported({ batchId, fileName, createdAt, createdBy }: Record<string, unknown>) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = Number(batchId);
  return (
    <div className="notice notice--error" role="alert" data-testid="already-imported">
      <Icon name="alert" className="notice-icon" />
      <div className="notice-body">
        <p className="notice-title">{t('import.already.title')}</p>
        <p className="notice-text" data-testid="error-sentence">
          {t(typeof createdBy === 'string' ? 'import.already.text' : 'import.already.textNoWho', {
            id,
            file: String(fileName),
            when: i18n.formatDateTime(String(createdAt)),
            who: String(createdBy),
          })}
        </p>
      </div>
      <a className="btn btn-secondary btn-small" href={batchReportHref(id)} data-testid="open-earlier-import">
        {t('import.already.open', { id })}
      </a>
    </div>
  );
}

export function ImportErrorNotice({ error, testId = 'import-error' }: { error: AppErrorData; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // A new refusal is brought into view even when it appears below the fold of a long step.
  // After the step's own focus has moved (which scrolls to the top), hence the next frame.
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.scrollIntoView?.({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [error]);
  const details = error.details as Record<string, unknown> | undefined;
  return (
    <div ref={ref} data-testid={testId}>
      {error.code === 'FILE_ALREADY_IMPORTED' && details && typeof details.batchId === 'number' ? (
        <AlreadyImported {...details} />
      ) : (
        <ErrorNotice error={error} />
      )}
    </div>
  );
}
