// The participants as one long table that stays smooth at 100,000 rows: only the rows in
// view are in the DOM (@tanstack/react-virtual), and rows come from the core a page at a
// time as they scroll into view, sorted and filtered in SQL.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AppErrorData, ParticipantRow } from '../../src-main/ipc/contract';
import { safeCall } from '../api/use-call';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { gridMoveTarget, HEADER_HEIGHT, ROW_HEIGHT } from '../components/grid-keys';
import { Icon } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { hrefOf } from '../navigation';
import { ParticipantDetailPanel } from './ParticipantDetailPanel';

const PAGE_SIZE = 100;
const SEARCH_DELAY_MS = 250;

type SortField = 'code' | 'name' | 'region' | 'joinDate' | 'status' | 'cardRef';
type StatusFilter = 'all' | 'active' | 'inactive';
interface Sort {
  field: SortField;
  direction: 'asc' | 'desc';
}
interface Query {
  sort: SortField;
  direction: 'asc' | 'desc';
  search: string;
  status: StatusFilter;
}

const COLUMNS: Array<{ field: SortField; label: MessageKey }> = [
  { field: 'code', label: 'field.code' },
  { field: 'name', label: 'field.name' },
  { field: 'region', label: 'field.region' },
  { field: 'joinDate', label: 'field.joinDate' },
  { field: 'status', label: 'field.status' },
  { field: 'cardRef', label: 'field.cardRef' },
];

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
  const [sort, setSort] = useState<Sort>({ field: 'code', direction: 'asc' });
  const [selected, setSelected] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>(NOTHING_LOADED);

  const scrollRef = useRef<HTMLDivElement>(null);
  const inflight = useRef(new Set<string>());
  const latestQuery = useRef('');
  const pendingFocus = useRef<number | null>(null);

  const query: Query = { sort: sort.field, direction: sort.direction, search, status };
  const queryKey = JSON.stringify(query);
  const fresh = loaded.queryKey === queryKey;
  // Until the new query answers, the previous rows stay in view rather than flashing empty.
  const total = loaded.total ?? 0;

  // TanStack Virtual keeps its own state; the compiler is told not to memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE_SIZE);
  const lastPage = Math.floor((items[items.length - 1]?.index ?? 0) / PAGE_SIZE);

  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(searchText.trim());
      setActive(0);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  // A new sort or filter starts from the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  // Fetch the pages in view that are not here yet (only the first one for a new query,
  // which also tells the total).
  useEffect(() => {
    latestQuery.current = queryKey;
    if (fresh && loaded.error) return;
    const wanted: number[] = [];
    if (!fresh) wanted.push(0);
    else for (let page = firstPage; page <= lastPage; page++) if (!loaded.pages.has(page)) wanted.push(page);
    const current = JSON.parse(queryKey) as Query;
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

  // Keyboard moves may target a row that is rendered only after the scroll; focus it then.
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const rowAt = (index: number): ParticipantRow | undefined =>
    fresh ? loaded.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] : undefined;

  const sortBy = (field: SortField) => {
    setSort((previous) => ({
      field,
      direction: previous.field === field && previous.direction === 'asc' ? 'desc' : 'asc',
    }));
    setActive(0);
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const target = gridMoveTarget(event.key, index, total, scrollRef.current?.clientHeight ?? 400);
    if (target !== null) {
      moveTo(target);
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'Enter':
      case ' ': {
        const row = rowAt(index);
        if (row) setSelected(row.code);
        break;
      }
      case 'Escape':
        if (!selected) return;
        setSelected(null);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const closeDetail = () => {
    setSelected(null);
    pendingFocus.current = active;
  };

  const filtered = search !== '' || status !== 'all';
  const renderedIndexes = items.map((item) => item.index);
  const tabbable = renderedIndexes.includes(active) ? active : (renderedIndexes[0] ?? -1);
  const showEmpty = fresh && loaded.total === 0 && !filtered && !loaded.error;

  return (
    <div className="page page--fill participants-page">
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
        <>
          <div className="toolbar" role="search">
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
            <div className="toolbar-field">
              <label htmlFor="participants-status" className="toolbar-label">
                {t('participants.statusFilter')}
              </label>
              <select
                id="participants-status"
                className="select"
                value={status}
                onChange={(event) => {
                  setStatus(event.target.value as StatusFilter);
                  setActive(0);
                }}
                data-testid="participants-status"
              >
                <option value="all">{t('participants.status.all')}</option>
                <option value="active">{t('status.active')}</option>
                <option value="inactive">{t('status.inactive')}</option>
              </select>
            </div>
          </div>

          {loaded.error && fresh ? (
            <ErrorNotice error={loaded.error} onRetry={() => setLoaded((previous) => ({ ...previous, error: null }))} />
          ) : null}

          <div className="grid-frame">
            <div
              ref={scrollRef}
              className="grid-scroll"
              role="grid"
              aria-label={t('participants.table')}
              aria-rowcount={total + 1}
              aria-colcount={COLUMNS.length}
              aria-busy={!fresh || undefined}
              data-testid="participants-grid"
            >
              <div role="rowgroup" className="grid-head">
                <div role="row" aria-rowindex={1} className="grid-row grid-row--head">
                  {COLUMNS.map((column, i) => {
                    const sorted = sort.field === column.field;
                    return (
                      <div
                        key={column.field}
                        role="columnheader"
                        aria-colindex={i + 1}
                        aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                        className={`grid-cell grid-cell--${column.field}`}
                      >
                        <button
                          type="button"
                          className={sorted ? 'sort-button is-sorted' : 'sort-button'}
                          onClick={() => sortBy(column.field)}
                          data-testid={`sort-${column.field}`}
                        >
                          <span>{t(column.label)}</span>
                          <Icon
                            name={sorted ? (sort.direction === 'asc' ? 'sortAsc' : 'sortDesc') : 'sortNone'}
                            size={14}
                            className="sort-icon"
                          />
                        </button>
                      </div>
                    );
                  })}
                </div>
              </div>
              <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
                {items.map((item) => {
                  const row = rowAt(item.index);
                  const isSelected = !!row && row.code === selected;
                  return (
                    <div
                      key={item.key}
                      role="row"
                      aria-rowindex={item.index + 2}
                      aria-selected={isSelected}
                      data-index={item.index}
                      tabIndex={item.index === tabbable ? 0 : -1}
                      className={`grid-row${isSelected ? ' is-selected' : ''}${row ? '' : ' is-loading'}${item.index % 2 === 1 ? ' is-odd' : ''}`}
                      style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                      onClick={() => {
                        setActive(item.index);
                        if (row) setSelected(row.code);
                      }}
                      onFocus={() => {
                        if (active !== item.index) setActive(item.index);
                      }}
                      onKeyDown={(event) => onRowKeyDown(event, item.index)}
                    >
                      {row ? (
                        <>
                          <div role="gridcell" className="grid-cell grid-cell--code">
                            <span className="mono">{row.code}</span>
                          </div>
                          <div role="gridcell" className="grid-cell grid-cell--name">
                            <span className="truncate">{row.name}</span>
                          </div>
                          <div role="gridcell" className="grid-cell grid-cell--region">
                            {row.region ?? <span className="muted">—</span>}
                          </div>
                          <div role="gridcell" className="grid-cell grid-cell--joinDate">
                            {row.joinDate ? i18n.formatDate(row.joinDate) : <span className="muted">—</span>}
                          </div>
                          <div role="gridcell" className="grid-cell grid-cell--status">
                            <StatusBadge status={row.status} />
                          </div>
                          <div role="gridcell" className="grid-cell grid-cell--cardRef">
                            {row.cardRef ? (
                              <span className="mono">{row.cardRef}</span>
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </div>
                        </>
                      ) : (
                        COLUMNS.map((column) => (
                          <div role="gridcell" key={column.field} className={`grid-cell grid-cell--${column.field}`}>
                            <span className="skeleton" aria-hidden="true" />
                          </div>
                        ))
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
            {fresh && loaded.total === 0 && filtered ? (
              <p className="grid-empty" role="status" data-testid="participants-no-match">
                {t('participants.noMatch')}
              </p>
            ) : null}
          </div>
          <p className="grid-caption">{t('participants.sortHint')}</p>
        </>
      )}

      {selected ? <ParticipantDetailPanel code={selected} onClose={closeDetail} /> : null}
    </div>
  );
}
