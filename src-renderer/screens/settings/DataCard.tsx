import { useState, type FormEvent } from 'react';
import type { BackUpNowResult, BackupView } from '../../../src-main/ipc/contract';
import type { AppErrorData } from '../../../src-main/ipc/contract';
import { safeCall, useCall } from '../../api/use-call';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { RestoreBackupDialog } from './RestoreBackupDialog';

/**
 * Settings -> Data: the data file in use, the audit anchor, and the backups: the list (time, reason, size), "Back up
 * now" (also to a place the coordinator chooses: the desktop app's save dialog fills the path in; in the browser,
 * which has no dialog that gives a path, it is typed), and a restore of any of them.
 */
export function DataCard() {
  const i18n = useI18n();
  const { t } = i18n;
  const info = useCall('app.info');
  const head = useCall('audit.head');
  const backups = useCall('backups.list');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BackUpNowResult | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [restoring, setRestoring] = useState<BackupView | null>(null);

  // The desktop app asks the system's save dialog; the browser has none, and the path is typed.
  const choose = async () => {
    const answer = await safeCall('backups.chooseTarget');
    if (answer.ok && answer.value.path) setTo(answer.value.path);
  };

  const backUp = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setDone(null);
    setError(null);
    const answer = await safeCall('backups.create', to.trim() === '' ? {} : { to: to.trim() });
    setBusy(false);
    if (answer.ok) {
      setDone(answer.value);
      backups.reload();
      head.reload();
    } else setError(answer.error);
  };

  return (
    <section className="card" aria-labelledby="settings-data" data-testid="data-card">
      <div className="card-header">
        <h2 className="card-title" id="settings-data">
          {t('settings.data')}
        </h2>
      </div>
      {info.error ? <ErrorNotice error={info.error} onRetry={info.reload} /> : null}
      <p>{t('settings.data.text')}</p>
      {info.value ? (
        <div className="path-box">
          <Icon name="database" size={18} className="path-box-icon" />
          <code className="path-box-text" data-testid="data-file">
            {info.value.dataFile}
          </code>
          <CopyButton text={info.value.dataFile} label="settings.copyPath" />
        </div>
      ) : null}
      <h3 className="section-title">{t('settings.audit')}</h3>
      <p>{t('settings.audit.text')}</p>
      {head.error ? <ErrorNotice error={head.error} onRetry={head.reload} /> : null}
      {head.value ? (
        <div className="path-box">
          <Icon name="audit" size={18} className="path-box-icon" />
          <code
            className="path-box-text"
            data-testid="audit-head"
            title={t('settings.audit.seal', { id: head.value.id })}
          >
            {head.value.hash}
          </code>
          <CopyButton text={head.value.hash} label="settings.audit.copy" testId="audit-head-copy" />
        </div>
      ) : null}
      <p className="field-hint">{t('settings.audit.hint')}</p>

      <h3 className="section-title" id="backups-title">
        {t('settings.backup')}
      </h3>
      <p>{t('backups.text')}</p>
      <form className="inline-form" onSubmit={(event) => void backUp(event)} noValidate>
        <div className="field">
          <label className="field-label" htmlFor="backup-to">
            {t('backups.now.to')}
          </label>
          <input
            id="backup-to"
            type="text"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            aria-describedby="backup-to-hint"
            data-testid="backup-to"
            spellCheck={false}
          />
          <p className="field-hint" id="backup-to-hint">
            {t('backups.now.toHint')}
          </p>
        </div>
        {info.value?.runtime === 'electron' ? (
          <button type="button" className="btn btn-secondary" onClick={() => void choose()} data-testid="backup-choose">
            {t('backups.now.choose')}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="backup-now">
          {busy ? <span className="spinner spinner--light" aria-hidden="true" /> : <Icon name="database" size={16} />}
          {busy ? t('backups.backingUp') : t('backups.now')}
        </button>
      </form>
      {done ? (
        <div className="notice notice--success" role="status" data-testid="backup-done">
          <Icon name="checkCircle" className="notice-icon" />
          <div className="notice-body">
            <p className="notice-text">
              {done.copiedTo
                ? t('backups.now.doneTo', { file: done.backup.fileName, to: done.copiedTo })
                : t('backups.now.done', { file: done.backup.fileName })}
            </p>
          </div>
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} testId="backup-error" /> : null}
      {backups.error ? <ErrorNotice error={backups.error} onRetry={backups.reload} /> : null}
      {backups.value && backups.value.length === 0 ? <p className="muted">{t('backups.empty')}</p> : null}
      {backups.value && backups.value.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="backups-title" tabIndex={0}>
          <table className="data-table" data-testid="backups">
            <caption className="sr-only">{t('backups.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backups.col.time')}</th>
                <th scope="col">{t('backups.col.reason')}</th>
                <th scope="col" className="num">
                  {t('backups.col.size')}
                </th>
                <th scope="col">{t('backups.col.file')}</th>
                <th scope="col">
                  <span className="sr-only">{t('backups.restore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.value.map((backup) => (
                <tr key={backup.fileName} data-testid="backup-row" data-reason={backup.reason}>
                  <td>{i18n.formatDateTime(backup.takenAt)}</td>
                  <td>{t(`backups.reason.${backup.reason}`)}</td>
                  <td className="num">{i18n.formatFileSize(backup.sizeBytes)}</td>
                  <td>
                    <code>{backup.fileName}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      onClick={() => setRestoring(backup)}
                      aria-label={t('backups.restore.label', { time: i18n.formatDateTime(backup.takenAt) })}
                      data-testid="backup-restore"
                    >
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {restoring ? <RestoreBackupDialog backup={restoring} onClose={() => setRestoring(null)} /> : null}
    </section>
  );
}
