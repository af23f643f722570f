import { useState } from 'react';
import type { BackupView, StartCheck, StartProblem } from '../../../src-main/ipc/contract';
import { describeError } from '../../api/describe-error';
import { safeCall } from '../../api/use-call';
import { Icon } from '../../components/Icon';
import { useI18n, type Translator } from '../../i18n/i18n';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { takeRememberedRestore } from './restore-message';

function problemSentence(problem: StartProblem, t: Translator['t']): string {
  switch (problem.code) {
    case 'INTEGRITY':
      return t('startCheck.problem.INTEGRITY');
    case 'GUARD_MISSING':
      return t('startCheck.problem.GUARD_MISSING', { name: problem.name ?? '', table: problem.table ?? '' });
    case 'CHAIN_BROKEN':
      return t('startCheck.problem.CHAIN_BROKEN', { entry: problem.entryId ?? 0 });
  }
}

/**
 * The first screen's word on the data file: what the check at the start found wrong (or why the file was not opened
 * at all), with the latest good backup offered; and, once after a restore, what was restored.
 */
export function StartCheckNotice({ check, dataFile }: { check: StartCheck | null; dataFile?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [restored] = useState(() => takeRememberedRestore());
  const [restoring, setRestoring] = useState<BackupView | null>(null);
  const [reopening, setReopening] = useState(false);
  // Held by another program (another window, a command, an SQLite tool): nothing is wrong with the file, so no backup
  // is offered; once the other lets go, the file opens as at the start.
  const held = check?.refusal?.code === 'DATABASE_BUSY';
  const reopen = async () => {
    setReopening(true);
    await safeCall('app.reopen');
    // Loaded again from the start, on the file opened or refused anew: the first screen says which.
    window.location.reload();
  };

  return (
    <>
      {restored ? (
        <div className="notice notice--success" role="status" data-testid="restored-notice">
          <Icon name="checkCircle" className="notice-icon" />
          <div className="notice-body">
            <p className="notice-text">
              {t('backups.restored', {
                time: i18n.formatDateTime(restored.restored.takenAt),
                reason: t(`backups.reason.${restored.restored.reason}`),
                keptAside: restored.keptAside,
              })}
            </p>
            {restored.lostExports?.length ? (
              <p className="notice-text" data-testid="restored-lost-exports">
                {t('backups.restored.lost', {
                  count: restored.lostExports.length,
                  batches: restored.lostExports.map((b) => b.batchRef).join(', '),
                  reason: restored.lostExportsReason ?? '',
                })}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      {check && !check.ok ? (
        <div
          className={check.refusal ? 'notice notice--error' : 'notice notice--warning'}
          role="alert"
          data-testid="start-check"
          data-code={check.refusal?.code ?? check.problems[0]?.code}
        >
          <Icon name="alert" className="notice-icon" />
          <div className="notice-body">
            <p className="notice-title">{check.refusal ? t('startCheck.refused') : t('startCheck.title')}</p>
            {check.refusal ? (
              <p className="notice-text" data-testid="start-check-sentence">
                {describeError(check.refusal, i18n)}
              </p>
            ) : null}
            {check.problems.map((problem, i) => (
              <p className="notice-text" key={i} data-testid="start-check-sentence">
                {problemSentence(problem, t)}
              </p>
            ))}
            {dataFile ? <p className="notice-text muted">{t('startCheck.file', { file: dataFile })}</p> : null}
            {held ? (
              <>
                <p className="notice-text">{t('startCheck.heldAdvice')}</p>
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  onClick={() => void reopen()}
                  disabled={reopening}
                  data-testid="start-check-retry"
                >
                  {t('startCheck.tryAgain')}
                </button>
              </>
            ) : (
              <p className="notice-text">{t('startCheck.advice')}</p>
            )}
            {held ? null : check.latestGoodBackup ? (
              <>
                <p className="notice-text" data-testid="start-check-backup">
                  {t('startCheck.latest', {
                    time: i18n.formatDateTime(check.latestGoodBackup.takenAt),
                    reason: t(`backups.reason.${check.latestGoodBackup.reason}`),
                    size: i18n.formatFileSize(check.latestGoodBackup.sizeBytes),
                  })}
                </p>
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  onClick={() => setRestoring(check.latestGoodBackup)}
                  data-testid="start-check-restore"
                >
                  {t('startCheck.restore')}
                </button>
              </>
            ) : (
              <p className="notice-text">{t('startCheck.noBackup')}</p>
            )}
          </div>
        </div>
      ) : null}
      {restoring ? <RestoreBackupDialog backup={restoring} onClose={() => setRestoring(null)} /> : null}
    </>
  );
}
