import { useState } from 'react';
import type { AppErrorData } from '../../src-main/ipc/contract';
import { safeCall, useCall } from '../api/use-call';
import { BusyIndicator } from '../components/BusyIndicator';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../navigation';

export function WelcomeScreen({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const info = useCall('app.info');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);

  const tryDemo = async () => {
    setBusy(true);
    setError(null);
    const result = await safeCall('demo.create');
    setBusy(false);
    if (result.ok) onCreated();
    else setError(result.error);
  };

  return (
    <div className="welcome">
      <div className="welcome-hero">
        <h1 className="welcome-title" id="page-title" tabIndex={-1}>
          {t('welcome.title')}
        </h1>
        <p className="welcome-lead">{t('welcome.lead')}</p>
      </div>

      <div className="welcome-choices">
        <section className="choice-card" aria-labelledby="choice-demo">
          <span className="choice-icon choice-icon--demo" aria-hidden="true">
            <Icon name="sparkles" size={22} />
          </span>
          <h2 id="choice-demo" className="choice-title">
            {t('welcome.demo.title')}
          </h2>
          <p className="choice-text">{t('welcome.demo.text')}</p>
          <div className="choice-action">
            {busy ? (
              <BusyIndicator label={t('welcome.demo.busy')} testId="demo-busy" />
            ) : (
              <button type="button" className="btn btn-secondary" onClick={() => void tryDemo()} data-testid="try-demo">
                {t('welcome.demo.action')}
              </button>
            )}
          </div>
        </section>

        <section className="choice-card" aria-labelledby="choice-create">
          <span className="choice-icon" aria-hidden="true">
            <Icon name="plus" size={22} />
          </span>
          <h2 id="choice-create" className="choice-title">
            {t('welcome.create.title')}
          </h2>
          <p className="choice-text">{t('welcome.create.text')}</p>
          <div className="choice-action">
            <a
              className={busy ? 'btn btn-primary is-disabled' : 'btn btn-primary'}
              href={hrefOf('create')}
              aria-disabled={busy || undefined}
              data-testid="create-program"
            >
              {t('welcome.create.action')}
              <Icon name="arrowRight" size={16} />
            </a>
          </div>
        </section>
      </div>

      {error ? (
        <div className="welcome-error">
          <ErrorNotice error={error} />
        </div>
      ) : null}

      {info.value ? (
        <p className="welcome-footnote">
          <Icon name="database" size={15} />
          <span>{t('welcome.dataFile', { file: info.value.dataFile })}</span>
        </p>
      ) : null}
    </div>
  );
}
