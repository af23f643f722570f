import type { PayoutStatus, PayoutView } from '../../../src-main/ipc/contract';
import { DataTable, type DataColumn, type TableFilter } from '../../components/DataTable';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { PayoutMethod } from './PayoutMethod';
import { PayoutStatusBadge } from './PayoutStatusBadge';

const STATUSES: readonly PayoutStatus[] = ['approved', 'exported', 'paid', 'failed', 'voided'];

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
  const columns: DataColumn<PayoutView>[] = [
    {
      id: 'reference',
      label: t('payouts.col.reference'),
      width: 120,
      render: (p) => <span className="mono">{p.reference}</span>,
      text: (p) => p.reference,
    },
    {
      id: 'code',
      label: t('field.code'),
      width: 72,
      pinned: true,
      render: (p) => <span className="mono">{p.participantCode}</span>,
      text: (p) => p.participantCode,
    },
    {
      id: 'name',
      label: t('field.name'),
      width: 150,
      grow: true,
      pinned: true,
      render: (p) => <span className="truncate">{p.participantName}</span>,
      text: (p) => p.participantName,
    },
    {
      id: 'destination',
      label: t('payouts.col.destination'),
      width: 170,
      render: (p) => <PayoutMethod method={p.method} destination={p.destination} />,
      text: (p) => `${t(`payouts.method.${p.method}`)} ${p.destination}`,
    },
    {
      id: 'points',
      label: t('payouts.col.points'),
      width: 72,
      numeric: true,
      render: (p) => i18n.formatInteger(p.points),
      text: (p) => i18n.formatInteger(p.points),
      sortValue: (p) => p.points,
    },
    {
      id: 'amount',
      label: t('payouts.col.amount'),
      width: 96,
      numeric: true,
      render: (p) => i18n.formatMoney(p.amountMinor, currency),
      text: (p) => i18n.formatMoney(p.amountMinor, currency),
      sortValue: (p) => p.amountMinor,
      exportKind: 'money',
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
      text: (p) => `${t(`payoutStatus.${p.status}`)}${p.batchRef ? ` ${p.batchRef}` : ''}`,
      sortValue: (p) => STATUSES.indexOf(p.status),
      exportKind: 'text',
    },
  ];
  const present = STATUSES.filter((status) => payouts.some((p) => p.status === status));
  const filters: TableFilter<PayoutView>[] = [
    {
      id: 'status',
      label: t('table.filter.status'),
      options: present.map((status) => ({ value: status, label: t(`payoutStatus.${status}`) })),
      matches: (p, value) => p.status === value,
    },
  ];
  return (
    <DataTable
      tableId="payouts"
      title={label}
      rows={payouts}
      columns={columns}
      rowKey={(p) => String(p.id)}
      label={label}
      filters={filters}
      searchLabel={t('table.searchPayouts')}
      countLabel={(shown, count) => t('table.topUpsCount', { shown, count })}
    />
  );
}
