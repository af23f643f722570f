import type { PayoutView } from '../../../src-main/ipc/contract';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { PayoutMethod } from './PayoutMethod';
import { PayoutStatusBadge } from './PayoutStatusBadge';

/** The approved top-ups of a period with where each stands: approved, exported, paid, failed or voided. */
export function PayoutsGrid({
  payouts,
  currency,
  label,
}: {
  payouts: readonly PayoutView[];
  currency: CurrencyInfo;
  label: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: GridColumn<PayoutView>[] = [
    {
      id: 'reference',
      label: t('payouts.col.reference'),
      width: 170,
      render: (p) => <span className="mono">{p.reference}</span>,
    },
    { id: 'code', label: t('field.code'), width: 88, render: (p) => <span className="mono">{p.participantCode}</span> },
    {
      id: 'name',
      label: t('field.name'),
      width: 150,
      grow: true,
      render: (p) => <span className="truncate">{p.participantName}</span>,
    },
    {
      id: 'destination',
      label: t('payouts.col.destination'),
      width: 170,
      render: (p) => <PayoutMethod method={p.method} destination={p.destination} />,
    },
    {
      id: 'points',
      label: t('payouts.col.points'),
      width: 92,
      numeric: true,
      render: (p) => i18n.formatInteger(p.points),
    },
    {
      id: 'amount',
      label: t('payouts.col.amount'),
      width: 120,
      numeric: true,
      render: (p) => i18n.formatMoney(p.amountMinor, currency),
    },
    {
      id: 'status',
      label: t('payouts.col.status'),
      width: 236,
      render: (p) => (
        <span className="payout-status-cell" title={p.statusReason ?? undefined}>
          <PayoutStatusBadge status={p.status} />
          {p.batchRef ? <span className="cell-note mono">{p.batchRef}</span> : null}
        </span>
      ),
    },
  ];
  return (
    <VirtualGrid rows={payouts} columns={columns} rowKey={(p) => String(p.id)} label={label} testId="payouts-grid" />
  );
}
