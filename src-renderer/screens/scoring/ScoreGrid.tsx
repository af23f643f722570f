import type { ScoreRow } from '../../../src-main/ipc/contract';
import { DataTable, type DataColumn, type TableFilter } from '../../components/DataTable';
import { formatBasisPoints } from '../../forms/format-figures';
import { useI18n, type CurrencyInfo } from '../../i18n/i18n';
import { HeldBadge } from './HeldBadge';

/** Every participant's score for the period, one row each; a row opens its explanation. */
export function ScoreGrid({
  rows,
  currency,
  tiers,
  period,
  selected,
  onOpen,
}: {
  rows: readonly ScoreRow[];
  currency: CurrencyInfo;
  /** The program's tiers, to show each by its name ("Silver"), not its id. */
  tiers: readonly { id: string; name?: string }[];
  period: string;
  selected: string | null;
  onOpen: (row: ScoreRow) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const int = (value: number) => i18n.formatInteger(value);
  const n = (value: number) => (value === 0 ? <span className="muted">0</span> : int(value));
  // A tier of an older rules version that the current one no longer has is shown by its id.
  const tierName = (id: string) => tiers.find((tier) => tier.id === id)?.name ?? id;
  const points = (id: string, label: string, value: (r: ScoreRow) => number): DataColumn<ScoreRow> => ({
    id,
    label,
    width: 64,
    numeric: true,
    render: (r) => n(value(r)),
    text: (r) => int(value(r)),
    sortValue: value,
  });
  const columns: DataColumn<ScoreRow>[] = [
    {
      id: 'code',
      label: t('field.code'),
      width: 80,
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
      id: 'tier',
      label: t('score.col.tier'),
      width: 72,
      render: (r) =>
        r.tier ? <span className="tier-chip">{tierName(r.tier)}</span> : <span className="muted">—</span>,
      text: (r) => (r.tier ? tierName(r.tier) : ''),
    },
    {
      id: 'volume',
      label: t('score.col.volume'),
      width: 96,
      numeric: true,
      render: (r) => i18n.formatMoney(r.volumeMinor, currency),
      text: (r) => i18n.formatMoney(r.volumeMinor, currency),
      sortValue: (r) => r.volumeMinor,
      exportKind: 'money',
    },
    points('base', t('score.col.base'), (r) => r.base),
    points('campaign', t('score.col.campaign'), (r) => r.campaign),
    points('tierBonus', t('score.col.tierBonus'), (r) => r.tierBonus),
    {
      id: 'attainment',
      label: t('score.col.attainment'),
      width: 72,
      numeric: true,
      render: (r) =>
        r.attainmentBp === null ? <span className="muted">—</span> : formatBasisPoints(r.attainmentBp, i18n.locale),
      text: (r) => (r.attainmentBp === null ? '—' : formatBasisPoints(r.attainmentBp, i18n.locale)),
      sortValue: (r) => r.attainmentBp,
      exportKind: 'basisPoints',
    },
    points('targetBonus', t('score.col.targetBonus'), (r) => r.targetBonus),
    {
      id: 'capCut',
      label: t('score.col.capCut'),
      width: 64,
      numeric: true,
      render: (r) => (r.capCut > 0 ? <span className="text-danger">−{int(r.capCut)}</span> : n(0)),
      text: (r) => (r.capCut > 0 ? `−${int(r.capCut)}` : '0'),
      sortValue: (r) => r.capCut,
    },
    { ...points('earned', t('score.col.earned'), (r) => r.earned), render: (r) => <strong>{int(r.earned)}</strong> },
    points('prize', t('score.col.prize'), (r) => r.prize),
    points('carry', t('score.col.carry'), (r) => r.carry),
    points('adjustments', t('score.col.adjustments'), (r) => r.adjustments + r.corrections),
    {
      ...points('payable', t('score.col.payable'), (r) => r.payablePoints),
      render: (r) => <strong>{int(r.payablePoints)}</strong>,
    },
    {
      id: 'payout',
      label: t('score.col.payout'),
      width: 96,
      numeric: true,
      render: (r) => i18n.formatMoney(r.payoutMinor, currency),
      text: (r) => i18n.formatMoney(r.payoutMinor, currency),
      sortValue: (r) => r.payoutMinor,
      exportKind: 'money',
    },
    {
      id: 'held',
      label: t('score.col.held'),
      width: 120,
      render: (r) => (r.held ? <HeldBadge reason={r.held} /> : null),
      text: (r) => (r.held ? t(`held.${r.held}`) : ''),
    },
  ];
  const usedTiers = [...new Set(rows.map((r) => r.tier))];
  const filters: TableFilter<ScoreRow>[] = [
    {
      id: 'tier',
      label: t('table.filter.tier'),
      options: usedTiers.map((id) => ({ value: id ?? '-', label: id ? tierName(id) : t('table.filter.noTier') })),
      matches: (r, value) => (r.tier ?? '-') === value,
    },
    {
      id: 'held',
      label: t('table.filter.payout'),
      options: [
        { value: 'held', label: t('table.filter.held') },
        { value: 'paid', label: t('table.filter.notHeld') },
      ],
      matches: (r, value) => (value === 'held') === (r.held !== null),
    },
  ];
  const label = t('scoring.table', { period: i18n.formatPeriod(period) });
  return (
    <DataTable
      tableId="score"
      title={label}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.code}
      label={label}
      filters={filters}
      searchLabel={t('table.searchCodeName')}
      countLabel={(shown, count) => t('table.participantsCount', { shown, count })}
      selectedKey={selected}
      onOpen={onOpen}
      rowClassName={(r) => (r.held ? 'is-held' : '')}
    />
  );
}
