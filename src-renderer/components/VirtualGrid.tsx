// A table of rows already in memory (a period's scores, a what-if) that stays smooth for
// thousands of participants: only the rows in view are in the DOM, as in ParticipantsScreen.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { gridMoveTarget, HEADER_HEIGHT, ROW_HEIGHT } from './grid-keys';

export interface GridColumn<T> {
  id: string;
  label: string;
  /** Pixels; a column with `grow` takes what is left, never less than this. */
  width: number;
  grow?: boolean;
  numeric?: boolean;
  /** The full header text when the label is abbreviated. */
  title?: string;
  /** Shown in the header instead of the label, such as a select-all box; the label still names the column. */
  header?: ReactNode;
  render(row: T): ReactNode;
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
}: {
  rows: readonly T[];
  columns: readonly GridColumn<T>[];
  rowKey: (row: T) => string;
  label: string;
  testId: string;
  selectedKey?: string | null;
  onOpen?: (row: T) => void;
  rowClassName?: (row: T) => string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  // TanStack Virtual keeps its own state; the compiler is told not to memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();

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

  const template = columns.map((c) => (c.grow ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const current = Math.min(active, Math.max(0, rows.length - 1));

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const target = gridMoveTarget(event.key, index, rows.length, scrollRef.current?.clientHeight ?? 400);
    if (target !== null) {
      moveTo(target);
      event.preventDefault();
      return;
    }
    const row = rows[index];
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
      ref={scrollRef}
      className="grid-scroll"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      data-testid={testId}
    >
      <div role="rowgroup" className="grid-head" style={{ minWidth }}>
        <div role="row" aria-rowindex={1} className="grid-row grid-row--head" style={{ gridTemplateColumns: template }}>
          {columns.map((column, i) => (
            <div
              key={column.id}
              role="columnheader"
              aria-colindex={i + 1}
              className={column.numeric ? 'grid-cell grid-head-cell is-numeric' : 'grid-cell grid-head-cell'}
              title={column.title}
            >
              {column.header ?? column.label}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          const key = rowKey(row);
          const selected = key === selectedKey;
          const extra = rowClassName?.(row);
          return (
            <div
              key={key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={onOpen ? selected : undefined}
              data-index={item.index}
              data-key={key}
              tabIndex={item.index === tabbable ? 0 : -1}
              className={`grid-row${selected ? ' is-selected' : ''}${item.index % 2 === 1 ? ' is-odd' : ''}${onOpen ? '' : ' is-static'}${extra ? ` ${extra}` : ''}`}
              style={{ gridTemplateColumns: template, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              onClick={() => {
                setActive(item.index);
                onOpen?.(row);
              }}
              onFocus={() => {
                if (active !== item.index) setActive(item.index);
              }}
              onKeyDown={(event) => onKeyDown(event, item.index)}
            >
              {columns.map((column) => (
                <div key={column.id} role="gridcell" className={column.numeric ? 'grid-cell is-numeric' : 'grid-cell'}>
                  {column.render(row)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
