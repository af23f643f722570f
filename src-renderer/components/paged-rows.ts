// Rows the core hands over a page at a time (100,000 participants, a batch's 100,000 lines), for a VirtualGrid with
// `paging`: the first page of a new query (which tells the total), then the pages that come into view. A new query
// (sort, search, filter) starts a new set; until it answers, the previous count stays rather than flashing empty.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorData, CallResult } from '../../src-main/ipc/contract';
import type { GridPaging } from './VirtualGrid';

interface Loaded<T> {
  queryKey: string;
  total: number | null;
  pages: ReadonlyMap<number, T[]>;
  error: AppErrorData | null;
}

export interface PagedRows<T> {
  /** Whether what is shown answers the current query. */
  fresh: boolean;
  total: number | null;
  error: AppErrorData | null;
  /** The rows received for the current query so far: they size the columns. */
  received: T[];
  paging: GridPaging<T>;
  retry(): void;
}

export function usePagedRows<T>(
  queryKey: string,
  fetchPage: (offset: number, limit: number) => Promise<CallResult<{ total: number; rows: T[] }>>,
  pageSize = 100,
): PagedRows<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ queryKey: '', total: null, pages: new Map(), error: null });
  const [range, setRange] = useState({ first: 0, last: 0 });
  const inflight = useRef(new Set<string>());
  const latestQuery = useRef('');
  // The fetch of this render, which knows the current query; the effect below runs after the render that made it.
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  const fresh = loaded.queryKey === queryKey;
  const firstPage = Math.floor(range.first / pageSize);
  const lastPage = Math.floor(range.last / pageSize);

  useEffect(() => {
    latestQuery.current = queryKey;
    if (fresh && loaded.error) return;
    const wanted: number[] = [];
    if (!fresh) wanted.push(0);
    else for (let page = firstPage; page <= lastPage; page++) if (!loaded.pages.has(page)) wanted.push(page);
    for (const page of wanted) {
      const id = `${queryKey}#${page}`;
      if (inflight.current.has(id)) continue;
      inflight.current.add(id);
      void fetchRef.current(page * pageSize, pageSize).then((result) => {
        inflight.current.delete(id);
        if (latestQuery.current !== queryKey) return;
        setLoaded((previous) => {
          const base: Loaded<T> =
            previous.queryKey === queryKey ? previous : { queryKey, total: null, pages: new Map(), error: null };
          if (!result.ok) return { ...base, error: result.error };
          const pages = new Map(base.pages);
          pages.set(page, result.value.rows);
          return { queryKey, total: result.value.total, pages, error: null };
        });
      });
    }
  }, [queryKey, fresh, loaded.pages, loaded.error, firstPage, lastPage, pageSize]);

  const received = useMemo(() => (fresh ? [...loaded.pages.values()].flat() : []), [fresh, loaded.pages]);
  const onRange = useCallback(
    (first: number, last: number) =>
      setRange((previous) => (previous.first === first && previous.last === last ? previous : { first, last })),
    [],
  );
  return {
    fresh,
    total: loaded.total,
    error: fresh ? loaded.error : null,
    received,
    paging: {
      count: loaded.total ?? 0,
      rowAt: (index) => (fresh ? loaded.pages.get(Math.floor(index / pageSize))?.[index % pageSize] : undefined),
      onRange,
      resetKey: queryKey,
    },
    retry: () => setLoaded((previous) => ({ ...previous, error: null })),
  };
}
