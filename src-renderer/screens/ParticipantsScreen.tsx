// The participants as one long table that stays smooth at 100,000 rows: only the rows in view are in the DOM, and rows
// come from the core a page at a time as they scroll into view, sorted and filtered in SQL (by any column, by status,
// region, card or IBAN and join month). The table has the tools of the other dense tables: the page scrolls once with
// the header stuck to its top, the code and name pinned, a column chooser remembered on this computer, and "Save as
// xlsx" of every participant the filters keep, written by the core (the window holds only the pages it has seen).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorData, ParticipantField, ParticipantRow, ParticipantsFilter } from '../../src-main/ipc/contract';
import { describeError } from '../api/describe-error';
import { saveDownload, XLSX_TYPE } from '../api/save-download';
import { safeCall, useCall } from '../api/use-call';
import { ColumnChooser } from '../components/ColumnChooser';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { useHiddenColumns } from '../components/hidden-columns';
import { Icon } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { VirtualGrid, type GridColumn, type GridPaging, type GridSort } from '../components/VirtualGrid';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../navigation';
import { ParticipantDetailPanel } from './ParticipantDetailPanel';

const PAGE_SIZE = 100;
const SEARCH_DELAY_MS = 250;
const TABLE_ID = 'participants';
const DEFAULT_SORT: GridSort = { column: 'code', direction: 'asc' };

type StatusFilter = 'all' | 'active' | 'inactive';
type DestinationFilter = 'any' | 'card' | 'iban' | 'none';
/** The region filter's value: '' for all, NO_REGION, or a region prefixed so that no region's name can clash. */
const NO_REGION = 'none';
const REGION_PREFIX = 'region:';

interface ParticipantColumn extends GridColumn<ParticipantRow> {
  id: ParticipantField;
}

/** The pages received for one query; a new query starts a new set. */
interface Loaded {
  queryKey: string;
  total: number | null;
  pages: ReadonlyMap<number, ParticipantRow[]>;
  error: AppErrorData | null;
}

const NOTHING_LOADED: Loaded = { queryKey: '', total: null, pages: new Map(), error: null };

