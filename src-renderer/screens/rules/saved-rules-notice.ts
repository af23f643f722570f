// Saving the rules gives a new version, and the Rules screen starts afresh for it (App keys it by version), so the
// confirmation of what was saved is handed to the next screen here rather than kept in the one that goes.
export interface SavedRules {
  version: number;
  note: string;
}

let pending: SavedRules | null = null;

export function rememberSavedRules(saved: SavedRules): void {
  pending = saved;
}

/** The save to confirm on the screen of that version, once; null for any other version. */
export function takeSavedRules(version: number): SavedRules | null {
  const saved = pending;
  pending = null;
  return saved && saved.version === version ? saved : null;
}
