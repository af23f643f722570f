// A locked period's top-ups after approval: who approved them and why, where each top-up
// stands, the files for the issuer and the bank, and the way in for their confirmation.
import type { PayoutStatus, PeriodSummary, ProgramView } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Stat } from '../../components/Stat';
import { useI18n } from '../../i18n/i18n';
import { hrefOf } from '../../navigation';
import { BatchesCard } from './BatchesCard';
import { ExportCard } from './ExportCard';
import { HeldPayoutsCard } from './HeldPayoutsCard';
import { PayoutsGrid } from './PayoutsGrid';

export function ApprovedPayouts({
  summary,
  program,
  onChanged,
}: {
  summary: PeriodSummary;
  program: ProgramView;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const period = summary.period;
  const score = useCall('score.period', { period });
  const payouts = useCall('payouts.list', { period });
  const batches = useCall('payouts.batches', { period });
  const proposal = useCall('payouts.proposal', { period });
  const approval = score.value?.approval ?? null;
  const list = payouts.value ?? [];
  const currency = program.currency;

  const refresh = () => {
    payouts.reload();
    batches.reload();
    onChanged();
  };

  const sum = (statuses: PayoutStatus[]) =>
    list.filter((p) => statuses.includes(p.status)).reduce((s, p) => s + p.amountMinor, 0);
  const count = (statuses: PayoutStatus[]) => list.filter((p) => statuses.includes(p.status)).length;

  return (
    <>
      <div className="notice notice--info period-banner" data-testid="approved-banner">
        <Icon name="lock" className="notice-icon" />
        <div className="notice-body">
          <p className="notice-title">{t('payouts.approved.title')}</p>
          <p className="notice-text">
            {approval
              ? t('payouts.approved.text', { date: i18n.formatDateTime(approval.at), actor: approval.actor })
              : t('payouts.approved.textNoDate')}
          </p>
          {approval?.reason ? (
            <p className="notice-text approval-reason" data-testid="approval-reason">
              {t('payouts.approved.reason', { reason: approval.reason })}
            </p>
          ) : null}
        </div>
      </div>

      {payouts.error ? <ErrorNotice error={payouts.error} onRetry={payouts.reload} /> : null}
      {!payouts.answered ? <BusyIndicator label={t('payouts.loading')} /> : null}

      {payouts.value ? (
        <>
          <section className="card" aria-labelledby="payout-status-title" data-testid="payout-summary">
            <h2 className="card-title" id="payout-status-title">
              {t('payouts.status.title')}
            </h2>
            <div className="stat-grid stat-grid--proposal">
              <Stat
                id="approved"
                label={t('payouts.status.approved', { count: count(['approved', 'exported', 'paid', 'failed']) })}
                value={i18n.formatMoney(sum(['approved', 'exported', 'paid', 'failed']), currency)}
              />
              <Stat
                id="waiting"
                label={t('payouts.status.waiting', { count: count(['approved', 'exported']) })}
                value={i18n.formatMoney(sum(['approved', 'exported']), currency)}
                tone={count(['approved', 'exported']) > 0 ? 'warning' : undefined}
              />
              <Stat
                id="paid"
                label={t('payouts.status.paid', { count: count(['paid']) })}
                value={i18n.formatMoney(sum(['paid']), currency)}
                tone={count(['paid']) > 0 ? 'success' : undefined}
              />
              <Stat
                id="failed"
                label={t('payouts.status.failed', { count: count(['failed']) })}
                value={i18n.formatMoney(sum(['failed']), currency)}
                tone={count(['failed']) > 0 ? 'danger' : undefined}
              />
            </div>
          </section>

          <div className="payout-actions-row">
            <ExportCard
              period={period}
              payouts={list}
              batches={batches.value ?? []}
              currency={currency}
              onExported={refresh}
            />
            <section className="card confirm-card" aria-labelledby="confirm-title" data-testid="confirm-card">
              <h2 className="card-title" id="confirm-title">
                {t('payouts.confirm.title')}
              </h2>
              <p className="card-lead">{t('payouts.confirm.text')}</p>
              <div>
                <a
                  className="btn btn-secondary"
                  href={hrefOf('import', { kind: 'confirmations' })}
                  data-testid="import-confirmation"
                >
                  <Icon name="upload" size={16} />
                  {t('payouts.confirm.action')}
                </a>
              </div>
            </section>
          </div>

          <section className="card" aria-labelledby="payouts-list-title">
            <div className="card-header">
              <h2 className="card-title" id="payouts-list-title">
                {t('payouts.list.title')}
              </h2>
              {list.length > 0 ? <span className="count-pill">{i18n.formatInteger(list.length)}</span> : null}
            </div>
            {list.length === 0 ? (
              <p className="muted">{t('payouts.list.none')}</p>
            ) : (
              <PayoutsGrid payouts={list} currency={currency} label={t('payouts.list.title')} />
            )}
          </section>
        </>
      ) : null}

      {batches.value ? <BatchesCard batches={batches.value} currency={currency} onVoided={refresh} /> : null}
      {proposal.value ? (
        <HeldPayoutsCard
          held={proposal.value.held}
          pointValueMinor={program.pointValueMinor}
          currency={currency}
          locked
          onChanged={proposal.reload}
        />
      ) : null}
    </>
  );
}
