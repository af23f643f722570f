import { describe, expect, it } from 'vitest';
import { backupsToKeep } from './backup-rotation';

const at = (iso: string) => ({ takenAt: iso });
const kept = (times: string[], now: string) => backupsToKeep(times.map(at), new Date(now)).map((b) => b.takenAt);

describe('backupsToKeep', () => {
  it('keeps everything while there are ten or fewer', () => {
    const times = ['2026-12-04T10:00:00.000Z', '2026-12-04T09:00:00.000Z', '2025-01-01T00:00:00.000Z'];
    expect(kept(times, '2026-12-04T12:00:00.000Z')).toEqual(times);
  });

  it('keeps the last ten, the newest of each of the last seven days and of each of the last twelve months', () => {
    const times: string[] = [];
    // Twelve backups an hour apart today: the two oldest are neither among the last ten nor the newest of a day.
    for (let h = 11; h >= 0; h--) times.push(`2026-12-04T${String(h).padStart(2, '0')}:00:00.000Z`);
    // Two a day for the nine days before: the newer one of each of the six previous days stays.
    for (let d = 3; d >= 1; d--) times.push(`2026-12-0${d}T18:00:00.000Z`, `2026-12-0${d}T08:00:00.000Z`);
    for (let d = 30; d >= 25; d--) times.push(`2026-11-${d}T18:00:00.000Z`, `2026-11-${d}T08:00:00.000Z`);
    // Three a month before: the newest of each of the last twelve months (this one included) stays.
    for (let m = 10; m >= 1; m--) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      times.push(`${month}-20T00:00:00.000Z`, `${month}-10T00:00:00.000Z`, `${month}-01T00:00:00.000Z`);
    }
    times.push('2025-12-20T00:00:00.000Z', '2025-12-10T00:00:00.000Z', '2025-11-20T00:00:00.000Z');
    const result = kept(times, '2026-12-04T12:00:00.000Z');
    expect(result).toEqual([
      ...times.slice(0, 10),
      '2026-12-03T18:00:00.000Z',
      '2026-12-02T18:00:00.000Z',
      '2026-12-01T18:00:00.000Z',
      '2026-11-30T18:00:00.000Z',
      '2026-11-29T18:00:00.000Z',
      '2026-11-28T18:00:00.000Z',
      '2026-10-20T00:00:00.000Z',
      '2026-09-20T00:00:00.000Z',
      '2026-08-20T00:00:00.000Z',
      '2026-07-20T00:00:00.000Z',
      '2026-06-20T00:00:00.000Z',
      '2026-05-20T00:00:00.000Z',
      '2026-04-20T00:00:00.000Z',
      '2026-03-20T00:00:00.000Z',
      '2026-02-20T00:00:00.000Z',
      '2026-01-20T00:00:00.000Z',
    ]);
  });

  it('lets go of what is more than a year old once ten newer ones exist', () => {
    const times = Array.from({ length: 10 }, (_, i) => `2026-12-04T0${i}:00:00.000Z`).reverse();
    times.push('2025-11-30T00:00:00.000Z');
    expect(kept(times, '2026-12-04T12:00:00.000Z')).toEqual(times.slice(0, 10));
  });
});
