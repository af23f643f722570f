import { useState, type FormEvent } from 'react';
import type { AppErrorData, PayoutBatchView } from '../../../src-main/ipc/contract';
import { describeError } from '../../api/describe-error';
import { safeCall } from '../../api/use-call';
import { Icon } from '../../components/Icon';
import { ModalDialog } from '../../components/ModalDialog';
import { useI18n } from '../../i18n/i18n';

/** Voiding a payout file: its unconfirmed top-ups go back to the balances, and only with a written reason. */
export function VoidBatchDialog({ batch, onClose, onVoided }: { batch: PayoutBatchView; onClose: () => void; onVoided: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await safeCall('payouts.void', { batchRef: batch.batchRef, reason: reason.trim() });
    setBusy(false);
    if (answer.ok) onVoided();
    else if (answer.error.code === 'REASON_REQUIRED') setMissing(true);
    else setError(answer.error);
  };

  return (
    <ModalDialog title={t('batches.void.title', { batch: batch.batchRef })} onClose={() => (busy ? undefined : onClose())} testId="void-dialog" tone="danger">
      <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="modal-text">{t('batches.void.text', { file: batch.fileName })}</p>
        <div className={missing ? 'field has-error' : 'field'}>
          <label className="field-label" htmlFor="void-reason">
            {t('batches.void.reason')}
          </label>
          <textarea
            id="void-reason"
            className="input textarea"
            rows={3}
            value={reason}
            maxLength={2000}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
            aria-invalid={missing}
            aria-describedby={missing ? 'void-reason-error' : 'void-reason-hint'}
            data-testid="void-reason"
          />
          {missing ? (
            <p className="field-error" id="void-reason-error" data-testid="void-reason-error">
              <Icon name="alert" size={14} />
              {t('error.REASON_REQUIRED')}
            </p>
          ) : (
            <p className="field-hint" id="void-reason-hint">
              {t('batches.void.hint')}
            </p>
          )}
        </div>
        {error ? (
          <div className="notice notice--error" role="alert">
            <Icon name="alert" className="notice-icon" />
            <p className="notice-text">{describeError(error, i18n)}</p>
          </div>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-danger" disabled={busy} data-testid="void-confirm">
            {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="trash" size={16} />}
            {busy ? t('batches.void.busy') : t('batches.void.confirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