export function ParticipantsScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [region, setRegion] = useState('');
  const [destination, setDestination] = useState<DestinationFilter>('any');
  const [joined, setJoined] = useState('');
  const [sort, setSort] = useState<GridSort>(DEFAULT_SORT);
  const [hidden, setHidden] = useHiddenColumns(TABLE_ID);
  const [selected, setSelected] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>(NOTHING_LOADED);
  const [range, setRange] = useState({ first: 0, last: 0 });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ file: string; rows: number } | null>(null);
  const [saveError, setSaveError] = useState<AppErrorData | null>(null);
  const facets = useCall('participants.facets');

  const inflight = useRef(new Set<string>());
  const latestQuery = useRef('');

  const filter: ParticipantsFilter = {
    sort: sort.column as ParticipantField,
    direction: sort.direction,
    search,
    status,
    destination,
    ...(region === '' ? {} : { region: region === NO_REGION ? null : region.slice(REGION_PREFIX.length) }),
    ...(joined === '' ? {} : { joined }),
  };
  const queryKey = JSON.stringify(filter);
  const fresh = loaded.queryKey === queryKey;
  // Until the new query answers, the previous count stays rather than flashing empty.
  const total = loaded.total ?? 0;
  const firstPage = Math.floor(range.first / PAGE_SIZE);
  const lastPage = Math.floor(range.last / PAGE_SIZE);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  // Fetch the pages in view that are not here yet (only the first one for a new query, which also tells the total).
  useEffect(() => {
    latestQuery.current = queryKey;
    if (fresh && loaded.error) return;
    const wanted: number[] = [];
    if (!fresh) wanted.push(0);
    else for (let page = firstPage; page <= lastPage; page++) if (!loaded.pages.has(page)) wanted.push(page);
    const current = JSON.parse(queryKey) as ParticipantsFilter;
    for (const page of wanted) {
      const id = `${queryKey}#${page}`;
      if (inflight.current.has(id)) continue;
      inflight.current.add(id);
      void safeCall('participants.list', { ...current, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
        inflight.current.delete(id);
        if (latestQuery.current !== queryKey) return;
        setLoaded((previous) => {
          const base =
            previous.queryKey === queryKey
              ? previous
              : { queryKey, total: null, pages: new Map<number, ParticipantRow[]>(), error: null };
          if (!result.ok) return { ...base, error: result.error };
          const pages = new Map(base.pages);
          pages.set(page, result.value.rows);
          return { queryKey, total: result.value.total, pages, error: null };
        });
      });
    }
  }, [queryKey, fresh, loaded.pages, loaded.error, firstPage, lastPage]);

  // The rows received so far size the columns; the rows still on their way show as placeholders.
  const received = useMemo(() => (fresh ? [...loaded.pages.values()].flat() : []), [fresh, loaded.pages]);
  const onRange = useCallback(
    (first: number, last: number) =>
      setRange((previous) => (previous.first === first && previous.last === last ? previous : { first, last })),
    [],
  );
  const paging: GridPaging<ParticipantRow> = {
    count: total,
    rowAt: (index) => (fresh ? loaded.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] : undefined),
    onRange,
    resetKey: queryKey,
  };

  const dash = <span className="muted">—</span>;
  const columns: ParticipantColumn[] = [
    {
      id: 'code',
      label: t('field.code'),
      width: 88,
      pinned: true,
      render: (r) => <span className="mono">{r.code}</span>,
      text: (r) => r.code,
    },
    {
      id: 'name',
      label: t('field.name'),
      width: 160,
      grow: true,
      pinned: true,
      render: (r) => <span className="truncate">{r.name}</span>,
      text: (r) => r.name,
    },
    {
      id: 'region',
      label: t('field.region'),
      width: 96,
      render: (r) => r.region || dash,
      text: (r) => r.region ?? '',
    },
    {
      id: 'joinDate',
      label: t('field.joinDate'),
      width: 104,
      render: (r) => (r.joinDate ? i18n.formatDate(r.joinDate) : dash),
      text: (r) => (r.joinDate ? i18n.formatDate(r.joinDate) : ''),
    },
    {
      id: 'status',
      label: t('field.status'),
      width: 104,
      render: (r) => <StatusBadge status={r.status} />,
      // The badge's text, with room for its padding.
      text: (r) => `${t(r.status === 'active' ? 'status.active' : 'status.inactive')}\u2003\u2003`,
    },
    {
      id: 'cardRef',
      label: t('field.cardRef'),
      width: 96,
      render: (r) => (r.cardRef ? <span className="mono">{r.cardRef}</span> : dash),
      text: (r) => r.cardRef ?? '',
    },
    {
      id: 'iban',
      label: t('field.iban'),
      width: 96,
      render: (r) => (r.iban ? <span className="mono">{r.iban}</span> : dash),
      text: (r) => r.iban ?? '',
    },
    {
      id: 'email',
      label: t('field.email'),
      width: 120,
      render: (r) => r.email || dash,
      text: (r) => r.email ?? '',
    },
    {
      id: 'phone',
      label: t('field.phone'),
      width: 96,
      render: (r) => r.phone || dash,
      text: (r) => r.phone ?? '',
    },
  ];
  const shownColumns = columns.filter((c) => c.pinned || !hidden.has(c.id));

  // A column again sorts the other way; a third time goes back to the order by code.
  const onSort = (id: string) =>
    setSort((previous) =>
      previous.column !== id
        ? { column: id, direction: 'asc' }
        : previous.direction === 'asc'
          ? { column: id, direction: 'desc' }
          : DEFAULT_SORT,
    );

  const saveXlsx = async () => {
    setSaving(true);
    setSaved(null);
    setSaveError(null);
    const result = await safeCall('participants.xlsx', {
      filter,
      title: t('participants.table'),
      columns: shownColumns.map((c) => ({ field: c.id, label: c.label })),
      statusWords: { active: t('status.active'), inactive: t('status.inactive') },
    });
    setSaving(false);
    if (!result.ok) {
      setSaveError(result.error);
      return;
    }
    saveDownload(result.value.fileName, result.value.bytes, XLSX_TYPE);
    setSaved({ file: result.value.fileName, rows: result.value.rows });
  };

  const filtered = search !== '' || status !== 'all' || region !== '' || destination !== 'any' || joined !== '';
  const clearFilters = () => {
    setSearchText('');
    setSearch('');
    setStatus('all');
    setRegion('');
    setDestination('any');
    setJoined('');
  };
  const showEmpty = fresh && loaded.total === 0 && !filtered && !loaded.error;

  const select = (
    id: string,
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: readonly { value: string; label: string }[],
  ) => (
    <div className="toolbar-field">
      <label htmlFor={`${TABLE_ID}-filter-${id}`} className="toolbar-label">
        {label}
      </label>
      <select
        id={`${TABLE_ID}-filter-${id}`}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={`${TABLE_ID}-filter-${id}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page participants-page">
      <PageHeader
        title={t('participants.title')}
        actions={
          loaded.total !== null ? (
            <p className="row-count" data-testid="participants-count" aria-live="polite">
              {t('participants.count', { count: loaded.total })}
            </p>
          ) : null
        }
      />

      {showEmpty ? (
        <EmptyState
          icon="participants"
          title={t('participants.empty.title')}
          actions={
            <a className="btn btn-primary" href={hrefOf('import')}>
              <Icon name="import" size={16} />
              {t('placeholder.goImport')}
            </a>
          }
        >
          <p>{t('participants.empty.text')}</p>
        </EmptyState>
      ) : (
        <div className="tool-table" data-testid={`${TABLE_ID}-table`}>
          <div
            className="toolbar tool-table-toolbar participants-toolbar"
            role="search"
            aria-label={t('table.tools', { table: t('participants.table') })}
          >
            <div className="search-field">
              <label htmlFor="participants-search" className="sr-only">
                {t('participants.search')}
              </label>
              <Icon name="search" size={16} className="search-icon" />
              <input
                id="participants-search"
                className="input input--search"
                type="search"
                placeholder={t('participants.searchPlaceholder')}
                value={searchText}
                onChange={(event) => setSearchText(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                data-testid="participants-search"
              />
            </div>
            {select('status', t('participants.statusFilter'), status, (v) => setStatus(v as StatusFilter), [
              { value: 'all', label: t('participants.status.all') },
              { value: 'active', label: t('status.active') },
              { value: 'inactive', label: t('status.inactive') },
            ])}
            {select('region', t('field.region'), region, setRegion, [
              { value: '', label: t('table.filterAll') },
              ...(facets.value?.regions ?? []).map((name) => ({ value: REGION_PREFIX + name, label: name })),
              ...(facets.value?.withoutRegion ? [{ value: NO_REGION, label: t('participants.filter.noRegion') }] : []),
            ])}
            {select(
              'destination',
              t('participants.filter.destination'),
              destination,
              (v) => setDestination(v as DestinationFilter),
              [
                { value: 'any', label: t('table.filterAll') },
                { value: 'card', label: t('participants.filter.hasCard') },
                { value: 'iban', label: t('participants.filter.hasIban') },
                { value: 'none', label: t('participants.filter.noDestination') },
              ],
            )}
            {select('joined', t('participants.filter.joined'), joined, setJoined, [
              { value: '', label: t('table.filterAll') },
              ...(facets.value?.joinMonths ?? []).map((month) => ({ value: month, label: i18n.formatPeriod(month) })),
            ])}
            <span className="tool-table-actions">
              <ColumnChooser tableId={TABLE_ID} columns={columns} hidden={hidden} onChange={setHidden} />
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => void saveXlsx()}
                disabled={saving || !fresh || total === 0}
                aria-busy={saving}
                data-testid={`${TABLE_ID}-save-xlsx`}
              >
                {saving ? (
                  <span className="spinner" aria-hidden="true" />
                ) : (
                  <Icon name={saved ? 'check' : 'download'} size={16} className={saved ? 'text-success' : undefined} />
                )}
                {t('table.saveXlsx')}
              </button>
            </span>
          </div>
          {saved ? (
            <p className="tool-table-count" role="status" data-testid={`${TABLE_ID}-saved`}>
              {t('participants.saved', { count: saved.rows, file: saved.file })}
            </p>
          ) : null}
          {saveError ? (
            <p className="text-danger small" role="alert">
              {describeError(saveError, i18n)}
            </p>
          ) : null}

          {loaded.error && fresh ? (
            <ErrorNotice error={loaded.error} onRetry={() => setLoaded((previous) => ({ ...previous, error: null }))} />
          ) : null}

          {fresh && loaded.total === 0 && filtered ? (
            <p className="muted tool-table-empty" role="status" data-testid="participants-no-match">
              {t('participants.noMatch')}{' '}
              <button type="button" className="btn btn-ghost btn-small" onClick={clearFilters}>
                {t('table.clearFilters')}
              </button>
            </p>
          ) : (
            <div className="grid-frame tool-table-frame" aria-busy={!fresh || undefined}>
              <VirtualGrid
                rows={received}
                columns={shownColumns}
                rowKey={(r) => r.code}
                label={t('participants.table')}
                testId="participants-grid"
                selectedKey={selected}
                onOpen={(r) => setSelected(r.code)}
                sort={sort}
                onSort={onSort}
                paging={paging}
              />
            </div>
          )}
          <p className="grid-caption">{t('participants.sortHint')}</p>
        </div>
      )}

      {selected ? (
        <ParticipantDetailPanel code={selected} onClose={() => setSelected(null)} className="detail-panel--fixed" />
      ) : null}
    </div>
  );
}
