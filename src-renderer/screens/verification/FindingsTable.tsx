// The period's findings as one dense table: a row per finding (kind, who with their name, how
// many lines, how much, status, what was decided), heading rows when grouped, a box per open
// finding to resolve many at once. Only the rows in view are drawn, so 4,000 findings scroll.
import type { CurrencyInfo } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';
import { VirtualGrid, type GridColumn } from '../../components/VirtualGrid';
import type { FindingRow } from './finding-rows';
import { findingAmount } from './finding-rows';
import { findingLabel, findingSubject } from './finding-text';

export function FindingsTable({
  rows,
  currency,
  selectable,
  selected,
  onToggle,
  onToggleAll,
  openKey,
  onOpen,
}: {
  rows: readonly FindingRow[];
  currency: CurrencyInfo;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (keys: string[], on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  openKey: string | null;
  onOpen: (key: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const openRows = rows.filter((r) => r.kind === 'item' && r.item.status === 'open');
  const allChosen = openRows.length > 0 && openRows.every((r) => selected.has(r.id));
  const membersOf = (groupId: string) => {
    const at = rows.findIndex((r) => r.id === groupId);
    const keys: string[] = [];
    for (let i = at + 1; i < rows.length && rows[i]!.kind === 'item'; i++)
      if ((rows[i] as Extract<FindingRow, { kind: 'item' }>).item.status === 'open') keys.push(rows[i]!.id);
    return keys;
  };
  const stop = {
    onClick: (event: { stopPropagation(): void }) => event.stopPropagation(),
    // The row takes Space and arrows for moving; on the box they are the box's own.
    onKeyDown: (event: { stopPropagation(): void }) => event.stopPropagation(),
  };

  const columns: GridColumn<FindingRow>[] = [];
  if (selectable)
    columns.push({
      id: 'choose',
      label: t('verify.col.choose'),
      width: 36,
      header: (
        <input
          type="checkbox"
          className="grid-check"
          checked={allChosen}
          disabled={openRows.length === 0}
          onChange={(event) => onToggleAll(event.target.checked)}
          aria-label={t('verify.chooseAll', { count: openRows.length })}
          data-testid="findings-choose-all"
        />
      ),
      render: (r) => {
        if (r.kind === 'group') {
          const keys = membersOf(r.id);
          return keys.length === 0 ? null : (
            <input
              type="checkbox"
              className="grid-check"
              checked={keys.every((k) => selected.has(k))}
              onChange={(event) => onToggle(keys, event.target.checked)}
              aria-label={t('verify.chooseGroup', { group: r.group, count: keys.length })}
              data-testid="findings-choose-group"
              {...stop}
            />
          );
        }
        return r.item.status !== 'open' ? null : (
          <input
            type="checkbox"
            className="grid-check"
            checked={selected.has(r.id)}
            onChange={(event) => onToggle([r.id], event.target.checked)}
            aria-label={t('verify.chooseOne', { finding: `${findingLabel(r.item.code, i18n)} ${r.id}` })}
            data-testid="finding-choose"
            {...stop}
          />
        );
      },
    });
  columns.push(
    {
      id: 'kind',
      label: t('verify.col.kind'),
      width: 182,
      render: (r) =>
        r.kind === 'group' ? (
          <strong className="finding-group" data-testid="finding-group">
            {r.code ? findingLabel(r.code, i18n) : r.group || '—'}
            <span className="muted"> · {t('verify.groupCount', { count: r.count, open: r.open })}</span>
          </strong>
        ) : (
          <span className="truncate" title={findingLabel(r.item.code, i18n)}>
            {findingLabel(r.item.code, i18n)}
          </span>
        ),
    },
    {
      id: 'subject',
      label: t('verify.col.subject'),
      width: 70,
      render: (r) =>
        r.kind === 'group' ? null : (
          <span className="mono truncate" title={findingSubject(r.item, i18n)}>
            {findingSubject(r.item, i18n)}
          </span>
        ),
    },
    {
      id: 'name',
      label: t('verify.col.name'),
      width: 128,
      grow: true,
      render: (r) =>
        r.kind === 'group' || !r.item.participantName ? null : (
          <span className="truncate" title={r.item.participantName}>
            {r.item.participantName}
          </span>
        ),
    },
    {
      id: 'lines',
      label: t('verify.col.lines'),
      width: 80,
      numeric: true,
      render: (r) => (r.kind === 'group' || r.item.lineCount === 0 ? null : i18n.formatInteger(r.item.lineCount)),
    },
    {
      id: 'amount',
      label: t('verify.col.amount'),
      width: 118,
      numeric: true,
      render: (r) => {
        if (r.kind === 'group') return null;
        const amount = findingAmount(r.item);
        return amount === null ? null : <span className="nowrap">{i18n.formatMoney(amount, currency)}</span>;
      },
    },
    {
      id: 'status',
      label: t('verify.col.status'),
      width: 120,
      render: (r) => {
        if (r.kind === 'group') return null;
        const standing = r.item.decisions.some((d) => d.id === 0 && d.standingRuleId);
        return (
          <span
            className={
              r.item.status === 'open' ? 'badge badge--neutral badge--small' : 'badge badge--success badge--small'
            }
            data-testid="finding-row-status"
          >
            {standing ? t('verify.status.standing') : t(`finding.status.${r.item.status}`)}
          </span>
        );
      },
    },
  );

  return (
    <div className="findings-grid">
      <VirtualGrid
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        label={t('verify.list')}
        testId="findings-table"
        selectedKey={openKey}
        onOpen={(r) => {
          if (r.kind === 'item') onOpen(r.id);
        }}
        rowClassName={(r) => (r.kind === 'group' ? 'is-group' : r.item.status === 'resolved' ? 'is-resolved' : '')}
      />
    </div>
  );
}
