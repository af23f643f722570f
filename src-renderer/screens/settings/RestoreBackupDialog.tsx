import { useState, type FormEvent } from 'react';
import type { AppErrorData, BackupView, LostExport } from '../../../src-main/ipc/contract';
import { safeCall } from '../../api/use-call';
import { ModalDialog } from '../../components/ModalDialog';
import { DialogActions, ReasonField } from '../../components/ReasonField';
import { Icon } from '../../components/Icon';
import { describeError } from '../../api/describe-error';
import { useI18n } from '../../i18n/i18n';
import { reloadAfterRestore } from './restore-message';

/** The sentence of a refused restore: why this backup was refused, by its code. */
export function restoreErrorSentence(error: AppErrorData, i18n: ReturnType<typeof useI18n>): string {
  if (error.code === 'BACKUP_REFUSED' && error.details) return i18n.t(`backupRefused.${error.details.why}`);
  return describeError(error, i18n);
}

/**
 * The payout files a restore would go back past: which batch, for which period, how many top-ups, how much and when.
 * A list rather than a table: the dialog is narrow, and each file should read whole without scrolling sideways.
 */
function LostExportsList({ batches }: { batches: LostExport[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ul className="plain-list lost-exports" data-testid="lost-exports">
      {batches.map((b) => (
        <li key={b.batchRef}>
          <strong className="mono">{b.batchRef}</strong>
          {' · '}
          {t('backups.lost.item', {
            period: i18n.formatPeriod(b.period),
            count: i18n.formatInteger(b.rowCount),
            amount: i18n.formatMoney(b.controlSumMinor, { code: b.currencyCode, minorDigits: b.currencyDigits }),
            time: i18n.formatDateTime(b.createdAt),
          })}
        </li>
      ))}
    </ul>
  );
}

/**
 * Asks before a restore, says that the file in use is kept aside, and restores; the window then loads again. A
 * restore that would go back past exported payout files is refused by the core; the dialog then lists them and asks
 * for the reason it may go ahead with (the core judges again at the restore itself).
 */
export function RestoreBackupDialog({ backup, onClose }: { backup: BackupView; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [lost, setLost] = useState<LostExport[] | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (lost && reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await safeCall('backups.restore', {
      file: backup.path,
      ...(lost ? { acceptLostExports: reason.trim() } : {}),
    });
    if (answer.ok) {
      reloadAfterRestore(answer.value);
      return;
    }
    setBusy(false);
    if (answer.error.code === 'RESTORE_LOSES_EXPORTS' && answer.error.details) {
      setLost(answer.error.details.batches);
      return;
    }
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
        {lost ? (
          <div className="notice notice--warning" role="alert" data-testid="restore-lost-exports">
            <Icon name="alert" className="notice-icon" />
            <div className="notice-body">
              <p className="notice-title">{t('backups.lost.title', { count: lost.length })}</p>
              <p className="notice-text">{t('backups.lost.text')}</p>
              <LostExportsList batches={lost} />
            </div>
          </div>
        ) : null}
        {lost ? (
          <ReasonField
            id="restore-lost-reason"
            label={t('backups.lost.reason')}
            hint={t('backups.lost.reasonHint')}
            value={reason}
            onChange={(value) => {
              setReason(value);
              setReasonMissing(false);
            }}
            missing={reasonMissing}
          />
        ) : null}
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
          label={lost ? t('backups.lost.confirm') : t('backups.restore')}
          busyLabel={t('backups.restoring')}
          testId="restore-confirm"
        />
      </form>
    </ModalDialog>
  );
}
