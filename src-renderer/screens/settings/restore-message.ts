// A restore reopens the data file, and the window loads again to read it from the start: the sentence saying what was
// restored is kept in sessionStorage across that reload, shown once by the first screen, then forgotten.
import type { RestoreOutcome } from '../../../src-main/ipc/contract';

const KEY = 'loyalty-desk.restored';

export function rememberRestore(outcome: RestoreOutcome): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(outcome));
  } catch {
    // Storage may be disabled: the restore is done all the same, only its sentence is not shown.
  }
}

/** Read once per page load (and so the same answer to every caller of this load), then gone from storage. */
let remembered: RestoreOutcome | null | undefined;

export function takeRememberedRestore(): RestoreOutcome | null {
  if (remembered !== undefined) return remembered;
  remembered = null;
  try {
    const text = sessionStorage.getItem(KEY);
    if (text) {
      sessionStorage.removeItem(KEY);
      remembered = JSON.parse(text) as RestoreOutcome;
    }
  } catch {
    // Unreadable storage: nothing to say.
  }
  return remembered;
}

/** Restores a backup through the relay and, when it worked, loads the window again on the restored file. */
export function reloadAfterRestore(outcome: RestoreOutcome): void {
  rememberRestore(outcome);
  window.location.reload();
}
