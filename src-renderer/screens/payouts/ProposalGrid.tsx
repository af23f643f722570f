import type { PayoutProposal, PayoutProposalRow } from '../../../src-main/ipc/contract';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import { useI18n } from '../../i18n/i18n';
import { PayoutMethod } from './PayoutMethod';

interface Props {
  proposal: PayoutProposal;
  isSelected(code: string): boolean;
  onToggle(code: string): void;
  onToggleAll(select: boolean): void;
}

/** The top-ups an approval would make, one row a participant, each with a box to leave it out. */
export function ProposalGrid({ proposal, isSelected, onToggle, onToggleAll }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => (value === 0 ? <span className="muted">0</span> : i18n.formatInteger(value));
  const all = proposal.rows.every((r) => isSelected(r.code));
  const none = proposal.rows.every((r) => !isSelected(r.code));
  const columns: GridColumn<PayoutProposalRow>[] = [
    {
      id: 'select',
      label: t('payouts.col.select'),
      width: 64,
      header: (
        <input
          type="checkbox"
          className="grid-check"
          checked={all}
          ref={(box) => {
            if (box) box.indeterminate = !all && !none;
          }}
          onChange={() => onToggleAll(!all)}
          aria-label={t('payouts.selectAll')}
          data-testid="proposal-select-all"
        />
      ),
      render: (r) => (
        <input
          type="checkbox"
          className="grid-check"
          checked={isSelected(r.code)}
          onChange={() => onToggle(r.code)}
          onClick={(event) => event.stopPropagation()}
          // The row takes Space and arrows for moving; on the box they are the box's own.
          onKeyDown={(event) => event.stopPropagation()}
          aria-label={t('payouts.select', { name: r.name, code: r.code })}
          data-testid="proposal-select"
        />
      ),
    },
    { id: 'code', label: t('field.code'), width: 92, render: (r) => <span className="mono">{r.code}</span> },
    {
      id: 'name',
      label: t('field.name'),
      width: 180,
      grow: true,
      render: (r) => <span className="truncate">{r.name}</span>,
    },
    {
      id: 'destination',
      label: t('payouts.col.destination'),
      width: 170,
      render: (r) => <PayoutMethod method={r.method} destination={r.destination} />,
    },
    { id: 'payable', label: t('payouts.col.payable'), width: 100, numeric: true, render: (r) => n(r.payablePoints) },
    {
      id: 'points',
      label: t('payouts.col.points'),
      width: 116,
      numeric: true,
      render: (r) => <strong>{n(r.points)}</strong>,
    },
    {
      id: 'amount',
      label: t('payouts.col.amount'),
      width: 124,
      numeric: true,
      render: (r) => i18n.formatMoney(r.amountMinor, proposal.currency),
    },
    {
      id: 'unpaid',
      label: t('payouts.col.unpaid'),
      width: 118,
      numeric: true,
      render: (r) =>
        r.unpaidPoints > 0 ? <span className="text-warning">{i18n.formatInteger(r.unpaidPoints)}</span> : n(0),
    },
  ];
  return (
    <VirtualGrid
      rows={proposal.rows}
      columns={columns}
      rowKey={(r) => r.code}
      label={t('payouts.proposal.table', { period: i18n.formatPeriod(proposal.period) })}
      testId="proposal-grid"
      rowClassName={(r) => (isSelected(r.code) ? '' : 'is-unselected')}
    />
  );
}
