// Payouts of a period: before approval, the proposal to check and approve within the budget;
// after it, the top-ups with their status, the payout files and their confirmations.
import { useState } from 'react';
import type { ProgramView } from '../../../src-main/ipc/contract';
import { useCall } from '../../api/use-call';
import { BusyIndicator } from '../../components/BusyIndicator';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { isLockedState, PeriodStateBadge } from '../../components/PeriodStateBadge';
import { useI18n } from '../../i18n/i18n';
import { hrefOf, useRouteParam } from '../../navigation';
import { defaultPeriod } from '../scoring/choose-period';
import { PeriodSelect } from '../scoring/PeriodSelect';
import { ApprovalProposal } from './ApprovalProposal';
import { ApprovedPayouts } from './ApprovedPayouts';

export function PayoutsScreen({ program }: { program: ProgramView }) {
  const { t } = useI18n();
  const periods = useCall('periods.list');
  const asked = useRouteParam('period');
  const [chosen, setChosen] = useState<string | null>(asked);
  const list = periods.value ?? [];
  const period = chosen && list.some((p) => p.period === chosen) ? chosen : defaultPeriod(list);
  const summary = list.find((p) => p.period === period) ?? null;
  const anySales = list.some((p) => p.salesLines > 0);
  const locked = summary ? isLockedState(summary.state) : false;

  return (
    <div className="page payouts-page">
      <PageHeader
        title={t('payouts.title')}
        lead={t('payouts.lead')}
        actions={
          summary ? (
            <>
              <PeriodSelect id="payouts-period" label={t('payouts.period')} periods={list} value={summary.period} onChange={setChosen} testId="payouts-period" />
              <PeriodStateBadge state={summary.state} />
            </>
          ) : null
        }
      />
      {periods.error ? <ErrorNotice error={periods.error} onRetry={periods.reload} /> : null}
      {!periods.answered ? <BusyIndicator label={t('common.loading')} /> : null}
      {periods.answered && !anySales && !periods.error ? (
        <div className="card">
          <EmptyState
            icon="payouts"
            title={t('scoring.noSales.title')}
            actions={
              <a className="btn btn-primary" href={hrefOf('import')}>
                <Icon name="import" size={16} />
                {t('placeholder.goImport')}
              </a>
            }
          >
            <p>{t('scoring.noSales.text')}</p>
          </EmptyState>
        </div>
      ) : null}
      {summary && anySales ? (
        locked ? (
          <ApprovedPayouts key={summary.period} summary={summary} program={program} onChanged={periods.reload} />
        ) : (
          <ApprovalProposal key={summary.period} summary={summary} program={program} onApproved={periods.reload} onOpenPeriod={setChosen} />
        )
      ) : null}
    </div>
  );
}
