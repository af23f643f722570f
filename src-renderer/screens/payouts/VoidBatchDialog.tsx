import { useState, type FormEvent } from 'react';
import type { AppErrorData, PayoutBatchView } from '../../../src-main/ipc/contract';
import { safeCall } from '../../api/use-call';
import { ModalDialog } from '../../components/ModalDialog';
import { DialogActions, DialogError, ReasonField } from '../../components/ReasonField';
import { useI18n } from '../../i18n/i18n';

/** Voiding a payout file: its unconfirmed top-ups go back to the balances, and only with a written reason. */
export function VoidBatchDialog({
  batch,
  onClose,
  onVoided,
}: {
  batch: PayoutBatchView;
  onClose: () => void;
  onVoided: () => void;
}) {
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
    <ModalDialog
      title={t('batches.void.title', { batch: batch.batchRef })}
      onClose={() => (busy ? undefined : onClose())}
      testId="void-dialog"
      tone="danger"
    >
      <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="modal-text">{t('batches.void.text', { file: batch.fileName })}</p>
        <ReasonField
          id="void-reason"
          label={t('batches.void.reason')}
          hint={t('batches.void.hint')}
          value={reason}
          onChange={(value) => {
            setReason(value);
            setMissing(false);
          }}
          missing={missing}
        />
        <DialogError error={error} />
        <DialogActions
          onCancel={onClose}
          busy={busy}
          tone="danger"
          icon="trash"
          label={t('batches.void.confirm')}
          busyLabel={t('batches.void.busy')}
          testId="void-confirm"
        />
      </form>
    </ModalDialog>
  );
}
