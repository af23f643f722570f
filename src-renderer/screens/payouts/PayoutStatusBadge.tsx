import type { PayoutStatus } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n';

const TONE: Record<PayoutStatus, string> = {
  approved: 'info',
  exported: 'neutral',
  paid: 'success',
  failed: 'danger',
  voided: 'neutral',
};

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge--${TONE[status]} badge--small`} data-testid="payout-status" data-status={status}>
      {t(`payoutStatus.${status}`)}
    </span>
  );
}
