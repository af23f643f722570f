// The sales lines a batch stored, as a dense table that a batch of 100,000 lines opens as quickly as one of ten: the
// core hands the lines over a page at a time as they scroll into view, sorted by any column and searched in SQL; the
// row number and the participant's code stay pinned, the columns chosen are remembered, and "Save as xlsx" writes
// every line the search keeps, in the table's order.
import { useEffect, useState } from 'react';
import type { BatchLineField, StoredSalesLine } from '../../../src-main/ipc/contract';
import { safeCall, useCall } from '../../api/use-call';
import { nextSort } from '../../components/table-rows';
import { SaveTableButton, SaveTableError, useSaveDownload } from '../../components/TableTools';
import { ColumnChooser } from '../../components/ColumnChooser';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useHiddenColumns } from '../../components/hidden-columns';
import { Icon } from '../../components/Icon';
import { usePagedRows } from '../../components/paged-rows';
import { VirtualGrid, type GridColumn, type GridSort } from '../../components/VirtualGrid';
import { useI18n } from '../../i18n/i18n';

const TABLE_ID = 'batch-lines';
const SEARCH_DELAY_MS = 250;
const DEFAULT_SORT: GridSort = { column: 'sourceRow', direction: 'asc' };

interface LineColumn extends GridColumn<StoredSalesLine> {
  id: BatchLineField;
}

export function BatchLinesTable({ batchId }: { batchId: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const program = useCall('program.get');
  const currency = program.value?.currency ?? null;
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<GridSort>(DEFAULT_SORT);
  const [hidden, setHidden] = useHiddenColumns(TABLE_ID);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const order = { sort: sort.column as BatchLineField, direction: sort.direction, search };
  const queryKey = JSON.stringify({ batchId, ...order });
  const list = usePagedRows<StoredSalesLine>(queryKey, (offset, limit) =>
    safeCall('imports.lines', { batchId, offset, limit, ...order }).then((result) =>
      result.ok ? { ok: true as const, value: { total: result.value.total, rows: result.value.lines } } : result,
    ),
  );
  const total = list.total ?? 0;

  const money = (minor: number) => (currency ? i18n.formatMoney(minor, currency) : i18n.formatInteger(minor));
  const dash = <span className="muted">—</span>;
  const documentText = (line: StoredSalesLine) => [line.documentNo, line.lineNo].filter(Boolean).join(' / ');
  const columns: LineColumn[] = [
    {
      id: 'sourceRow',
      label: t('import.report.row'),
      width: 56,
      numeric: true,
      pinned: true,
      render: (line) => i18n.formatInteger(line.sourceRow),
      text: (line) => i18n.formatInteger(line.sourceRow),
    },
    {
      id: 'participantCode',
      label: t('field.code'),
      width: 72,
      pinned: true,
      render: (line) => <code>{line.participantCode}</code>,
      text: (line) => line.participantCode,
    },
    {
      id: 'participantName',
      label: t('import.report.participant'),
      width: 140,
      grow: true,
      render: (line) => (line.participantName ? <span className="truncate">{line.participantName}</span> : dash),
      text: (line) => line.participantName ?? '',
    },
    {
      id: 'saleDate',
      label: t('field.date'),
      width: 96,
      render: (line) => i18n.formatDate(line.saleDate),
      text: (line) => i18n.formatDate(line.saleDate),
    },
    {
      id: 'sku',
      label: t('field.sku'),
      width: 72,
      render: (line) => <code>{line.sku}</code>,
      text: (line) => line.sku,
    },
    {
      id: 'productName',
      label: t('field.productName'),
      width: 120,
      render: (line) => line.productName ?? dash,
      text: (line) => line.productName ?? '',
    },
    {
      id: 'quantity',
      label: t('field.quantity'),
      width: 64,
      numeric: true,
      render: (line) => i18n.formatInteger(line.quantity),
      text: (line) => i18n.formatInteger(line.quantity),
    },
    {
      id: 'netMinor',
      label: t('field.netValue'),
      width: 96,
      numeric: true,
      render: (line) => money(line.netMinor),
      text: (line) => money(line.netMinor),
    },
    {
      id: 'documentNo',
      label: t('field.documentNo'),
      width: 96,
      render: (line) => documentText(line) || dash,
      text: (line) => documentText(line),
    },
  ];
  const shownColumns = columns.filter((c) => c.pinned || !hidden.has(c.id));

  const onSort = (id: string) => setSort((previous) => nextSort(previous, id, DEFAULT_SORT));

  const saving = useSaveDownload(() =>
    safeCall('imports.linesXlsx', {
      batchId,
      ...order,
      title: t('import.batch.linesFile', { id: batchId }),
      columns: shownColumns.map((c) => ({ field: c.id, label: c.label })),
    }),
  );

  return (
    <section className="report-section report-section--lines" aria-labelledby="batch-lines" data-testid="batch-lines">
      <h3 className="section-title" id="batch-lines">
        {t('import.batch.lines')}
        {list.total !== null ? (
          <span className="count-pill count-pill--neutral" data-testid="batch-lines-count">
            {t('import.batch.lineCount', { count: total })}
          </span>
        ) : null}
      </h3>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.retry} /> : null}
      {list.fresh && total === 0 && search === '' ? <p className="muted">{t('import.batch.noLines')}</p> : null}
      {total > 0 || search !== '' ? (
        <div className="tool-table" data-testid={`${TABLE_ID}-table`}>
          <div
            className="toolbar tool-table-toolbar"
            role="search"
            aria-label={t('table.tools', { table: t('import.batch.lines') })}
          >
            <div className="search-field">
              <label htmlFor={`${TABLE_ID}-search`} className="sr-only">
                {t('table.search')}
              </label>
              <Icon name="search" size={16} className="search-icon" />
              <input
                id={`${TABLE_ID}-search`}
                className="input input--search"
                type="search"
                placeholder={t('table.searchLines')}
                value={searchText}
                onChange={(event) => setSearchText(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                data-testid={`${TABLE_ID}-search`}
              />
            </div>
            <span className="tool-table-actions">
              <ColumnChooser tableId={TABLE_ID} columns={columns} hidden={hidden} onChange={setHidden} />
              <SaveTableButton tableId={TABLE_ID} state={saving} disabled={!list.fresh || total === 0} />
            </span>
          </div>
          {saving.saved ? (
            <p className="tool-table-count" role="status" data-testid={`${TABLE_ID}-saved`}>
              {t('import.batch.saved', { count: saving.saved.rows ?? 0, file: saving.saved.file })}
            </p>
          ) : null}
          <SaveTableError state={saving} />
          {list.fresh && total === 0 ? (
            <p className="muted tool-table-empty" role="status" data-testid={`${TABLE_ID}-no-match`}>
              {t('table.noMatch')}
            </p>
          ) : (
            <div className="grid-frame tool-table-frame" aria-busy={!list.fresh || undefined}>
              <VirtualGrid
                rows={list.received}
                columns={shownColumns}
                rowKey={(line) => String(line.id)}
                label={t('import.batch.lines')}
                testId={`${TABLE_ID}-grid`}
                sort={sort}
                onSort={onSort}
                paging={list.paging}
              />
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
