import { useCall } from '../api/use-call';
import { BusyIndicator } from '../components/BusyIndicator';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { ProgramFacts } from '../components/ProgramFacts';
import { Stat } from '../components/Stat';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../navigation';
import { useDataChanged } from '../api/data-changed';
import { EmptyState } from '../components/EmptyState';
import { PipelineCard } from './dashboard/PipelineCard';
import { AttainmentChart, BudgetUseChart, MoversChart, TierChart } from './dashboard/DashboardCharts';

export function DashboardScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const dashboard = useCall('dashboard.get');
  const overview = useCall('dashboard.overview');
  const view = dashboard.value;
  const month = overview.value;
  useDataChanged(dashboard.reload);
  useDataChanged(overview.reload);

  return (
    <div className="page">
      <PageHeader title={t('dashboard.title')} lead={t('dashboard.lead')} />
      {dashboard.error ? <ErrorNotice error={dashboard.error} onRetry={dashboard.reload} /> : null}
      {overview.error ? <ErrorNotice error={overview.error} onRetry={overview.reload} /> : null}
      {(!view && !dashboard.error) || (!overview.answered && !overview.error) ? (
        <BusyIndicator label={t('common.loading')} />
      ) : null}
      {month && month.periods.length === 0 && (view?.participants.total ?? 0) > 0 ? (
        <div className="card" data-testid="dashboard-no-periods">
          <EmptyState
            icon="import"
            title={t('dashboard.empty.title')}
            actions={
              <a className="btn btn-primary" href={hrefOf('import', { kind: 'sales' })}>
                {t('dashboard.empty.action')}
                <Icon name="arrowRight" size={16} />
              </a>
            }
          >
            <p>{t('dashboard.empty.text')}</p>
          </EmptyState>
        </div>
      ) : null}
      {month && month.periods.length > 0 ? (
        <section className="dashboard-section" aria-labelledby="dash-pipeline">
          <h2 className="section-heading" id="dash-pipeline">
            {t('dashboard.pipeline.title')}
          </h2>
          <div className="pipeline-grid" data-testid="dashboard-pipeline">
            {month.periods.map((p) => (
              <PipelineCard key={p.period} period={p} currency={month.currency} />
            ))}
          </div>
        </section>
      ) : null}
      {month && month.periods.length > 0 ? (
        <section className="dashboard-section" aria-labelledby="dash-charts">
          <h2 className="section-heading" id="dash-charts">
            {t('dashboard.charts.title')}
          </h2>
          <div className="chart-grid" data-testid="dashboard-charts">
            <BudgetUseChart overview={month} />
            {month.basis ? (
              <>
                <TierChart overview={month} />
                <AttainmentChart overview={month} />
              </>
            ) : null}
            {month.movers ? <MoversChart overview={month} /> : null}
          </div>
          {!month.basis?.approved ? (
            <div className="callout" data-testid="dashboard-nothing-approved">
              <Icon name="info" size={20} className="callout-icon" />
              <div className="callout-body">
                <p className="callout-title">{t('dashboard.notApproved.title')}</p>
                <p className="callout-text">{t('dashboard.notApproved.text')}</p>
              </div>
              <a className="btn btn-secondary" href={hrefOf('scoring')}>
                {t('dashboard.notApproved.action')}
              </a>
            </div>
          ) : null}
        </section>
      ) : null}
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
        </div>
      ) : null}
    </div>
  );
}
