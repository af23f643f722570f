// Keyboard movement in the virtualised tables (the rows are a list of `role="row"` elements
// of which only the visible ones exist): one row, one page, first and last.

/** The height of a row and of the header, in pixels, as the tables' CSS draws them. */
export const ROW_HEIGHT = 40;
export const HEADER_HEIGHT = 40;

/**
 * The row that this key moves to from `index`, in a table of `total` rows seen through a viewport this high; null for
 * other keys.
 */
export function gridMoveTarget(key: string, index: number, total: number, viewportHeight: number): number | null {
  const page = Math.max(1, Math.floor((viewportHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  const target = (() => {
    switch (key) {
      case 'ArrowDown':
        return index + 1;
      case 'ArrowUp':
        return index - 1;
      case 'PageDown':
        return index + page;
      case 'PageUp':
        return index - page;
      case 'Home':
        return 0;
      case 'End':
        return total - 1;
      default:
        return null;
    }
  })();
  return target === null ? null : Math.max(0, Math.min(total - 1, target));
}
