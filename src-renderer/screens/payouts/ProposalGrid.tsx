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
      pinned: true,
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
    {
      id: 'code',
      label: t('field.code'),
      width: 72,
      pinned: true,
      render: (r) => <span className="mono">{r.code}</span>,
      text: (r) => r.code,
    },
    {
      id: 'name',
      label: t('field.name'),
      width: 150,
      grow: true,
      pinned: true,
      render: (r) => <span className="truncate">{r.name}</span>,
      text: (r) => r.name,
    },
    {
      id: 'destination',
      label: t('payouts.col.destination'),
      width: 170,
      render: (r) => <PayoutMethod method={r.method} destination={r.destination} />,
      text: (r) => `${t(`payouts.method.${r.method}`)} ${r.destination}`,
    },
    {
      id: 'payable',
      label: t('payouts.col.payable'),
      width: 72,
      numeric: true,
      render: (r) => n(r.payablePoints),
      text: (r) => i18n.formatInteger(r.payablePoints),
    },
    {
      id: 'points',
      label: t('payouts.col.points'),
      width: 72,
      numeric: true,
      render: (r) => <strong>{n(r.points)}</strong>,
      text: (r) => i18n.formatInteger(r.points),
    },
    {
      id: 'amount',
      label: t('payouts.col.amount'),
      width: 96,
      numeric: true,
      render: (r) => i18n.formatMoney(r.amountMinor, proposal.currency),
      text: (r) => i18n.formatMoney(r.amountMinor, proposal.currency),
    },
    {
      id: 'unpaid',
      label: t('payouts.col.unpaid'),
      width: 72,
      numeric: true,
      text: (r) => i18n.formatInteger(r.unpaidPoints),
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
