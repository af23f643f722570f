import { useCall } from '../api/use-call';
import { BusyIndicator } from '../components/BusyIndicator';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { ImportBatchTable } from '../components/ImportBatchTable';
import { PageHeader } from '../components/PageHeader';
import { ProgramFacts } from '../components/ProgramFacts';
import { Stat } from '../components/Stat';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../navigation';

export function DashboardScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const dashboard = useCall('dashboard.get');
  const view = dashboard.value;

  return (
    <div className="page">
      <PageHeader title={t('dashboard.title')} lead={t('dashboard.lead')} />
      {dashboard.error ? <ErrorNotice error={dashboard.error} onRetry={dashboard.reload} /> : null}
      {!view && !dashboard.error ? <BusyIndicator label={t('common.loading')} /> : null}
      {view?.program ? (
        <div className="dashboard-grid">
          <section className="card dashboard-participants" aria-labelledby="dash-participants">
            <div className="card-header">
              <h2 className="card-title" id="dash-participants">
                {t('dashboard.participants')}
              </h2>
              <a className="link-quiet" href={hrefOf('participants')}>
                {t('placeholder.goParticipants')}
                <Icon name="arrowRight" size={15} />
              </a>
            </div>
            <div className="stat-grid stat-grid--three">
              <Stat id="total" label={t('dashboard.total')} value={i18n.formatInteger(view.participants.total)} />
              <Stat id="active" label={t('dashboard.active')} value={i18n.formatInteger(view.participants.active)} />
              <Stat
                id="without-destination"
                label={t('dashboard.withoutDestination')}
                value={i18n.formatInteger(view.participants.withoutPayoutDestination)}
                tone={view.participants.withoutPayoutDestination > 0 ? 'warning' : undefined}
              />
            </div>
            {view.participants.withoutPayoutDestination > 0 ? (
              <p className="card-note">{t('dashboard.withoutDestination.hint')}</p>
            ) : null}
            {view.participants.total === 0 ? (
              <div className="callout">
                <Icon name="import" size={20} className="callout-icon" />
                <div className="callout-body">
                  <p className="callout-title">{t('dashboard.start.title')}</p>
                  <p className="callout-text">{t('dashboard.start.text')}</p>
                </div>
                <a className="btn btn-primary" href={hrefOf('import')}>
                  {t('dashboard.start.action')}
                </a>
              </div>
            ) : null}
          </section>

          <section className="card dashboard-program" aria-labelledby="dash-program">
            <div className="card-header">
              <h2 className="card-title" id="dash-program">
                {view.program.name}
              </h2>
              <span className="badge badge--neutral">{t('dashboard.program')}</span>
            </div>
            <ProgramFacts program={view.program} />
          </section>

          <section className="card dashboard-imports" aria-labelledby="dash-imports">
            <div className="card-header">
              <h2 className="card-title" id="dash-imports">
                {t('dashboard.lastImports')}
              </h2>
              <a className="link-quiet" href={hrefOf('import')}>
                {t('dashboard.allImports')}
                <Icon name="arrowRight" size={15} />
              </a>
            </div>
            {view.lastImports.length > 0 ? (
              <ImportBatchTable batches={view.lastImports} label={t('dashboard.lastImports')} compact />
            ) : (
              <p className="muted">{t('dashboard.noImports')}</p>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}
