// Which columns of a table the coordinator has hidden, remembered on this computer (the browser's or Electron's local
// storage) per table, so that a table looks the same next month.
import { useState } from 'react';

const PREFIX = 'loyalty.table.hidden.';

function read(tableId: string): Set<string> {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(PREFIX + tableId) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    // Storage refused (a private window) or a value not ours: every column is shown.
    return new Set();
  }
}

export function useHiddenColumns(tableId: string): [ReadonlySet<string>, (column: string, hide: boolean) => void] {
  const [hidden, setHidden] = useState(() => read(tableId));
  const change = (column: string, hide: boolean) => {
    const next = new Set(hidden);
    if (hide) next.add(column);
    else next.delete(column);
    setHidden(next);
    try {
      window.localStorage.setItem(PREFIX + tableId, JSON.stringify([...next]));
    } catch {
      // Not remembered, but hidden for now: nothing else depends on it.
    }
  };
  return [hidden, change];
}
