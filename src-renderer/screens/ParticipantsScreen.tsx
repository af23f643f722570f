// The participants as one long table that stays smooth at 100,000 rows: only the rows in view are in the DOM, and rows
// come from the core a page at a time as they scroll into view, sorted and filtered in SQL (by any column, by status,
// region, card or IBAN and join month). The table has the tools of the other dense tables: the page scrolls once with
// the header stuck to its top, the code and name pinned, a column chooser remembered on this computer, and "Save as
// xlsx" of every participant the filters keep, written by the core (the window holds only the pages it has seen).
import { useEffect, useState } from 'react';
import type { ParticipantField, ParticipantRow, ParticipantsFilter } from '../../src-main/ipc/contract';
import { safeCall, useCall } from '../api/use-call';
import { nextSort } from '../components/table-rows';
import { SaveTableButton, SaveTableError, useSaveDownload } from '../components/TableTools';
import { ColumnChooser } from '../components/ColumnChooser';
import { BADGE_PADDING } from '../components/column-widths';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { useHiddenColumns } from '../components/hidden-columns';
import { Icon } from '../components/Icon';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { usePagedRows } from '../components/paged-rows';
import { VirtualGrid, type GridColumn, type GridSort } from '../components/VirtualGrid';
import { useI18n } from '../i18n/i18n';
import { hrefOf } from '../navigation';
import { ParticipantDetailPanel } from './ParticipantDetailPanel';
import { RevealSecretsButton, SecretText, secretText } from '../components/SecretText';

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
  /** Card references and IBANs in full: off whenever the screen opens. */
  const [revealed, setRevealed] = useState(false);
  const facets = useCall('participants.facets');

  const filter: ParticipantsFilter = {
    sort: sort.column as ParticipantField,
    direction: sort.direction,
    search,
    status,
    destination,
    ...(region === '' ? {} : { region: region === NO_REGION ? null : region.slice(REGION_PREFIX.length) }),
    ...(joined === '' ? {} : { joined }),
  };
  // A participant edited in the side panel is read again: the list is asked anew, as a new query would be.
  const [edits, setEdits] = useState(0);
  const queryKey = JSON.stringify({ filter, edits });
  const list = usePagedRows<ParticipantRow>(queryKey, (offset, limit) =>
    safeCall('participants.list', { ...filter, offset, limit }).then((result) =>
      result.ok ? { ok: true as const, value: { total: result.value.total, rows: result.value.rows } } : result,
    ),
  );
  const { fresh, received, paging } = list;
  const total = list.total ?? 0;

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

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
      text: (r) => t(r.status === 'active' ? 'status.active' : 'status.inactive'),
      extraWidth: BADGE_PADDING,
    },
    {
      id: 'cardRef',
      label: t('field.cardRef'),
      width: 96,
      render: (r) => (r.cardRef ? <SecretText value={r.cardRef} revealed={revealed} /> : dash),
      text: (r) => secretText(r.cardRef, revealed),
      measureKey: String(revealed),
    },
    {
      id: 'iban',
      label: t('field.iban'),
      width: 96,
      render: (r) => (r.iban ? <SecretText value={r.iban} revealed={revealed} /> : dash),
      text: (r) => secretText(r.iban, revealed),
      measureKey: String(revealed),
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
  const onSort = (id: string) => setSort((previous) => nextSort(previous, id, DEFAULT_SORT));

  const saving = useSaveDownload(() =>
    safeCall('participants.xlsx', {
      filter,
      title: t('participants.table'),
      columns: shownColumns.map((c) => ({ field: c.id, label: c.label })),
      statusWords: { active: t('status.active'), inactive: t('status.inactive') },
      revealSecrets: revealed,
    }),
  );

  const filtered = search !== '' || status !== 'all' || region !== '' || destination !== 'any' || joined !== '';
  const clearFilters = () => {
    setSearchText('');
    setSearch('');
    setStatus('all');
    setRegion('');
    setDestination('any');
    setJoined('');
  };
  const showEmpty = fresh && list.total === 0 && !filtered && !list.error;

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
          list.total !== null ? (
            <p className="row-count" data-testid="participants-count" aria-live="polite">
              {t('participants.count', { count: list.total })}
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
              <RevealSecretsButton revealed={revealed} onChange={setRevealed} testId="participants-reveal" />
              <ColumnChooser tableId={TABLE_ID} columns={columns} hidden={hidden} onChange={setHidden} />
              <SaveTableButton tableId={TABLE_ID} state={saving} disabled={!fresh || total === 0} />
            </span>
          </div>
          {saving.saved ? (
            <p className="tool-table-count" role="status" data-testid={`${TABLE_ID}-saved`}>
              {t('participants.saved', { count: saving.saved.rows ?? 0, file: saving.saved.file })}
            </p>
          ) : null}
          <SaveTableError state={saving} />

          {list.error ? <ErrorNotice error={list.error} onRetry={list.retry} /> : null}

          {fresh && list.total === 0 && filtered ? (
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
        <ParticipantDetailPanel
          code={selected}
          onClose={() => setSelected(null)}
          onEdited={() => setEdits((n) => n + 1)}
          revealed={revealed}
          onRevealedChange={setRevealed}
          className="detail-panel--fixed"
        />
      ) : null}
    </div>
  );
}
