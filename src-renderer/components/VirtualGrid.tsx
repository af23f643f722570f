// A table of rows already in memory (a period's scores, a what-if, the top-ups) that stays smooth for thousands of
// participants: only the rows in view are in the DOM. The page scrolls once: the table is as tall as its rows and the
// page's own scroller moves through it, with the header stuck to the top of the page and the code and name columns
// pinned to the left when a wide table is moved sideways (by the bar stuck to the bottom of the window, or the
// trackpad), so that no table scrolls inside a scrolling page.
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type UIEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { gridMoveTarget, HEADER_HEIGHT, ROW_HEIGHT } from './grid-keys';
import { Icon } from './Icon';
import { useColumnWidths } from './column-widths';

export interface GridColumn<T> {
  id: string;
  label: string;
  /** Pixels, the least the column takes; a column with `text` grows to its longest figure. */
  width: number;
  /** Takes what is left of the table's width. */
  grow?: boolean;
  numeric?: boolean;
  /** Stays in view when the table is moved sideways (the code and the name). */
  pinned?: boolean;
  /** The full header text when the label is abbreviated. */
  title?: string;
  /** Shown in the header instead of the label, such as a select-all box; the label still names the column. */
  header?: ReactNode;
  render(row: T): ReactNode;
  /** The cell as the reader sees it: sizes the column, is searched, and shows whole on hover when cut. */
  text?(row: T): string;
  /** Pixels a cell takes beyond its text's width, such as a badge's own padding. */
  extraWidth?: number;
  /** Changes when `text` changes for the same rows (a card shown masked or in full), so the width is measured again. */
  measureKey?: string;
  /** What the column sorts by (a number sorts as a number); without it, `text`; without both, it does not sort. */
  sortValue?(row: T): string | number | null;
}

/**
 * Rows that the core hands over a page at a time (100,000 participants): the grid asks for the rows in view and shows
 * a placeholder for a row still on its way. `rows` are then the rows received so far, which size the columns.
 */
export interface GridPaging<T> {
  /** How many rows there are, received or not. */
  count: number;
  rowAt(index: number): T | undefined;
  /** The rows in view (with a few around them) changed: fetch those not received. */
  onRange(first: number, last: number): void;
  /** A new value (a new sort or filter) takes the page back to the table's first row when it was further down. */
  resetKey?: string;
}

export type SortDirection = 'asc' | 'desc';
export interface GridSort {
  column: string;
  direction: SortDirection;
}

