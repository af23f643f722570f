// The day's backup of a window left open past midnight: taken at the first call of the new day, as a start that day
// would take it, by the interactive lane only; a day's backup that cannot be written never refuses the call.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDataBackups } from '../../src-main/core/backup/backup-actions';
import type { CoreContext } from '../../src-main/core/context';
import { withBackupsBefore } from '../../src-main/ipc/backups-before';
import { createHandlers } from '../../src-main/ipc/handlers';
import { makeTempDir } from '../fixtures/client-files';
import { openTestContext } from '../fixtures/test-database';

/** A context whose clock the test moves, and the handlers as a lane's host wraps them. */
function openWindow(daily: boolean) {
  let now = new Date('2026-11-02T22:30:00Z');
  const ctx: CoreContext = { ...openTestContext({ dir: makeTempDir('loyalty-daily-') }), now: () => now };
  const logged: unknown[][] = [];
  const handlers = withBackupsBefore(
    createHandlers(ctx, { version: 'test', runtime: 'web' }),
    ctx,
    daily ? { daily: { log: (...args: unknown[]) => logged.push(args) } } : {},
  );
  return {
    ctx,
    logged,
    call: () => handlers['program.get'](undefined),
    at: (iso: string) => (now = new Date(iso)),
    dailies: () =>
      listDataBackups(ctx)
        .filter((b) => b.reason === 'daily')
        .map((b) => b.takenAt),
  };
}

describe('a window left open past midnight', () => {
  it('takes the new day’s backup at its first call, once', () => {
    const window = openWindow(true);
    window.call();
    expect(window.dailies()).toEqual([]); // the start's day: the host took (or tried) it when it opened the file
    window.at('2026-11-03T00:05:00Z');
    expect(window.call()).toMatchObject({ name: expect.any(String) });
    expect(window.dailies()).toEqual(['2026-11-03T00:05:00.000Z']);
    window.at('2026-11-03T09:00:00Z');
    window.call();
    expect(window.dailies()).toEqual(['2026-11-03T00:05:00.000Z']);
    window.ctx.store.close();
  });

  it('in another lane takes none (the interactive lane takes it)', () => {
    const window = openWindow(false);
    window.at('2026-11-03T00:05:00Z');
    window.call();
    expect(window.dailies()).toEqual([]);
    window.ctx.store.close();
  });

  it('answers the call all the same when the backup cannot be written, and says why in the log', () => {
    const window = openWindow(true);
    // A file where the backups folder should be.
    const folder = join(window.ctx.store.file, '..', 'backups');
    rmSync(folder, { recursive: true, force: true });
    writeFileSync(folder, 'not a folder');
    window.at('2026-11-03T00:05:00Z');
    expect(window.call()).toMatchObject({ name: expect.any(String) });
    expect(window.logged.map((args) => args[0])).toEqual(['Could not take the daily backup:']);
    window.ctx.store.close();
  });
});
