import type { ScoreRow } from '../../../src-main/ipc/contract';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import { formatBasisPoints } from '../../forms/format-figures';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { HeldBadge } from './HeldBadge';

/** Every participant's score for the period, one row each; a row opens its explanation. */
export function ScoreGrid({
  rows,
  currency,
  period,
  selected,
  onOpen,
}: {
  rows: readonly ScoreRow[];
  currency: CurrencyInfo;
  period: string;
  selected: string | null;
  onOpen: (row: ScoreRow) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const n = (value: number) => (value === 0 ? <span className="muted">0</span> : i18n.formatInteger(value));
  const columns: GridColumn<ScoreRow>[] = [
    { id: 'code', label: t('field.code'), width: 92, render: (r) => <span className="mono">{r.code}</span> },
    {
      id: 'name',
      label: t('field.name'),
      width: 170,
      grow: true,
      render: (r) => <span className="truncate">{r.name}</span>,
    },
    {
      id: 'tier',
      label: t('score.col.tier'),
      width: 84,
      render: (r) => (r.tier ? <span className="tier-chip">{r.tier}</span> : <span className="muted">—</span>),
    },
    {
      id: 'volume',
      label: t('score.col.volume'),
      width: 124,
      numeric: true,
      render: (r) => i18n.formatMoney(r.volumeMinor, currency),
    },
    { id: 'base', label: t('score.col.base'), width: 88, numeric: true, render: (r) => n(r.base) },
    { id: 'campaign', label: t('score.col.campaign'), width: 102, numeric: true, render: (r) => n(r.campaign) },
    { id: 'tierBonus', label: t('score.col.tierBonus'), width: 86, numeric: true, render: (r) => n(r.tierBonus) },
    {
      id: 'attainment',
      label: t('score.col.attainment'),
      width: 92,
      numeric: true,
      render: (r) =>
        r.attainmentBp === null ? <span className="muted">—</span> : formatBasisPoints(r.attainmentBp, i18n.locale),
    },
    { id: 'targetBonus', label: t('score.col.targetBonus'), width: 90, numeric: true, render: (r) => n(r.targetBonus) },
    {
      id: 'capCut',
      label: t('score.col.capCut'),
      width: 76,
      numeric: true,
      render: (r) => (r.capCut > 0 ? <span className="text-danger">−{i18n.formatInteger(r.capCut)}</span> : n(0)),
    },
    {
      id: 'earned',
      label: t('score.col.earned'),
      width: 84,
      numeric: true,
      render: (r) => <strong>{i18n.formatInteger(r.earned)}</strong>,
    },
    { id: 'prize', label: t('score.col.prize'), width: 72, numeric: true, render: (r) => n(r.prize) },
    { id: 'carry', label: t('score.col.carry'), width: 76, numeric: true, render: (r) => n(r.carry) },
    {
      id: 'adjustments',
      label: t('score.col.adjustments'),
      width: 108,
      numeric: true,
      render: (r) => n(r.adjustments + r.corrections),
    },
    {
      id: 'payable',
      label: t('score.col.payable'),
      width: 96,
      numeric: true,
      render: (r) => <strong>{i18n.formatInteger(r.payablePoints)}</strong>,
    },
    {
      id: 'payout',
      label: t('score.col.payout'),
      width: 112,
      numeric: true,
      render: (r) => i18n.formatMoney(r.payoutMinor, currency),
    },
    {
      id: 'held',
      label: t('score.col.held'),
      width: 132,
      render: (r) => (r.held ? <HeldBadge reason={r.held} /> : null),
    },
  ];
  return (
    <VirtualGrid
      rows={rows}
      columns={columns}
      rowKey={(r) => r.code}
      label={t('scoring.table', { period: i18n.formatPeriod(period) })}
      testId="score-grid"
      selectedKey={selected}
      onOpen={onOpen}
      rowClassName={(r) => (r.held ? 'is-held' : '')}
    />
  );
}
