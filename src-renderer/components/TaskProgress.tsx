// What a long call is doing while the operator waits (an approval of a big period takes seconds),
// and a button that stops it. The core host reports its phase and how far it is; this asks the
// relay a few times a second. Stopping ends the host's process, so SQLite rolls back whatever the
// call had begun: nothing is ever half-written.
import { useEffect, useState } from 'react';
import type { CancellableChannel, TaskProgress as Progress } from '../../src-main/ipc/contract';
import { safeCall } from '../api/use-call';
import { useI18n } from '../i18n/i18n';
import { Icon } from './Icon';

const POLL_MS = 250;

export function TaskProgress({ channel, testId = 'task-progress' }: { channel: CancellableChannel; testId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [progress, setProgress] = useState<Progress | null>(null);
  const [stopping, setStopping] = useState(false);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const answer = await safeCall('task.progress', { channel });
      if (!live) return;
      if (answer.ok && answer.value.running) setProgress(answer.value.progress);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [channel]);

  const phase = progress ? t(`task.phase.${progress.phase}`) : t('task.starting');
  const counted = progress !== null && progress.total > 0;
  // Whole percents, from whole counts: never a float shown as a figure.
  const percent = counted ? Math.floor((Math.min(progress.done, progress.total) * 100) / progress.total) : 0;
  const count = counted
    ? t('task.count', { done: i18n.formatInteger(progress.done), total: i18n.formatInteger(progress.total) })
    : '';

  const stop = async () => {
    setStopping(true);
    // The call that is stopped answers CANCELLED itself; its dialog says what became of it.
    await safeCall('task.cancel', { channel });
  };

  return (
    <div className="task-progress" role="status" aria-live="polite" data-testid={testId}>
      <div className="task-progress-figures">
        <span className="task-progress-phase" data-testid={`${testId}-phase`}>
          <span className="spinner" aria-hidden="true" />
          {phase}
        </span>
        {counted ? <span className="task-progress-count">{count}</span> : null}
      </div>
      {counted ? (
        <div
          className="meter"
          role="progressbar"
          aria-label={phase}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={count}
        >
          <div className="meter-bar" style={{ width: `${percent}%` }} />
        </div>
      ) : (
        <div className="progress" role="progressbar" aria-label={phase}>
          <div className="progress-bar" />
        </div>
      )}
      <div className="task-progress-actions">
        <p className="field-hint">{t('task.hint')}</p>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void stop()}
          disabled={stopping}
          data-testid={`${testId}-stop`}
        >
          {stopping ? <span className="spinner" aria-hidden="true" /> : <Icon name="close" size={16} />}
          {stopping ? t('task.stopping') : t('task.stop')}
        </button>
      </div>
    </div>
  );
}
