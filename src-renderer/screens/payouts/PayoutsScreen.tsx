// Payouts of a period: before approval, the proposal to check and approve within the budget;
// after it, the top-ups with their status, the payout files and their confirmations.
import type { ProgramView } from '../../../src-main/ipc/contract';
import { isLockedState } from '../../components/PeriodStateBadge';
import { useI18n } from '../../i18n/i18n';
import { PeriodScreen } from '../period/PeriodScreen';
import { ApprovalProposal } from './ApprovalProposal';
import { ApprovedPayouts } from './ApprovedPayouts';

export function PayoutsScreen({ program }: { program: ProgramView }) {
  const { t } = useI18n();
  return (
    <PeriodScreen
      className="payouts-page"
      title={t('payouts.title')}
      lead={t('payouts.lead')}
      periodLabel={t('payouts.period')}
      selectId="payouts-period"
      emptyIcon="payouts"
      followRoute
    >
      {({ summary, reload, choose }) =>
        isLockedState(summary.state) ? (
          <ApprovedPayouts key={summary.period} summary={summary} program={program} onChanged={reload} />
        ) : (
          <ApprovalProposal
            key={summary.period}
            summary={summary}
            program={program}
            onApproved={reload}
            onOpenPeriod={choose}
          />
        )
      }
    </PeriodScreen>
  );
}
