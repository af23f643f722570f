import type { AppErrorData } from '../../src-main/ipc/contract';
import { describeError } from '../api/describe-error';
import { useI18n } from '../i18n/i18n';
import { Icon } from './Icon';

/** An error as one sentence for the operator, with a retry where retrying makes sense. */
export function ErrorNotice({
  error,
  title,
  onRetry,
  testId,
}: {
  error: AppErrorData;
  title?: string;
  onRetry?: () => void;
  testId?: string;
}) {
  const i18n = useI18n();
  return (
    <div className="notice notice--error" role="alert" data-testid={testId ?? 'error-notice'}>
      <Icon name="alert" className="notice-icon" />
      <div className="notice-body">
        {title ? <p className="notice-title">{title}</p> : null}
        <p className="notice-text" data-testid="error-sentence">
          {describeError(error, i18n)}
        </p>
      </div>
      {onRetry ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={onRetry}>
          {i18n.t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
