// The period's findings as one dense table: a row per finding (kind, who with their name, how
// many lines, how much, status, what was decided), heading rows when grouped, a box per open
// finding to resolve many at once. Only the rows in view are drawn, so 4,000 findings scroll;
// columns size to their figures, sort within their groups, can be hidden, and the table saved as xlsx.
import { useMemo, useState } from 'react';
import type { CurrencyInfo } from '../../i18n/i18n';
import { useI18n } from '../../i18n/i18n';
import type { DataColumn } from '../../components/DataTable';
import { useHiddenColumns } from '../../components/hidden-columns';
import { nextSort, sortRows } from '../../components/table-rows';
import { ColumnChooser } from '../../components/ColumnChooser';
import { SaveTableButton, SaveTableError, useSaveTable } from '../../components/TableTools';
import { VirtualGrid, type GridSort } from '../../components/VirtualGrid';
import type { FindingRow } from './finding-rows';
import { findingAmount } from './finding-rows';
import { findingLabel, findingSubject } from './finding-text';

const TABLE_ID = 'findings';

/** The item rows of each group sorted by the column, each group's heading staying at its head. */
function sortedInGroups(
  rows: readonly FindingRow[],
  column: DataColumn<FindingRow> | undefined,
  sort: GridSort | null,
  locale: string,
): readonly FindingRow[] {
  if (!column || !sort) return rows;
  const out: FindingRow[] = [];
  let run: FindingRow[] = [];
  const flush = () => {
    out.push(...sortRows(run, column, sort.direction, locale));
    run = [];
  };
  for (const row of rows) {
    if (row.kind === 'group') {
      flush();
      out.push(row);
    } else run.push(row);
  }
  flush();
  return out;
}

export function FindingsTable({
  rows,
  currency,
  selectable,
  selected,
  onToggle,
  onToggleAll,
  openKey,
  onOpen,
  showStatus,
}: {
  rows: readonly FindingRow[];
  currency: CurrencyInfo;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (keys: string[], on: boolean) => void;
  onToggleAll: (on: boolean) => void;
  openKey: string | null;
  onOpen: (key: string) => void;
  /** Whether the status column is shown: not when only open findings are listed, where it would say "Open" alone. */
  showStatus: boolean;
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

  const statusText = (r: Extract<FindingRow, { kind: 'item' }>) =>
    r.item.decisions.some((d) => d.id === 0 && d.standingRuleId)
      ? t('verify.status.standing')
      : t(`finding.status.${r.item.status}`);
  const [sort, setSort] = useState<GridSort | null>(null);
  const [hidden, setHidden] = useHiddenColumns(TABLE_ID);
  const item = (r: FindingRow) => (r.kind === 'item' ? r.item : null);
  const columns: DataColumn<FindingRow>[] = [];
  if (selectable)
    columns.push({
      id: 'choose',
      label: t('verify.col.choose'),
      width: 36,
      pinned: true,
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
      id: 'subject',
      label: t('verify.col.subject'),
      width: 70,
      pinned: true,
      text: (r) => (r.kind === 'item' ? findingSubject(r.item, i18n) : ''),
      // A group's heading starts in the first column and runs across the empty cells of its row.
      render: (r) =>
        r.kind === 'group' ? (
          <strong className="finding-group" data-testid="finding-group">
            {r.code ? findingLabel(r.code, i18n) : r.group || '—'}
            <span className="muted"> · {t('verify.groupCount', { count: r.count, open: r.open })}</span>
          </strong>
        ) : (
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
      pinned: true,
      text: (r) => item(r)?.participantName ?? '',
      render: (r) =>
        r.kind === 'group' || !r.item.participantName ? null : (
          <span className="truncate" title={r.item.participantName}>
            {r.item.participantName}
          </span>
        ),
    },
    {
      id: 'kind',
      label: t('verify.col.kind'),
      width: 120,
      text: (r) => (r.kind === 'item' ? findingLabel(r.item.code, i18n) : ''),
      render: (r) =>
        r.kind === 'group' ? null : (
          <span className="truncate" title={findingLabel(r.item.code, i18n)}>
            {findingLabel(r.item.code, i18n)}
          </span>
        ),
    },
    {
      id: 'lines',
      label: t('verify.col.lines'),
      width: 64,
      numeric: true,
      text: (r) => (r.kind === 'group' || r.item.lineCount === 0 ? '' : i18n.formatInteger(r.item.lineCount)),
      sortValue: (r) => (r.kind === 'group' || r.item.lineCount === 0 ? null : r.item.lineCount),
      render: (r) => (r.kind === 'group' || r.item.lineCount === 0 ? null : i18n.formatInteger(r.item.lineCount)),
    },
    {
      id: 'amount',
      label: t('verify.col.amount'),
      width: 96,
      numeric: true,
      exportKind: 'money',
      text: (r) => {
        const amount = r.kind === 'group' ? null : findingAmount(r.item);
        return amount === null ? '' : i18n.formatMoney(amount, currency);
      },
      sortValue: (r) => (r.kind === 'group' ? null : findingAmount(r.item)),
      render: (r) => {
        if (r.kind === 'group') return null;
        const amount = findingAmount(r.item);
        return amount === null ? null : <span className="nowrap">{i18n.formatMoney(amount, currency)}</span>;
      },
    },
    {
      id: 'status',
      label: t('verify.col.status'),
      width: 96,
      text: (r) => (r.kind === 'group' ? '' : statusText(r)),
      render: (r) => {
        if (r.kind === 'group') return null;
        return (
          <span
            className={
              r.item.status === 'open' ? 'badge badge--neutral badge--small' : 'badge badge--success badge--small'
            }
            data-testid="finding-row-status"
          >
            {statusText(r)}
          </span>
        );
      },
    },
  );

  const shownColumns = columns.filter((c) => c.pinned || (!hidden.has(c.id) && (showStatus || c.id !== 'status')));
  const sortColumn = sort ? columns.find((c) => c.id === sort.column) : undefined;
  const shownRows = useMemo(
    () => sortedInGroups(rows, sortColumn, sort, i18n.locale),
    // The columns are made anew on each render; what they sort by changes with the rows and the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, sort, i18n.locale],
  );
  // The workbook has the findings, not the groups' heading rows.
  const saving = useSaveTable(
    t('verify.list'),
    shownColumns,
    shownRows.filter((r) => r.kind === 'item'),
  );
  const onSort = (id: string) => setSort((previous) => nextSort(previous, id, null));

  return (
    <div className="findings-grid">
      <div className="tool-table-actions findings-tools">
        <ColumnChooser
          tableId={TABLE_ID}
          columns={columns.filter((c) => c.id !== 'choose')}
          hidden={hidden}
          onChange={setHidden}
        />
        <SaveTableButton tableId={TABLE_ID} state={saving} disabled={shownRows.length === 0} />
        <span className="sr-only" aria-live="polite">
          {saving.saved ? t('table.saved', { file: saving.saved.file }) : ''}
        </span>
      </div>
      <SaveTableError state={saving} />
      <VirtualGrid
        rows={shownRows}
        columns={shownColumns}
        rowKey={(r) => r.id}
        label={t('verify.list')}
        testId="findings-table"
        selectedKey={openKey}
        onOpen={(r) => {
          if (r.kind === 'item') onOpen(r.id);
        }}
        rowClassName={(r) => (r.kind === 'group' ? 'is-group' : r.item.status === 'resolved' ? 'is-resolved' : '')}
        sort={sort}
        onSort={onSort}
      />
    </div>
  );
}
