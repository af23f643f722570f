import type { PayoutView } from '../../../src-main/ipc/contract';
import { useI18n } from '../../i18n/i18n';

/** Where a top-up goes: a card or a bank transfer, with only the last characters of the number. */
export function PayoutMethod({ method, destination }: { method: PayoutView['method']; destination: string }) {
  const { t } = useI18n();
  return (
    <span className="payout-method">
      <span className={method === 'card' ? 'method-chip' : 'method-chip method-chip--transfer'}>
        {t(`payouts.method.${method}`)}
      </span>
      <span className="mono">{destination}</span>
    </span>
  );
}
