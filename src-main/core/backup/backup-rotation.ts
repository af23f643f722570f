// Which automatic backups to keep: the last 10, the newest of each of the last 7 days and the newest of each of the
// last 12 months. A pure function of the backups' times and the clock, so that the rotation is proven on lists of
// times alone (backup-rotation.test.ts) and the folder is only ever pruned to what it returns.

export const KEEP_LAST = 10;
export const KEEP_DAYS = 7;
export const KEEP_MONTHS = 12;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The backups to keep, newest first; every other one may be deleted. Days and months are UTC calendar ones. */
export function backupsToKeep<T extends { takenAt: string }>(backups: readonly T[], now: Date): T[] {
  const newestFirst = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  const keep = new Set<T>(newestFirst.slice(0, KEEP_LAST));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = today - (KEEP_DAYS - 1) * DAY_MS;
  const firstMonth = now.getUTCFullYear() * 12 + now.getUTCMonth() - (KEEP_MONTHS - 1);
  const days = new Set<string>();
  const months = new Set<string>();
  for (const backup of newestFirst) {
    const at = new Date(backup.takenAt);
    if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) continue;
    const day = backup.takenAt.slice(0, 10);
    const month = backup.takenAt.slice(0, 7);
    if (at.getTime() >= firstDay && !days.has(day)) {
      days.add(day);
      keep.add(backup);
    }
    if (at.getUTCFullYear() * 12 + at.getUTCMonth() >= firstMonth && !months.has(month)) {
      months.add(month);
      keep.add(backup);
    }
  }
  return newestFirst.filter((b) => keep.has(b));
}