/** The nearest ancestor that scrolls vertically: the page's main area, a side panel, or the document. */
function scrollParentOf(element: HTMLElement | null): HTMLElement | null {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return node;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

export function VirtualGrid<T>({
  rows,
  columns,
  rowKey,
  label,
  testId,
  selectedKey,
  onOpen,
  rowClassName,
  sort,
  onSort,
  paging,
}: {
  rows: readonly T[];
  columns: readonly GridColumn<T>[];
  rowKey: (row: T) => string;
  label: string;
  testId: string;
  selectedKey?: string | null;
  onOpen?: (row: T) => void;
  rowClassName?: (row: T) => string;
  /** With `onSort`, the headers of sortable columns are buttons that sort by them. */
  sort?: GridSort | null;
  onSort?: (column: string) => void;
  paging?: GridPaging<T>;
}) {
  const count = paging ? paging.count : rows.length;
  const rowOf = (index: number): T | undefined => (paging ? paging.rowAt(index) : rows[index]);
  const rootRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  const [headHeight, setHeadHeight] = useState(HEADER_HEIGHT);
  const [wide, setWide] = useState(false);
  // Sticky offsets are from the scroller's padding edge inward; the page's padding is taken back.
  const [inset, setInset] = useState({ top: 0, bottom: 0 });
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  const widths = useColumnWidths(columns, rows, onSort !== undefined);
  const template = columns.map((c, i) => (c.grow ? `minmax(${widths[i]}px, 1fr)` : `${widths[i]}px`)).join(' ');
  const minWidth = widths.reduce((sum, w) => sum + w, 0);

  useLayoutEffect(() => setScroller(scrollParentOf(rootRef.current)), []);

  // Where the rows start inside the scroller's content, which moves when anything above the table changes height.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const head = headRef.current;
    if (!scroller || !body || !head) return;
    const measure = () => {
      const top = body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setMargin((previous) => (Math.abs(previous - top) < 0.5 ? previous : top));
      setHeadHeight(head.offsetHeight || HEADER_HEIGHT);
      // Whether the rows are wider than the table: the bar at the window's bottom is shown then.
      setWide(body.scrollWidth > body.clientWidth + 1);
      const style = getComputedStyle(scroller);
      const padTop = Number(style.paddingTop.replace('px', '')) || 0;
      const padBottom = Number(style.paddingBottom.replace('px', '')) || 0;
      setInset((previous) =>
        previous.top === padTop && previous.bottom === padBottom ? previous : { top: padTop, bottom: padBottom },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
    observer.observe(body);
    observer.observe(head);
    return () => observer.disconnect();
  }, [scroller, count, minWidth]);

  // TanStack Virtual keeps its own state; the compiler is told not to memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: margin,
    // The header stays over the top of the page: a row moved to is placed below it.
    scrollPaddingStart: headHeight,
  });
  const items = virtualizer.getVirtualItems();
  const firstInView = items[0]?.index ?? 0;
  const lastInView = items[items.length - 1]?.index ?? -1;
  const onRange = paging?.onRange;
  useEffect(() => {
    if (onRange && lastInView >= 0) onRange(firstInView, lastInView);
  }, [onRange, firstInView, lastInView]);

  const resetKey = paging?.resetKey;
  useEffect(() => {
    const root = rootRef.current;
    if (resetKey === undefined || !scroller || !root) return;
    const top = root.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    if (scroller.scrollTop > top) scroller.scrollTop = top;
  }, [resetKey, scroller]);

  // Keyboard moves may target a row that is rendered only after the scroll; focus it then.
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const row = rootRef.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const pinnedLeft: (number | null)[] = [];
  let pinnedEdge = -1;
  for (let i = 0, left = 0; i < columns.length; i++) {
    if (columns[i]!.pinned) {
      pinnedLeft.push(left);
      left += widths[i]!;
      pinnedEdge = i;
    } else pinnedLeft.push(null);
  }
  const cellClass = (column: GridColumn<T>, i: number, head: boolean) =>
    [
      'grid-cell',
      head ? 'grid-head-cell' : '',
      column.numeric ? 'is-numeric' : '',
      pinnedLeft[i] !== null ? 'is-pinned' : '',
      i === pinnedEdge ? 'is-pinned-edge' : '',
    ]
      .filter(Boolean)
      .join(' ');
  const pinStyle = (i: number) => (pinnedLeft[i] !== null ? { left: pinnedLeft[i]! } : undefined);
  // The same objects from one scroll to the next, so that the rows already shown are not drawn again.
  // cellClass and pinStyle are made anew each render from the columns and widths, which are the real inputs.
  const bodyLayout = useMemo(
    () => columns.map((c, i) => ({ className: cellClass(c, i, false), style: pinStyle(i) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, widths],
  );
  const current = Math.min(active, Math.max(0, count - 1));

  // The header, the rows and the bar at the window's bottom move sideways together, whichever is moved.
  const follow = (event: UIEvent<HTMLDivElement>) => {
    const from = event.currentTarget;
    for (const other of [headRef.current, bodyRef.current, barRef.current])
      if (other && other !== from && other.scrollLeft !== from.scrollLeft) other.scrollLeft = from.scrollLeft;
  };

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const viewport = (scroller?.clientHeight ?? 400) - headHeight + HEADER_HEIGHT;
    const target = gridMoveTarget(event.key, index, count, viewport);
    if (target !== null) {
      moveTo(target);
      event.preventDefault();
      return;
    }
    const row = rowOf(index);
    switch (event.key) {
      case 'Enter':
      case ' ':
        if (row && onOpen) onOpen(row);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const rendered = items.map((item) => item.index);
  const tabbable = rendered.includes(current) ? current : (rendered[0] ?? -1);

  return (
    <div
      ref={rootRef}
      className="grid-table"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      data-testid={testId}
    >
      <div role="rowgroup" className="grid-head" ref={headRef} onScroll={follow} style={{ top: -inset.top }}>
        <div
          role="row"
          aria-rowindex={1}
          className="grid-row grid-row--head"
          style={{ gridTemplateColumns: template, minWidth }}
        >
          {columns.map((column, i) => {
            const sortable = onSort !== undefined && (column.sortValue !== undefined || column.text !== undefined);
            const sorted = sort?.column === column.id ? sort.direction : null;
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-colindex={i + 1}
                aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                className={cellClass(column, i, true)}
                style={pinStyle(i)}
                title={column.title}
                data-column={column.id}
              >
                {sortable && column.header === undefined ? (
                  <button
                    type="button"
                    className={sorted ? 'sort-button is-sorted' : 'sort-button'}
                    onClick={() => onSort(column.id)}
                    data-testid={`${testId}-sort-${column.id}`}
                  >
                    <span>{column.label}</span>
                    <Icon
                      name={sorted === 'asc' ? 'sortAsc' : sorted === 'desc' ? 'sortDesc' : 'sortNone'}
                      size={14}
                      className="sort-icon"
                    />
                  </button>
                ) : (
                  (column.header ?? column.label)
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div className="grid-body-scroll" ref={bodyRef} onScroll={follow}>
        <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
          {items.map((item) => {
            const row = rowOf(item.index);
            if (row === undefined)
              return paging ? (
                <div
                  key={item.index}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy="true"
                  data-index={item.index}
                  tabIndex={item.index === tabbable ? 0 : -1}
                  className={`grid-row is-loading${item.index % 2 === 1 ? ' is-odd' : ''}`}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start - margin}px)` }}
                  onFocus={() => {
                    if (active !== item.index) setActive(item.index);
                  }}
                  onKeyDown={(event) => onKeyDown(event, item.index)}
                >
                  {columns.map((column, i) => (
                    <div
                      role="gridcell"
                      key={column.id}
                      className={bodyLayout[i]!.className}
                      style={bodyLayout[i]!.style}
                    >
                      <span className="skeleton" aria-hidden="true" />
                    </div>
                  ))}
                </div>
              ) : null;
            const key = rowKey(row);
            const selected = key === selectedKey;
            const extra = rowClassName?.(row);
            return (
              <div
                // A paged row keeps its element when it arrives, so that a row moved to by the keyboard keeps focus.
                key={paging ? item.index : key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={onOpen ? selected : undefined}
                data-index={item.index}
                data-key={key}
                tabIndex={item.index === tabbable ? 0 : -1}
                className={`grid-row${selected ? ' is-selected' : ''}${item.index % 2 === 1 ? ' is-odd' : ''}${onOpen ? '' : ' is-static'}${extra ? ` ${extra}` : ''}`}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start - margin}px)` }}
                onClick={() => {
                  setActive(item.index);
                  onOpen?.(row);
                }}
                onFocus={() => {
                  if (active !== item.index) setActive(item.index);
                }}
                onKeyDown={(event) => onKeyDown(event, item.index)}
              >
                <RowCells row={row} columns={columns} layout={bodyLayout} />
              </div>
            );
          })}
        </div>
      </div>
      {wide ? (
        <div className="grid-hbar" ref={barRef} onScroll={follow} aria-hidden="true" style={{ bottom: -inset.bottom }}>
          {/* As wide as the columns (the rows are, when they are wider than the table): read at render time, the
              rows' own width would be the one before the columns were measured again. */}
          <div style={{ width: minWidth, height: 1 }} />
        </div>
      ) : null}
    </div>
  );
}

interface CellLayout {
  className: string;
  style: { left: number } | undefined;
}

/**
 * A row's cells, drawn again only when the row, the columns or their layout change: scrolling moves the rows and adds
 * the ones coming into view, and the rows already there are left as they are.
 */
const RowCells = memo(function RowCells<T>({
  row,
  columns,
  layout,
}: {
  row: T;
  columns: readonly GridColumn<T>[];
  layout: readonly CellLayout[];
}) {
  return columns.map((column, i) => (
    <div
      key={column.id}
      role="gridcell"
      className={layout[i]!.className}
      style={layout[i]!.style}
      // A name cut by the column's width shows whole on hover.
      title={column.text && !column.numeric ? column.text(row) : undefined}
      data-column={column.id}
    >
      {column.render(row)}
    </div>
  ));
}) as <T>(props: { row: T; columns: readonly GridColumn<T>[]; layout: readonly CellLayout[] }) => ReactNode;
