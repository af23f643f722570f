import { useState, type FormEvent } from 'react';
import type { AppErrorData, BackupView } from '../../../src-main/ipc/contract';
import { safeCall } from '../../api/use-call';
import { ModalDialog } from '../../components/ModalDialog';
import { DialogActions } from '../../components/ReasonField';
import { Icon } from '../../components/Icon';
import { describeError } from '../../api/describe-error';
import { useI18n } from '../../i18n/i18n';
import { reloadAfterRestore } from './restore-message';

/** The sentence of a refused restore: why this backup was refused, by its code. */
export function restoreErrorSentence(error: AppErrorData, i18n: ReturnType<typeof useI18n>): string {
  if (error.code === 'BACKUP_REFUSED' && error.details) return i18n.t(`backupRefused.${error.details.why}`);
  return describeError(error, i18n);
}

/** Asks before a restore, says that the file in use is kept aside, and restores; the window then loads again. */
export function RestoreBackupDialog({ backup, onClose }: { backup: BackupView; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const answer = await safeCall('backups.restore', { file: backup.path });
    if (answer.ok) {
      reloadAfterRestore(answer.value);
      return;
    }
    setBusy(false);
    setError(answer.error);
  };

  return (
    <ModalDialog
      title={t('backups.restore.title')}
      onClose={() => (busy ? undefined : onClose())}
      testId="restore-dialog"
      tone="danger"
    >
      <form className="modal-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="modal-text">{t('backups.restore.text', { time: i18n.formatDateTime(backup.takenAt) })}</p>
        <p className="field-hint">{t('backups.restore.checks')}</p>
        {error ? (
          <div className="notice notice--error" role="alert" data-testid="restore-error">
            <Icon name="alert" className="notice-icon" />
            <div className="notice-body">
              <p className="notice-text">{restoreErrorSentence(error, i18n)}</p>
            </div>
          </div>
        ) : null}
        <DialogActions
          onCancel={onClose}
          busy={busy}
          tone="danger"
          icon="replace"
          label={t('backups.restore')}
          busyLabel={t('backups.restoring')}
          testId="restore-confirm"
        />
      </form>
    </ModalDialog>
  );
}
