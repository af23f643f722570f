// A dense table of rows in memory with what a coordinator expects of one: sorting by any column, a search box,
// filters, a column chooser remembered on this computer, and "Save as xlsx" of exactly what is shown (the columns
// shown, the rows as filtered and sorted, numbers as numbers).
import { useMemo, useState, type ReactNode } from 'react';
import type { TableCellKind } from '../../src-main/core/reports/report-types';
import { useI18n } from '../i18n/i18n';
import { ColumnChooser } from './ColumnChooser';
import { Icon } from './Icon';
import { VirtualGrid, type GridColumn, type GridSort } from './VirtualGrid';
import { nextSort, sortRows } from './table-rows';
import { useHiddenColumns } from './hidden-columns';
import { SaveTableButton, SaveTableError, useSaveTable } from './TableTools';

export interface DataColumn<T> extends GridColumn<T> {
  /** How the column goes into a saved workbook; numeric columns are whole numbers unless told otherwise. */
  exportKind?: TableCellKind;
}

export interface TableFilter<T> {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  matches(row: T, value: string): boolean;
}

export function DataTable<T>({
  tableId,
  title,
  rows,
  columns,
  rowKey,
  label,
  filters = [],
  searchLabel,
  countLabel,
  selectedKey,
  onOpen,
  rowClassName,
  actions,
}: {
  /** Names the table for its remembered columns and its test ids. */
  tableId: string;
  /** The saved workbook's sheet and file name. */
  title: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  rowKey: (row: T) => string;
  label: string;
  filters?: readonly TableFilter<T>[];
  /** What the search box looks in, as its placeholder says ("Code or name"). */
  searchLabel: string;
  /** "{shown} of {count} participants", worded by the screen. */
  countLabel: (shown: number, count: number) => string;
  selectedKey?: string | null;
  onOpen?: (row: T) => void;
  rowClassName?: (row: T) => string;
  actions?: ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<GridSort | null>(null);
  const [hidden, setHidden] = useHiddenColumns(tableId);

  const shownColumns = columns.filter((c) => c.pinned || !hidden.has(c.id));
  const needle = search.trim().toLocaleLowerCase(i18n.locale);
  const searched = columns.filter((c) => c.text && !c.numeric);

  const shownRows = useMemo(() => {
    const kept = rows.filter(
      (row) =>
        filters.every((f) => !chosen[f.id] || f.matches(row, chosen[f.id]!)) &&
        (needle === '' || searched.some((c) => c.text!(row).toLocaleLowerCase(i18n.locale).includes(needle))),
    );
    const column = sort ? columns.find((c) => c.id === sort.column) : undefined;
    return column && sort ? sortRows(kept, column, sort.direction, i18n.locale) : kept;
    // The columns and filters are made anew on each render of their screen; what they show changes with the rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, chosen, needle, sort, i18n.locale]);

  const saving = useSaveTable(title, shownColumns, shownRows);

  const onSort = (id: string) => setSort((previous) => nextSort(previous, id, null));

  const filtered = needle !== '' || Object.values(chosen).some(Boolean);

  return (
    <div className="tool-table" data-testid={`${tableId}-table`}>
      <div className="toolbar tool-table-toolbar" role="search" aria-label={t('table.tools', { table: label })}>
        <div className="search-field">
          <label htmlFor={`${tableId}-search`} className="sr-only">
            {t('table.search')}
          </label>
          <Icon name="search" size={16} className="search-icon" />
          <input
            id={`${tableId}-search`}
            className="input input--search"
            type="search"
            placeholder={searchLabel}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid={`${tableId}-search`}
          />
        </div>
        {filters.map((filter) => (
          <div className="toolbar-field" key={filter.id}>
            <label htmlFor={`${tableId}-filter-${filter.id}`} className="toolbar-label">
              {filter.label}
            </label>
            <select
              id={`${tableId}-filter-${filter.id}`}
              className="select"
              value={chosen[filter.id] ?? ''}
              onChange={(event) => setChosen((previous) => ({ ...previous, [filter.id]: event.target.value }))}
              data-testid={`${tableId}-filter-${filter.id}`}
            >
              <option value="">{t('table.filterAll')}</option>
              {filter.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <span className="tool-table-actions">
          <ColumnChooser tableId={tableId} columns={columns} hidden={hidden} onChange={setHidden} />
          <SaveTableButton tableId={tableId} state={saving} disabled={shownRows.length === 0} />
          {actions}
        </span>
      </div>
      <p className="tool-table-count" aria-live="polite" data-testid={`${tableId}-count`}>
        {countLabel(shownRows.length, rows.length)}
        <span className="sr-only">{saving.saved ? t('table.saved', { file: saving.saved.file }) : ''}</span>
      </p>
      <SaveTableError state={saving} />
      {shownRows.length === 0 && filtered ? (
        <p className="muted tool-table-empty" data-testid={`${tableId}-no-match`}>
          {t('table.noMatch')}{' '}
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => {
              setSearch('');
              setChosen({});
            }}
          >
            {t('table.clearFilters')}
          </button>
        </p>
      ) : (
        <div className="grid-frame tool-table-frame">
          <VirtualGrid
            rows={shownRows}
            columns={shownColumns}
            rowKey={rowKey}
            label={label}
            testId={`${tableId}-grid`}
            selectedKey={selectedKey}
            onOpen={onOpen}
            rowClassName={rowClassName}
            sort={sort}
            onSort={onSort}
          />
        </div>
      )}
    </div>
  );
}
